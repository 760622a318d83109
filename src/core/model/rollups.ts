/** Roll-ups: counts and effort per section (with subsections), per priority and for the document. */
import type { Hours, Item, PlanModel } from './schema';
import type { Rollup, Rollups } from './rollup-types';
import { ZERO_HOURS, addHours, priorityCode } from './format';
import { effortEntries, effortOf, isWorkItem } from './work';

export function emptyRollup(): Rollup {
  return { items: 0, done: 0, partial: 0, open: 0, unknown: 0, hours: { ...ZERO_HOURS }, remainingHours: { ...ZERO_HOURS }, unestimated: [] };
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
  }
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

export function computeRollups(model: PlanModel): Rollups {
  const sections = model.sections.map(() => emptyRollup());
  const document = emptyRollup();
  const byPriority: Record<string, Rollup> = {};
  model.sections.forEach((section, s) => {
    for (const item of effortEntries(section, model.items)) {
      addEntry(sections[s], item, model.items);
      addEntry(document, item, model.items);
      if (item.priority && isWorkItem(item)) addEntry((byPriority[priorityCode(item.priority.rank)] ??= emptyRollup()), item, model.items);
    }
  });
  // Fold each section into its ancestors, deepest first (a parent always precedes its children).
  for (let s = model.sections.length - 1; s >= 0; s--) {
    const parent = model.sections[s].parent;
    if (parent !== undefined) mergeRollup(sections[parent], sections[s]);
  }
  return { document, sections, byPriority };
}
