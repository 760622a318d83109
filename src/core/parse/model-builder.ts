/**
 * Chunks → facts (cached by chunk text) → one plan model. Everything here is linear in the
 * number of facts, so re-analysis after an edit costs the one re-parsed chunk plus this pass.
 *
 * What is decided here, because it needs more than one chunk: the section tree, status and
 * priority inherited from headings, which headings are themselves items, and the scope of
 * every declared number.
 */
import type { AnalyzeOptions, Declared, Estimate, Item, PlanModel, Range, Section } from '../model/schema';
import { collectDefinitions, splitChunks, wholeDocument, withDefinitions, type Chunk, type Split } from './chunks';
import { extractChunk, type ChunkFacts, type FactDeclared, type FactEstimate, type FactHeading, type FactItem, type FactProps, type FactSize } from './extract';
import { numberSpan, toHours, type UnitSettings } from './estimate';
import { countLineBreaks, type RelRange } from './text';
import { detectPlan, PLAN_THRESHOLD } from './detect';
import { resolveScopes, type PendingScope } from './scopes';
import { linkMentions } from '../model/mentions';
import { linkMentionsReusing, type LinkMemo } from '../model/mention-reuse';
import { markRequirementChecklists } from './requirements';
import { parentTotals } from './parent-totals';
import { noticeMessage } from './guard';

const EMPTY: ChunkFacts = { headings: [], items: [], declared: [], directives: [], mojibake: [] };

/** Facts per chunk text. Identical chunks (repeated boilerplate) share one entry. */
export class ChunkCache {
  private entries = new Map<string, ChunkFacts>();
  private used = new Set<string>();
  /** Chunks parsed (not found in the cache) since the last prune: what an analysis cost. */
  private misses = 0;
  /** What the latest analysis did: its chunks, and how many of them had to be parsed. */
  lastStats: ChunkStats = { chunks: 0, parsed: 0, linksReused: false };
  /** This document's latest split: the next is made from it, whatever other documents were split since. */
  lastSplit: Split | undefined;
  /** This document's latest linking of mentions: reused while the model reads the same to it. */
  readonly links: LinkMemo = {};

  get(chunk: Chunk, defs: Map<string, string>): ChunkFacts {
    if (chunk.frontMatter) return EMPTY;
    // A leading BOM is the parser guard's business (guard.ts), for every chunk alike.
    const text = withDefinitions(chunk.text, defs);
    this.used.add(text);
    let facts = this.entries.get(text);
    if (!facts) {
      facts = extractChunk(text, chunk.text.length);
      this.entries.set(text, facts);
      this.misses++;
    }
    return facts;
  }

  /**
   * Keeps only the chunks the latest analysis used. `buildModel` calls it at the end of
   * every analysis; a second call before the next analysis would find nothing in use and
   * empty the cache, so it is not offered elsewhere.
   */
  prune(chunks: number): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used = new Set();
    this.lastStats = { chunks, parsed: this.misses, linksReused: this.links.last?.reused ?? false };
    this.misses = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface ChunkStats {
  chunks: number;
  parsed: number;
  /** The mentions were linked as the analysis before linked them (see mention-reuse.ts). */
  linksReused: boolean;
}

export function buildModel(text: string, options: AnalyzeOptions, cache = new ChunkCache(), chunked = true): PlanModel {
  const chunks = chunked ? splitChunks(text, cache.lastSplit) : wholeDocument(text);
  if (chunked) cache.lastSplit = { text, chunks };
  const builder = new ModelBuilder(options);
  const defs = chunked ? collectDefinitions(text) : new Map<string, string>();
  for (const chunk of chunks) builder.add(chunk, cache.get(chunk, defs));
  const model = builder.finish(text, chunked ? cache.links : undefined);
  if (chunked) cache.prune(chunks.length);
  return model;
}

interface Shift {
  line: number;
  offset: number;
}

function shiftRange(r: RelRange, s: Shift): Range {
  return {
    start: { line: r.start.line + s.line, column: r.start.column, offset: r.start.offset + s.offset },
    end: { line: r.end.line + s.line, column: r.end.column, offset: r.end.offset + s.offset },
  };
}

function sizeOf(size: FactSize | undefined, s: Shift): Item['size'] {
  return size && { text: size.text, ...(size.points !== undefined && { points: size.points }), range: shiftRange(size.range, s) };
}

/** A heading waiting to learn whether it is also an item. */
interface OpenSection {
  section: Section;
  fact: FactHeading;
  shift: Shift;
  ownItems: number;
  subtreeItems: number;
}

class ModelBuilder {
  private readonly sections: Section[] = [];
  private readonly open: OpenSection[] = [];
  private readonly items: Item[] = [];
  /** By item index: a bare bold-titled entry that stays an item only where a heading gives it a status. */
  private readonly candidate: boolean[] = [];
  private readonly declared: (Declared & { pending?: PendingScope })[] = [];
  private readonly directives: PlanModel['directives'] = [];
  private readonly mojibake: PlanModel['mojibake'] = [];
  private readonly notices: NonNullable<PlanModel['notices']> = [];
  private readonly headingFacts = new Map<number, { fact: FactHeading; shift: Shift }>();
  private readonly units: UnitSettings;
  private current: number | undefined;

