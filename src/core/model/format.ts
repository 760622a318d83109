/** How hours and ranges read in messages, lenses and the CLI: "34–43 h", "20+ h", "8 h". */
import type { Hours } from './schema';

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}

/** A range as the plan would write it, with a plain hyphen: "75-97", "20+", "8". */
export function formatRange(h: Hours): string {
  if (h.high === null) return `${formatNumber(h.low)}+`;
  if (h.high === h.low) return formatNumber(h.low);
  return `${formatNumber(h.low)}-${formatNumber(h.high)}`;
}

/** For people: en dash and unit, "34–43 h". */
export function formatHours(h: Hours): string {
  if (h.high === null) return `${formatNumber(h.low)}+ h`;
  if (h.high === h.low) return `${formatNumber(h.low)} h`;
  return `${formatNumber(h.low)}–${formatNumber(h.high)} h`;
}

export function addHours(a: Hours, b: Hours): Hours {
  return { low: a.low + b.low, high: a.high === null || b.high === null ? null : a.high + b.high };
}

export const ZERO_HOURS: Hours = { low: 0, high: 0 };

/** Canonical code for a priority rank: 0 → "P0". */
export function priorityCode(rank: number): string {
  return `P${rank}`;
}
