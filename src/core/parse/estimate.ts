/**
 * Reads effort as people write it: "4-6 hours", "2h", "30 min", "0,5h", "1w", "20+ hours",
 * "~3 hours", "8–10h", "40〜56時間", "1 hour per skill". A reading is a range in the unit as
 * written; conversion to hours happens later, with the user's hours-per-day settings.
 *
 * Not effort: money ("$5-10"), calendar spans ("Week 1-2", "Duration: 2 weeks" — the caller
 * decides by label), percentages, story points.
 */
import type { EstimateUnit, Hours } from '../model/schema';

export interface RawEstimate {
  low: number;
  /** null when open-ended ("20+ hours"). */
  high: number | null;
  unit: EstimateUnit;
  /** Start and end of the matched text within the string that was read. */
  start: number;
  end: number;
  approximate: boolean;
  per?: string;
}

const NUM = String.raw`\d+(?:[.,]\d+)?`;
const DASH = String.raw`\s*(?:-|–|—|〜|～|~|to|bis|à|til)\s*`;
const UNITS: [EstimateUnit, string][] = [
  ['min', String.raw`minutes?|mins?|(?<=\d)m(?![a-zA-Z])|минут[аы]?|мин|分`],
  ['h', String.raw`hours?|hrs?|h(?![a-zA-Z])|hs|stunden|std\.?|timer|heures?|ч(?:ас(?:а|ов)?)?|時間`],
  ['d', String.raw`days?|d(?![a-zA-Z])|tage?n?|dager?|jours?|дн(?:ей|я|и)?|日|営業日|人日`],
  ['w', String.raw`weeks?|wks?|w(?![a-zA-Z])|wochen?|uker?|semaines?|недел[ьиюя]|нед|週間?`],
];
const UNIT_SOURCE = UNITS.map(([, s]) => `(${s})`).join('|');

// Lookbehind keeps "$5-10", "v1.2h" and "Week 1-2" out; the unit must follow the number.
// `\s*(?:(\+)\s*)?` rather than `\s*(\+)?\s*`: the same matches, but not quadratic on long space runs.
const ESTIMATE_RE = new RegExp(
  String.raw`(?<![\w$€£.#/<>≤≥-])([~≈±]\s*|about\s+|approx\.?\s+|ca\.?\s+)?(${NUM})(?:${DASH}(${NUM}))?\s*(?:(\+)\s*)?(?:${UNIT_SOURCE})(\+)?(?:\s+(?:per|each|/)\s+([\p{L}-]+))?`,
  'giu',
);

const CALENDAR_BEFORE = /(?:week|wk|day|sprint|month|quarter|q|phase|day|woche|tag|неделя|день)\s*$/i;

/**
 * Numbers past this are not effort or a count anyone means ("9999…9 h", 309 digits, would
 * even become Infinity and fail the model's schema): they read as no number at all.
 */
export const MAX_NUMBER = 1e9;

/** The number a digit string says, or NaN when it is absurdly large. */
export function readNumber(text: string): number {
  const n = Number(text.replace(',', '.'));
  return n <= MAX_NUMBER ? n : NaN;
}

function toNumber(text: string): number {
  return readNumber(text);
}

function unitOf(groups: (string | undefined)[]): EstimateUnit | undefined {
  for (let i = 0; i < UNITS.length; i++) if (groups[i] !== undefined) return UNITS[i][0];
  return undefined;
}

/** Every estimate in a string, in order. */
export function findEstimates(text: string): RawEstimate[] {
  const found: RawEstimate[] = [];
  ESTIMATE_RE.lastIndex = 0;
  for (let m = ESTIMATE_RE.exec(text); m; m = ESTIMATE_RE.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (CALENDAR_BEFORE.test(before)) continue;
    const unit = unitOf(m.slice(5, 5 + UNITS.length));
    if (!unit) continue;
    const low = toNumber(m[2]);
    const high = m[3] !== undefined ? toNumber(m[3]) : low;
    if (!(high >= low)) continue; // also false for NaN: absurd numbers are no estimate
    const open = m[4] !== undefined || m[5 + UNITS.length] !== undefined;
    found.push({
      low,
      high: open ? null : high,
      unit,
      start: m.index + (m[1]?.length ?? 0),
      end: m.index + m[0].length,
      approximate: m[1] !== undefined,
      per: m[6 + UNITS.length],
    });
  }
  return found;
}

/** The first estimate in a string, if any. */
export function readEstimate(text: string): RawEstimate | undefined {
  return findEstimates(text)[0];
}

/** A bare number or range ("20-25", "3.0", "20+") read in a known unit (a table column "Hours"). */
export function readBareRange(text: string, unit: EstimateUnit): RawEstimate | undefined {
  const withUnit = readEstimate(text);
  if (withUnit) return withUnit;
  const m = new RegExp(String.raw`^\W*?(${NUM})(?:${DASH}(${NUM}))?(?:\s*(\+))?\W*$`, 'u').exec(text.trim());
  if (!m) return undefined;
  const low = toNumber(m[1]);
  const high = m[2] !== undefined ? toNumber(m[2]) : low;
  if (!(high >= low)) return undefined;
  const start = text.indexOf(m[1]);
  return { low, high: m[3] ? null : high, unit, start, end: text.trimEnd().replace(/\W+$/u, '').length, approximate: false };
}

export interface UnitSettings {
  hoursPerDay: number;
  daysPerWeek: number;
}

export function unitHours(unit: EstimateUnit, settings: UnitSettings): number {
  switch (unit) {
    case 'min':
      return 1 / 60;
    case 'h':
      return 1;
    case 'd':
      return settings.hoursPerDay;
    case 'w':
      return settings.hoursPerDay * settings.daysPerWeek;
  }
}

export function toHours(raw: { low: number; high: number | null; unit: EstimateUnit }, settings: UnitSettings): Hours {
  const k = unitHours(raw.unit, settings);
  const round = (n: number) => Math.round(n * k * 1000) / 1000;
  return { low: round(raw.low), high: raw.high === null ? null : round(raw.high) };
}

const LEADING_NUMBER = new RegExp(String.raw`^${NUM}(?:${DASH}${NUM})?\+?`, 'u');

/**
 * Length of the leading number or range in a value ("75-105 hours" → 5, "8 features" → 1):
 * exactly the text a fix replaces.
 */
export function numberSpan(text: string): number {
  const m = LEADING_NUMBER.exec(text);
  return m ? m[0].length : text.length;
}
