/**
 * Could this markdown file be a plan? Answered by one pass over its lines, before any parse,
 * with the engine's own readers (estimates, priorities, statuses, IDs, totals, plan titles).
 * Each line counts at most once per signal, and every item the parser would count has a line
 * that shows its signal, so the line counts bound the detector's score from above: a file
 * whose bound stays under the threshold cannot be a plan, and is never parsed. A file that
 * passes is parsed, and the detector decides as it does for an open file.
 */
import { PLAN_THRESHOLD, PLAN_TITLE, SIGNAL_WEIGHTS as W } from '../parse/detect';
import { findEstimates } from '../parse/estimate';
import { COUNT_NOUN, labelKind, readField, TIMELINE_LABEL, TOTAL_LABEL } from '../parse/fields';
import { meant } from '../parse/mojibake';
import { findPriority } from '../parse/priority';
import { findStatusEmoji, findStatusMarker } from '../parse/status';

export interface Prefilter {
  /** False only when the file cannot be a plan. */
  maybePlan: boolean;
  /** The detector's score can be no higher than this (it stops counting once the threshold is reached). */
  bound: number;
}

interface Counts {
  estimated: number;
  tasks: number;
  prioritized: number;
  identified: number;
  statused: number;
  declared: number;
  planTitle: boolean;
}

/** Which fields a table's header names: its rows carry them even as bare cells ("| 4 |" under "Hours"). */
interface TableColumns {
  estimate: boolean;
  priority: boolean;
  status: boolean;
}

const TASK = /^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+\[[ xX~!-]\]/;
const ID_ANYWHERE = /(?<![\w-])[A-Z][A-Z0-9]{0,11}(?:-[A-Z0-9]{1,8})*-\d{1,5}/;
const HEADING = /^\s{0,3}#{1,2}\s/;
const SETEXT = /^\s{0,3}(?:=+|-+)\s*$/;
const DECLARED_NOUN = new RegExp(String.raw`\d\s*(?:${COUNT_NOUN})\b|\b(?:${COUNT_NOUN})\b.*\d`, 'iu');
const UNIT_WORD = /hours?|hrs?|\bh\b|days?|weeks?|effort|estimate|aufwand|工数|時間|часы|оценка/iu;
const MOJIBAKE_HINT = /[ÃâðÄÅ]/;
/**
 * Longer lines are not read here (the readers' cost grows with the line): such a file may be
 * a plan, and the parser, which guards itself against pathological input, decides.
 */
const LONG_LINE = 4000;

function score(c: Counts): number {
  return (
    c.estimated / W.estimated +
    c.tasks / W.tasks +
    c.prioritized / W.prioritized +
    c.identified / W.identified +
    c.statused / W.statused +
    c.declared / W.declared +
    (c.planTitle ? W.planTitle : 0)
  );
}

function cells(line: string): string[] {
  return line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.replace(/[*_`]/g, '').trim());
}

function columnsOf(header: string): TableColumns {
  const labels = cells(header);
  const kinds = labels.map(labelKind);
  return {
    estimate: kinds.includes('estimate') || labels.some((l) => UNIT_WORD.test(l)),
    priority: kinds.includes('priority'),
    status: kinds.includes('status'),
  };
}

function fieldKind(line: string): ReturnType<typeof labelKind> | undefined {
  if (!line.includes(':') && !line.includes('：')) return undefined;
  const field = readField(line);
  return field ? labelKind(field.label) : undefined;
}

function countLine(c: Counts, raw: string, next: string | undefined, table: TableColumns | undefined): void {
  const line = MOJIBAKE_HINT.test(raw) ? meant(raw) : raw;
  const digit = /\d/.test(line);
  const field = fieldKind(line);
  if ((digit && findEstimates(line).length > 0) || table?.estimate || field === 'estimate') c.estimated++;
  if (TASK.test(line)) c.tasks++;
  if (findPriority(line) || table?.priority || field === 'priority') c.prioritized++;
  if (digit && ID_ANYWHERE.test(line)) c.identified++;
  if (findStatusEmoji(line, true) || findStatusMarker(line) || table?.status || field === 'status') c.statused++;
  if (digit && (TOTAL_LABEL.test(line) || TIMELINE_LABEL.test(line) || DECLARED_NOUN.test(line))) c.declared++;
  if (!c.planTitle && PLAN_TITLE.test(line) && (HEADING.test(line) || (next !== undefined && SETEXT.test(next)))) c.planTitle = true;
}

/** One pass over the lines; stops as soon as the file could be a plan. */
export function prefilterPlan(text: string): Prefilter {
  const c: Counts = { estimated: 0, tasks: 0, prioritized: 0, identified: 0, statused: 0, declared: 0, planTitle: false };
  const lines = text.split(/\r\n|\r|\n/);
  let table: TableColumns | undefined;
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > LONG_LINE) return { maybePlan: true, bound: Infinity };
    const isRow = line.trimStart().startsWith('|');
    if (isRow && !inTable) table = columnsOf(line);
    inTable = isRow;
    if (!line.trim()) continue;
    countLine(c, line, lines[i + 1], isRow ? table : undefined);
    if (score(c) >= PLAN_THRESHOLD) return { maybePlan: true, bound: score(c) };
  }
  const bound = score(c);
  return { maybePlan: bound >= PLAN_THRESHOLD, bound };
}
