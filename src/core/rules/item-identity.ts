/**
 * When two items in a plan are the same piece of work: the same ID, or the same title once
 * the decoration is stripped ("1. **GDPR Compliance** (for EU users)" = "GDPR Compliance"),
 * or — conservatively — titles that share their first two significant words
 * ("Concurrency Controls" ~ "Concurrency Control Slider").
 */
import type { Item, PlanModel, Section } from '../model/schema';
import { groupBy } from './group-by';
import { TextMemo } from './text-memo';

const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'for', 'and', 'or', 'to', 'in', 'on', 'with', 'by', 'at', 'from', 'into', 'via', 'vs',
]);

/**
 * The item's ID as the plan writes it. A hierarchical ID ("STORY-3.1") read as "STORY-3"
 * leaves ".1" at the head of the title; the two together are the ID, so that STORY-3.1 and
 * STORY-3.2 stay two IDs.
 */
export function fullId(item: Item): string | undefined {
  if (!item.id) return undefined;
  const rest = /^\.\d+(?:\.\d+)*/.exec(item.title);
  return rest ? item.id + rest[0] : item.id;
}

/** Lower-case title without numbering, emoji, markdown punctuation, IDs or trailing parentheticals. */
export function normaliseTitle(title: string, id?: string): string {
  let t = title.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  t = t.replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3]/gu, ' ');
  t = t.replace(/[*_`~[\]#>|]/g, ' ');
  if (id) t = t.split(id).join(' ');
  t = t.replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[a-z][.)])\s+/i, '');
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(/\s*[([（][^()[\]（）]*[)\]）]\s*$/u, '');
  }
  return t
    .replace(/^[\s:.\-–—]+|[\s:.\-–—]+$/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Light stemming: plural endings only, so "Controls" = "Control" but "Status" stays. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export function significantWords(normalised: string): string[] {
  return normalised
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => /\p{L}/u.test(w) && !STOP_WORDS.has(w))
    .map(stem);
}

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
export function isDifferentItem(a: Identity, b: Identity): boolean {
  if (a.words.length === 0 || b.words.length === 0) return false; // a bare ID mention says nothing
  return a.item.kind === b.item.kind && a.title !== b.title && overlap(a, b) < 0.5;
}

export interface Identity {
  item: Item;
  title: string;
  words: string[];
  /** Candidate buckets: by full ID, by title, by first two words. */
  keys: readonly string[];
}

/** The title without what belongs to a hierarchical ID (".1: Performance" → "Performance"). */
export function displayTitle(item: Item): string {
  return titleAndId(item).shown;
}

/** The full ID and the title shown without it (one reading of the ID for both). */
function titleAndId(item: Item): { id: string | undefined; shown: string } {
  const id = fullId(item);
  if (!id || id === item.id) return { id, shown: item.title };
  return { id, shown: item.title.slice(id.length - item.id!.length).replace(/^[\s*_:：—–-]+/, '') };
}

/**
 * Normalised titles and their words, by ID and display title. The model builder and three
 * rules ask for every item's identity on every analysis; after an edit all but the edited
 * chunk's titles are the ones seen last time. Dropped whole when it grows past a bound.
 */
const normalised = new TextMemo<{ title: string; words: string[]; keys: string[] }>(50_000);
/** Each model's identities, by item index, for as long as the model (one analysis): the model builder and three rules share them. */
const byModel = new WeakMap<readonly Item[], Identity[]>();

export function identityOf(item: Item): Identity {
  const { id, shown } = titleAndId(item);
  const known = normalised.get(`${item.id ?? ''}\u0000${shown}`, () => {
    const title = normaliseTitle(shown, item.id);
    const words = significantWords(title);
    // The buckets an item may pair in (see candidateBuckets), made once per title.
    const keys = id ? [`id\u0000${id}`] : [];
    if (words.length >= 2) keys.push(`title\u0000${title}`, `first\u0000${words[0]} ${words[1]}`);
    return { title, words, keys };
  });
  return { item, title: known.title, words: known.words, keys: known.keys };
}

/** The identities of a model's items, by index (made once per model). */
export function identitiesOf(model: PlanModel): Identity[] {
  let ids = byModel.get(model.items);
  if (!ids) byModel.set(model.items, (ids = model.items.map(identityOf)));
  return ids;
}

/** An item's identity, from its model's when it is that model's item. */
export function identityIn(model: PlanModel, item: Item): Identity {
  const known = identitiesOf(model)[item.index];
  return known?.item === item ? known : identityOf(item);
}

function isAncestor(model: PlanModel, a: Item, b: Item): boolean {
  for (let p = b.parent; p !== undefined; p = model.items[p]?.parent) if (p === a.index) return true;
  return false;
}

/** Section `s` is `ancestor` or lies below it. */
export function isWithin(sections: readonly Section[], s: number, ancestor: number): boolean {
  for (let p: number | undefined = s; p !== undefined; p = sections[p]?.parent) if (p === ancestor) return true;
  return false;
}

/** Sections from an item's own up to the preamble. */
export function sectionChain(model: PlanModel, section: number): number[] {
  const chain: number[] = [];
  for (let s: number | undefined = section; s !== undefined && chain.length < 50; s = model.sections[s]?.parent) chain.push(s);
  return chain;
}

function itemDepth(model: PlanModel, item: Item): number {
  let depth = 0;
  for (let p = item.parent; p !== undefined && depth < 50; p = model.items[p]?.parent) depth++;
  return depth;
}

/**
 * The same slot in sibling parts of the plan ("- [ ] Write tests" under Phase 1 and under
 * Phase 2): the same kind of item, as deep in the same number of sections below the point
 * where their sections meet. Equal titles there are a repeated chore, not one item restated —
 * unless both parts carry a status (a board with "Done" and "To do" columns).
 */
export function parallel(model: PlanModel, a: Item, b: Item): boolean {
  if (a.kind !== b.kind || itemDepth(model, a) !== itemDepth(model, b)) return false;
  const chainA = sectionChain(model, a.section);
  const chainB = sectionChain(model, b.section);
  const meetA = chainA.findIndex((s) => chainB.includes(s));
  const meetB = chainB.indexOf(chainA[meetA]);
  if (meetA <= 0 || meetA !== meetB) return false;
  const topA = model.sections[chainA[meetA - 1]];
  const topB = model.sections[chainB[meetB - 1]];
  return !(topA?.status && topB?.status && topA.status !== topB.status);
}

/**
 * A restatement copies the estimate; two items whose estimates do not even overlap
 * ("Error Infrastructure" 8-12 h as one task, 100-130 h as a whole area) are different work
 * that happens to share a name.
 */
function estimatesDisagree(a: Item, b: Item): boolean {
  if (!a.estimate || !b.estimate) return false;
  const x = a.estimate.hours;
  const y = b.estimate.hours;
  return (x.high !== null && x.high < y.low) || (y.high !== null && y.high < x.low);
}

export function sameEstimate(a: Item, b: Item): boolean {
  const x = a.estimate?.hours;
  const y = b.estimate?.hours;
  return !!x && !!y && x.low === y.low && x.high === y.high;
}

export type Pairing = 'id' | 'title' | 'similar';

/** How two items are the same work, or undefined when they are not. */
export function pairing(model: PlanModel, a: Identity, b: Identity): Pairing | undefined {
  if (a.item.index === b.item.index) return undefined;
  if (isAncestor(model, a.item, b.item) || isAncestor(model, b.item, a.item)) return undefined;
  if (a.item.id && b.item.id) return fullId(a.item) === fullId(b.item) ? 'id' : undefined;
  // A single generic word ("Testing", "Documentation") names different work in different phases.
  if (a.words.length < 2 || b.words.length < 2) return undefined;
  if (parallel(model, a.item, b.item) || estimatesDisagree(a.item, b.item)) return undefined;
  if (a.title === b.title) return 'title';
  // Two similar titles in one list are two items side by side, not one item restated.
  if (a.item.section === b.item.section) return undefined;
  if (a.words[0] !== b.words[0] || a.words[1] !== b.words[1]) return undefined;
  // "User Authentication" and "User Authentication Logs" are different work; a restatement under a new name keeps its estimate.
  return sameEstimate(a.item, b.item) ? 'similar' : undefined;
}

/**
 * A title or ID carried by more items than this is a repeated chore ("Write tests" in every
 * phase), not one item restated; restatements come in twos and threes. The cap also keeps
 * the pairing linear on very large plans.
 */
const MAX_RESTATEMENTS = 12;

/** Items that could pair: same ID, same title, or same first two words. */
function candidateBuckets(ids: Identity[]): number[][] {
  const buckets = new Map<string, number[]>();
  ids.forEach((identity, i) => {
    for (const key of identity.keys) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
  });
  const out: number[][] = [];
  for (const bucket of buckets.values()) if (bucket.length > 1 && bucket.length <= MAX_RESTATEMENTS) out.push(bucket);
  return out;
}

/** Groups items that are the same work (union-find over the pairs `accept` takes). */
export function groupSameItems(model: PlanModel, items: readonly Item[], accept: (p: Pairing, a: Identity, b: Identity) => boolean = () => true): Item[][] {
  const ids = items.map((item) => identityIn(model, item));
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root];
    for (let next = i; parent[next] !== root; ) {
      const up = parent[next];
      parent[next] = root;
      next = up;
    }
    return root;
  };
  for (const bucket of candidateBuckets(ids)) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const i = bucket[x];
        const j = bucket[y];
        if (find(i) === find(j)) continue;
        const how = pairing(model, ids[i], ids[j]);
        if (how && accept(how, ids[i], ids[j])) parent[find(j)] = find(i);
      }
    }
  }
  // Only items that joined another can be in a group of two or more.
  const joined = new Set<number>();
  parent.forEach((p, i) => {
    if (p !== i) joined.add(i).add(p);
  });
  const groups = groupBy(joined, find);
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .sort((a, b) => Math.min(...a) - Math.min(...b))
    .map((g) => g.sort((x, y) => x - y).map((i) => ids[i].item));
}