  constructor(private readonly options: AnalyzeOptions) {
    this.units = { hoursPerDay: options.hoursPerDay, daysPerWeek: options.daysPerWeek };
  }

  add(chunk: Chunk, facts: ChunkFacts): void {
    const shift: Shift = { line: chunk.line, offset: chunk.offset };
    // Headings and items interleave in document order, so sections open and close around
    // the items they hold even when one chunk holds several headings.
    const headingSections: number[] = [];
    const openHeadingsBefore = (offset: number) => {
      while (headingSections.length < facts.headings.length && facts.headings[headingSections.length].range.start.offset <= offset) {
        headingSections.push(this.addSection(facts.headings[headingSections.length], shift));
      }
    };
    // What stands before the chunk's first heading belongs to the preamble, which must exist
    // before those headings open (declared numbers are added after all of them).
    const before = facts.items.some((f) => f.heading < 0) || facts.declared.some((d) => d.heading < 0) ? this.ensureSection(shift) : undefined;
    const sectionOf = (heading: number) => (heading >= 0 ? headingSections[heading] : (before ?? this.ensureSection(shift)));
    const local = new Map<number, number>();
    facts.items.forEach((fact, i) => {
      openHeadingsBefore(fact.range.start.offset);
      local.set(i, this.addItem(fact, shift, sectionOf(fact.heading), fact.parent === undefined ? undefined : local.get(fact.parent)));
    });
    openHeadingsBefore(Infinity);
    for (const d of facts.declared) this.addDeclared(d, shift, sectionOf(d.heading), local);
    for (const d of facts.directives) this.directives.push({ ...d, line: d.line + shift.line });
    for (const m of facts.mojibake) this.mojibake.push({ ...m, range: shiftRange(m.range, shift) });
    for (const n of facts.notices ?? []) this.notices.push({ kind: n.kind, message: noticeMessage(n.kind), range: shiftRange(n.range, shift) });
  }

  /** Items or statements before the first heading live in a preamble section. */
  private ensureSection(shift: Shift): number {
    if (this.current !== undefined) return this.current;
    const zero = { line: shift.line, column: 0, offset: shift.offset };
    const preamble: Section = { index: 0, title: '(preamble)', depth: 0, range: { start: zero, end: zero }, bodyRange: { start: zero, end: zero }, sections: [], items: [], checklist: false };
    this.sections.push(preamble);
    this.current = 0;
    return 0;
  }

  private addSection(fact: FactHeading, shift: Shift): number {
    while (this.open.length > 0 && this.open[this.open.length - 1].section.depth >= fact.depth) this.closeSection();
    const parent = this.open.length > 0 ? this.open[this.open.length - 1].section : undefined;
    const range = shiftRange(fact.range, shift);
    const section: Section = {
      index: this.sections.length,
      title: fact.title,
      depth: fact.depth,
      range,
      bodyRange: { start: range.start, end: range.end },
      parent: parent?.index,
      sections: [],
      items: [],
      status: fact.props.status?.status ?? fact.status?.status,
      priority: sectionPriority(fact),
      checklist: fact.checklist || (parent?.checklist ?? false),
    };
    parent?.sections.push(section.index);
    this.sections.push(section);
    this.open.push({ section, fact, shift, ownItems: 0, subtreeItems: 0 });
    this.headingFacts.set(section.index, { fact, shift });
    this.current = section.index;
    return section.index;
  }

