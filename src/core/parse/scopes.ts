/**
 * What each declared number speaks about. The extractor saw the blocks around a statement
 * ("the table above", "the list below"); what needs the whole document is decided here:
 * - a heading's total or count: its section, with subsections;
 * - "P0 Critical Gaps: 8 features", "35-45 hours for P0+P1 gaps": the items *marked* with
 *   those priorities (their own mark, not one inherited from a heading — a table under
 *   "P0 CRITICAL" restates items, it does not mark them);
 * - a grand total ("Total Remaining Work") beside nothing: the per-priority totals the plan
 *   declares elsewhere, when there are at least two; else the nearest section with effort;
 * - a timeline: the nearest section with effort, else the document.
 */
import type { Declared, Item, Section } from '../model/schema';
import { agreeingReading, effortEntries, effortOf, isWorkItem, subtreeEnds } from '../model/work';
import { findPriority } from './priority';
import { carriesTag, idNumberIn, type IdRange } from './id-tags';
import { TextMemo } from '../rules/text-memo';
import { groupBy } from '../rules/group-by';

export type PendingScope =
  | { kind: 'list' | 'table'; items: number[]; adjacent?: boolean }
  | { kind: 'priorities'; priorities: number[] }
  | { kind: 'ids'; range: IdRange }
  | { kind: 'tagged'; tag: string }
  | { kind: 'named'; name: string }
  | { kind: 'grand' | 'section' | 'document' };

type PendingDeclared = Declared & { pending?: PendingScope };

export function resolveScopes(declared: PendingDeclared[], items: Item[], sections: Section[], remap: (number | undefined)[]): Declared[] {
  const ends = subtreeEnds(sections);
  const own = sections.map((s) => effortEntries(s, items).map((i) => i.index));
  const subtree = memo((s: number) => own.slice(s, ends[s]).flat());
  const withEffort = memo((s: number) => subtree(s).some((i) => effortOf(items[i], items)));
  const nearestWithEffort = (s: number): number | undefined => {
    for (let c: number | undefined = s; c !== undefined; c = sections[c].parent) if (withEffort(c)) return c;
    return undefined;
  };
  const markedCache = new Map<string, number[]>();
  const marked = (ranks: number[]) => {
    const key = ranks.join(',');
    let found = markedCache.get(key);
    if (!found) markedCache.set(key, (found = items.filter((i) => isWorkItem(i) && i.priority?.source === 'own' && ranks.includes(i.priority.rank)).map((i) => i.index)));
    return found;
  };
  let everything: number[] | undefined;
  const documentItems = () => (everything ??= own.flat());
  const sectionItems = subtree;
  // The document's items with effort, once: whether a scope leaves any out is then a count.
  let withEffortInDocument: Set<number> | undefined;
  const effortOutside = (scope: number[]) => {
    withEffortInDocument ??= new Set(documentItems().filter((i) => effortOf(items[i], items)));
    let inside = 0;
    for (const i of new Set(scope)) if (withEffortInDocument.has(i)) inside++;
    return inside < withEffortInDocument.size;
  };

  const resolved: Declared[] = declared.map((d) => {
    const { pending, ...rest } = d;
    const p = pending ?? { kind: 'section' as const };
    const out: Declared = { ...rest, scope: { kind: 'section', section: d.section, items: [] } };
    // "Phase 1 Total: 30-35 hours" at the end of 1.2 speaks of "Phase 1", not of 1.2.
    const names = (d.kind === 'total' || d.kind === 'count') && p.kind !== 'ids' && p.kind !== 'tagged';
    const named = names ? namedAncestor(d.label, d.section, sections) : undefined;
    if (named !== undefined && named !== d.section && d.where !== 'heading') {
      out.scope = { kind: 'section', section: named, items: d.kind === 'count' ? sectionItems(named).filter((i) => isWorkItem(items[i])) : sectionItems(named) };
      return out;
    }
    if (d.kind === 'progress') {
      out.scope = progressScope(d, p, sections, items, (s) => sectionItems(s).filter((i) => isWorkItem(items[i])));
      if (out.scope.ambiguous) out.unsure = true;
      return out;
    }
    switch (p.kind) {
      case 'named': {
        // "Setup: 4 tasks (Phase 1)": the one section that name opens; none or several: not compared.
        const named = sectionsNamed(p.name, sections);
        if (named.length === 1) out.scope = { kind: 'section', section: named[0], items: sectionItems(named[0]).filter((i) => isWorkItem(items[i])) };
        break;
      }
      case 'list':
      case 'table':
        out.scope = { kind: p.kind, section: d.section, items: p.items.map((i) => remap[i]).filter((i): i is number => i !== undefined) };
        if (p.adjacent && d.kind === 'total' && namesNothing(d.label) && effortOutside(out.scope.items)) out.scope.ambiguous = true;
        break;
      case 'priorities':
        out.scope = { kind: 'document', items: marked(p.priorities), priorities: p.priorities };
        break;
      case 'ids':
        out.scope = { kind: 'ids', section: d.section, items: itemsInRange(items, p.range), idRange: { text: p.range.text, size: p.range.list?.length ?? p.range.to - p.range.from + 1 } };
        break;
      case 'tagged': {
        const tagged = itemsTagged(items, p.tag);
        const here = tagged.filter((i) => items[i].section >= d.section && items[i].section < ends[d.section]);
        out.scope = { kind: 'tagged', section: d.section, items: tagged, tag: p.tag };
        // Under a section that holds some of the tagged items, "[P] tasks: 4" may mean its own.
        if (here.length > 0 && here.length < tagged.length) out.scope.ambiguous = true;
        break;
      }
      case 'section':
        out.scope = { kind: 'section', section: d.section, items: d.kind === 'count' ? sectionItems(d.section).filter((i) => isWorkItem(items[i])) : sectionItems(d.section) };
        break;
      case 'document':
      case 'grand': {
        const s = nearestWithEffort(d.section);
        out.scope = s === undefined ? { kind: 'document', items: d.kind === 'capacity' ? [] : documentItems() } : { kind: 'section', section: s, items: sectionItems(s) };
        break;
      }
    }
    return out;
  });
  for (const d of resolved) if (declared[d.index].pending?.kind === 'grand') groupTotals(d, resolved, declared);
  const totalsOfSections = sectionTotalsIndex(resolved, sections);
  for (const d of resolved) if (d.kind === 'total' && d.where !== 'heading' && d.scope.kind !== 'totals' && namesNothing(d.label)) sectionTotals(d, sections, totalsOfSections);
  return resolved;
}

