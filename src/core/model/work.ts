/**
 * Which items are work, and what effort each carries — one definition shared by the
 * roll-ups and the scopes of declared numbers, so a lens and a finding never disagree.
 */
import type { Declared, Hours, Item, PlanModel, Section } from './schema';
import { addHours } from './format';

/** Counted in progress and effort: top-level entries that are work, not outcomes to tick. */
export function isWorkItem(item: Item): boolean {
  return !item.checklist && item.parent === undefined && item.kind !== 'breakdown';
}

/** An item's own estimate, or else what its sub-items add to. */
export function effortOf(item: Item, items: Item[]): Hours | undefined {
  if (item.estimate) return item.estimate.hours;
  let sum: Hours | undefined;
  for (const c of item.children) {
    const e = effortOf(items[c], items);
    if (e) sum = sum ? addHours(sum, e) : e;
  }
  return sum;
}

/** Index one past the last section of each section's subtree (sections are in document order). */
export function subtreeEnds(sections: Section[]): number[] {
  const ends = sections.map(() => sections.length);
  const stack: Section[] = [];
  for (const s of sections) {
    while (stack.length > 0 && stack[stack.length - 1].depth >= s.depth && s.depth > 0) ends[stack.pop()!.index] = s.index;
    stack.push(s);
  }
  const preamble = sections.find((s) => s.depth === 0);
  if (preamble) ends[preamble.index] = preamble.index + 1;
  return ends;
}

/**
 * The effort entries of one section's own items: its work items, and its breakdown lines
 * where the work items carry no estimate ("Estimated Work Remaining:" + "- Templates: 20 h").
 */
export function effortEntries(section: Section, items: Item[]): Item[] {
  const own = section.items.map((i) => items[i]);
  const work = own.filter(isWorkItem);
  const breakdown = own.filter((i) => i.kind === 'breakdown' && !i.checklist && !rollsUpPriority(i, items));
  const workEstimated = work.some((i) => effortOf(i, items));
  return workEstimated || breakdown.length === 0 ? work : [...work, ...breakdown];
}

/** All effort entries in a section and its subsections. */
export function subtreeEntries(model: Pick<PlanModel, 'sections' | 'items'>, section: number, ends = subtreeEnds(model.sections)): Item[] {
  const result: Item[] = [];
  for (let s = section; s < ends[section]; s++) result.push(...effortEntries(model.sections[s], model.items));
  return result;
}

const ranksByItems = new WeakMap<Item[], Set<number>>();

/**
 * "- **P0 Critical Features**: 75-105 hours" in a timeline, where the plan marks its items P0:
 * the line adds up those items (a roll-up by priority), it is not more work.
 */
function rollsUpPriority(line: Item, items: Item[]): boolean {
  // The P-codes the line names (as parse/priority reads them; the host bundle may not reach the parser).
  const codes = [...line.title.matchAll(/(?<![\w-])P([0-3])(?![\w-])/g)].map((m) => Number(m[1]));
  if (codes.length === 0) return false;
  let ranks = ranksByItems.get(items);
  if (!ranks) ranksByItems.set(items, (ranks = new Set(items.flatMap((i) => (isWorkItem(i) && i.priority?.source === 'own' ? [i.priority.rank] : [])))));
  return codes.every((c) => ranks.has(c));
}

/**
 * What "4 of 9 tasks done" may count among the items: all of them, or only the ticked and
 * unticked boxes when there are boxes beside other entries ("- ⚠️ Vendor may be late").
 */
export function progressReadings<T extends Pick<Item, 'checkbox'>>(items: T[]): T[][] {
  const boxes = items.filter((i) => i.checkbox);
  return boxes.length > 0 && boxes.length < items.length ? [items, boxes] : [items];
}

/** The reading of `items` (see `progressReadings`) that bears out "N of M done": M items, N of them done. */
export function agreeingReading(declared: Pick<Declared, 'outOf' | 'value'>, items: Item[]): Item[] | undefined {
  return progressReadings(items).find((r) => r.length === declared.outOf && r.filter((i) => i.status === 'done').length === declared.value.low);
}
