/**
 * The model as the CLI's JSON speaks it: 1-based lines, hours as plain numbers, priorities as
 * "P0".."P3". `summary --format json`, `check --format json` and the VS Code extension share
 * these, so the shape is documented once, here, and versioned by `REPORT_VERSION`.
 */
import type { Analysis, Finding, Hours, Item, PlanModel, Rollup, Rollups, TextEdit } from '../core/index';
import { priorityCode } from '../core/model/format';
import { LineIndex } from '../core/parse/text';
import { toSpan, type Span } from './positions';

export const REPORT_VERSION = 1;

/** A file that was read and analysed; `path` as it is shown (relative to the working folder, `/`). */
export interface CheckedFile {
  path: string;
  /** The analysed text (BOM-less), for turning fix offsets into lines. */
  text: string;
  analysis: Analysis;
}

/** A file that could not be analysed, and why in a few words. */
export interface FailedFile {
  path: string;
  error: string;
}

export type FileOutcome = CheckedFile | FailedFile;

export function isChecked(outcome: FileOutcome): outcome is CheckedFile {
  return 'analysis' in outcome;
}

export function isFailed(outcome: FileOutcome): outcome is FailedFile {
  return 'error' in outcome;
}

export interface HoursJson {
  low: number;
  /** null when open-ended ("20+ h"). */
  high: number | null;
}

export interface RollupJson {
  items: number;
  done: number;
  partial: number;
  open: number;
  unknown: number;
  /** Work items with no estimate. */
  unestimated: number;
  hours: HoursJson;
  remainingHours: HoursJson;
  /** Story points, summed apart from hours; only when the scope has any. */
  points?: number;
}

export interface SummaryJson extends RollupJson {
  /** Keyed "P0".."P3"; only priorities the plan uses. */
  byPriority: Record<string, RollupJson>;
}

export interface SectionJson {
  title: string;
  line: number;
  depth: number;
  summary: RollupJson;
  sections: SectionJson[];
}

export interface ItemJson {
  id: string | null;
  title: string;
  kind: Item['kind'];
  line: number;
  status: Item['status'];
  priority: string | null;
  estimate: (HoursJson & { text: string }) | null;
  /** The box's checked state for a task with a box; null when the item has no box. */
  checkbox: boolean | null;
  /** An outcome under "Success Metrics"/"Deliverables": tracked, not counted as work. */
  checklist: boolean;
}

export interface PlanJson {
  isPlan: boolean;
  /** Why the detector decided as it did. */
  reason: string;
  /** null, with no sections or items, when the file is not a plan. */
  summary: SummaryJson | null;
  sections: SectionJson[];
  items: ItemJson[];
}

export interface FindingJson extends Span {
  rule: string;
  messageId: string;
  severity: Finding['severity'];
  message: string;
  declared?: string;
  computed?: string;
  /** `file` (the path as shown) when the location is in another file: cross-file rules. */
  related: (Span & { message: string; file?: string })[];
  /** Edits are UTF-16 offsets into the file's text without its BOM, and the same spans 1-based. */
  fix?: { description: string; edits: (Span & { start: number; end: number; newText: string })[] };
}

/** Whether the file is a plan and, if so, its document roll-ups: what both commands print. */
export function planHeaderJson({ model, rollups }: Analysis): Pick<PlanJson, 'isPlan' | 'reason' | 'summary'> {
  return { isPlan: model.isPlan, reason: model.detection.reason, summary: model.isPlan ? summaryJson(rollups) : null };
}

export function planJson(analysis: Analysis): PlanJson {
  const { model, rollups } = analysis;
  const header = planHeaderJson(analysis);
  if (!model.isPlan) return { ...header, sections: [], items: [] };
  return { ...header, sections: sectionTreeJson(model, rollups), items: model.items.map(itemJson) };
}

export function summaryJson(rollups: Rollups): SummaryJson {
  const codes = Object.keys(rollups.byPriority).sort();
  const byPriority = Object.fromEntries(codes.map((code) => [code, rollupJson(rollups.byPriority[code])]));
  return { ...rollupJson(rollups.document), byPriority };
}

export function rollupJson(r: Rollup): RollupJson {
  return {
    items: r.items,
    done: r.done,
    partial: r.partial,
    open: r.open,
    unknown: r.unknown,
    unestimated: r.unestimated.length,
    hours: hoursJson(r.hours),
    remainingHours: hoursJson(r.remainingHours),
    ...(r.points !== undefined && { points: r.points }),
  };
}

/** Top-level sections, each with its subsections nested. */
export function sectionTreeJson(model: PlanModel, rollups: Rollups): SectionJson[] {
  const node = (index: number): SectionJson => {
    const section = model.sections[index];
    return {
      title: section.title,
      line: section.range.start.line + 1,
      depth: section.depth,
      summary: rollupJson(rollups.sections[index]),
      sections: section.sections.map(node),
    };
  };
  return model.sections.filter((s) => s.parent === undefined && !isEmptyPreamble(s)).map((s) => node(s.index));
}

/** Text before the first heading is a section of depth 0; it is worth showing only when it holds items. */
export function isEmptyPreamble(section: PlanModel['sections'][number]): boolean {
  return section.depth === 0 && section.items.length === 0 && section.sections.length === 0;
}

export function itemJson(item: Item): ItemJson {
  return {
    id: item.id ?? null,
    title: item.title,
    kind: item.kind,
    line: item.range.start.line + 1,
    status: item.status,
    priority: item.priority ? priorityCode(item.priority.rank) : null,
    estimate: item.estimate ? { ...hoursJson(item.estimate.hours), text: item.estimate.text } : null,
    checkbox: item.checkbox ? item.checkbox.checked : null,
    checklist: item.checklist,
  };
}

/** `lines` is asked for only when a finding carries a fix, so unfixable files never index their text. */
export function findingJson(finding: Finding, lines: () => LineIndex): FindingJson {
  const json: FindingJson = {
    rule: finding.rule,
    messageId: finding.messageId,
    severity: finding.severity,
    message: finding.message,
    ...toSpan(finding.range),
    related: finding.related.map((r) => ({ ...toSpan(r.range), message: r.message, ...(r.file !== undefined && { file: r.file }) })),
  };
  if (finding.declared !== undefined) json.declared = finding.declared;
  if (finding.computed !== undefined) json.computed = finding.computed;
  if (finding.fix) json.fix = { description: finding.fix.description, edits: finding.fix.edits.map((e) => editJson(e, lines())) };
  return json;
}

function editJson(edit: TextEdit, lines: LineIndex) {
  return { start: edit.start, end: edit.end, newText: edit.newText, ...toSpan(lines.range(edit.start, edit.end)) };
}

/** Sums of fractional estimates carry float noise (0.1 + 0.2); three decimals is plenty for hours. */
function hoursJson(h: Hours): HoursJson {
  return { low: round(h.low), high: h.high === null ? null : round(h.high) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Builds the offset index lazily, once per file: a 5 MB file without fixes never needs it. */
export function lazyLines(text: string): () => LineIndex {
  let index: LineIndex | undefined;
  return () => (index ??= new LineIndex(text));
}
