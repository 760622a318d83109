/**
 * Fields as plans write them — `**Priority**: P0`, `**Estimated:** 8 hours`, `Status: Done`,
 * `**HIGH PRIORITY TOTAL: 154-190 hours**` — and what their labels mean.
 */

import { MAX_NUMBER, readNumber } from './estimate';
import { SIZE_LABEL } from './size';

export interface Field {
  label: string;
  value: string;
  /** Offsets of the value within the line that was read. */
  valueStart: number;
  valueEnd: number;
}

// Optional emphasis around the label, the colon inside or outside it, optional emphasis
// around the value: "**Label**: v", "**Label:** v", "**Label: v**", "*Label:* v", "Label: v".
// The value is `(?:.*\S)?` rather than a lazy `.*?` before `\s*$`: the same text, read in
// linear time (the lazy form re-scans trailing spaces once per character).
const FIELD_RE = /^(\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?)([*_]{0,2})([^:*_\n：|][^:\n：|]{0,60}?)\s*(?:\2\s*[:：]|[:：]\s*\2|[:：](?=.*\2\s*$))\s*(?:[*_]{0,2})((?:.*\S)?)\s*$/du;

/**
 * `bracketed`: also a label with words in brackets ("Critical (P0) tasks", "Tasks marked [P]").
 * Only a declared number is read from such a label: an item's title keeps its annotation
 * ("**Rate limiting (P0)**: …" stays an item), so the plain reading refuses them.
 */
export function readField(line: string, bracketed = false): Field | undefined {
  const m = FIELD_RE.exec(line);
  if (!m) return undefined;
  const label = m[3].trim();
  if (!label || /^https?$/i.test(label) || (bracketed ? /`|\]\(|^\[[ xX]\]/.test(label) : /[`[\]()]/.test(label))) return undefined;
  let [valueStart, valueEnd] = m.indices![4];
  // Emphasis that wraps the value (or the whole "**Label: value**") is markup, not value.
  while (valueEnd > valueStart && /[*_]/.test(line[valueEnd - 1])) valueEnd--;
  while (valueStart < valueEnd && /[*_]/.test(line[valueStart])) valueStart++;
  const value = line.slice(valueStart, valueEnd).trim();
  return { label, value, valueStart, valueEnd };
}

export type LabelKind = 'estimate' | 'priority' | 'status' | 'id' | 'calendar' | 'other';

const ESTIMATE_LABEL = /^(?:estimated?|estimates?|estimated (?:time|effort|hours|work|duration)|effort|estimated effort|time estimate|time|hours|hrs|work|size|eta|aufwand|aufwandsschätzung|schätzung|estimation|temps estimé|estimat|tidsestimat|оценка|трудо[её]мкость|工数|見積もり?|見積|所要時間|予定工数)$/iu;
const PRIORITY_LABEL = /^(?:priority|prio|priorität|priorité|prioritet|приоритет|優先度|優先順位|severity|urgency)$/iu;
const STATUS_LABEL = /^(?:status|state|progress|stand|état|statut|статус|состояние|状態|ステータス|進捗)$/iu;
const CALENDAR_LABEL = /(?:timeline|schedule|duration|calendar|deadline|date|due|target|week|sprint|zeitplan|dauer|frist|délai|durée|срок|期間|期限|スケジュール|tidslinje|varighet)/iu;

export function labelKind(label: string): LabelKind {
  const l = label.trim();
  // A size field ("Story Points: 13", "T-shirt: M") stands where an estimate would: the item's own.
  if (ESTIMATE_LABEL.test(l) || SIZE_LABEL.test(l)) return 'estimate';
  if (PRIORITY_LABEL.test(l)) return 'priority';
  if (STATUS_LABEL.test(l)) return 'status';
  if (/^id$/i.test(l)) return 'id';
  if (CALENDAR_LABEL.test(l)) return 'calendar';
  return 'other';
}

/** A label that announces a sum: "Total P0 Effort", "Estimated Work Remaining", "HIGH PRIORITY TOTAL". */
export const TOTAL_LABEL = /(?:\btotal\b|\bsum\b|\boverall\b|\bgrand\b|\bremaining\b|\bin all\b|\bgesamt|\bsumme\b|итого|всего|合計|総計|総工数|\btotalt?\b|\bsamlet\b)/iu;
export const TIMELINE_LABEL = /(?:timeline|schedule|duration|calendar|delivery|zeitplan|dauer|durée|délai|срок|期間|スケジュール|tidslinje|varighet)/iu;

/** Things plans count ("34 story points" is a size, not 34 stories). */
export const COUNT_NOUN = String.raw`features?|gaps?|items?|tasks?|issues?|bugs?|todos?|to-dos?|tickets?|stories|story(?![\s-]*points?\b)|fixes|requirements?|epics?|modules?|deliverables?|improvements?|findings?|problems?|defects?|work items?|action items?`;

/** Item IDs: "CP-001", "SHIP-15a", "FR-001", "AUTH-2", "STORY-3.1". */
export const ID_RE = /^\[?([A-Z][A-Z0-9]{0,11}(?:-[A-Z0-9]{1,8})*-\d{1,5}(?:\.\d{1,4})*[a-z]?)\]?(?![\w-]|\.\d)/;

/** An ID at the start of a title (after markup), and the rest of the title after its separator. */
export function splitId(title: string): { id?: string; rest: string } {
  const lead = /^[\s*_`]*/.exec(title)![0].length;
  const m = ID_RE.exec(title.slice(lead));
  if (!m) return { rest: title };
  const after = title.slice(lead + m[0].length).replace(/^[\s*_`]*(?:[:：—–|-]\s*)?/, '');
  return { id: m[1], rest: after };
}

export interface RawCapacity {
  people?: number;
  hoursPerDay?: { low: number; high: number };
}

const WORD_NUMBER: Record<string, number> = { a: 1, one: 1, single: 1, solo: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** "All time estimates are for a single developer", "Assume 6-8 productive hours per day", "team of 3". */
export function readCapacity(line: string): RawCapacity | undefined {
  const result: RawCapacity = {};
  const people = /\b(?:for|by|with|assum\w*|team of)\s+(?:a\s+)?(\d+|a|one|single|solo|two|three|four|five|six)\s+(?:full[- ]time\s+|experienced\s+|senior\s+)?(?:developers?|engineers?|devs?|people|persons?|FTEs?)\b/i.exec(line);
  if (people) result.people = Number(people[1]) || WORD_NUMBER[people[1].toLowerCase()];
  if (!(result.people! <= MAX_NUMBER)) delete result.people;
  // `(?<!\d)`: a number starts where no digit precedes it, so a long digit run is tried once, not from every digit.
  const hpd = /(?<!\d)(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:[.,]\d+)?))?\s+(?:productive\s+|working\s+|focused\s+|effective\s+|dev(?:elopment)?\s+)?(?:hours?|h)\s+(?:per|a|each|\/)\s*(?:work(?:ing)?\s*)?day\b/i.exec(line);
  if (hpd) {
    const low = readNumber(hpd[1]);
    const high = hpd[2] ? readNumber(hpd[2]) : low;
    if (!Number.isNaN(low) && !Number.isNaN(high)) result.hoursPerDay = { low, high };
  }
  return result.people !== undefined || result.hoursPerDay ? result : undefined;
}
