/**
 * Item identity within one document. Plans list the same piece of work more than once — the
 * detailed entry, then a row in a summary table, a line in a priority matrix, a roadmap or a
 * sprint list. Those are one item with several mentions: the most specific mention stands
 * for the item (it is counted, once), the others point at it (`mentionOf`), and what the
 * item lacks (an estimate, a priority, a status) is taken from its other mentions.
 *
 * Only the sure pairings make a mention: the same ID (with titles that do not name two
 * different things) or the same normalised title (at least two significant words, not the
 * same chore repeated in sibling phases). Merely similar titles stay separate items.
 */
import type { Item, PlanModel } from './schema';
import { groupSameItems, identityIn, isDifferentItem, type Identity, type Pairing } from '../rules/item-identity';
import { groupBy } from '../rules/group-by';

function sure(how: Pairing, a: Identity, b: Identity): boolean {
  if (how === 'id') return !isDifferentItem(a, b);
  return how === 'title';
}

/** How much of an entry a kind of item holds: a table row least, a heading (a whole section) most. */
function kindRank(item: Item): number {
  return item.kind === 'row' ? 0 : item.kind === 'bullet' || item.kind === 'breakdown' ? 1 : item.kind === 'heading' ? 3 : 2;
}

/** Kind first (a detailed entry over a list line over a table row), then what it states itself. */
function specificity(item: Item): number {
  const kind = Math.min(kindRank(item), 2);
  const own = (item.estimate ? 1 : 0) + (item.priority?.source === 'own' ? 1 : 0) + (item.statusSource === 'own' ? 1 : 0) + (item.children.length > 0 ? 1 : 0);
  return kind * 10 + own;
}

function mostSpecificFirst(group: Item[]): Item[] {
  return [...group].sort((a, b) => specificity(b) - specificity(a) || a.range.start.offset - b.range.start.offset);
}

/**
 * A status stated by a mention fills in an item that states none, when the mention states it
 * as a status: a ticked box or a table's status cell. A mark at the head of a restating list
 * ("1. ✅ **Settings Context** (6-8h)" in an implementation order) is often emphasis.
 */
function statusFrom(mention: Item): Item['status'] | undefined {
  if (mention.statusSource !== 'own' || mention.status === 'unknown') return undefined;
  return mention.kind === 'row' || mention.kind === 'task' ? mention.status : undefined;
}

function fillFromMentions(item: Item, others: Item[], items: Item[]): void {
  if (!item.estimate && !item.children.some((c) => items[c]?.estimate)) {
    const withEstimate = others.find((o) => o.estimate);
    if (withEstimate) item.estimate = withEstimate.estimate;
  }
  if (!item.priority || item.priority.source !== 'own') {
    const own = others.find((o) => o.priority?.source === 'own');
    if (own) item.priority = own.priority;
    else item.priority ??= others.find((o) => o.priority)?.priority;
  }
  if (item.status === 'unknown') {
    for (const o of others) {
      const status = statusFrom(o);
      if (status) {
        item.status = status;
        item.statusSource = 'own';
        break;
      }
    }
  }
}

/** Marks restatements in place: `mentionOf` on each, `mentions` on the item they restate. */
export function linkMentions(model: PlanModel): void {
  const candidates = model.items.filter((i) => !i.checklist && i.kind !== 'breakdown');
  for (const group of groupSameItems(model, candidates, sure)) {
    const [canonical, ...rest] = mostSpecificFirst(group);
    // A sub-item's effort is already in its parent's; only top-level entries are set aside.
    link(model, canonical, rest.filter((o) => o.parent === undefined));
  }
  for (const [entry, target] of restatedLists(model)) link(model, target, [entry]);
}

function link(model: PlanModel, canonical: Item, others: Item[]): void {
  if (others.length === 0) return;
  for (const o of others) o.mentionOf = canonical.index;
  canonical.mentions = [...(canonical.mentions ?? []), ...others.map((o) => o.index)].sort((a, b) => a - b);
  fillFromMentions(canonical, others, model.items);
}

function sameHours(a: Item, b: Item): boolean {
  const x = a.estimate?.hours;
  const y = b.estimate?.hours;
  return !!x && !!y && x.low === y.low && x.high === y.high;
}

function sharedWords(a: Identity, b: Identity): number {
  const words = new Set(b.words);
  return new Set(a.words.filter((w) => words.has(w))).size;
}

/**
 * A whole list that restates items under other names: an "Implementation order" of
 * "**Settings Context Integration** (6-8h)" lines over the sections "### 1. Integrate
 * Settings with Form Components … 6-8 hours". Every entry of the section's list must pair,
 * one to one, with a fuller item (a heading for a bullet, a bullet for a row)
 * elsewhere in the plan that has the same estimate and shares a significant word with it.
 * Anything less — one entry unmatched, a guess between two — and the list stands as items.
 */
function restatedLists(model: PlanModel): [Item, Item][] {
  const open = model.items.filter((i) => i.parent === undefined && !i.checklist && i.kind !== 'breakdown' && i.mentionOf === undefined && !i.mentions);
  const ids = new Map(open.map((i) => [i.index, identityIn(model, i)]));
  const pairs: [Item, Item][] = [];
  const taken = new Set<number>();
  for (const entries of groupBy(open, (i) => i.section).values()) {
    if (entries.length < 2 || !entries.every((e) => e.estimate && !e.id)) continue;
    const matched = matchEntries(entries, open, ids, taken);
    if (!matched) continue;
    for (const [entry, target] of matched) {
      taken.add(target.index).add(entry.index);
      pairs.push([entry, target]);
    }
  }
  return pairs;
}

function matchEntries(entries: Item[], open: Item[], ids: Map<number, Identity>, taken: Set<number>): [Item, Item][] | undefined {
  const used = new Set<number>();
  const result: [Item, Item][] = [];
  for (const entry of entries) {
    if (taken.has(entry.index)) return undefined;
    const me = ids.get(entry.index)!;
    let best: Item | undefined;
    let bestScore = 0;
    let tie = false;
    for (const target of open) {
      if (target.section === entry.section || kindRank(target) <= kindRank(entry) || used.has(target.index) || taken.has(target.index) || !sameHours(entry, target)) continue;
      const score = sharedWords(me, ids.get(target.index)!);
      if (score > bestScore) [best, bestScore, tie] = [target, score, false];
      else if (score === bestScore && score > 0) tie = true;
    }
    if (!best || tie) return undefined;
    used.add(best.index);
    result.push([entry, best]);
  }
  return result;
}

/** Counted in roll-ups: not a restatement of an item counted elsewhere. */
export function isCanonical(item: Item): boolean {
  return item.mentionOf === undefined;
}
