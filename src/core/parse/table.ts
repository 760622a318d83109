/**
 * Reads a GFM table as a list of items when it is one: a column naming the work (Task,
 * Feature, Component, Ticket…) and at least one column that says something about it (effort,
 * priority, status, ID). A last row headed "Total" declares the sum of the effort column.
 * Tables of metrics, URLs or comparisons are not item tables and yield nothing.
 */
import type { Nodes, Table, TableCell, TableRow } from 'mdast';
import type { EstimateUnit } from '../model/schema';
import { findEstimates, readBareRange, type RawEstimate } from './estimate';
import { readPriorityValue } from './priority';
import { findStatusEmoji, readStatusValue } from './status';
import { readProgress } from './progress';
import { COUNT_NOUN, ID_RE } from './fields';
import { cleanTitle, plainText as rawText } from './text';
import { meant } from './mojibake';
import { readSizeValue, type RawSize } from './size';

/** Cell text as meant: "âœ…" reads as "✅". */
function plainText(node: Nodes): string {
  return meant(rawText(node));
}

export interface TableRowFacts {
  node: TableRow;
  title: string;
  titleNode?: TableCell;
  id?: string;
  total: boolean;
  /** A roll-up row ("P0 Critical | 3 tasks | 13-17h"): it counts items, it is not one. */
  summary: boolean;
  effort?: { estimate: RawEstimate; raw: string; base: number };
  /** A size that is not hours: points under "Story Points", "M" under "Size" or "Effort". */
  size?: { size: RawSize; base: number };
  priority?: { rank: number; label: string };
  status?: 'done' | 'partial' | 'open';
}

export interface TableFacts {
  isItemTable: boolean;
  rows: TableRowFacts[];
}

