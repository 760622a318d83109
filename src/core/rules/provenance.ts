/** Where an item's inherited status or priority comes from, so messages can name the heading. */
import type { Item, PlanModel, Section } from '../model/schema';

export function inheritedFrom(model: PlanModel, item: Item, field: 'status' | 'priority'): Section | undefined {
  for (let s: number | undefined = item.section; s !== undefined; s = model.sections[s]?.parent) {
    const section = model.sections[s];
    if (section?.[field]) return section;
  }
  return undefined;
}

/** ' (from "P2 NICE-TO-HAVE")' for an inherited value, '' for the item's own. */
export function fromHeading(model: PlanModel, item: Item, field: 'status' | 'priority'): string {
  const source = field === 'status' ? item.statusSource : item.priority?.source;
  if (source !== 'section') return '';
  const section = inheritedFrom(model, item, field);
  return section ? ` (from "${section.title}")` : ' (from its section)';
}
