/**
 * Plan Lens: Show Parts — what a code lens stands for (a section's items, a declared total's
 * parts) in a quick pick; picking one jumps to it.
 */
import * as vscode from 'vscode';
import type { PlanStore } from '../analysis/plan-store';
import type { PlanAnalysis } from '../analysis/protocol';
import { openDocument, toRange } from '../apply-edits';
import type { LensTarget } from '../features/code-lens-text';
import { itemDescription, itemLabel } from '../features/plan-nodes';

export function registerShowPartsCommand(store: PlanStore): vscode.Disposable {
  return vscode.commands.registerCommand('planLens.showParts', async (uri: vscode.Uri, target: LensTarget) => {
    const document = openDocument(uri);
    const entry = document && (await store.current(document));
    if (!entry) return;
    const picks = partsOf(entry.analysis, target).map((item) => ({
      label: itemLabel(item),
      description: itemDescription(item),
      detail: `${item.status}${item.checklist ? ' · checklist' : ''}`,
      range: toRange(item.titleRange),
    }));
    const picked = await vscode.window.showQuickPick(picks, { placeHolder: `${picks.length} parts`, matchOnDescription: true });
    if (picked) await vscode.window.showTextDocument(uri, { selection: picked.range });
  });
}

function partsOf({ model, declaredParts }: PlanAnalysis, target: LensTarget) {
  const indices = target.kind === 'declared' ? (declaredParts[target.index]?.items ?? []) : itemsUnder(model, target.index);
  return indices.map((i) => model.items[i]!).filter((i) => i !== undefined);
}

/** Items in a section and its subsections, in document order. */
function itemsUnder(model: PlanAnalysis['model'], index: number): number[] {
  const section = model.sections[index];
  if (!section) return [];
  const { start, end } = section.bodyRange;
  return model.items.filter((i) => !i.checklist && i.range.start.offset >= start.offset && i.range.start.offset <= end.offset).map((i) => i.index);
}
