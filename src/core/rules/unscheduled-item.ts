/**
 * The plan schedules work by ID ranges ("CP-001 to CP-009" under "Week 1-2"), but some
 * defined IDs of that family fall in no range: work that is planned but never scheduled.
 */
import type { Item, PlanModel } from '../model/schema';
import type { Rule } from './types';
import { proseOnly } from './prose';
import { groupBy } from './group-by';
import { displayTitle, fullId } from './item-identity';

interface IdRange {
  prefix: string;
  from: number;
  to: number;
  offset: number;
  text: string;
}

const ID = /^([A-Z][A-Z0-9]*)-(\d+)[a-z]?$/;

// "CP-001 to CP-009", "CP-001–CP-009", "CP-001 – 009", "CP-001..CP-009", "FR-001〜FR-010".
// A bare hyphen counts only with the prefix repeated ("CP-001-CP-009"), so "CP-001-2" is not a range.
const RANGE =
  /\b([A-Z][A-Z0-9]*)-(\d+)[a-z]?(?:\s+(?:to|through|thru|until|bis|à|til|до|по)\s+(?:\1-)?|\s*(?:[–—〜～]|\.{2,3}|…)\s*(?:\1-)?|\s*-\s*\1-)(\d+)\b/gu;

/** Words that make a line or heading a schedule: "Week 1-2", "Sprint 3", "Phase 2", "Timeline", "Q3". */
const SCHEDULE =
  /\b(?:timeline|schedule|roadmap|calendar|week|sprint|phase|milestone|iteration|release|stage|wave|day|month|quarter|q[1-4]|deliverables?|woche|semaine|uke|fase)\b|недел|этап|спринт|週|スケジュール|フェーズ/iu;

export function scheduledRanges(text: string): IdRange[] {
  const ranges: IdRange[] = [];
  for (const m of proseOnly(text).matchAll(RANGE)) {
    const from = Number(m[2]);
    const to = Number(m[3]);
    if (to > from) ranges.push({ prefix: m[1], from, to, offset: m.index, text: m[0] });
  }
  return ranges;
}

/** The line a range sits on and the headings above it, which say whether it is a schedule. */
function inScheduleContext(text: string, model: PlanModel, innermostSection: SectionAt, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  if (SCHEDULE.test(text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd))) return true;
  let section: number | undefined = innermostSection(offset);
  for (; section !== undefined; section = model.sections[section]?.parent) {
    if (SCHEDULE.test(model.sections[section]?.title ?? '')) return true;
  }
  return false;
}

/** Each ID's first definition, grouped by family prefix. */
function definitionsByFamily(model: PlanModel): Map<string, { item: Item; prefix: string; number: number }[]> {
  const seen = new Set<string>();
  const defined: { item: Item; prefix: string; number: number }[] = [];
  for (const item of model.items) {
    // Hierarchical IDs ("STORY-3.1") are numbered in two levels, which ranges do not cover.
    const id = fullId(item);
    const m = id ? ID.exec(id) : null;
    if (!m || seen.has(id!) || item.checklist) continue;
    seen.add(id!);
    defined.push({ item, prefix: m[1], number: Number(m[2]) });
  }
  return groupBy(defined, (d) => d.prefix);
}

/** IDs mentioned one by one in the sections that hold the ranges ("Week 6: CP-029, CP-030"). */
function singlyScheduled(text: string, model: PlanModel, innermostSection: SectionAt, ranges: IdRange[]): Set<string> {
  const prose = proseOnly(text);
  const spans = ranges.map((r) => {
    const s = model.sections[innermostSection(r.offset) ?? -1];
    return s ? [s.bodyRange.start.offset, s.bodyRange.end.offset] : [0, 0];
  });
  const ids = new Set<string>();
  // Many ranges share a section: each stretch of text is scanned once, not once per range.
  for (const [start, end] of mergeSpans(spans)) {
    for (const m of prose.slice(start, end).matchAll(/\b[A-Z][A-Z0-9]*-\d+[a-z]?\b/g)) ids.add(m[0]);
  }
  return ids;
}

function mergeSpans(spans: number[][]): number[][] {
  const merged: number[][] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The innermost section whose body holds an offset. */
type SectionAt = (offset: number) => number | undefined;

/**
 * Finds the innermost section by binary search: the last section starting at or before the
 * offset, or the nearest of its ancestors that still holds it (sections come in document
 * order, parent first), else the preamble.
 */
function sectionFinder(model: PlanModel): SectionAt {
  const headed = model.sections.filter((s) => s.depth > 0);
  const preamble = model.sections.find((s) => s.depth === 0);
  const holds = (s: PlanModel['sections'][number], offset: number) => s.bodyRange.start.offset <= offset && offset <= s.bodyRange.end.offset;
  return (offset) => {
    let [lo, hi] = [0, headed.length - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (headed[mid].bodyRange.start.offset <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    for (let s: number | undefined = headed[hi]?.index; s !== undefined; s = model.sections[s]?.parent) {
      if (holds(model.sections[s], offset)) return s;
    }
    return preamble && holds(preamble, offset) ? preamble.index : undefined;
  };
}

export const unscheduledItem: Rule = {
  meta: {
    id: 'unscheduled-item',
    description: 'An item ID falls in none of the ID ranges the plan schedules for its family.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      unscheduled: '{id}{title} falls in none of the ranges the plan schedules for {prefix} ({ranges})',
    },
  },
  check({ text, model, report }) {
    const sectionAt = sectionFinder(model);
    const ranges = scheduledRanges(text).filter((r) => inScheduleContext(text, model, sectionAt, r.offset));
    if (ranges.length === 0) return;
    const mentioned = singlyScheduled(text, model, sectionAt, ranges);
    for (const [prefix, defined] of definitionsByFamily(model)) {
      const own = ranges.filter((r) => r.prefix === prefix);
      if (own.length === 0) continue;
      const inRange = (n: number) => own.some((r) => n >= r.from && n <= r.to);
      // Ranges covering no more than half the family are references ("depends on CP-001 to CP-003"), not a schedule.
      if (defined.filter((d) => inRange(d.number)).length <= defined.length / 2) continue;
      const missing = defined.filter((d) => !inRange(d.number) && !mentioned.has(fullId(d.item)!));
      const list = own.map((r) => r.text).join(', ');
      for (const { item } of missing) {
        const id = fullId(item)!;
        const title = displayTitle(item) && displayTitle(item) !== id ? ` "${displayTitle(item)}"` : '';
        report({ messageId: 'unscheduled', range: item.titleRange, data: { id, title, prefix, ranges: list } });
      }
    }
  },
};
