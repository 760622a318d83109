/**
 * Requirements assessed beside the work that meets them. A gap analysis often lists, per
 * area, "Target Requirements" with their state (✅ done, ⚠️ partial, ❌ missing) and then,
 * in a sibling section, the work that closes the gaps with its hours. The requirements are
 * the criteria the work is measured against — a checklist, shown but not counted as more
 * items — much as acceptance criteria under a story are.
 *
 * Only where that is sure: the section's title names requirements, its entries carry no
 * estimate or ID of their own, and a sibling section holds estimated work. A "Requirements"
 * section that is itself the work (with estimates, or with no estimated work beside it)
 * stays as it is.
 */
import type { Item, Section } from '../model/schema';
import { isWithin } from '../rules/item-identity';
import { TextMemo } from '../rules/text-memo';

const REQUIREMENTS = /\brequirements?\b|\banforderungen\b|\bexigences\b|требования|要件/iu;

/** Whether each title names requirements, remembered by title (an edit re-reads every title). */
const named = new TextMemo<boolean>();
const namesRequirements = (title: string): boolean => named.get(title, (t) => REQUIREMENTS.test(t));

/** Marks the requirement checklists in place (sections and their items). */
export function markRequirementChecklists(sections: Section[], items: Item[]): void {
  const candidates = sections.filter((s) => s.parent !== undefined && namesRequirements(s.title));
  if (candidates.length === 0) return;
  const subtree = subtreeItems(sections, items);
  for (const section of candidates) {
    if (section.checklist) continue;
    const own = subtree[section.index];
    // Numbered requirements ("NFR-001: Performance") and headings that are items are the work itself.
    if (own.length === 0 || own.some((i) => i.estimate || i.checklist || i.id || i.kind === 'heading')) continue;
    const siblings = sections[section.parent!].sections.filter((s) => s !== section.index);
    if (!siblings.some((s) => subtree[s].some((i) => i.estimate && !i.checklist))) continue;
    for (let s = section.index; s < sections.length && isWithin(sections, s, section.index); s++) {
      sections[s].checklist = true;
      for (const i of subtree[s]) i.checklist = true;
    }
  }
}


/** Every item (sub-items too) in each section's subtree. */
function subtreeItems(sections: Section[], items: Item[]): Item[][] {
  const result = sections.map(() => [] as Item[]);
  for (const item of items) {
    for (let s: number | undefined = item.section; s !== undefined; s = sections[s].parent) result[s].push(item);
  }
  return result;
}
