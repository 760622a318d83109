/** The same item carries different priorities in different places of the plan. */
import type { Item } from '../model/schema';
import { priorityCode } from '../model/format';
import type { Rule } from './types';
import { groupSameItems } from './item-identity';

function describe(item: Item): string {
  const p = item.priority!;
  const code = priorityCode(p.rank);
  const label = p.label.includes(code) ? p.label : `${code} (${p.label})`;
  return p.source === 'section' ? `${label} (from its section)` : label;
}

function lineOf(item: Item): number {
  return item.range.start.line + 1;
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
          title: last.title,
          here: describe(last),
          others: [...new Set(others.filter((o) => o.priority!.rank !== last.priority!.rank).map(describe))].join(', '),
        },
        related: others.map((o) => ({ range: o.titleRange, message: `"${o.title}" is ${describe(o)} (line ${lineOf(o)})` })),
      });
    }
  },
};