  private closeSection(): void {
    this.headingItem(this.open.pop()!);
  }

  /**
   * A heading is itself an item when it carries a checkbox or an ID, or when its own body
   * holds fields (`**Priority**: P0`, `**Estimated Effort:** 4-6 hours`) and no items.
   */
  private headingItem({ section, fact, shift, ownItems, subtreeItems: inSubtree }: OpenSection): number | undefined {
    const p = fact.props;
    const hasFields = !!(p.estimate || p.priority || p.status || p.unreadable);
    const subtreeItems = inSubtree > ownItems;
    // A lone `**Priority:**` under "Executive Summary" describes the document, not an item.
    const itemFields = !!(p.estimate || p.unreadable) || (hasFields && section.depth >= 3);
    if (!(fact.checkbox || fact.id || (itemFields && !section.checklist && ownItems === 0 && !subtreeItems))) return undefined;
    const estimate = p.estimate ?? (ownItems === 0 && !subtreeItems ? fact.estimate : undefined);
    const status = fact.checkbox ? { status: fact.checkbox.checked ? 'done' : 'open' } : (p.status ?? fact.status);
    const item: Item = {
      index: this.items.length,
      id: fact.id,
      title: fact.title.replace(/^\s*\[[ xX~!/-]\]\s*/, '').replace(/^[A-Z][A-Z0-9-]*-\d+[a-z]?\s*[:—–-]\s*/, ''),
      kind: 'heading',
      status: (status?.status as Item['status']) ?? 'unknown',
      statusSource: status ? 'own' : undefined,
      // A heading item under "## 🔴 Critical (P0)" is P0 as the items listed there are.
      priority: p.priority ?? fact.priority ? { ...(p.priority ?? fact.priority)!, source: 'own', range: undefined } : section.parent === undefined ? undefined : this.inherited(section.parent).priority,
      estimate: estimate ? this.estimate(estimate, shift) : undefined,
      unreadableEstimate: p.unreadable ? { text: p.unreadable.text, range: shiftRange(p.unreadable.range, shift) } : undefined,
      size: sizeOf(p.size ?? fact.size, shift),
      checkbox: fact.checkbox ? { ...fact.checkbox, range: shiftRange(fact.checkbox.range, shift) } : undefined,
      checklist: section.checklist,
      range: section.range,
      titleRange: section.range,
      section: section.index,
      // The same fields in the same order as every other item (see `addItem`).
      parent: undefined,
      children: [],
      mentionOf: undefined,
      mentions: undefined,
      restates: undefined,
    };
    this.items.push(item);
    return item.index;
  }

  private addItem(fact: FactItem, shift: Shift, section: number, parent: number | undefined): number {
    const inherited = this.inherited(section);
    const own = fact.props;
    const status = own.status?.status ?? inherited.status;
    const item: Item = {
      index: this.items.length,
      id: fact.id,
      title: fact.title,
      kind: fact.kind,
      status: status ?? 'unknown',
      statusSource: own.status ? 'own' : status ? 'section' : undefined,
      priority: own.priority
        ? { rank: own.priority.rank, label: own.priority.label, source: 'own', range: own.priority.range ? shiftRange(own.priority.range, shift) : undefined }
        : inherited.priority,
      estimate: own.estimate ? this.estimate(own.estimate, shift) : undefined,
      unreadableEstimate: own.unreadable ? { text: own.unreadable.text, range: shiftRange(own.unreadable.range, shift) } : undefined,
      size: sizeOf(own.size, shift),
      checkbox: fact.checkbox ? { checked: fact.checkbox.checked, mark: fact.checkbox.mark, range: shiftRange(fact.checkbox.range, shift) } : undefined,
      checklist: !!fact.checklist || this.sections[section].checklist,
      range: shiftRange(fact.range, shift),
      titleRange: shiftRange(fact.titleRange, shift),
      section,
      parent,
      children: [],
      // Set, if at all, once every item is read (see mentions.ts). Present from the start, so
      // every item keeps one shape: each pass over the items then reads them at full speed.
      mentionOf: undefined,
      mentions: undefined,
      restates: undefined,
    };
    this.items.push(item);
    // A bare bold-titled entry is an item only where a heading gives it a status.
    const candidate = !!fact.candidate && !inherited.status;
    this.candidate[item.index] = candidate;
    if (parent === undefined && !candidate && !item.checklist) {
      // Every open section is this one or an ancestor of it.
      for (const open of this.open) {
        open.subtreeItems++;
        if (open.section.index === section) open.ownItems++;
      }
    }
    return item.index;
  }