const TITLE_HEADER = /task|feature|item|component|ticket|gap|title|name|module|work|deliverable|story|issue|fix|improvement|requirement|epic|capability|area|aufgabe|thema|задач|функци|タスク|項目|機能|作業|fonctionnalit|tâche|oppgave|funksjon|what/i;
const EFFORT_HEADER = /effort|estimate|\best\b|hours|\bhrs?\b|\btime\b|aufwand|stunden|工数|時間|оценк|час|timer|temps|\bdays?\b|tage|дн/i;
const NOT_EFFORT_HEADER = /duration|deadline|date|\beta\b|week|sprint|phase|due|calendar|when|spent|actual/i;
const PRIORITY_HEADER = /priority|\bprio|severity|優先|приоритет|priorit/i;
const STATUS_HEADER = /status|state|\bdone\b|progress|状態|ステータス|статус|\bstand\b|état|statut/i;
/** Story points or T-shirt sizes: never hours, even under "Estimate (SP)". */
const POINTS_HEADER = /\bstory[\s-]*points?\b|^(?:sp|pts|points?)$|\((?:sp|pts|points?)\)/i;
const SIZE_HEADER = /^(?:size|t-?shirt(?:[\s-]*size)?)$/i;
const ID_HEADER = /^(?:id|#|key|ref|ticket id|no\.?)$/i;
const COUNT_CELL = new RegExp(String.raw`^\W*\d+\s+(?:${COUNT_NOUN})\W*$`, 'iu');
const TOTAL_ROW = /^\W*(?:grand\s+)?(?:total|sum|gesamt|summe|合計|総計|итого|всего|totalt|samlet)\b/iu;

interface Columns {
  title?: number;
  effort?: number;
  effortUnit: EstimateUnit;
  /** Header names hours or days outright, so bare numbers in the column are effort. */
  bareNumbers: boolean;
  priority?: number;
  status?: number;
  id?: number;
  /** Story points or T-shirt sizes. */
  size?: number;
  sizeLabel?: string;
}

export function readTable(table: Table, source: (n: Nodes) => string): TableFacts {
  const [header, ...body] = table.children;
  if (!header || body.length === 0) return { isItemTable: false, rows: [] };
  const headers = header.children.map((c) => cleanTitle(plainText(c)));
  const columns = classify(headers, body);
  const isItemTable = columns.title !== undefined && (columns.effort !== undefined || columns.priority !== undefined || columns.status !== undefined || columns.id !== undefined || columns.size !== undefined);
  if (!isItemTable) return { isItemTable: false, rows: [] };
  const rows = body.map((row) => readRow(row, columns, source));
  markUnlabelledTotal(rows);
  return { isItemTable, rows };
}

/**
 * A last row without a "Total" label that totals the rows above it: its first cell is
 * empty, or its effort is the sum of every row above (at least two, all estimated).
 */
function markUnlabelledTotal(rows: TableRowFacts[]): void {
  const last = rows[rows.length - 1];
  const above = rows.slice(0, -1).filter((r) => !r.total);
  if (!last?.effort || last.total || above.length < 2) return;
  const firstCell = last.node.children[0];
  const empty = !firstCell || plainText(firstCell).trim() === '';
  const low = above.reduce((n, r) => n + (r.effort?.estimate.low ?? NaN), 0);
  const highs = above.map((r) => r.effort?.estimate.high);
  const high = highs.some((h) => h === null || h === undefined) ? NaN : highs.reduce((n: number, h) => n + (h ?? 0), 0);
  const e = last.effort.estimate;
  const sums = above.every((r) => r.effort && r.effort.estimate.unit === e.unit) && low === e.low && (e.high === high || (e.high === e.low && low === high));
  if (empty || sums) {
    last.total = true;
    last.summary = false;
  }
}

function classify(headers: string[], body: TableRow[]): Columns {
  const columns: Columns = { effortUnit: 'h', bareNumbers: false };
  const cell = (row: TableRow, i: number) => (row.children[i] ? plainText(row.children[i]) : '');
  headers.forEach((h, i) => {
    if (columns.size === undefined && (POINTS_HEADER.test(h) || SIZE_HEADER.test(h))) {
      columns.size = i;
      columns.sizeLabel = POINTS_HEADER.test(h) ? 'points' : h;
    } else if (columns.priority === undefined && PRIORITY_HEADER.test(h)) columns.priority = i;
    else if (columns.status === undefined && STATUS_HEADER.test(h)) columns.status = i;
    else if (columns.effort === undefined && EFFORT_HEADER.test(h) && !NOT_EFFORT_HEADER.test(h)) {
      columns.effort = i;
      columns.effortUnit = /\bdays?\b|tage|дн|日/i.test(h) ? 'd' : 'h';
      columns.bareNumbers = /hours|\bhrs?\b|\(h\)|stunden|時間|час|timer|\bdays?\b|tage|дн|effort|estimate|\best\b|工数/i.test(h);
    } else if (columns.id === undefined && ID_HEADER.test(h) && body.some((r) => ID_RE.test(cell(r, i).trim()))) columns.id = i;
  });
  const textual = (i: number) => body.filter((r) => /\p{L}{2}/u.test(cell(r, i)) && !/^\s*[\d.,%+\-–~]+\s*$/.test(cell(r, i))).length >= body.length / 2;
  const titled = headers.findIndex((h, i) => TITLE_HEADER.test(h) && i !== columns.effort && i !== columns.status && i !== columns.priority && i !== columns.id && i !== columns.size && textual(i));
  if (titled >= 0) columns.title = titled;
  else if (columns.effort !== undefined || columns.priority !== undefined) {
    const first = headers.findIndex((_, i) => i !== columns.effort && i !== columns.status && i !== columns.priority && i !== columns.id);
    if (first >= 0 && textual(first) && !/metric|measure|kpi|criteri|risk|url|file|path|date/i.test(headers[first])) columns.title = first;
  }
  useTimelineForSizes(columns, headers, body, cell);
  if (columns.status === undefined) {
    // A column of ✅/⚠️/❌ cells is a status column whatever its header says.
    const i = headers.findIndex((_, k) => k !== columns.title && body.filter((r) => findStatusEmoji(cell(r, k).trim())).length >= body.length * 0.6);
    if (i >= 0) columns.status = i;
  }
  return columns;
}

const TIMELINE_HEADER = /timeline|duration|dauer|durée|varighet|срок|期間|所要/i;

/**
 * "| Effort | … | Timeline |" with "MEDIUM" under Effort and "1-2d" under Timeline: the effort
 * column holds sizes, not durations, so the item's effort is what its timeline says.
 */
function useTimelineForSizes(columns: Columns, headers: string[], body: TableRow[], cell: (row: TableRow, i: number) => string): void {
  if (columns.effort === undefined || body.some((r) => findEstimates(cell(r, columns.effort!)).length > 0)) return;
  const i = headers.findIndex((h, k) => k !== columns.title && TIMELINE_HEADER.test(h));
  if (i < 0 || body.filter((r) => findEstimates(cell(r, i)).length > 0).length < Math.max(2, body.length * 0.6)) return;
  columns.effort = i;
  columns.effortUnit = 'h';
  columns.bareNumbers = false;
}

function readRow(row: TableRow, columns: Columns, source: (n: Nodes) => string): TableRowFacts {
  const cells = row.children;
  const titleNode = columns.title !== undefined ? cells[columns.title] : undefined;
  const title = titleNode ? cleanTitle(plainText(titleNode)) : '';
  const facts: TableRowFacts = {
    node: row,
    title,
    titleNode,
    total: TOTAL_ROW.test(plainText(cells[0] ?? row)) || TOTAL_ROW.test(title),
    summary: cells.some((c, i) => i !== columns.effort && COUNT_CELL.test(plainText(c).trim())),
  };
  if (columns.id !== undefined && cells[columns.id]) facts.id = ID_RE.exec(plainText(cells[columns.id]).trim())?.[1];
  const effortCell = columns.effort !== undefined ? cells[columns.effort] : undefined;
  if (effortCell?.position) {
    const raw = source(effortCell);
    const estimate = findEstimates(raw)[0] ?? (columns.bareNumbers ? readBareRange(raw, columns.effortUnit) : undefined);
    if (estimate) facts.effort = { estimate, raw, base: effortCell.position.start.offset! };
    else facts.size = sizeIn(effortCell, source);
  }
  const sizeCell = columns.size !== undefined ? cells[columns.size] : undefined;
  if (sizeCell) facts.size = sizeIn(sizeCell, source, columns.sizeLabel) ?? facts.size;
  const priorityCell = columns.priority !== undefined ? cells[columns.priority] : undefined;
  if (priorityCell) {
    const p = readPriorityValue(plainText(priorityCell));
    if (p) facts.priority = { rank: p.rank, label: cleanTitle(plainText(priorityCell)) };
  }
  const statusCell = columns.status !== undefined ? cells[columns.status] : undefined;
  const status = statusCell ? readStatusValue(plainText(statusCell)) : titleNode ? findStatusEmoji(plainText(titleNode)) : undefined;
  // "✅ Complete (8/9)" in a status cell: partly done.
  const progress = statusCell && status?.status === 'done' ? readProgress(plainText(statusCell), true) ?? readProgress(plainText(statusCell)) : undefined;
  if (status) facts.status = progress && progress.done < progress.total ? 'partial' : status.status;
  return facts;
}

/** A cell's source includes its pipes and padding: the size is read from where its text starts. */
function sizeIn(cell: TableCell, source: (n: Nodes) => string, label?: string): TableRowFacts['size'] {
  const raw = source(cell);
  const text = rawText(cell).trim();
  const at = text ? raw.indexOf(text) : -1;
  if (!cell.position || at < 0) return undefined;
  const size = readSizeValue(raw.slice(at), label);
  return size && { size, base: cell.position.start.offset! + at };
}
