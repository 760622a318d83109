/**
 * The words for a roll-up, shared by every surface that shows one (the status bar and its
 * tooltip, the Plan view, the code lenses, `plan-lens summary`), so they say the same numbers
 * and the parts always add up: done + partly done + open + unknown = items.
 */
import type { Hours } from './schema';
import type { Rollup } from './rollup-types';
import { formatHours, formatNumber } from './format';

/** Share of items done, in whole percent; 0 for no items. */
export function percentDone(r: Rollup): number {
  return r.items === 0 ? 0 : Math.round((100 * r.done) / r.items);
}

/** Whether any counted estimate was readable: else the roll-up has "no estimates", not "0 h". */
export function hasEstimates(r: Rollup): boolean {
  return r.written ? r.written.days + r.written.hours > 0 : r.unestimated.length < r.items;
}

/** Hours as the plan writes them: "3–4 d" where every estimate was written in days or weeks, else "24–32 h". */
export function formatEffort(h: Hours, r: Rollup, hoursPerDay?: number): string {
  if (hoursPerDay && r.written && r.written.days > 0 && r.written.hours === 0) {
    const d = (n: number) => formatNumber(Math.round((n / hoursPerDay) * 10) / 10);
    if (h.high === null) return `${d(h.low)}+ d`;
    return h.high === h.low ? `${d(h.low)} d` : `${d(h.low)}–${d(h.high)} d`;
  }
  return formatHours(h);
}

/** " · 21 pts" when the roll-up sums story points, else nothing: points are sizes, never hours. */
export function pointsText(r: Rollup): string {
  return r.points ? ` · ${formatNumber(r.points)} pts` : '';
}

/** "2 done, 1 partly done, 6 open, 1 unknown": every item in exactly one part. */
export function statusParts(r: Rollup): string {
  const parts = [`${r.done} done`];
  if (r.partial > 0) parts.push(`${r.partial} partly done`);
  if (r.open > 0) parts.push(`${r.open} open`);
  if (r.unknown > 0) parts.push(`${r.unknown} without a status`);
  return parts.join(', ');
}

/** "Estimated 30–41 h, 24–30 h left" or "No estimates", then " · 21 pts" when there are points. */
export function effortLine(r: Rollup, hoursPerDay?: number): string {
  if (!hasEstimates(r)) return `No estimates${pointsText(r)}`;
  const missing = r.unestimated.length > 0 ? ` (${r.unestimated.length} without an estimate)` : '';
  return `Estimated ${formatEffort(r.hours, r, hoursPerDay)}, ${formatEffort(r.remainingHours, r, hoursPerDay)} left${missing}${pointsText(r)}`;
}

/** The two lines every tooltip opens with. */
export function rollupLines(r: Rollup, hoursPerDay?: number): string[] {
  return [`${r.items} item${r.items === 1 ? '' : 's'}: ${statusParts(r)} (${percentDone(r)}% done)`, effortLine(r, hoursPerDay)];
}
