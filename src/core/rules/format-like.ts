/**
 * Writes a computed number the way the plan wrote the one it replaces: same range separator
 * ("75-105" → "75-97", "35–45" → "34–43", "20 to 25" → "18 to 22"), same decimal mark, and in
 * the same unit (a total written in days stays in days).
 */
import type { Hours } from '../model/schema';

const NUMBER = /\d+(?:[.,]\d+)?/g;

function parseNumber(s: string): number {
  return Number(s.replace(',', '.'));
}

/** The first two numbers of a value text and what sits between them. */
function shape(valueText: string): { numbers: string[]; separator: string; prefix: string; suffix: string } {
  const matches = [...valueText.matchAll(NUMBER)];
  const first = matches[0];
  const second = matches[1];
  const firstEnd = first ? first.index + first[0].length : 0;
  return {
    numbers: matches.map((m) => m[0]),
    separator: second ? valueText.slice(firstEnd, second.index) : '-',
    prefix: first ? valueText.slice(0, first.index) : '',
    suffix: valueText.slice(second ? second.index + second[0].length : firstEnd),
  };
}

function formatNumberLike(n: number, decimalComma: boolean): string {
  const rounded = Math.round(n * 100) / 100;
  const s = String(rounded);
  return decimalComma ? s.replace('.', ',') : s;
}

/**
 * `declaredHours` is what `valueText` means in hours; the ratio gives the unit factor.
 * Returns undefined when the result would not be a number a person writes (e.g. 3.333 days).
 */
export function formatLike(valueText: string, declaredHours: Hours, computed: Hours): string | undefined {
  const { numbers, separator, prefix, suffix } = shape(valueText);
  if (numbers.length === 0 || computed.high === null) return undefined;
  const written = parseNumber(numbers[0]);
  const factor = written === 0 ? 1 : declaredHours.low / written;
  if (!Number.isFinite(factor) || factor <= 0) return undefined;
  const low = computed.low / factor;
  const high = computed.high / factor;
  if (![low, high].every((n) => Math.abs(n * 4 - Math.round(n * 4)) < 1e-9)) return undefined;
  const comma = numbers.some((n) => /,\d/.test(n));
  const body =
    low === high
      ? formatNumberLike(low, comma)
      : `${formatNumberLike(low, comma)}${separator}${formatNumberLike(high, comma)}`;
  return `${prefix}${body}${suffix}`;
}
