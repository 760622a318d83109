/**
 * The worker's side: one `PlanAnalyzer` per open document, so an edit re-parses only the
 * chunks it touched. Bundled into `dist/worker.js` only; the extension host never loads it.
 */
import { PlanAnalyzer, type Analysis } from '../../core/index';
import type { Declared, PlanModel } from '../../core/model/schema';
import { ZERO_HOURS } from '../../core/model/format';
import { partsOf } from '../../core/rules/total-mismatch';
import { formatSummaryText } from '../../cli/format/text';
import { WorkspaceModels } from './workspace-models';
import { isLargeText } from './limits';
import type { AnalyzeRequest, DeclaredParts, Envelope, PlanAnalysis, WorkerRequest, WorkerResponse, WorkerResults } from './protocol';

export class Analyzers {
  private readonly byUri = new Map<string, PlanAnalyzer>();
  private readonly workspace = new WorkspaceModels();

  handle(request: Envelope): WorkerResponse {
    const started = performance.now();
    try {
      const result = this.run(request);
      return { id: request.id, ok: true, result, ms: performance.now() - started };
    } catch (e) {
      return { id: request.id, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }

  private run(request: WorkerRequest): WorkerResults[WorkerRequest['kind']] {
    switch (request.kind) {
      case 'analyze': {
        const analysis = this.analyze(request);
        // A very large plan stays out of the cross-file rules, as the index leaves such files out.
        const large = isLargeText(request.text);
        this.workspace.setOpen(request.uri, large ? undefined : analysis.model);
        return { ...withDeclaredParts(analysis), chunks: this.byUri.get(request.uri)!.lastStats };
      }
      case 'summary':
        return formatSummaryText(request.path, this.analyze(request));
      case 'forget':
        this.byUri.delete(request.uri);
        this.workspace.setOpen(request.uri, undefined);
        return null;
      case 'indexFile': {
        const indexed = this.workspace.indexFile(request);
        return indexed ? { ...withDeclaredParts(indexed.analysis), chunks: indexed.chunks } : null;
      }
      case 'indexForget':
        this.workspace.forgetIndexed(request.uri);
        return null;
      case 'crossFile':
        return this.workspace.crossFile(request.options);
    }
  }

  private analyze(request: Omit<AnalyzeRequest, 'kind'>): Analysis {
    let analyzer = this.byUri.get(request.uri);
    if (!analyzer) this.byUri.set(request.uri, (analyzer = new PlanAnalyzer()));
    // The analyzer keeps exactly the chunks this analysis used (a second prune would empty it).
    return analyzer.analyze(request.text.join(''), request.options);
  }
}

function withDeclaredParts(analysis: Analysis): Omit<PlanAnalysis, 'chunks'> {
  const { model } = analysis;
  return { ...analysis, declaredParts: model.declared.map((d) => declaredParts(model, d)) };
}

/**
 * What a lens or hover over a declared statement shows: the same sum the total-mismatch
 * rule compares against (totals of totals included), so the lens and the finding agree.
 */
function declaredParts(model: PlanModel, declared: Declared): DeclaredParts {
  const sum = partsOf(model, declared);
  const items = declared.scope.items;
  return {
    items,
    done: items.filter((i) => model.items[i]?.status === 'done').length,
    hours: sum?.hours ?? ZERO_HOURS,
    remainingHours: sum?.remaining ?? sum?.hours ?? ZERO_HOURS,
    unestimated: sum ? sum.missing : items.length,
    declared: declared.scope.declared ?? [],
  };
}