/**
 * Progress speaks of its section ("## Phase 3 ✅ Complete (8/9)", "Progress: 4 of 9 tasks
 * done" in its body) or of the one section its label names ("Phase 2: ✅ Complete (5/6)").
 * A section with no work of its own under it (a summary) leaves the whole plan as a guess.
 */
function progressScope(d: Declared, p: PendingScope, sections: Section[], items: Item[], work: (s: number) => number[]): Declared['scope'] {
  if (p.kind === 'named') {
    const named = sectionsNamed(p.name, sections);
    return named.length === 1 ? { kind: 'section', section: named[0], items: work(named[0]) } : { kind: 'section', section: d.section, items: [] };
  }
  const own = work(d.section);
  // In a heading, or on a line above every item of its section (a status line under the heading): certain.
  if (d.where === 'heading' || (own.length > 0 && own.every((i) => items[i].range.start.line > d.range.start.line))) return { kind: 'section', section: d.section, items: own };
  // After the items ("Progress: 5 of 6" closing the plan) it may sum up the section or any around it.
  const candidates: Declared['scope'][] = [];
  const direct = sections[d.section].items.filter((i) => isWorkItem(items[i]));
  // The items of its own section, without subsections (the table or list right above it).
  if (direct.length > 0) candidates.push({ kind: 'section', section: d.section, items: direct });
  for (let s: number | undefined = d.section; s !== undefined; s = sections[s].parent) candidates.push({ kind: 'section', section: s, items: work(s) });
  candidates.push({ kind: 'document', items: sections.flatMap((s, i) => (s.parent === undefined ? work(i) : [])) });
  const agreeing = candidates.find((c) => agreeingReading(d, c.items.map((i) => items[i])) !== undefined);
  return agreeing ?? { ...(candidates.find((c) => c.items.length > 0) ?? candidates[0]), ambiguous: true };
}

/** Sections whose title is the name, or starts with it ("Phase 2" names "Phase 2: Foundational"). */
function sectionsNamed(name: string, sections: Section[]): number[] {
  const wanted = words(name);
  if (!wanted || !/\p{L}/u.test(wanted)) return [];
  // "Phase 1" names "Phase 1: Setup", not "Phase 1.5: Hotfixes".
  const escaped = wanted.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const opening = new RegExp(`^[^\\p{L}\\p{N}]*${escaped.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}]|[.,]\\p{N})`, 'iu');
  return sections.flatMap((s, i) => (opening.test(s.title.replace(/^[\s\d.)]+(?=\p{L})/u, '')) ? [i] : []));
}

/** Entries that can be counted as work (not a checklist line, not a breakdown line). */
function countable(item: Item): boolean {
  return !item.checklist && item.kind !== 'breakdown';
}

/** The items numbered inside the range, one per ID (a restated item is counted once). */
function itemsInRange(items: Item[], range: IdRange): number[] {
  const seen = new Set<number>();
  const found: number[] = [];
  for (const item of items) {
    if (!countable(item)) continue;
    const n = idNumberIn(range.prefix, item.id, item.title);
    if (n === undefined || n < range.from || n > range.to || (range.list && !range.list.includes(n)) || seen.has(n)) continue;
    seen.add(n);
    found.push(item.index);
  }
  return found;
}

