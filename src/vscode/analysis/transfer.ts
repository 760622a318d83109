/**
 * Cutting a large analysis into parts and putting it back together. Pure (no `vscode`, no
 * worker): receiving one big message costs the extension host's thread as long as it takes
 * to copy every object in it (~100 ms for a 1 MB plan), so big answers travel in slices.
 */
import type { AnalysisPart, PlanAnalysis, WorkerMessage, WorkerResponse } from './protocol';

/** Items or findings per part: small enough to receive in a few milliseconds. */
export const PART_SIZE = 500;

/** The messages that carry `response`: the parts first, then the rest with those arrays emptied. */
export function toMessages(response: WorkerResponse, partSize = PART_SIZE): WorkerMessage[] {
  if (!response.ok || !isAnalysis(response.result)) return [response];
  const { model, findings } = response.result;
  if (model.items.length + findings.length <= partSize) return [response];
  const parts = [...slices(response.id, 'items', model.items, partSize), ...slices(response.id, 'findings', findings, partSize)];
  const rest: PlanAnalysis = { ...response.result, model: { ...model, items: [] }, findings: [] };
  return [...parts, { ...response, result: rest }];
}

/** The analysis `rest` with the items and findings its parts carried. */
export function fromParts(rest: PlanAnalysis, parts: readonly AnalysisPart[]): PlanAnalysis {
  const values = (name: AnalysisPart['part']) => parts.filter((p) => p.part === name).flatMap((p) => p.values);
  return { ...rest, model: { ...rest.model, items: values('items') as PlanAnalysis['model']['items'] }, findings: values('findings') as PlanAnalysis['findings'] };
}

export function isPart(message: WorkerMessage): message is AnalysisPart {
  return 'part' in message;
}

function isAnalysis(result: unknown): result is PlanAnalysis {
  return typeof result === 'object' && result !== null && 'model' in result && 'findings' in result;
}

function slices(id: number, part: AnalysisPart['part'], values: readonly unknown[], size: number): AnalysisPart[] {
  const out: AnalysisPart[] = [];
  for (let i = 0; i < values.length; i += size) out.push({ id, part, values: values.slice(i, i + size) });
  return out;
}