  private inherited(section: number): { status?: Item['status']; priority?: Item['priority'] } {
    const result: { status?: Item['status']; priority?: Item['priority'] } = {};
    for (let s: number | undefined = section; s !== undefined; s = this.sections[s].parent) {
      const sec = this.sections[s];
      result.status ??= sec.status;
      if (!result.priority && sec.priority) result.priority = { ...sec.priority, source: 'section' };
      if (result.status && result.priority) break;
    }
    return result;
  }

  private estimate(e: FactEstimate, shift: Shift): Estimate {
    return { hours: toHours(e, this.units), unit: e.unit, text: e.text, range: shiftRange(e.range, shift), per: e.per };
  }

  private addDeclared(d: FactDeclared, shift: Shift, section: number, local: Map<number, number>): void {
    const mapItems = (items: number[]) => items.map((i) => local.get(i)!).filter((i) => i !== undefined);
    const scope = d.scope;
    const pending: PendingScope =
      scope.kind === 'list' || scope.kind === 'table'
        ? { kind: scope.kind, items: mapItems(scope.items), adjacent: d.adjacent }
        : scope.kind === 'priorities' || scope.kind === 'ids' || scope.kind === 'tagged' || scope.kind === 'named'
          ? scope
          : { kind: scope.kind };
    const value = d.kind === 'total' && d.unit ? toHours({ low: d.value.low, high: d.value.high, unit: d.unit }, this.units) : d.value;
    this.declared.push({
      index: this.declared.length,
      kind: d.kind,
      label: d.label,
      range: shiftRange(d.range, shift),
      valueRange: shiftRange(d.valueRange, shift),
      valueText: d.valueText,
      value,
      unit: d.kind === 'timeline' ? d.unit : undefined,
      capacity: d.capacity ? { people: d.capacity.people, hoursPerDay: d.capacity.hoursPerDay } : undefined,
      ...(d.outOf !== undefined ? { outOf: d.outOf } : {}),
      ...(d.unsure ? { unsure: true } : {}),
      where: d.where,
      scope: { kind: 'section', items: [] },
      section,
      pending,
    });
  }

  /** The model, its mentions linked (reusing the document's last linking, in `links`, where it reads the same). */
  finish(text: string, links?: LinkMemo): PlanModel {
    while (this.open.length > 0) this.closeSection();
    this.addHeadingDeclarations();
    const { items, remap } = this.finalizeItems();
    const sections = this.sections;
    for (const s of sections) s.items = [];
    for (const item of items) if (item.parent === undefined) sections[item.section].items.push(item.index);
    const lineCount = countLineBreaks(text) + 1;
    setBodyRanges(sections, endPosition(text, lineCount));
    markRequirementChecklists(sections, items);
    const declared = resolveScopes(this.declared, items, sections, remap);
    declared.push(...parentTotals(items, declared.length));
    const model: PlanModel = {
      version: 1,
      isPlan: false,
      detection: { score: 0, reason: '' },
      sections,
      items,
      declared,
      mojibake: this.mojibake,
      directives: this.directives,
      eol: /\r\n/.test(text.slice(0, 10000)) ? '\r\n' : '\n',
      lineCount,
    };
    if (links) linkMentionsReusing(model, text, links);
    else linkMentions(model, text);
    if (this.notices.length > 0) model.notices = this.notices;
    model.detection = detectPlan(model, this.options.detection);
    model.isPlan = model.detection.score >= PLAN_THRESHOLD;
    return model;
  }

