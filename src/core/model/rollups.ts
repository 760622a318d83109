/** Roll-ups: counts and effort per section (with subsections), per priority and for the document. */
import type { Hours, Item, PlanModel } from './schema';
import type { Rollup, Rollups } from './rollup-types';
import { ZERO_HOURS, addHours, priorityCode } from './format';
import { effortEntries, effortOf, isWorkItem } from './work';

export function emptyRollup(): Rollup {
  return { items: 0, done: 0, partial: 0, open: 0, unknown: 0, hours: { ...ZERO_HOURS }, remainingHours: { ...ZERO_HOURS }, unestimated: [], written: { days: 0, hours: 0 } };
}

function countWritten(r: Rollup, item: Item, by: number): void {
  // Effort summed from sub-items has no one unit: read as hours.
  const unit = item.estimate?.unit ?? 'h';
  r.written ??= { days: 0, hours: 0 };
  if (unit === 'd' || unit === 'w') r.written.days += by;
  else r.written.hours += by;
}

/** An item's own story points, or else what its sub-items add to (as with effort). Never hours. */
export function pointsOf(item: Item, items: Item[]): number | undefined {
  if (item.size?.points !== undefined) return item.size.points;
  let sum: number | undefined;
  for (const c of item.children) {
    const p = items[c] && pointsOf(items[c], items);
    if (p !== undefined) sum = (sum ?? 0) + p;
  }
  return sum;
}

function addPoints(r: Rollup, points: number | undefined): void {
  if (points !== undefined) r.points = (r.points ?? 0) + points;
}

/** Adds one entry. Breakdown lines add effort but are not counted as items. */
export function addEntry(r: Rollup, item: Item, items: Item[]): void {
  const effort = effortOf(item, items);
  if (isWorkItem(item)) {
    r.items++;
    r[item.status]++;
    if (!effort) r.unestimated.push(item.index);
  }
  if (effort) {
    r.hours = addHours(r.hours, effort);
    if (item.status !== 'done') r.remainingHours = addHours(r.remainingHours, effort);
    countWritten(r, item, 1);
  }  addPoints(r, pointsOf(item, items));
}

export function mergeRollup(into: Rollup, from: Rollup): void {
  into.items += from.items;
  into.done += from.done;
  into.partial += from.partial;
  into.open += from.open;
  into.unknown += from.unknown;
  into.hours = addHours(into.hours, from.hours);
  into.remainingHours = addHours(into.remainingHours, from.remainingHours);
  into.unestimated.push(...from.unestimated);
  addPoints(into, from.points);
  if (from.written) {
    into.written ??= { days: 0, hours: 0 };
    into.written.days += from.written.days;
    into.written.hours += from.written.hours;
  }
}

export function sumHours(items: Item[], all: Item[]): { hours: Hours; estimated: number } {
  let hours: Hours = { ...ZERO_HOURS };
  let estimated = 0;
  for (const item of items) {
    const e = effortOf(item, all);
    if (e) {
      hours = addHours(hours, e);
      estimated++;
    }
  }
  return { hours, estimated };
}

/**
 * An entry as counted: a restatement counts as the item it restates (its status and effort),
 * so a summary table's section and the item's own section agree.
 */
function asCounted(entry: Item, items: Item[]): Item {
  if (entry.mentionOf === undefined) return entry;
  return items[entry.mentionOf] ?? entry;
}

/**
 * Each scope counts each item once: a section holding an item and a summary row restating
 * it counts one item, and so does the document. Sections count their own entries, fold
 * into their ancestors, and an ancestor that holds two mentions of one item takes one back.
 */
export function computeRollups(model: PlanModel, hoursPerDay = 8): Rollups {
  const sections = model.sections.map(() => emptyRollup());
  const document = emptyRollup();
  const byPriority: Record<string, Rollup> = {};
  const counted = new Set<number>();
  const where = new Map<number, number[]>();
  const restating: [number, Item][] = [];
  model.sections.forEach((section, s) => {
    const own = new Set<number>();
    for (const entry of effortEntries(section, model.items)) {
      // A summary row restating a whole section counts where it stands, not again where the two meet.
      if (entry.restates !== undefined) {
        addEntry(sections[s], entry, model.items);
        restating.push([s, entry]);
        continue;
      }
      const item = asCounted(entry, model.items);
      if (own.has(item.index)) continue;
      own.add(item.index);
      addEntry(sections[s], item, model.items);
      if (entry.mentionOf !== undefined || entry.mentions) where.set(item.index, [...(where.get(item.index) ?? []), s]);
      if (counted.has(item.index)) continue;
      counted.add(item.index);
      const canonical = model.items[item.index] ?? item;
      addEntry(document, canonical, model.items);
      if (canonical.priority && isWorkItem(canonical)) addEntry((byPriority[priorityCode(canonical.priority.rank)] ??= emptyRollup()), canonical, model.items);
    }
  });
  // Fold each section into its ancestors, deepest first (a parent always precedes its children).
  for (let s = model.sections.length - 1; s >= 0; s--) {
    const parent = model.sections[s].parent;
    if (parent !== undefined) mergeRollup(sections[parent], sections[s]);
  }
  takeBackRepeats(model, sections, where);
  for (const [s, entry] of restating) {
    for (let a = meeting(model, s, entry.restates!); a !== undefined; a = model.sections[a].parent) removeEntry(sections[a], entry, model.items, 1);
  }
  return { document, sections, byPriority, hoursPerDay };
}

/** The innermost section holding both; undefined when none does. */
function meeting(model: PlanModel, a: number, b: number): number | undefined {
  const chain = new Set<number>();
  for (let s: number | undefined = a; s !== undefined; s = model.sections[s].parent) chain.add(s);
  for (let s: number | undefined = b; s !== undefined; s = model.sections[s].parent) if (chain.has(s)) return s;
  return undefined;
}

/** An ancestor of several sections that mention one item counted it once per section: once is right. */
function takeBackRepeats(model: PlanModel, sections: Rollup[], where: Map<number, number[]>): void {
  for (const [index, places] of where) {
    if (places.length < 2) continue;
    const item = model.items[index];
    if (!item) continue;
    const seen = new Map<number, number>();
    for (const place of places) {
      for (let s: number | undefined = place; s !== undefined; s = model.sections[s].parent) seen.set(s, (seen.get(s) ?? 0) + 1);
    }
    for (const [s, times] of seen) if (times > 1) removeEntry(sections[s], item, model.items, times - 1);
  }
}

function removeEntry(r: Rollup, item: Item, items: Item[], times: number): void {
  const effort = effortOf(item, items);
  const points = pointsOf(item, items);
  for (let k = 0; k < times; k++) {
    if (points !== undefined) addPoints(r, -points);
    if (isWorkItem(item)) {
      r.items--;
      r[item.status]--;
      if (!effort) r.unestimated.splice(r.unestimated.lastIndexOf(item.index), 1);
    }
    if (effort) {
      r.hours = subtractHours(r.hours, effort);
      if (item.status !== 'done') r.remainingHours = subtractHours(r.remainingHours, effort);
      countWritten(r, item, -1);
    }
  }
}

/** An open-ended sum stays open-ended: one copy of the open-ended part remains. */
function subtractHours(a: Hours, b: Hours): Hours {
  return { low: a.low - b.low, high: a.high === null || b.high === null ? a.high : a.high - b.high };
}
