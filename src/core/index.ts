/**
 * The one door into the core: text in, model + roll-ups + findings out.
 * Data flows one way: text → chunks → mdast (per chunk, cached) → model → roll-ups → findings.
 * Nothing below `src/core` imports `vscode`; the CLI, the worker and the tests all enter here.
 */
import { AnalyzeOptionsSchema, type AnalyzeOptions, type AnalyzeOptionsInput, type PlanModel } from './model/schema';
import type { Finding } from './model/finding';
import type { Rollups } from './model/rollup-types';
import { ChunkCache, buildModel, type ChunkStats } from './parse/model-builder';
import { computeRollups } from './model/rollups';
import { runRules } from './rules/runner';

export interface Analysis {
  model: PlanModel;
  rollups: Rollups;
  findings: Finding[];
}

export function resolveOptions(input: AnalyzeOptionsInput = {}): AnalyzeOptions {
  return AnalyzeOptionsSchema.parse(input);
}

/**
 * Holds the per-chunk cache for one document (or many: chunks are keyed by their text),
 * so re-analysis after an edit re-parses only the chunks the edit touched.
 */
export class PlanAnalyzer {
  private readonly cache = new ChunkCache();

  analyze(text: string, options: AnalyzeOptionsInput | AnalyzeOptions = {}): Analysis {
    const resolved = resolveOptions(options);
    const model = buildModel(text, resolved, this.cache);
    const rollups = computeRollups(model, resolved.hoursPerDay);
    const findings = model.isPlan ? runRules({ text, model, rollups, options: resolved }) : [];
    return { model, rollups, findings };
  }

  /**
   * What the latest analysis cost: its chunks, and how many were parsed rather than found in
   * the cache. (The cache keeps only the chunks the latest analysis used, so memory stays
   * bounded over a long editing session.)
   */
  get lastStats(): ChunkStats {
    return this.cache.lastStats;
  }
}

/** One-shot analysis (CLI, tests). */
export function analyzePlan(text: string, options: AnalyzeOptionsInput = {}): Analysis {
  return new PlanAnalyzer().analyze(text, options);
}

export type { PlanModel, Item, Section, Declared, Range, Position, Hours, Estimate, Priority, Status, AnalyzeOptions, AnalyzeOptionsInput } from './model/schema';
export type { Finding, Severity, TextEdit } from './model/finding';
export type { Rollup, Rollups } from './model/rollup-types';
export type { ChunkStats } from './parse/model-builder';
// The dashboard's charts and the burn-down, for the CLI (which shares this bundle) and tests.
export { renderDashboard, type ChartInput, type DashboardOptions } from './charts/dashboard';
export { CHART_CSS, escapeHtml } from './charts/svg';
export { HistoryReader, type GitRunner, type GitResult, type PlanHistory } from './history/reader';
export { replay, lineChanges, type BurnDown, type BurnDownDay } from './history/replay';
// The workspace index's screening and the cross-file rules, for the worker and the CLI.
export { runCrossFileRules } from './rules/cross-file-runner';
// The CLI takes the rule table and the finding order from here, so the rules ship once (in core.js).
export { allRuleMetas } from './rules/registry';
export { byPosition, runRules } from './rules/runner';
export { forgetTexts } from './rules/text-memo';
export { applyFixes } from './edits/apply';
export { analyzeIfPlan } from './workspace/analyze-if-plan';
export { prefilterPlan } from './workspace/prefilter';
export type { PlanFile } from './rules/types';
// `plan-lens explain` and the editor's hover show the same account of each declared number.
export { explainDeclared, explainOne, formatExplanation, type Explanation } from './explain';
