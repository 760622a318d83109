/** The same item carries different priorities in different places of the plan. */
import type { Item, PlanModel } from '../model/schema';
import { priorityCode } from '../model/format';
import type { Rule } from './types';
import { displayTitle, groupSameItems } from './item-identity';
import { fromHeading } from './provenance';

function describe(model: PlanModel, item: Item): string {
  const p = item.priority!;
  const code = priorityCode(p.rank);
  // An inherited priority is named by its heading; an own one as the plan writes it.
  if (p.source === 'section') return code + fromHeading(model, item, 'priority');
  return p.label.includes(code) ? p.label : `${code} (${p.label})`;
}

const CODE = /\bP[0-4]\b/i;

/**
 * Two priorities disagree when their ranks differ, except that two word scales one step apart
 * ("HIGH" in one place, "Tier 1: Highest Priority" in another) are the same call in different
 * words: authors' word scales do not line up rank for rank, P-codes do.
 */
function disagree(a: Item, b: Item): boolean {
  const x = a.priority!;
  const y = b.priority!;
  if (x.rank === y.rank) return false;
  return CODE.test(x.label) || CODE.test(y.label) || Math.abs(x.rank - y.rank) >= 2;
}

export const conflictingPriority: Rule = {
  meta: {
    id: 'conflicting-priority',
    description: 'The same item has different priorities in different places.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      conflict: '"{title}" is {here} here but {others} elsewhere (see related locations)',
    },
  },
  check({ model, report }) {
    const prioritised = model.items.filter((i) => i.priority && !i.checklist);
    for (const group of groupSameItems(model, prioritised)) {
      if (!group.some((a) => group.some((b) => disagree(a, b)))) continue;
      const sorted = [...group].sort((a, b) => a.range.start.offset - b.range.start.offset);
      const last = sorted[sorted.length - 1];
      const others = sorted.slice(0, -1);
      report({
        messageId: 'conflict',
        range: last.titleRange,
        data: {
          title: displayTitle(last),
          here: describe(model, last),
          others: [...new Set(others.filter((o) => disagree(o, last)).map((o) => describe(model, o)))].join(', ') || [...new Set(others.filter((o) => o.priority!.rank !== last.priority!.rank).map((o) => describe(model, o)))].join(', '),
        },
        related: others.map((o) => ({ range: o.titleRange, message: `"${displayTitle(o)}" is ${describe(model, o)}` })),
      });
    }
  },
};
