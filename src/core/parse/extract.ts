/**
 * One chunk's text → its facts: headings, items, declared numbers, directives, with positions
 * relative to the chunk. Facts are what the chunk cache keeps (not the mdast, which is ~24×
 * the text), and the model builder shifts them into place and links them across chunks.
 */
import type { List, ListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import type { DeclaredKind, EstimateUnit, ItemKind, Mojibake, Status } from '../model/schema';
import { findEstimates, numberSpan, readNumber, type RawEstimate } from './estimate';
import { findPriority, findPriorityCodes, readPriorityValue } from './priority';
import { findStatusEmoji, findStatusMarker, readStatusValue } from './status';
import { COUNT_NOUN, ID_RE, TIMELINE_LABEL, TOTAL_LABEL, labelKind, readCapacity, readField, splitId, type RawCapacity } from './fields';
import { LineIndex, cleanTitle, countLineBreaks, nodeRange, plainText, type RelRange } from './text';
import { readTable } from './table';
import { findMojibake, meant } from './mojibake';
import { SIZE_LABEL, findPoints, readSizeValue, type RawSize } from './size';
import { parseMarkdown } from './markdown';
import { splitLines } from './chunks';
import { guardForParser, type NoticeKind } from './guard';
import { findIdRange, findTag, type IdRange } from './id-tags';
import { PROGRESS_LABEL, readProgress } from './progress';

export interface FactEstimate {
  low: number;
  high: number | null;
  unit: EstimateUnit;
  text: string;
  range: RelRange;
  approximate: boolean;
  per?: string;
}
export interface FactPriority {
  rank: number;
  label: string;
  range?: RelRange;
}
export interface FactStatus {
  status: Exclude<Status, 'unknown'>;
  range?: RelRange;
}
export interface FactCheckbox {
  checked: boolean;
  mark: string;
  range: RelRange;
}
export interface FactSize {
  text: string;
  points?: number;
  range: RelRange;
}
export interface FactProps {
  estimate?: FactEstimate;
  unreadable?: { text: string; range: RelRange };
  /** A size that is not hours (story points, T-shirt or word size). */
  size?: FactSize;
  priority?: FactPriority;
  status?: FactStatus;
}

export interface FactHeading {
  depth: number;
  title: string;
  range: RelRange;
  id?: string;
  checkbox?: FactCheckbox;
  status?: FactStatus;
  priority?: FactPriority;
  /** An hour estimate written in the heading: a section total, or the item's own estimate. */
  estimate?: FactEstimate;
  /** Story points written in the heading ("(8 SP)"): the heading item's size, when it is an item. */
  size?: FactSize;
  /** "- 8 Features": a count of the section's items. */
  count?: { n: number; valueRange: RelRange; valueText: string };
  /** "✅ Complete (8/9)": how many of the section's items are done, of how many. */
  progress?: { done: number; total: number; valueRange: RelRange; valueText: string };
  /** Fields in the heading's own body (`**Priority**: P0`), not inside an item. */
  props: FactProps;
  /** Success metrics, deliverables, legends: outcomes to tick, not work to sum. */
  checklist: boolean;
}

export interface FactItem {
  kind: ItemKind;
  id?: string;
  title: string;
  range: RelRange;
  titleRange: RelRange;
  /** Index of the chunk heading the item sits under; -1 before the chunk's first heading. */
  heading: number;
  parent?: number;
  checkbox?: FactCheckbox;
  props: FactProps;
  /** A bold-titled list item with nothing of its own: an item only under a status heading. */
  candidate: boolean;
  /** A box under "Acceptance Criteria:", "Attendees:" …: an outcome to tick, not work. */
  checklist?: boolean;
}

export type ScopeHint =
  | { kind: 'list' | 'table'; items: number[] }
  | { kind: 'priorities'; priorities: number[] }
  | { kind: 'ids'; range: IdRange }
  | { kind: 'tagged'; tag: string }
  | { kind: 'named'; name: string }
  | { kind: 'grand' | 'section' | 'document' };

export interface FactDeclared {
  kind: DeclaredKind;
  label: string;
  range: RelRange;
  valueRange: RelRange;
  valueText: string;
  value: { low: number; high: number | null };
  unit?: EstimateUnit;
  approximate: boolean;
  capacity?: RawCapacity;
  where: 'heading' | 'row' | 'list' | 'paragraph';
  heading: number;
  scope: ScopeHint;
  /** The scope is the list or table beside the statement, not one it names. */
  adjacent?: boolean;
  /** For progress: the total of "8/9". */
  outOf?: number;
  /** The reader guessed what the number speaks about: a finding on it is shown at info at most. */
  unsure?: boolean;
}

export interface FactDirective {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  rules: string[];
  line: number;
}

export interface ChunkFacts {
  headings: FactHeading[];
  items: FactItem[];
  declared: FactDeclared[];
  directives: FactDirective[];
  /** Mojibake runs, with ranges relative to the chunk. */
  mojibake: (Omit<Mojibake, 'range'> & { range: RelRange })[];
  /** Where the parser was shown look-alikes instead of the text (see guard.ts); absent when nowhere. */
  notices?: { kind: NoticeKind; range: RelRange }[];
}

/** `ownLength`: where the chunk's own text ends (link definitions may be appended after it). */
export function extractChunk(text: string, ownLength = text.length): ChunkFacts {
  const guarded = guardForParser(text);
  // The extractor reads the user's own text; only the parser sees the guarded copy.
  const facts = new ChunkExtractor(text, parseMarkdown(guarded.text)).run();
  facts.mojibake = findMojibake(text.slice(0, ownLength));
  if (guarded.notices.length > 0) {
    const lines = new LineIndex(text);
    facts.notices = guarded.notices.filter((n) => n.start < ownLength).map((n) => ({ kind: n.kind, range: lines.range(n.start, Math.min(n.end, ownLength)) }));
  }
  return facts;
}

/** One step of the list walk: read an entry, or settle an item once its nested lists are read. */
type ListStep = { li: ListItem; parent: number | undefined; promote: boolean; last: boolean; made: number[]; bulletMark: boolean; checklist: boolean } | { settle: number; made: number[] };

/** What a top-level block produced, for resolving "the list after this total". */
interface BlockOutcome {
  type: RootContent['type'];
  items: number[];
  itemTable?: boolean;
}

const CHECKLIST_TITLE = /success (?:metrics|criteria)|deliverables|definition of done|acceptance criteria|exit criteria|checklist|\bkpis?\b|legend|^\W*(?:metrics|kpis?)\W*$|erfolgskriterien|критерии|完了条件|受け入れ基準/i;
const DIRECTIVE_RE = /<!--\s*plan-lens-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;
// "Phase 2 Tasks", "Week 1 Items" number a sequence, they do not count anything.
const COUNT_IN_HEADING = new RegExp(String.raw`(?<![\w.#/-])(?<!(?:phase|week|sprint|step|part|milestone|day|release|version|stage|iteration|round|chapter|section|wave|month|quarter|fase|woche|этап|фаза)\s+)(\d+)\s+(?:[\p{L}-]+\s+)?(?:${COUNT_NOUN})\b`, 'iu');
const COUNT_VALUE = new RegExp(String.raw`^(\d+)(?!\s*[+%/.,\d–—-])(?:\s+(?:[\p{L}-]+\s+){0,3}?(${COUNT_NOUN}))?\b`, 'iu');
const COUNT_SENTENCE = new RegExp(String.raw`\b(?:found|identified|there are|we have|lists?|contains?|includes?)\s+(\d+)\s+(?:[\p{L}-]+\s+)?(?:${COUNT_NOUN})\b`, 'iu');

class ChunkExtractor {
  private readonly lines: LineIndex;
  private readonly facts: ChunkFacts = { headings: [], items: [], declared: [], directives: [], mojibake: [] };
  private readonly outcomes: BlockOutcome[] = [];
  /** Totals and counts whose scope depends on the blocks around them, with their block index. */
  private readonly adjacent: [FactDeclared, number][] = [];
  private block = 0;
  private previous: RootContent | undefined;
  /** A bold paragraph item waiting for the list of its fields right after it. */
  private titledParagraph: number | undefined;
  /** "Found 5 TODOs:" makes every entry of the list after it an item, marked or not. */
  private promoteNext = false;

  constructor(
    private readonly text: string,
    private readonly root: Root,
  ) {
    this.lines = new LineIndex(text);
  }

  run(): ChunkFacts {
    const blocks = this.root.children;
    blocks.forEach((block, i) => {
      this.block = i;
      this.previous = blocks[i - 1];
      const before = this.facts.items.length;
      const outcome: BlockOutcome = { type: block.type, items: [] };
      this.visitBlock(block, blocks[i + 1], outcome);
      if (outcome.items.length === 0 && block.type !== 'table') {
        outcome.items = range(before, this.facts.items.length).filter((k) => this.facts.items[k].parent === undefined);
      }
      this.outcomes.push(outcome);
    });
    for (const [declared, block] of this.adjacent) this.resolveAdjacent(declared, block);
    return this.facts;
  }

  /**
   * A total or count that does not close its own list speaks of the block next to it: the
   * list after it when that list carries estimates ("Estimated Work Remaining:" + breakdown),
   * else the table or list right before it ("Total Billing: 35-45 hours" after its items),
   * else the list after it. Failing those, the hint from its label stands.
   */
  private resolveAdjacent(declared: FactDeclared, block: number): void {
    const usable = (o: BlockOutcome | undefined) => o && o.items.length > 0 && (o.type === 'list' || (o.type === 'table' && o.itemTable));
    const prev = this.outcomes[block - 1];
    const next = this.outcomes[block + 1];
    const kindOf = (o: BlockOutcome) => (o.type === 'table' ? 'table' : 'list') as 'table' | 'list';
    const estimated = (o: BlockOutcome) => o.items.some((k) => this.facts.items[k].props.estimate);
    const before = declared.scope;
    if (usable(next) && (declared.kind === 'count' || estimated(next!))) declared.scope = { kind: kindOf(next!), items: next!.items };
    else if (usable(prev)) declared.scope = { kind: kindOf(prev!), items: prev!.items };
    else if (usable(next)) declared.scope = { kind: kindOf(next!), items: next!.items };
    if (declared.scope !== before) declared.adjacent = true;
  }

  private get heading(): number {
    return this.facts.headings.length - 1;
  }

  private visitBlock(block: RootContent, next: RootContent | undefined, outcome: BlockOutcome): void {
    switch (block.type) {
      case 'heading':
        return this.visitHeading(block);
      case 'list': {
        const promote = this.promoteNext;
        const owner = this.titledParagraph;
        this.promoteNext = false;
        this.titledParagraph = undefined;
        const checklist = this.previous?.type === 'paragraph' && isChecklistLabel(lastLine(meant(plainText(this.previous))));
        outcome.items = this.visitList(block, owner, promote, checklist);
        if (owner !== undefined) this.settleItem(owner);
        return;
      }
      case 'table':
        return this.visitTable(block, outcome);
      case 'paragraph':
        if (this.visitTitledParagraph(block, next)) return;
        return this.visitParagraph(block, next);
      case 'html':
        return this.visitHtml(block.value, nodeRange(block).start.line);
      case 'blockquote': {
        // Quotes nest as deep as the input says: walked with a stack, not by recursion.
        const stack: RootContent[] = [];
        const pushChildren = (node: Extract<RootContent, { type: 'blockquote' }>) => {
          for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
        };
        pushChildren(block);
        while (stack.length > 0) {
          const child = stack.pop()!;
          if (child.type === 'blockquote') pushChildren(child);
          else this.visitBlock(child, undefined, outcome);
        }
        return;
      }
      default:
        return;
    }
  }

  // ---- headings -------------------------------------------------------------------------

  private visitHeading(node: Extract<RootContent, { type: 'heading' }>): void {
    const range = nodeRange(node);
    const raw = this.source(node);
    const base = range.start.offset;
    const text = meant(plainText(node));
    const heading: FactHeading = { depth: node.depth, title: '', range, props: {}, checklist: CHECKLIST_TITLE.test(text) };
    const box = /^#{1,6}[ \t]+(\[([ xX~!/-])\])/.exec(raw);
    if (box) heading.checkbox = this.checkbox(base + box.index + box[0].length - 3, box[2]);
    // The section keeps the heading as written; a heading item drops the box and ID from it.
    heading.id = splitId(text.replace(/^\s*\[[ xX~!/-]\]\s*/, '')).id;
    heading.title = cleanTitle(text);
    const status = findStatusEmoji(text, true) ?? findStatusMarker(text);
    if (status) heading.status = { status: status.status };
    const progress = readProgress(raw);
    if (progress) {
      heading.progress = { done: progress.done, total: progress.total, valueRange: this.lines.range(base + progress.start, base + progress.end), valueText: raw.slice(progress.start, progress.end) };
      // "✅ Complete (8/9)" says how far, not that it is all done.
      if (heading.status?.status === 'done' && progress.done < progress.total) heading.status = { status: 'partial' };
    }
    const priority = findPriority(text);
    if (priority) heading.priority = { rank: priority.rank, label: priority.label };
    const estimate = findEstimates(raw).find((e) => e.unit === 'h' || e.unit === 'min');
    if (estimate) heading.estimate = this.estimate(estimate, raw, base);
    const points = this.annotatedPoints(raw, base);
    if (points) heading.size = points;
    if (!progress) this.readHeadingCount(heading, raw, base);
    this.facts.headings.push(heading);
  }

  private readHeadingCount(heading: FactHeading, raw: string, base: number): void {
    const body = raw.replace(/^#{1,6}[ \t]+(?:\[[ xX~!/-]\][ \t]*)?(?:[\d.]+[.)]?[ \t]+)?/, (m) => ' '.repeat(m.length));
    const m = COUNT_IN_HEADING.exec(body);
    if (!m || Number.isNaN(readNumber(m[1]))) return;
    const start = base + m.index;
    heading.count = { n: Number(m[1]), valueRange: this.lines.range(start, start + m[1].length), valueText: m[1] };
  }

  // ---- lists ----------------------------------------------------------------------------

  /**
   * Returns the items made from this list's own entries (not their descendants). Lists nest
   * as deep as the input says, so nested lists are walked with an explicit stack of steps:
   * an entry is read, then its nested lists, then the entry is settled and counted.
   */
  private visitList(list: List, parent: number | undefined, promote: boolean, checklist = false): number[] {
    const made: number[] = [];
    const steps: ListStep[] = [];
    const pushList = (l: List, p: number | undefined, promoteAll: boolean, into: number[], inChecklist: boolean) => {
      const entries = l.children;
      const bulletMark = this.uniformMark(entries);
      for (let i = entries.length - 1; i >= 0; i--) steps.push({ li: entries[i], parent: p, promote: promoteAll, last: i === entries.length - 1, made: into, bulletMark, checklist: inChecklist });
    };
    pushList(list, parent, promote, made, checklist);
    while (steps.length > 0) {
      const step = steps.pop()!;
      if ('settle' in step) {
        this.settleItem(step.settle);
        step.made.push(step.settle);
        continue;
      }
      const read = this.visitListItem(step.li, step.parent, step.promote, step.last ? step.made : undefined, step.bulletMark);
      if (!read) continue;
      if (read.item !== undefined) {
        if (step.checklist) this.facts.items[read.item].checklist = true;
        steps.push({ settle: read.item, made: step.made });
      }
      // "- **Acceptance Criteria:**" over its boxes: the boxes are the entry's checklist.
      const head = step.li.children[0];
      const labelled = step.checklist || (head?.type === 'paragraph' && isChecklistLabel(firstLine(meant(plainText(head)))));
      for (let k = read.nested.length - 1; k >= 0; k--) pushList(read.nested[k], read.item ?? step.parent, false, [], labelled);
    }
    return made;
  }

  /**
   * A status mark is a status only where the list uses marks to tell entries apart. When
   * every entry starts with the same mark ("✅ Hero visuals", "✅ Quick view" … in a roadmap,
   * "❌ Don't …" advice) the mark is the list's bullet, not a state.
   */
  private uniformMark(entries: ListItem[]): boolean {
    if (entries.length < 2) return false;
    let mark: string | undefined;
    for (const li of entries) {
      if (this.isTaskItem(li)) return false;
      const head = li.children[0];
      const found = head?.type === 'paragraph' ? findStatusEmoji(meant(plainText(head))) : undefined;
      if (!found || (mark !== undefined && found.text !== mark)) return false;
      mark = found.text;
    }
    return true;
  }

  /** Reads one entry; its nested lists are left to the caller. Undefined when the entry is a field of its parent. */
  private visitListItem(li: ListItem, parent: number | undefined, promote: boolean, madeBefore: number[] | undefined, bulletMark = false): { item: number | undefined; nested: List[] } | undefined {
    const first = li.children[0];
    const head = first?.type === 'paragraph' ? first : undefined;
    const headRaw = head ? this.source(head) : '';
    const headBase = head ? head.position!.start.offset! : li.position!.start.offset!;
    const headLine = firstLine(headRaw);
    const headText = head ? meant(plainText(head)) : '';
    const nested = li.children.filter((c): c is List => c.type === 'list');

    const field = readField(headLine);
    if (!this.isTaskItem(li) && this.readProgressLine(headLine, headBase, 'list', nodeRange(li), field, parent)) return undefined;
    if (field && !this.isTaskItem(li)) {
      const kind = labelKind(field.label);
      if (kind === 'estimate' || kind === 'priority' || kind === 'status') {
        const target = parent !== undefined ? this.facts.items[parent].props : this.heading >= 0 ? this.facts.headings[this.heading].props : undefined;
        if (target) this.readProp(target, kind, field.value, headBase + field.valueStart, headBase + field.valueEnd, field.label);
        return undefined;
      }
      if (this.readDeclaredField(field.label, field.value, headBase, field.valueStart, 'list', nodeRange(li), madeBefore)) return undefined;
    } else if (!field && !this.isTaskItem(li) && this.readBracketedLabel(headLine, headBase, 'list', nodeRange(li), madeBefore)) {
      return undefined;
    }
    this.readCapacityLine(headText, nodeRange(li));
    if (COUNT_SENTENCE.test(headText)) this.readCountSentence(headLine, headBase, nodeRange(li), undefined);

    const item = this.makeListItem(li, head, headRaw, headBase, headText, field, parent, promote, bulletMark);
    return { item, nested };
  }

  private isTaskItem(li: ListItem): boolean {
    return li.checked === true || li.checked === false;
  }

  private makeListItem(
    li: ListItem,
    head: Paragraph | undefined,
    headRaw: string,
    headBase: number,
    headText: string,
    field: ReturnType<typeof readField>,
    parent: number | undefined,
    promote: boolean,
    bulletMark: boolean,
  ): number | undefined {
    const checkbox = this.listCheckbox(li, headText);
    const props: FactProps = {};
    // In a list of goals that all start with ✅, "All P0 items shipped" mentions a priority, it has none.
    const annotation = this.readAnnotations(headRaw, headBase, props, !!field || bulletMark);
    const points = this.annotatedPoints(firstLine(headRaw), headBase);
    if (points) props.size ??= points;
    const leading = (bulletMark ? undefined : findStatusEmoji(headText)) ?? findStatusMarker(headText.slice(0, 40));
    const breakdown = !checkbox && field && labelKind(field.label) === 'other' && !PERIOD_LABEL.test(field.label.trim()) ? this.breakdownEstimate(field, headBase) : undefined;
    const bold = /^(?:\s*(?:\d+[.)]\s*)?(?:[^\p{L}\p{N}*_[]\s*)?(?:\[[^\]]*\]\s*)?)?(?:\*\*|__)/u.test(headRaw);
    const nestedProps = li.children.some((c) => c.type === 'list' && c.children.some((n) => this.isPropEntry(n)));
    const isItem = !!checkbox || annotation || !!points || !!breakdown || !!leading || nestedProps || promote;
    // "**Files**: app/…" is a field of the entry above, not an entry of its own.
    if (!isItem && (!bold || field)) return undefined;
    if (breakdown) props.estimate = breakdown;
    if (leading && !checkbox) props.status = { status: leading.status };
    if (checkbox) props.status = { status: checkbox.checked ? 'done' : checkbox.mark === '~' || checkbox.mark === '/' ? 'partial' : 'open' };
    const kind: ItemKind = checkbox ? 'task' : breakdown ? 'breakdown' : bold ? 'list' : 'bullet';
    const title = breakdown && field ? cleanTitle(field.label) : this.titleOf(head, headText);
    const { id } = splitId(headText.replace(/^\s*\[[ xX~!/-]\]\s*/, '').replace(/^[\s\p{Extended_Pictographic}\uFE0F]+/u, ''));
    const rest = id ? splitId(title).rest : title;
    this.facts.items.push({
      kind,
      id,
      title: rest || title,
      range: nodeRange(li),
      titleRange: head ? nodeRange(head) : nodeRange(li),
      heading: this.heading,
      parent,
      checkbox,
      props,
      candidate: !isItem,
    });
    return this.facts.items.length - 1;
  }

  /** After an item's nested lists are read, a checkbox still outranks any Status field. */
  private settleItem(index: number): void {
    const item = this.facts.items[index];
    if (item.checkbox) item.props.status = { status: item.checkbox.checked ? 'done' : item.props.status?.status === 'partial' ? 'partial' : 'open' };
    if (item.candidate && (item.props.estimate || item.props.size || item.props.priority || item.props.status)) item.candidate = false;
  }

  private isPropEntry(li: ListItem): boolean {
    const head = li.children[0];
    if (head?.type !== 'paragraph') return false;
    const field = readField(firstLine(this.source(head)));
    if (!field) return false;
    // A field counts only if it says something: "Status: Built but not activated" does not.
    switch (labelKind(field.label)) {
      case 'estimate':
        return !SIZE_LABEL.test(field.label.trim()) || readSizeValue(field.value, field.label) !== undefined;
      case 'priority':
        return readPriorityValue(field.value) !== undefined;
      case 'status':
        return readStatusValue(field.value) !== undefined;
      default:
        return false;
    }
  }

  private listCheckbox(li: ListItem, headText: string): FactCheckbox | undefined {
    const start = li.position!.start.offset!;
    const raw = this.text.slice(start, start + 16);
    const m = /^(?:[-*+]|\d{1,9}[.)])[ \t]+(\[([ xX~!/-])\])/.exec(raw);
    if (!m) return undefined;
    if (!this.isTaskItem(li) && !/^\[[~!/-]\]\s/.test(headText)) return undefined;
    return this.checkbox(start + m[0].length - 3, m[2]);
  }

  private checkbox(start: number, mark: string): FactCheckbox {
    return { checked: mark === 'x' || mark === 'X', mark, range: this.lines.range(start, start + 3) };
  }

  /** Reads "(P0, 2d)", "(4-6h)", "(HIGH PRIORITY - 8-12 hours)" after a title. Returns whether any was found. */
  private readAnnotations(headRaw: string, headBase: number, props: FactProps, isField: boolean): boolean {
    let found = false;
    const line = firstLine(headRaw);
    for (const group of line.matchAll(/\(([^()]*)\)|（([^（）]*)）/g)) {
      const inner = group[1] ?? group[2];
      const innerStart = group.index! + 1;
      const estimate = findEstimates(inner)[0];
      if (estimate && !props.estimate && !NOT_EFFORT.test(inner) && !NOT_EFFORT.test(line.slice(Math.max(0, group.index! - 24), group.index))) {
        props.estimate = this.estimate(estimate, inner, headBase + innerStart);
        found = true;
      }
      const priority = findPriority(inner);
      if (priority && !props.priority) {
        props.priority = { rank: priority.rank, label: priority.label, range: this.lines.range(headBase + innerStart + priority.start, headBase + innerStart + priority.end) };
        found = true;
      }
    }
    // "**Rate limiting** — 6h": an estimate after a dash at the end of the line.
    const tail = /\s[—–-]\s+([^—–]*)$/.exec(line);
    if (!props.estimate && tail) {
      const estimate = findEstimates(tail[1])[0];
      const tailStart = tail.index + tail[0].length - tail[1].length;
      if (estimate && estimate.start === 0 && /^\W*$/.test(tail[1].slice(estimate.end).replace(/\([^)]*\)/g, '')) && !NOT_EFFORT.test(line.slice(Math.max(0, tail.index - 24), tail.index))) {
        props.estimate = this.estimate(estimate, tail[1], headBase + tailStart);
        found = true;
      }
    }
    if (!props.priority && !isField) {
      const priority = findPriority(line);
      if (priority && /\*\*|^\W*P[0-3]\b|\bP[0-3]\b/.test(line)) {
        props.priority = { rank: priority.rank, label: priority.label, range: this.lines.range(headBase + priority.start, headBase + priority.end) };
        found = true;
      }
    }
    return found;
  }

  /** "Template system: 20-25 hours": a label whose whole value is an estimate. */
  private breakdownEstimate(field: NonNullable<ReturnType<typeof readField>>, headBase: number): FactEstimate | undefined {
    const estimate = findEstimates(field.value)[0];
    if (!estimate || estimate.start > 2) return undefined;
    const rest = field.value.slice(estimate.end).trim();
    if (rest && !/^[(（[,;.—–-]/.test(rest)) return undefined;
    const offset = headBase + field.valueStart + (field.value.length ? this.text.slice(headBase + field.valueStart).indexOf(field.value) : 0);
    return this.estimate(estimate, field.value, offset);
  }

  private titleOf(head: Paragraph | undefined, headText: string): string {
    const strong = head?.children.find((c) => c.type === 'strong');
    const lead = head ? head.children.slice(0, head.children.indexOf(strong as never)) : [];
    const leadIsMarker = strong && lead.every((c) => c.type === 'text' && /^[\s\d.)\p{Extended_Pictographic}\uFE0F[\]xX~!-]*$/u.test(c.value));
    // "**CP-001**: Implement the modal": the bold part is the ID, the title follows it.
    const bold = strong && leadIsMarker && !ID_RE.test(plainText(strong).trim()) ? plainText(strong) : undefined;
    // "⚠️ **PARTIAL** Batch generation workflows": the bold word is the status, the rest the title.
    const boldIsStatus = bold !== undefined && isStatusWord(bold);
    const after = boldIsStatus && head ? head.children.slice(head.children.indexOf(strong as never) + 1).map(plainText).join('').split('\n')[0] : '';
    const boldTitle = boldIsStatus ? (/\p{L}/u.test(after) ? after.replace(/^[\s:—–-]+/, '') : undefined) : bold;
    const text = boldTitle ?? splitId(firstLine(headText).replace(/^\s*\[[ xX~!/-]\]\s*/, '')).rest;
    const title = cleanTitle(
      text
        .replace(/^\s*\[[ xX~!/-]\]\s*/, '')
        .replace(/^[\s\p{Extended_Pictographic}\uFE0F]+/u, '')
        .replace(/^\d+(?:\.\d+)*[.)]?\s+/, ''),
    );
    const withoutAnnotation = title.replace(/\s*[(（][^()（）]*[)）]\s*$/, '').trim();
    return (withoutAnnotation || title).slice(0, 200);
  }

  // ---- fields, paragraphs, declared numbers ----------------------------------------------

  private readProp(props: FactProps, kind: 'estimate' | 'priority' | 'status', value: string, start: number, end: number, label = ''): void {
    const raw = this.text.slice(start, end);
    if (kind === 'estimate') {
      const estimate = findEstimates(raw)[0];
      const size = readSizeValue(raw, label);
      if (size) props.size ??= this.size(size, start);
      if (estimate) props.estimate ??= this.estimate(estimate, raw, start);
      // "Points: see below" under a size label says nothing about effort: not an unreadable estimate.
      else if (size || SIZE_LABEL.test(label.trim())) return;
      else if (value && !/^(?:n\/a|none|-|—|0)$/i.test(value) && !/^(?:included|covered|see)\b/i.test(value)) props.unreadable ??= { text: value, range: this.lines.range(start, end) };
    } else if (kind === 'priority') {
      const p = readPriorityValue(raw);
      if (p) props.priority ??= { rank: p.rank, label: cleanTitle(p.label), range: this.lines.range(start + p.start, start + p.end) };
    } else {
      const s = readStatusValue(value);
      const progress = readProgress(value, true) ?? readProgress(value);
      // "Status: ✅ Complete (8/9)" is partly done.
      const status = s?.status === 'done' && progress && progress.done < progress.total ? 'partial' : s?.status;
      if (status) props.status ??= { status, range: this.lines.range(start, end) };
    }
  }

  /**
   * "**1. security_scan.py** ⭐" on a line of its own, then a list of fields ("- **Effort**:
   * …", "- **Timeline**: 1-2 days"): an item written as a bold paragraph; the fields are its own.
   */
  private visitTitledParagraph(node: Paragraph, next: RootContent | undefined): boolean {
    if (next?.type !== 'list' || this.heading < 0) return false;
    const strong = node.children.find((c) => c.type === 'strong');
    if (!strong || node.children.indexOf(strong) !== 0) return false;
    const rest = node.children.slice(1).map(plainText).join('');
    if (!/^[\s\p{Extended_Pictographic}\uFE0F]*$/u.test(rest)) return false;
    const title = cleanTitle(meant(plainText(strong))).replace(/^\d+(?:\.\d+)*[.)]?\s+/, '');
    if (!/\p{L}/u.test(title) || /[:：]$/.test(title) || readField(this.source(node))) return false;
    if (!next.children.some((li) => this.isPropEntry(li))) return false;
    const { id, rest: titleRest } = splitId(title);
    this.facts.items.push({ kind: 'list', id, title: titleRest || title, range: nodeRange(node), titleRange: nodeRange(node), heading: this.heading, props: {}, candidate: false });
    this.titledParagraph = this.facts.items.length - 1;
    return true;
  }

  private visitParagraph(node: Paragraph, next: RootContent | undefined): void {
    const raw = this.source(node);
    const base = node.position!.start.offset!;
    for (const { text: clean, start: lineStart } of splitLines(raw)) {
      const lineRange = this.lines.range(base + lineStart, base + lineStart + clean.length);
      const field = readField(clean);
      const kind = field ? labelKind(field.label) : undefined;
      const progress = this.readProgressLine(clean, base + lineStart, 'paragraph', lineRange, field, undefined);
      if (field && (kind === 'estimate' || kind === 'priority' || kind === 'status') && this.heading >= 0) {
        this.readProp(this.facts.headings[this.heading].props, kind, field.value, base + lineStart + field.valueStart, base + lineStart + field.valueEnd, field.label);
        if (kind === 'status' && !progress && COUNT_SENTENCE.test(field.value)) this.readCountSentence(clean, base + lineStart, lineRange, next, !/[:：]\s*$/.test(field.value));
      } else if (progress) {
        // Declared progress, read above: never an item, never a total.
      } else if (field) {
        this.readDeclaredField(field.label, field.value, base + lineStart, field.valueStart, 'paragraph', lineRange, undefined, next);
      } else if (this.readBracketedLabel(clean, base + lineStart, 'paragraph', lineRange, undefined)) {
        // "Critical (P0) tasks: 3" on a line of its own.
      } else if (COUNT_SENTENCE.test(clean)) {
        this.readCountSentence(clean, base + lineStart, lineRange, next);
      }
      this.readCapacityLine(clean, lineRange);
    }
  }

  /**
   * A `label: value` line that declares a total, a count or a timeline. `siblings` are the
   * items listed before it in the same list (a "Total" line closing its own list).
   */
  private readDeclaredField(
    label: string,
    value: string,
    lineBase: number,
    valueStart: number,
    where: FactDeclared['where'],
    range: RelRange,
    siblings: number[] | undefined,
    next?: RootContent,
  ): boolean {
    // "Total: 34 story points", "Sprint capacity: 40 points": sizes, neither a count of stories nor hours.
    if (isPointsValue(value)) return false;
    const valueRaw = this.text.slice(lineBase + valueStart, lineBase + valueStart + value.length + 8);
    const valueBase = lineBase + valueStart;
    const estimates = findEstimates(firstLine(valueRaw));
    const first = estimates[0];
    const labelText = cleanTitle(label);
    if (first && first.start <= 2 && TIMELINE_LABEL.test(labelText) && (first.unit === 'w' || first.unit === 'd')) {
      this.pushDeclared('timeline', labelText, range, valueRaw, valueBase, first, where, { kind: 'document' });
      return true;
    }
    if (first && first.start <= 2 && TOTAL_LABEL.test(labelText) && first.unit !== 'w') {
      const scope = this.totalScope(labelText + ' ' + value, siblings);
      this.pushDeclared('total', labelText, range, valueRaw, valueBase, first, where, scope);
      return true;
    }
    const count = first && first.start <= 2 ? null : COUNT_VALUE.exec(value);
    if (count && (count[2] || new RegExp(String.raw`\b(?:${COUNT_NOUN})\b`, 'iu').test(labelText)) && !/^#/.test(value)) {
      if (next?.type === 'list') this.promoteNext = true;
      const start = valueBase + valueRaw.indexOf(count[1]);
      const n = readNumber(count[1]);
      if (Number.isNaN(n)) return false;
      const est: RawEstimate = { low: n, high: n, unit: 'h', start: start - valueBase, end: start - valueBase + count[1].length, approximate: false };
      this.pushDeclared('count', labelText, range, valueRaw, valueBase, est, where, this.countScope(labelText, value, siblings));
      return true;
    }
    return false;
  }

  /**
   * "Critical (P0) tasks: 3", "Tasks marked [P]: 23", "Total effort (all phases): 15 days": a
   * label with words in brackets, read only as a declared number and only when the value is
   * nothing but that number (with its unit or count noun, and at most a note in brackets).
   * Anything else with such a label is an item's title and its description.
   */
  private readBracketedLabel(line: string, lineBase: number, where: FactDeclared['where'], range: RelRange, siblings: number[] | undefined): boolean {
    const field = readField(line, true);
    // A number with a unit or noun and a note is short: a long value is a description (and is not scanned).
    if (!field || field.value.length > 120 || !/[[(（]/.test(field.label) || !namesOnlyWhatItCounts(field.label)) return false;
    if (!BARE_NUMBER.test(field.value.replace(/\s+/g, ' ').trim())) return false;
    return this.readDeclaredField(field.label, field.value, lineBase, field.valueStart, where, range, siblings);
  }

  /**
   * Declared progress on a line: "Progress: 4 of 9 tasks done" and "**Status**: ✅ Complete
   * (8/9)" speak of their section; "Phase 2: ✅ Complete (5/6)" of the section its label
   * names. An entry under an item ("- Status: 3/4 done" below a task) is that item's status,
   * not declared here. Returns whether the line declared progress.
   */
  private readProgressLine(line: string, lineBase: number, where: FactDeclared['where'], range: RelRange, field: ReturnType<typeof readField>, parent: number | undefined): boolean {
    const progressField = field && (labelKind(field.label) === 'status' || PROGRESS_LABEL.test(cleanTitle(field.label)));
    const found = progressField ? (readProgress(field.value, true) ?? readProgress(field.value)) : readProgress(line);
    if (!found) return false;
    if (parent !== undefined) return false;
    const offset = progressField ? field.valueStart : 0;
    const label = cleanTitle(line.slice(offset, offset + found.phraseStart)).replace(/^(?:[-*+]|\d+[.)])\s+/, '').replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '').replace(/[\s:：—–|-]+$/, '').trim();
    const scope: ScopeHint = /\p{L}/u.test(label) ? { kind: 'named', name: label } : { kind: 'section' };
    const valueRaw = line.slice(offset);
    const est: RawEstimate = { low: found.done, high: found.done, unit: 'h', start: found.start, end: found.end, approximate: false };
    this.pushDeclared('progress', label || cleanTitle(field?.label ?? 'Progress'), range, valueRaw, lineBase + offset, est, where, scope);
    const declared = this.facts.declared[this.facts.declared.length - 1];
    declared.outOf = found.total;
    declared.valueText = valueRaw.slice(found.start, found.end);
    declared.valueRange = this.lines.range(lineBase + offset + found.start, lineBase + offset + found.end);
    return true;
  }

  private readCountSentence(line: string, lineBase: number, range: RelRange, next: RootContent | undefined, unsure = false): void {
    const m = COUNT_SENTENCE.exec(line);
    if (!m || next?.type !== 'list') return;
    // A status line's list may be anything ("Found 5 TODOs in codebase", then the files): its entries stay what they are.
    if (!unsure) this.promoteNext = true;
    const start = m.index + m[0].indexOf(m[1]);
    const n = readNumber(m[1]);
    if (Number.isNaN(n)) return;
    const est: RawEstimate = { low: n, high: n, unit: 'h', start, end: start + m[1].length, approximate: false };
    this.pushDeclared('count', cleanTitle(m[0]), range, line, lineBase, est, 'paragraph', { kind: 'section' });
    if (unsure) this.facts.declared[this.facts.declared.length - 1].unsure = true;
  }

  private readCapacityLine(line: string, range: RelRange): void {
    const capacity = readCapacity(line);
    if (!capacity) return;
    this.facts.declared.push({
      kind: 'capacity',
      label: cleanTitle(line).slice(0, 120),
      range,
      valueRange: range,
      valueText: cleanTitle(line),
      value: { low: capacity.people ?? 1, high: capacity.people ?? 1 },
      approximate: false,
      capacity,
      where: 'paragraph',
      heading: this.heading,
      scope: { kind: 'document' },
    });
  }

  private totalScope(text: string, siblings: number[] | undefined): ScopeHint {
    if (siblings && siblings.length > 0) return { kind: 'list', items: siblings };
    const priorities = findPriorityCodes(text);
    if (priorities.length > 0) return { kind: 'priorities', priorities };
    const word = findPriority(text);
    if (word) return { kind: 'priorities', priorities: [word.rank] };
    return { kind: 'grand' };
  }

  /** An ID range or a tag the statement names outranks the list it closes: they say which items. */
  private countScope(label: string, value: string, siblings: number[] | undefined): ScopeHint {
    const ids = findIdRange(label + ' ' + value);
    if (ids) return { kind: 'ids', range: ids };
    const tag = findTag(label + ' ' + value);
    if (tag) return { kind: 'tagged', tag };
    const part = SEQUENCE_NOTE.exec(value);
    if (part) return { kind: 'named', name: part[1] };
    if (siblings && siblings.length > 0) return { kind: 'list', items: siblings };
    const priorities = findPriorityCodes(label);
    if (priorities.length > 0) return { kind: 'priorities', priorities };
    return { kind: 'section' };
  }

  private pushDeclared(
    kind: DeclaredKind,
    label: string,
    range: RelRange,
    valueRaw: string,
    valueBase: number,
    value: RawEstimate,
    where: FactDeclared['where'],
    scope: ScopeHint,
  ): void {
    const span = numberSpan(valueRaw.slice(value.start, value.end));
    const declared: FactDeclared = {
      kind,
      label,
      range,
      valueRange: this.lines.range(valueBase + value.start, valueBase + value.start + span),
      valueText: valueRaw.slice(value.start, value.start + span),
      value: { low: value.low, high: value.high },
      unit: kind === 'count' ? undefined : value.unit,
      approximate: value.approximate,
      where,
      heading: this.heading,
      scope,
    };
    this.facts.declared.push(declared);
    if ((kind === 'total' || kind === 'count') && (scope.kind === 'priorities' || scope.kind === 'grand' || scope.kind === 'section' || scope.kind === 'document') && where !== 'heading') {
      this.adjacent.push([declared, this.block]);
    }
  }

  // ---- tables -----------------------------------------------------------------------------

  private visitTable(node: Table, outcome: BlockOutcome): void {
    const table = readTable(node, (n) => this.source(n));
    if (!table.isItemTable) return;
    outcome.itemTable = true;
    const rows: number[] = [];
    for (const row of table.rows) {
      if (row.total) {
        if (row.effort) {
          const est = row.effort;
          this.pushDeclared('total', cleanTitle(row.title) || 'Total', nodeRange(row.node), est.raw, est.base, est.estimate, 'row', { kind: 'table', items: [...rows] });
        }
        continue;
      }
      if (row.summary) continue;
      const props: FactProps = {};
      if (row.effort) props.estimate = this.estimate(row.effort.estimate, row.effort.raw, row.effort.base);
      if (row.size) props.size = this.size(row.size.size, row.size.base);
      if (row.priority) props.priority = { rank: row.priority.rank, label: row.priority.label };
      if (row.status) props.status = { status: row.status };
      const { id, rest } = splitId(row.title);
      this.facts.items.push({
        kind: 'row',
        id: row.id ?? id,
        title: cleanTitle(rest.replace(/^\d+(?:\.\d+)*[.)]\s*/, '')) || row.title,
        range: nodeRange(row.node),
        titleRange: row.titleNode ? nodeRange(row.titleNode) : nodeRange(row.node),
        heading: this.heading,
        props,
        candidate: false,
      });
      rows.push(this.facts.items.length - 1);
    }
    outcome.items = rows;
  }

  // ---- html directives ----------------------------------------------------------------------

  private visitHtml(value: string, line: number): void {
    for (const m of value.matchAll(DIRECTIVE_RE)) {
      const before = value.slice(0, m.index);
      const rules = m[2].trim().split(/[\s,]+/).filter(Boolean);
      this.facts.directives.push({ kind: m[1] as FactDirective['kind'], rules, line: line + countLineBreaks(before) });
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private source(node: Nodes): string {
    return this.text.slice(node.position!.start.offset!, node.position!.end.offset!);
  }

  /** A size read from a string that starts at chunk offset `base`. */
  private size(size: RawSize, base: number): FactSize {
    return { text: size.text, ...(size.points !== undefined && { points: size.points }), range: this.lines.range(base + size.start, base + size.end) };
  }

  /** "(5 SP)", "(P1, 8 pts)": points standing as one part of a parenthesised annotation, not inside a sentence. */
  private annotatedPoints(line: string, base: number): FactSize | undefined {
    for (const group of line.matchAll(/\(([^()]*)\)|（([^（）]*)）/g)) {
      const inner = group[1] ?? group[2];
      const points = findPoints(inner);
      if (!points) continue;
      const part = inner.split(/[,;|·]/).find((p) => p.includes(points.text));
      if (part?.trim().replace(/^[~≈]\s*/, '') === points.text) return this.size(points, base + group.index! + 1);
    }
    return undefined;
  }

  /** An estimate read from `raw`, which starts at chunk offset `base`. */
  private estimate(e: RawEstimate, raw: string, base: number): FactEstimate {
    return {
      low: e.low,
      high: e.high,
      unit: e.unit,
      text: raw.slice(e.start, e.end),
      range: this.lines.range(base + e.start, base + e.end),
      approximate: e.approximate,
      per: e.per,
    };
  }
}

/** A value that opens with story points ("34 story points", "~40 pts"). */
function isPointsValue(value: string): boolean {
  const points = findPoints(firstLine(value));
  return points !== undefined && /^\W{0,3}$/u.test(value.slice(0, points.start));
}

/**
 * A duration that is not effort: a period, an interval, a timeout, a media length
 * ("cancellation within 14 Tage", "runs every 5 minutes", "timeout 30 s", "video (3 min)").
 * An annotation with one of these words beside it is not the entry's estimate.
 */
const NOT_EFFORT =
  /(?:\b(?:every|each|per|within|after|timeouts?|time-?out|retention|retained|retain|ttl|expir\w*|intervals?|cron|schedule[ds]?|cancel\w*|notice|delay|wait|cooldown|backoff|video|clip|recording|runtime|length|duration|alle|jede[nrs]?|nach|innerhalb|kündigung\w*|frist|widerruf\w*|dauer|länge|laufzeit|aufbewahrung|toutes? les|chaque|délai|durée|hver|innen|каждые|каждый|через|таймаут|срок|длительность|毎|ごと|以内|期限|タイムアウト|動画)\b)/iu;

/** A field naming a stretch of calendar time ("Length: 2 weeks", "Sprint duration: 10 days"), never a piece of work. */
const PERIOD_LABEL =
  /^(?:(?:sprint|project|release|phase|iteration|milestone|meeting|session)\s+)?(?:length|duration|period|time ?frame|timeline|window|cadence|interval|timeout|runtime|dauer|länge|laufzeit|zeitraum|durée|période|длительность|срок|продолжительность|期間|期限)$/iu;

const CHECKLIST_LABEL = new RegExp(
  String.raw`^(?:acceptance criteria|acceptance tests?|definition of done|dod|done when|exit criteria|success (?:criteria|metrics)|verification(?: steps)?|checklist|kpis?|attendees|attendance|participants|present|teilnehmer(?:innen)?|anwesend|akzeptanzkriterien|abnahmekriterien|erfolgskriterien|critères d'acceptation|critères de succès|participants|akseptansekriterier|deltakere|критерии (?:приемки|приёмки|готовности)|участники|受け入れ基準|完了条件|参加者)$`,
  'iu',
);

// "3", "15 days", "23 tasks", "3 tasks (T001-T003)": a number, its unit or noun, at most a note.
const BARE_NUMBER = /^(?:[~≈]?\d[\d.,]*(?:\s*[-–—]\s*\d[\d.,]*)?\+?\s*(?:[\p{L}-]+\s*){0,2}?)(?:[(（[][^()（）]*[)）\]])?$/u;

// "4 tasks (Phase 1)": a note naming one part of the plan in sequence.
const SEQUENCE_NOTE = /[(（]\s*((?:phase|sprint|milestone|stage|step|week|wave|part|epic|release|iteration|increment|fase|phase|etappe|woche|этап|фаза|спринт)\s+[\p{L}\d.]{1,6})\s*[)）]/iu;

const PRIORITY_WORDS = String.raw`critical|high|medium|low|urgent|important|blocker|blocking|major|minor|must|should|could|nice-to-have|highest|lowest|top|priority|priorities|kritisch|hoch|mittel|niedrig|critique|haute|moyenne|basse|критичн\p{L}*|высок\p{L}*|средн\p{L}*|низк\p{L}*|緊急|高|中|低`;
const COUNT_LABEL_WORDS = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${PRIORITY_WORDS}|${COUNT_NOUN}|total|overall|grand|sum|effort|estimated|estimate|work|time|hours|open|remaining|done|all|phases?|marked|marker|tagged|with|in|of|the)(?![\p{L}\p{N}])`, 'giu');

/**
 * A bracketed label is a declared number's when, besides the brackets, it says only what is
 * counted or totalled: "Critical (P0) tasks", "Total effort (all phases)", "Tasks marked [P]".
 * "Login bugs (P1)" names one piece of work: an item with a note, not a count of all P1 items.
 * A tag or an ID range in the label says which items themselves, so other words may stand.
 */
function namesOnlyWhatItCounts(label: string): boolean {
  if (findTag(label) || findIdRange(label)) return true;
  const rest = cleanTitle(label).replace(/[(（[][^()（）[\]]*[)）\]]/g, ' ').replace(/\bP[0-3]\b/g, ' ').replace(COUNT_LABEL_WORDS, ' ');
  return !/\p{L}/u.test(rest);
}

/** "**Acceptance Criteria:**", "Attendees:": a label whose list is a checklist, not work. */
function isChecklistLabel(line: string): boolean {
  return CHECKLIST_LABEL.test(cleanTitle(line).replace(/^[\s\p{Extended_Pictographic}\uFE0F#]+|[\s:：]+$/gu, ''));
}

function lastLine(text: string): string {
  const lines = text.split(/\r?\n/);
  return lines[lines.length - 1] ?? '';
}

/** The whole text is a status word ("PARTIAL", "Done"), not a title that starts with one. */
function isStatusWord(text: string): boolean {
  const t = text.replace(/[\p{Extended_Pictographic}\uFE0F:]/gu, '').trim();
  const status = readStatusValue(t);
  return !!status && status.text.toLowerCase() === t.toLowerCase();
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** The text up to its first line ending (\r\n, \n or a lone \r). */
function firstLine(text: string): string {
  const end = text.search(/[\r\n]/);
  return end < 0 ? text : text.slice(0, end);
}
