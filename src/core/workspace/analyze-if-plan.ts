/**
 * What the workspace index asks of an analyser: screen the text with the line scan, and
 * parse only what may be a plan. Runs where the parser is (the worker, the CLI).
 */
import { PlanAnalyzer, type Analysis } from '../index';
import type { AnalyzeOptions } from '../model/schema';
import { prefilterPlan } from './prefilter';

/** Undefined when the file cannot be a plan (or settings say only forced files are). */
export function analyzeIfPlan(text: string, options: AnalyzeOptions, forced: boolean, analyzer = new PlanAnalyzer()): Analysis | undefined {
  if (forced) return analyzer.analyze(text, { ...options, detection: 'always' });
  if (options.detection === 'never') return undefined;
  if (options.detection === 'auto' && !prefilterPlan(text).maybePlan) return undefined;
  return analyzer.analyze(text, options);
}
