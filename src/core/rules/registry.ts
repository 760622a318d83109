/**
 * Every rule, in the order they are documented. Adding a rule is one file, its doc
 * (`<rule-id>.md` beside it), its fixtures (`test/fixtures/rules/<rule-id>/`) and one line here.
 */
import type { CrossFileRule, Rule, RuleMeta } from './types';
import { countMismatch } from './count-mismatch';
import { totalMismatch } from './total-mismatch';
import { progressMismatch } from './progress-mismatch';
import { capacityMismatch } from './capacity-mismatch';
import { conflictingPriority } from './conflicting-priority';
import { conflictingStatus } from './conflicting-status';
import { duplicateId } from './duplicate-id';
import { unscheduledItem } from './unscheduled-item';
import { mojibake } from './mojibake';
import { unreadableEstimate } from './unreadable-estimate';
import { markdownLimit } from './markdown-limit';
import { crossFileConflict } from './cross-file-conflict';
import { crossFileDuplicateId } from './cross-file-duplicate-id';

export const rules: readonly Rule[] = [
  countMismatch,
  totalMismatch,
  progressMismatch,
  capacityMismatch,
  conflictingPriority,
  conflictingStatus,
  duplicateId,
  unscheduledItem,
  mojibake,
  unreadableEstimate,
  markdownLimit,
];

/** Rules over several plan files at once (the workspace index, `plan-lens check` over many files). */
export const crossFileRules: readonly CrossFileRule[] = [crossFileConflict, crossFileDuplicateId];

/** Every rule's meta, per-file then cross-file: settings, the README table and SARIF list these. */
export const allRuleMetas: readonly RuleMeta[] = [...rules, ...crossFileRules].map((r) => r.meta);

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}
