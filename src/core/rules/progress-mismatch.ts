/**
 * Declared progress ("Progress: 4 of 9 tasks done", "## Phase 3 ✅ Complete (8/9)") that
 * disagrees with the items it speaks about: how many there are, or how many are done.
 */
import type { Declared, Item, PlanModel } from '../model/schema';
import { MAX_RELATED, type Rule } from './types';
import { agreeingReading, progressReadings } from '../model/work';

export interface ProgressParts {
  items: Item[];
  done: number;
  /** Every item carries a status (a box, a mark, a status word): "done" can be counted. */
  tracked: boolean;
}

/** The items a declared progress speaks about, and how many of them are done. */
export function progressParts(model: PlanModel, declared: Declared): ProgressParts | undefined {
  const items = declared.scope.items
    .map((i) => model.items[i])
    // An item restated elsewhere counts once; a heading item is not its own part.
    .filter((i): i is Item => i !== undefined && i.mentionOf === undefined && i.titleRange.start.line !== declared.range.start.line);
  if (items.length === 0) return undefined;
  // Where boxes stand beside other entries, a reading that agrees wins; else the boxes are the tasks.
  const readings = progressReadings(items);
  const chosen = agreeingReading(declared, items) ?? readings[readings.length - 1];
  return { items: chosen, done: chosen.filter((i) => i.status === 'done').length, tracked: chosen.every((i) => i.status !== 'unknown') };
}

function scopeName(model: PlanModel, declared: Declared): string {
  const section = declared.scope.kind === 'section' && declared.scope.section !== undefined ? model.sections[declared.scope.section] : undefined;
  return section ? `"${section.title}"` : 'the plan';
}

export const progressMismatch: Rule = {
  meta: {
    id: 'progress-mismatch',
    description: 'A declared progress (done of total) disagrees with the items and their statuses.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      total: 'Declares {declared} for "{label}", but {scope} has {items} items ({done} done; see related locations)',
      done: 'Declares {declared} for "{label}", but {done} of its {items} items are done (see related locations)',
    },
  },
  check({ model, report }) {
    for (const declared of model.declared) {
      if (declared.kind !== 'progress' || declared.outOf === undefined) continue;
      const parts = progressParts(model, declared);
      // Items without a status cannot say what is done: nothing to compare with.
      if (!parts || !parts.tracked) continue;
      const totalAgrees = parts.items.length === declared.outOf;
      if (totalAgrees && parts.done === declared.value.low) continue;
      report({
        messageId: totalAgrees ? 'done' : 'total',
        range: declared.valueRange,
        data: { declared: declared.valueText, label: declared.label, scope: scopeName(model, declared), items: parts.items.length, done: parts.done },
        declared: declared.valueText,
        computed: `${parts.done}/${parts.items.length}`,
        related: parts.items.slice(0, MAX_RELATED).map((item) => ({ range: item.titleRange, message: `${item.title}: ${item.status}` })),
        unsure: declared.unsure === true,
      });
    }
  },
};
