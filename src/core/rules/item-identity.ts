/**
 * When two items in a plan are the same piece of work: the same ID, or the same title once
 * the decoration is stripped ("1. **GDPR Compliance** (for EU users)" = "GDPR Compliance"),
 * or — conservatively — titles that share their first two significant words
 * ("Concurrency Controls" ~ "Concurrency Control Slider").
 */
import type { Item, PlanModel } from '../model/schema';

const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'for', 'and', 'or', 'to', 'in', 'on', 'with', 'by', 'at', 'from', 'into', 'via', 'vs',
]);

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
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w))
    .map(stem);
}

export interface Identity {
  item: Item;
  title: string;
  words: string[];
}

export function identityOf(item: Item): Identity {
  const title = normaliseTitle(item.title, item.id);
  return { item, title, words: significantWords(title) };
}

function isAncestor(model: PlanModel, a: Item, b: Item): boolean {
  for (let p = b.parent; p !== undefined; p = model.items[p]?.parent) if (p === a.index) return true;
  return false;
}

export type Pairing = 'id' | 'title' | 'similar';

/** How two items are the same work, or undefined when they are not. */
export function pairing(model: PlanModel, a: Identity, b: Identity): Pairing | undefined {
  if (a.item.index === b.item.index) return undefined;
  if (isAncestor(model, a.item, b.item) || isAncestor(model, b.item, a.item)) return undefined;
  if (a.item.id && b.item.id) return a.item.id === b.item.id ? 'id' : undefined;
  // A single generic word ("Testing", "Documentation") names different work in different phases.
  if (a.words.length < 2 || b.words.length < 2) return undefined;
  if (a.title === b.title) return 'title';
  // Two similar titles in one list are two items side by side, not one item restated.
  if (a.item.section === b.item.section) return undefined;
  return a.words[0] === b.words[0] && a.words[1] === b.words[1] ? 'similar' : undefined;
}

/** Groups items that are the same work (union-find over the pairs). */
export function groupSameItems(model: PlanModel, items: readonly Item[]): Item[][] {
  const ids = items.map(identityOf);
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      if (pairing(model, ids[i], ids[j])) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Item[]>();
  ids.forEach((identity, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), identity.item]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}
