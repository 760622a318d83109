/** Small plans written as lines, analysed as plans, and the totals a person checks first. */
import { analyzePlan, type Analysis } from '../../../src/core/index';

export function analyse(lines: string[]): Analysis {
  return analyzePlan(lines.join('\n'), { detection: 'always' });
}

/** Items, low hours and high hours of the whole plan. */
export function totals(a: Analysis): [number, number, number | null] {
  const d = a.rollups.document;
  return [d.items, d.hours.low, d.hours.high];
}
