/**
 * One ID names two different items. A restatement of the same item (a summary table row
 * for a task defined above, often with a shorter title) is not a duplicate: titles count as
 * different only when they share fewer than half of their significant words.
 */
import type { Rule } from './types';
import { displayTitle, fullId, identityOf, type Identity } from './item-identity';
import { groupBy } from './group-by';

function overlap(a: Identity, b: Identity): number {
  const shorter = a.words.length <= b.words.length ? a.words : b.words;
  const longer = new Set(a.words.length <= b.words.length ? b.words : a.words);
  if (shorter.length === 0) return 1;
  return shorter.filter((w) => longer.has(w)).length / shorter.length;
}

/**
 * Two definitions of the same kind (two tasks, two rows, two headings) with different
 * titles. A summary row or roadmap line restating a task often renames it freely, so
 * occurrences of different kinds are never counted as two items.
 */
function isDifferentItem(a: Identity, b: Identity): boolean {
  if (a.words.length === 0 || b.words.length === 0) return false; // a bare ID mention says nothing
  return a.item.kind === b.item.kind && a.title !== b.title && overlap(a, b) < 0.5;
}

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
        const identity = identityOf(item);
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
