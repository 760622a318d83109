/**
 * A rule is a plain object, as in ESLint: `meta` is the single source for docs, settings,
 * the README table and tests; `check` reads the model and reports. Rules never touch the
 * editor or the file system.
 */
import type { AnalyzeOptions, PlanModel, Range } from '../model/schema';
import type { Rollups } from '../model/rollup-types';
import type { Severity, TextEdit } from '../model/finding';

export interface RuleMeta {
  /** Stable public id: used in settings, CLI output and inline disable comments. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** Message templates keyed by message id; `{name}` placeholders are filled from `data`. */
  messages: Record<string, string>;
}

/**
 * Related locations kept per finding. A count or total over a whole plan can relate hundreds
 * of items, and a plan can hold hundreds of such statements: past a few dozen the list helps
 * no one, and every location is sent to the editor (or printed by the CLI). Rules build at
 * most this many; the runner drops the rest.
 */
export const MAX_RELATED = 25;

export interface Report {
  messageId: string;
  range: Range;
  data?: Record<string, string | number>;
  declared?: string;
  computed?: string;
  related?: { range: Range; message: string }[];
  fix?: { description: string; edits: TextEdit[] };
  /**
   * The reader is unsure what the number speaks about (its scope is a guess): the finding is
   * shown at `info` at most, whatever the rule's severity, so it never counts as a warning.
   */
  unsure?: boolean;
}

export interface RuleContext {
  text: string;
  model: PlanModel;
  rollups: Rollups;
  options: AnalyzeOptions;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** One analysed plan among several: `file` is its URI or path, as the caller names it. */
export interface PlanFile {
  file: string;
  model: PlanModel;
}

/** A report in one of the files; related locations may point into the others. */
export interface CrossFileReport extends Report {
  file: string;
  related?: { range: Range; message: string; file?: string }[];
}

export interface CrossFileContext {
  plans: readonly PlanFile[];
  options: AnalyzeOptions;
  report(report: CrossFileReport): void;
}

/** A rule over several plans at once (the same item in two plan files). Same `meta` as every rule. */
export interface CrossFileRule {
  meta: RuleMeta;
  checkAcross(context: CrossFileContext): void;
}