  /** Heading totals ("Sprint 1 - 15-20 hours") and counts ("- 8 Features") speak of their section. */
  private addHeadingDeclarations(): void {
    const headingItems = new Map(this.items.filter((i) => i.kind === 'heading').map((i) => [i.section, i]));
    for (const [index, { fact, shift }] of this.headingFacts) {
      const headingItem = headingItems.get(index);
      if (fact.estimate && !headingItem?.estimate) {
        this.pushHeadingDeclared('total', fact, shift, index, fact.estimate.range, fact.estimate.text, { low: fact.estimate.low, high: fact.estimate.high }, fact.estimate);
      }
      if (fact.count) this.pushHeadingDeclared('count', fact, shift, index, fact.count.valueRange, fact.count.valueText, { low: fact.count.n, high: fact.count.n });
      if (fact.progress) {
        this.pushHeadingDeclared('progress', fact, shift, index, fact.progress.valueRange, fact.progress.valueText, { low: fact.progress.done, high: fact.progress.done });
        this.declared[this.declared.length - 1].outOf = fact.progress.total;
      }
    }
  }

  private pushHeadingDeclared(kind: 'total' | 'count' | 'progress', fact: FactHeading, shift: Shift, section: number, valueRange: RelRange, valueText: string, value: { low: number; high: number | null }, estimate?: FactEstimate): void {
    // A progress keeps its whole fraction ("8/9"); a count or total its first number.
    const number = kind === 'progress' ? valueText : valueText.slice(0, numberSpan(valueText));
    const range = shiftRange(valueRange, shift);
    range.end = { ...range.start, column: range.start.column + number.length, offset: range.start.offset + number.length };
    this.declared.push({
      index: this.declared.length,
      kind,
      label: estimate ? headingLabel(fact.title, estimate.text) : fact.title,
      range: shiftRange(fact.range, shift),
      valueRange: range,
      valueText: number,
      value: estimate ? toHours({ low: value.low, high: value.high, unit: estimate.unit }, this.units) : value,
      where: 'heading',
      scope: { kind: 'section', section, items: [] },
      section,
      pending: { kind: 'section' },
    });
  }


  /**
   * Drops bold-titled entries that no heading gave a status (prose after all), puts heading
   * items in document order, and renumbers parents and children to match.
   */
  private finalizeItems(): { items: Item[]; remap: (number | undefined)[] } {
    const order = this.items
      .filter((item) => !this.candidate[item.index])
      .sort((a, b) => a.range.start.offset - b.range.start.offset || (a.kind === 'heading' ? -1 : 1));
    const remap: (number | undefined)[] = [];
    order.forEach((item, k) => (remap[item.index] = k));
    const keptParent = (i: number): number | undefined => {
      let p = this.items[i].parent;
      while (p !== undefined && this.candidate[p]) p = this.items[p].parent;
      return p === undefined ? undefined : remap[p];
    };
    // The items were made by this analysis: renumbered in place, not copied.
    const parents = order.map((item) => keptParent(item.index));
    order.forEach((item, k) => {
      item.index = k;
      item.parent = parents[k];
      item.children = [];
    });
    for (const item of order) if (item.parent !== undefined) order[item.parent].children.push(item.index);
    return { items: order, remap };
  }
}

/** "Sprint 1: Polish (Week 1) - 15-20 hours" → "Sprint 1: Polish (Week 1)": the heading without its number. */
function headingLabel(title: string, value: string): string {
  const at = title.lastIndexOf(value);
  if (at < 0) return title;
  const label = (title.slice(0, at) + title.slice(at + value.length))
    .replace(/\(\s*\)|\s*[-–—:(]\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return label || title;
}

function sectionPriority(fact: FactHeading): Section['priority'] {
  const p = fact.props.priority ?? fact.priority;
  return p ? { rank: p.rank, label: p.label, source: 'own' } : undefined;
}

/** A section's body runs to the next heading of the same or a shallower depth. */
function setBodyRanges(sections: Section[], end: Range['end']): void {
  const stack: Section[] = [];
  for (const s of sections) {
    if (s.depth === 0) continue;
    while (stack.length > 0 && stack[stack.length - 1].depth >= s.depth) stack.pop()!.bodyRange.end = s.range.start;
    stack.push(s);
  }
  for (const s of stack) s.bodyRange.end = end;
  const first = sections.find((s) => s.depth > 0);
  const preamble = sections.find((s) => s.depth === 0);
  if (preamble) preamble.bodyRange.end = first ? first.range.start : end;
}

function endPosition(text: string, lineCount: number): Range['end'] {
  const lastLineStart = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
  return { line: lineCount - 1, column: text.length - lastLineStart, offset: text.length };
}

export type { FactProps };
