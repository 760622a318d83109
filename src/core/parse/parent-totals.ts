/**
 * A parent's own estimate over estimated sub-items ("- [ ] Build export (6h)" over "CSV (2h)"
 * and "PDF (4h)") is a declared total of them, not more effort: the roll-ups count the parent's
 * estimate once (see `effortOf`), and total-mismatch compares it with what its sub-items add
 * up to. Which of the two numbers is wrong is the author's call, so no fix is offered.
 */
import type { Declared, Item } from '../model/schema';

export function parentTotals(items: readonly Item[], first: number): Declared[] {
  const result: Declared[] = [];
  for (const item of items) {
    const e = item.estimate;
    if (!e || e.per || item.checklist) continue;
    const parts = item.children.filter((c) => !items[c]?.checklist);
    // Two parts or more, every one estimated: a lone "(10 min → 5 sec)" under a note is not a breakdown.
    if (parts.length < 2 || !parts.every((c) => items[c]?.estimate)) continue;
    result.push({
      index: first + result.length,
      kind: 'total',
      label: item.title,
      range: item.titleRange,
      valueRange: e.range,
      valueText: e.text,
      value: e.hours,
      where: 'list',
      scope: { kind: 'list', items: parts, parent: item.index },
      section: item.section,
    });
  }
  return result;
}
