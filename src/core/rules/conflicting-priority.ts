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
      const ranks = new Set(group.map((i) => i.priority!.rank));
      if (ranks.size < 2) continue;
      const sorted = [...group].sort((a, b) => a.range.start.offset - b.range.start.offset);
      const last = sorted[sorted.length - 1];
      const others = sorted.slice(0, -1);
      report({
        messageId: 'conflict',
        range: last.titleRange,
        data: {
          title: displayTitle(last),
          here: describe(model, last),
          others: [...new Set(others.filter((o) => o.priority!.rank !== last.priority!.rank).map((o) => describe(model, o)))].join(', '),
        },
        related: others.map((o) => ({ range: o.titleRange, message: `"${displayTitle(o)}" is ${describe(model, o)}` })),
      });
    }
  },
};
