/**
 * Effort arithmetic shared by the rules that add up estimates (totals, capacity). An item's
 * effort is the roll-ups' own definition (`effortOf`), so a lens and a finding never disagree.
 */
import type { Hours, PlanModel } from '../model/schema';
import { addHours, ZERO_HOURS } from '../model/format';
import { effortOf } from '../model/work';

export interface EffortSum {
  hours: Hours;
  /** Parts that had an estimate. */
  estimated: number;
  /** Parts without one (item indices). */
  missing: number[];
}

export function sumItems(model: PlanModel, indices: readonly number[], skipDone = false): EffortSum {
  const sum: EffortSum = { hours: ZERO_HOURS, estimated: 0, missing: [] };
  for (const index of indices) {
    const item = model.items[index];
    if (!item || (skipDone && item.status === 'done')) continue;
    const hours = effortOf(item, model.items);
    if (hours) {
      sum.hours = addHours(sum.hours, hours);
      sum.estimated++;
    } else sum.missing.push(index);
  }
  return sum;
}

const EPSILON = 0.01;

export function same(a: number, b: number, tolerance = 0): boolean {
  return Math.abs(a - b) <= Math.max(EPSILON, tolerance * Math.max(Math.abs(a), Math.abs(b)));
}

/** Rounds so sums of decimals ("0.5 + 0.25") print as the plan would write them. */
export function tidy(h: Hours): Hours {
  const r = (n: number) => Math.round(n * 100) / 100;
  return { low: r(h.low), high: h.high === null ? null : r(h.high) };
}
