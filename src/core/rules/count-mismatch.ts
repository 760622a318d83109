/** A declared count ("P0 Critical Gaps: 8 features") that disagrees with the items it counts. */
import type { Declared, PlanModel } from '../model/schema';
import { priorityCode } from '../model/format';
import { MAX_RELATED, type Rule } from './types';
import { agreeingListings } from './listings';

function messageIdFor(declared: Declared): string {
  if (declared.scope.priorities?.length) return 'byPriority';
  return { section: 'inSection', table: 'inTable', list: 'inList', document: 'inDocument', totals: 'inDocument', ids: 'inRange', tagged: 'tagged' }[
    declared.scope.kind
  ];
}

function countMatches(declared: Declared, computed: number): boolean {
  const { low, high } = declared.value;
  return computed >= low && (high === null || computed <= high);
}

/**
 * A range with IDs missing from the plan ("T001-T003" with no T002 here) may be numbered
 * around a gap or listed elsewhere; a tag under a section that holds only some of the tagged
 * items may mean that section's. Those are reported at info, not as warnings.
 */
function isUnsure(declared: Declared, computed: number): boolean {
  if (declared.unsure) return true;
  if (declared.scope.kind === 'ids') return computed !== declared.scope.idRange?.size;
  return declared.scope.ambiguous === true;
}

function sectionTitle(model: PlanModel, declared: Declared): string {
  const index = declared.scope.section ?? declared.section;
  return model.sections[index]?.title ?? '';
}

export const countMismatch: Rule = {
  meta: {
    id: 'count-mismatch',
    description: 'A declared count disagrees with the number of items it counts.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      byPriority: 'Declares {declared} for "{label}", but {computed} items are marked {priorities} (see related locations)',
      inSection: 'Declares {declared} for "{label}", but {computed} items are listed under "{section}" (see related locations)',
      inTable: 'Declares {declared} for "{label}", but the table has {computed} rows (see related locations)',
      inList: 'Declares {declared} for "{label}", but the list has {computed} items (see related locations)',
      inDocument: 'Declares {declared} for "{label}", but the plan has {computed} such items (see related locations)',
      inRange: 'Declares {declared} for "{label}", but {computed} items are numbered {range} (see related locations)',
      tagged: 'Declares {declared} for "{label}", but {computed} items carry [{tag}] (see related locations)',
    },
  },
  check({ model, report }) {
    for (const declared of model.declared) {
      if (declared.kind !== 'count') continue;
      const computed = declared.scope.items.length;
      // No resolved parts means nothing to compare against, not a count of zero.
      if (computed === 0 || countMatches(declared, computed)) continue;
      if (agreeingListings(model, declared).length > 0) continue;
      const items = declared.scope.items.slice(0, MAX_RELATED).map((i) => model.items[i]).filter((i) => i !== undefined);
      report({
        messageId: messageIdFor(declared),
        range: declared.valueRange,
        data: {
          declared: declared.valueText,
          computed,
          label: declared.label,
          priorities: (declared.scope.priorities ?? []).map(priorityCode).join('/'),
          section: sectionTitle(model, declared),
          range: declared.scope.idRange?.text ?? '',
          tag: declared.scope.tag ?? '',
        },
        declared: declared.valueText,
        computed: String(computed),
        related: items.map((item) => ({ range: item.titleRange, message: item.title })),
        unsure: isUnsure(declared, computed),
        // Which items a whole plan means by a priority, a range or a tag is a reading: rewriting the count would be a guess.
        fix: declared.scope.priorities?.length || declared.scope.kind === 'ids' || declared.scope.kind === 'tagged'
          ? undefined
          : {
              description: `Replace ${declared.valueText} with ${computed}`,
              edits: [{ start: declared.valueRange.start.offset, end: declared.valueRange.end.offset, newText: String(computed) }],
            },
      });
    }
  },
};
