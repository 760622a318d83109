/**
 * One ID names two different items. A restatement of the same item (a summary table row
 * for a task defined above, often with a shorter title) is not a duplicate: titles count as
 * different only when they share fewer than half of their significant words.
 */
import type { Rule } from './types';
import { displayTitle, fullId, identityIn, isDifferentItem, type Identity } from './item-identity';
import { groupBy } from './group-by';

export const duplicateId: Rule = {
  meta: {
    id: 'duplicate-id',
    description: 'One ID is used for two different items.',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      duplicate: '{id} is used for "{title}" here and for "{first}" (line {line}); one of them needs a new ID',
    },
  },
  check({ model, report }) {
    for (const [id, items] of groupBy(model.items, fullId)) {
      const seen: Identity[] = [];
      for (const item of items) {
        const identity = identityIn(model, item);
        if (seen.some((s) => !isDifferentItem(s, identity))) continue; // a restatement
        const first = seen[0];
        seen.push(identity);
        if (!first) continue;
        report({
          messageId: 'duplicate',
          range: item.titleRange,
          data: { id, title: displayTitle(item), first: displayTitle(first.item), line: first.item.range.start.line + 1 },
          related: [{ range: first.item.titleRange, message: `${id} first used for "${displayTitle(first.item)}"` }],
        });
      }
    }
  },
};
