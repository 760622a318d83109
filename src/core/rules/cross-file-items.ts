/**
 * The same item across plan files: occurrences keyed by full ID, or by normalised title
 * (three significant words at least). A title used by many items in one
 * file is a repeated chore ("Write tests" in every phase), not one item, and is not a key.
 */
import type { Item } from '../model/schema';
import type { PlanFile } from './types';
import { fullId, identityOf, type Identity } from './item-identity';
import { groupBy } from './group-by';

export interface Occurrence {
  plan: PlanFile;
  item: Item;
  identity: Identity;
}

/**
 * Titles match across files only with this many significant words: two-word titles
 * ("Virtual Scrolling", "Keyboard Shortcuts") name different work in different plans too
 * often, where within one plan they name one item.
 */
const MIN_TITLE_WORDS = 3;

/** A title repeated more often than this within one file names a chore, not an item. */
const MAX_IN_ONE_FILE = 3;

function occurrences(plans: readonly PlanFile[]): Occurrence[] {
  return plans.flatMap((plan) => plan.model.items.filter((i) => !i.checklist).map((item) => ({ plan, item, identity: identityOf(item) })));
}

/** Two definitions of the same kind whose titles share fewer than half their significant words. */
export function differentItems(a: Identity, b: Identity): boolean {
  if (a.words.length === 0 || b.words.length === 0 || a.item.kind !== b.item.kind) return false;
  const [shorter, longer] = a.words.length <= b.words.length ? [a.words, new Set(b.words)] : [b.words, new Set(a.words)];
  return shorter.filter((w) => longer.has(w)).length / shorter.length < 0.5;
}

/** Groups of occurrences in at least two files, keyed by `id:` or `title:`. */
export function acrossFiles(plans: readonly PlanFile[]): Map<string, Occurrence[]> {
  const all = occurrences(plans);
  const keyed = groupBy(
    all.flatMap((o) => {
      const id = fullId(o.item);
      const keys = id ? [`id:${id}`] : [];
      if (o.identity.words.length >= MIN_TITLE_WORDS) keys.push(`title:${o.identity.title}`);
      return keys.map((key) => ({ key, o }));
    }),
    (k) => k.key,
  );
  const groups = new Map<string, Occurrence[]>();
  for (const [key, entries] of keyed) {
    const group = entries.map((e) => e.o);
    const perFile = groupBy(group, (o) => o.plan.file);
    if (perFile.size < 2) continue;
    if (key.startsWith('title:') && [...perFile.values()].some((g) => g.length > MAX_IN_ONE_FILE)) continue;
    groups.set(key, group);
  }
  return groups;
}

export function byFile(group: readonly Occurrence[]): Map<string, Occurrence[]> {
  return groupBy(group, (o) => o.plan.file);
}

/** How a file is named in a message: its last path segment ("roadmap.md"). */
export function fileName(file: string): string {
  const last = file.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? file;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