/** The items that carry the tag, one per ID or title (a restated item is counted once). */
function itemsTagged(items: Item[], tag: string): number[] {
  const seen = new Set<string>();
  const found: number[] = [];
  for (const item of items) {
    if (!countable(item) || !carriesTag(item.title, tag)) continue;
    const key = item.id ?? item.title.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(item.index);
  }
  return found;
}

const TOTAL_WORDS = /\b(?:grand|overall|total|sum|estimated|estimate|effort|work|hours?|time|remaining|in all|all)\b/gi;

/** Titles and labels in words, by text: after an edit nearly all are the ones seen last time. */
const wordsOf = new TextMemo<string>();

function words(text: string): string {
  return wordsOf.get(text, (t) =>
    t
      .toLowerCase()
      .replace(/[\p{Extended_Pictographic}\uFE0F*_`]/gu, '')
      .replace(/^[\s\d.)]+(?=\p{L})/u, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  );
}

/** The section, among this one and its ancestors, whose title the label names ("Phase 1 Total"). */
function namedAncestor(label: string, section: number, sections: Section[]): number | undefined {
  const name = words(label.replace(TOTAL_WORDS, ' '));
  if (!name || !/\p{L}/u.test(name)) return undefined;
  for (let s: number | undefined = section; s !== undefined; s = sections[s].parent) {
    const title = words(sections[s].title);
    if (title === name || title.startsWith(name + ' ')) return s;
  }
  return undefined;
}

/** "Total", "Grand total", "Total effort": a label that names no part of the plan. */
function namesNothing(label: string): boolean {
  return label.replace(TOTAL_WORDS, '').replace(/[\s:*_()-]/g, '') === '';
}

const labelPriorities = new TextMemo<ReturnType<typeof findPriority>>(10_000);
function priorityOfLabel(label: string): ReturnType<typeof findPriority> {
  return labelPriorities.get(label, findPriority);
}

function memo<T>(f: (k: number) => T): (k: number) => T {
  const cache = new Map<number, T>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined) cache.set(k, (v = f(k)));
    return v;
  };
}

/** A grand total beside nothing adds up the plan's per-priority totals, when it has them. */
function groupTotals(grand: Declared, all: Declared[], pending: PendingDeclared[]): void {
  const byRank = new Map<number, number>();
  for (const d of all) {
    if (d === grand || d.kind !== 'total' || pending[d.index].pending?.kind === 'grand') continue;
    const p = priorityOfLabel(d.label);
    if (p && !byRank.has(p.rank) && d.scope.items.length > 0) byRank.set(p.rank, d.index);
  }
  if (byRank.size >= 2) grand.scope = { kind: 'totals', items: [], declared: [...byRank.values()] };
}

/**
 * "**Total Estimated Effort**: 3-5 hours" after "### Phase 1 (2 hours)", "### Phase 2 (3 hours)",
 * "### Phase 3 (1-2 hours)": a total that names nothing, at the end of the last of a run of
 * sibling sections that each declare their own estimate in the heading, totals those headings.
 * Its section's children are the run when the total closes a parent section.
 */
interface SectionTotalsIndex {
  /** A section's own heading total, by section. */
  headingTotal: Map<number, number>;
  /** Sections by parent (the preamble's children under -1), in document order. */
  children: Map<number, number[]>;
}

/** What `sectionTotals` looks up, made once per analysis rather than once per total. */
function sectionTotalsIndex(all: Declared[], sections: Section[]): SectionTotalsIndex {
  const headingTotal = new Map<number, number>();
  for (const d of all) if (d.kind === 'total' && d.where === 'heading' && !headingTotal.has(d.section)) headingTotal.set(d.section, d.index);
  const children = groupBy(sections.keys(), (i) => sections[i].parent ?? -1);
  return { headingTotal, children };
}

function sectionTotals(total: Declared, sections: Section[], { headingTotal, children: byParent }: SectionTotalsIndex): void {
  const here = sections[total.section];
  if (!here) return;
  const children = (byParent.get(total.section) ?? []).filter((i) => sections[i].range.start.line < total.range.start.line);
  let run: number[];
  if (children.length >= 2 && children.every((c) => headingTotal.has(c)) && !headingTotal.has(total.section)) run = children;
  else {
    if (!headingTotal.has(total.section)) return;
    const siblings = (byParent.get(here.parent ?? -1) ?? []).filter((i) => sections[i].depth === here.depth && i <= total.section);
    run = [];
    for (let k = siblings.length - 1; k >= 0 && headingTotal.has(siblings[k]); k--) run.unshift(siblings[k]);
  }
  if (run.length < 2) return;
  total.scope = { kind: 'totals', section: total.section, items: [], declared: run.map((s) => headingTotal.get(s)!), ofDeclared: true };
}
