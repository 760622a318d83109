/**
 * The worker's view of every plan: the models of workspace files read from disk, and of the
 * documents open in editors (which stand in for their files). The cross-file rules run here,
 * where the models are, so only findings cross back to the extension host.
 */
import { analyzeIfPlan, PlanAnalyzer, resolveOptions, runCrossFileRules, type Analysis, type ChunkStats, type Finding, type PlanModel } from '../../core/index';
import type { AnalyzeOptionsInput } from '../../core/model/schema';
import type { IndexFileRequest } from './protocol';

export class WorkspaceModels {
  private readonly indexed = new Map<string, PlanModel>();
  private readonly open = new Map<string, PlanModel>();

  /** A fresh analyzer each time: files on disk change rarely, and their chunks are not worth keeping. */
  indexFile(request: IndexFileRequest): { analysis: Analysis; chunks: ChunkStats } | undefined {
    const analyzer = new PlanAnalyzer();
    const analysis = analyzeIfPlan(request.text.join(''), resolveOptions(request.options), request.forced, analyzer);
    if (analysis?.model.isPlan) this.indexed.set(request.uri, analysis.model);
    else this.indexed.delete(request.uri);
    return analysis && { analysis, chunks: analyzer.lastStats };
  }

  forgetIndexed(uri: string): void {
    this.indexed.delete(uri);
  }

  /** An open document's latest analysis; undefined when it closes. */
  setOpen(uri: string, model: PlanModel | undefined): void {
    if (model?.isPlan) this.open.set(uri, model);
    else this.open.delete(uri);
  }

  crossFile(options: AnalyzeOptionsInput): [string, Finding[]][] {
    const models = new Map([...this.indexed, ...this.open]);
    const plans = [...models].map(([file, model]) => ({ file, model }));
    return [...runCrossFileRules(plans, resolveOptions(options))];
  }
}
