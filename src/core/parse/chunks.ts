/**
 * Splits a document into independent chunks at ATX headings that stand outside code fences,
 * HTML blocks and front matter, so each chunk can be parsed (and cached) on its own: an edit
 * re-parses only the chunk it touched. remark's parse is superlinear in size and dominated by
 * tables, so small chunks also make the cold parse no slower than one whole parse.
 *
 * The fence rules follow CommonMark (a fence closes only with the same character, at least
 * as long, and no info string), because that is what remark will do with the same text: a
 * ```json line inside a ``` fence is content, not a new fence.
 */

import { onForgetTexts, ownCopy } from '../rules/text-memo';

const BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';

export interface Chunk {
  text: string;
  /** Offset of the chunk's first character in the document. */
  offset: number;
  /** 0-based line of the chunk's first line. */
  line: number;
  /** Front matter is kept as its own chunk so positions stay whole, but it is never parsed. */
  frontMatter: boolean;
}

// Only unindented headings split: an indented one may belong to a list item above it. A BOM
// at a line start is read as a space (see guard.ts), so "\uFEFF# Plan" is a heading too.
const ATX = /^\uFEFF?#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
// CommonMark's seven HTML block start conditions; 1–5 end at a line holding their end
// marker, 6 and 7 at a blank line. Condition 7 cannot interrupt a paragraph, but taking it
// for a block anyway only means one split fewer, which never changes the model.
const HTML_OPEN = new RegExp(
  String.raw`^ {0,3}<(?:(script|pre|style|textarea)(?:\s|>|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[)|(\/?(?:${BLOCK_TAGS})(?:\s|\/?>|$))|(\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?)*\s*\/?>\s*$))`,
  'i',
);
const HTML_CLOSE: RegExp[] = [/<\/(?:script|pre|style|textarea)>/i, /-->/, /\?>/, />/, /\]\]>/];
const BLANK = /^[ \t]*$/;

interface Line {
  text: string;
  start: number;
}

/** Lines as CommonMark counts them: ended by \r\n, \n or a lone \r. */
export function splitLines(text: string): Line[] {
  const { starts, ends } = lineBounds(text);
  return starts.map((start, i) => ({ text: text.slice(start, ends[i]), start }));
}

/** How many lines the front matter takes (0 without front matter); reads only its own lines. */
function frontMatterEnd(text: string, { starts, ends }: LineBounds): number {
  const line = (i: number) => text.slice(starts[i], ends[i]);
  if (starts.length < 2 || !/^\uFEFF?(---|\+\+\+)\s*$/.test(line(0))) return 0;
  const marker = line(0).replace(/^\uFEFF/, '').trim() === '+++' ? /^\+\+\+\s*$/ : /^(---|\.\.\.)\s*$/;
  for (let i = 1; i < starts.length; i++) if (marker.test(line(i))) return i + 1;
  return 0;
}

/** An open fence or HTML block, and the indentation of the line that opened it. */
interface Open {
  fence?: { char: string; length: number };
  /** The end marker of an HTML block; null for blocks that end at a blank line. */
  html?: RegExp | null;
  indent: number;
}
type Inner = Open | undefined;
interface Outcome {
  state: Inner;
  markdown: boolean;
  split: boolean;
}

const MAX_READINGS = 16;

function indentOf(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

const MARKDOWN = Object.freeze({ markdown: true, split: false });
const IN_FENCE = Object.freeze({ markdown: false, split: false });

/** One line after state `s`: what the line is, and the state after it. */
function step(s: Inner, line: string): Outcome[] {
  const blank = BLANK.test(line);
  if (s) {
    // An indented block may sit in a list item, which (with the block) ends at a line
    // indented less: the text may mean either, so both readings go on.
    const mayEnd = s.indent > 0 && !blank && indentOf(line) < s.indent ? step(undefined, line) : [];
    if (s.fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1][0] === s.fence.char && close[1].length >= s.fence.length) return [{ state: undefined, markdown: false, split: false }, ...mayEnd];
      return [{ state: s, markdown: false, split: false }, ...mayEnd];
    }
    if (s.html === null ? blank : s.html!.test(line)) return [{ state: undefined, markdown: blank, split: false }, ...mayEnd];
    return [{ state: s, markdown: false, split: false }, ...mayEnd];
  }
  const open = FENCE_OPEN.exec(line);
  if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
    return [{ state: { fence: { char: open[2][0], length: open[2].length }, indent: open[1].length }, markdown: false, split: false }];
  }
  const html = HTML_OPEN.exec(line);
  if (html) {
    const kind = html.slice(1).findIndex((g) => g !== undefined);
    const close = kind < HTML_CLOSE.length ? HTML_CLOSE[kind] : null;
    const rest = line.slice(html.index + html[0].length);
    const state = close === null || !close.test(rest) ? { html: close, indent: indentOf(line) } : undefined;
    return [{ state, markdown: false, split: false }];
  }
  return [{ state: undefined, markdown: true, split: ATX.test(line) }];
}

function key(s: Inner): string {
  return s ? `${s.indent}|${s.fence ? s.fence.char + s.fence.length : ''}|${s.html === undefined ? '-' : String(s.html)}` : '';
}

/**
 * Tracks, line by line, whether a line is inside a fence or an HTML block. Where the text
 * allows more than one reading (an indented fence may end with the list item it sits in),
 * every reading is followed: a line is surely markdown only when all readings agree. Past
 * MAX_READINGS the state is lost and nothing is sure any more (no further splits).
 */
export class BlockState {
  private readings: Inner[] = [undefined];
  private lost = false;

  /** One reading, outside every block: a plain line (see `plainLine`) changes nothing. */
  get plain(): boolean {
    return this.readings.length === 1 && this.readings[0] === undefined;
  }

  /**
   * Whether the line surely stays inside the one fence open now (one reading, an unindented
   * fence): only a line whose first character after at most three spaces is the fence's
   * character can close it. Such a line changes nothing and is not markdown.
   */
  staysInFence(text: string, start: number, end: number): boolean {
    if (this.readings.length !== 1) return false;
    const fence = this.readings[0]?.fence;
    if (!fence || this.readings[0]!.indent !== 0) return false;
    let i = start;
    while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
    return i === end || text[i] !== fence.char;
  }

  /** Feeds one line: whether it may be markdown (some reading), and whether a heading here surely starts a chunk (every reading). */
  feed(line: string): { markdown: boolean; split: boolean } {
    // Most lines: one reading, outside every block, and a line that cannot open one (what
    // `step` would find, without its regular expressions and allocations).
    if (this.plain && plainLine(line, 0, line.length)) return MARKDOWN;
    if (this.staysInFence(line, 0, line.length)) return IN_FENCE;
    const outcomes = this.readings.flatMap((s) => step(s, line));
    const next = new Map<string, Inner>();
    for (const o of outcomes) next.set(key(o.state), o.state);
    this.readings = [...next.values()];
    if (this.readings.length > MAX_READINGS) {
      this.lost = true;
      this.readings = this.readings.slice(0, MAX_READINGS);
    }
    return { markdown: outcomes.some((o) => o.markdown), split: !this.lost && outcomes.every((o) => o.split) };
  }
}

/**
 * Where each line starts and ends (before its line break), as CommonMark counts lines: one
 * pass over the characters, no strings made.
 */
interface LineBounds {
  starts: number[];
  ends: number[];
}

function lineBounds(text: string): LineBounds {
  const starts = [0];
  const ends: number[] = [];
  if (text.indexOf('\r') < 0) {
    // No CR at all (most files): indexOf runs over the (flattened) text far faster than a loop.
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
      ends.push(at);
      starts.push(at + 1);
    }
    ends.push(text.length);
    return { starts, ends };
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    ends.push(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    starts.push(i + 1);
  }
  ends.push(text.length);
  return { starts, ends };
}

/**
 * A line that, read outside every block, is plain markdown and no heading: it cannot open a
 * fence or an HTML block (a `, ~ or < after at most three spaces) nor be a heading (# or a
 * BOM in its first column); blank and indented lines included. What `BlockState.feed` would
 * find, decided without making the line's string. Tabs are left to `feed`.
 */
function plainLine(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 4 && text.charCodeAt(i) === 32) i++;
  if (i === end || i - start === 4) return true;
  const c = text.charCodeAt(i);
  if (i === start && (c === 35 || c === 0xfeff)) return false;
  return c !== 60 && c !== 96 && c !== 126 && c !== 9;
}

/** A text and its chunks. */
export interface Split {
  text: string;
  chunks: readonly Chunk[];
}

/** The last text split and its chunks: the rules that read prose ask again for the text just analysed. */
let lastSplit: Split | undefined;
onForgetTexts(() => (lastSplit = undefined));

/**
 * The document's chunks. After an edit (`previous`, the same document's split before it, or
 * else the text split last) only the chunks from the edit on are split again, and once the
 * split meets a heading where the old split began a chunk and the rest of the text is
 * unchanged, every chunk after it is the old split's, moved: an edit costs the chunks it
 * touched, not a pass over the whole text.
 */
export function splitChunks(text: string, previous?: Split): readonly Chunk[] {
  if (lastSplit?.text === text) return lastSplit.chunks;
  const old = previous ?? lastSplit;
  lastSplit = { text, chunks: Object.freeze((old && splitAfterEdit(old.text, old.chunks, text)) ?? splitAtHeadings(text)) };
  return lastSplit.chunks;
}

function splitAtHeadings(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let offset = 0;
  let line = 0;
  if (/^\uFEFF?(?:---|\+\+\+)/.test(text)) {
    const bounds = lineBounds(text);
    const fm = frontMatterEnd(text, bounds);
    if (fm > 0) {
      const end = fm < bounds.starts.length ? bounds.starts[fm] : text.length;
      chunks.push({ text: ownCopy(text.slice(0, end)), offset: 0, line: 0, frontMatter: true });
      if (fm >= bounds.starts.length) return chunks;
      [offset, line] = [end, fm];
    }
  }
  splitFrom(text, offset, line, chunks);
  return chunks;
}

/**
 * Splits `text` from `offset` (where a chunk starts, on line `line`, outside every block) to
 * its end, line by line, into `chunks`. At each heading that starts a chunk, `rest` may give
 * every chunk from there on (an unchanged tail), which ends the walk. Each chunk's text is a
 * copy (see `ownCopy`): chunks outlive the text they were cut from, in the next split after
 * an edit and in the chunk cache, and a slice would keep that whole version alive.
 */
function splitFrom(text: string, offset: number, line: number, chunks: Chunk[], rest?: (offset: number, line: number) => Chunk[] | undefined): void {
  const cr = text.indexOf('\r', offset) >= 0;
  const state = new BlockState();
  let chunkStart = offset;
  let chunkLine = line;
  for (let at = offset, n = line; ; n++) {
    let end = cr ? lineEnd(text, at) : text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const plain = (state.plain && plainLine(text, at, end)) || state.staysInFence(text, at, end);
    if (!plain && state.feed(text.slice(at, end)).split && n > chunkLine) {
      const tail = rest?.(at, n);
      chunks.push({ text: ownCopy(text.slice(chunkStart, at)), offset: chunkStart, line: chunkLine, frontMatter: false });
      if (tail) {
        for (const c of tail) chunks.push(c);
        return;
      }
      [chunkStart, chunkLine] = [at, n];
    }
    if (end >= text.length) break;
    at = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  chunks.push({ text: ownCopy(text.slice(chunkStart)), offset: chunkStart, line: chunkLine, frontMatter: false });
}

/** Where the line starting at `at` ends: its \r, \n or \r\n, or the end of the text. */
function lineEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/**
 * `before` (the chunks of `old`) brought up to date with `text`: the chunks wholly before the
 * first changed character stay, the walk starts at the last of them whose heading line is
 * unchanged, and it ends where a chunk of `before` starts in the unchanged tail. Undefined
 * where the edit reaches the first chunk (front matter may come or go): split it all.
 */
function splitAfterEdit(old: string, before: readonly Chunk[], text: string): Chunk[] | undefined {
  const prefix = commonPrefix(old, text);
  let k = lastStartBefore(before, prefix);
  while (k > 0 && before[k].offset + lineEnd(before[k].text, 0) >= prefix) k--;
  if (k <= 0) return undefined;
  const suffix = commonSuffix(old, text, prefix);
  const moved = text.length - old.length;
  const chunks = before.slice(0, k);
  const tail = (at: number, line: number): Chunk[] | undefined => {
    if (at < text.length - suffix) return undefined;
    const j = lastStartBefore(before, at - moved + 1);
    if (j < 0 || before[j].offset !== at - moved) return undefined;
    const lines = line - before[j].line;
    return before.slice(j).map((c) => ({ ...c, offset: c.offset + moved, line: c.line + lines }));
  };
  splitFrom(text, before[k].offset, before[k].line, chunks, tail);
  return chunks;
}


/** The index of the last chunk starting before `offset`; -1 for none. */
function lastStartBefore(chunks: readonly Chunk[], offset: number): number {
  let [lo, hi] = [0, chunks.length - 1];
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid].offset < offset) [found, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return found;
}

/** Characters compared at a time (as strings: the engine compares those far faster than a loop does). */
const BLOCK = 1024;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many characters `a` and `b` end with alike, no more than what is left past their common prefix. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i + BLOCK <= n && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The document as one chunk (after its front matter, which is never markdown): what chunking must not change. */
export function wholeDocument(text: string): Chunk[] {
  const fm = frontMatterEnd(text, lineBounds(text));
  if (fm === 0) return [{ text, offset: 0, line: 0, frontMatter: false }];
  const [front, next] = splitChunks(text);
  const rest = text.slice(next?.offset ?? text.length);
  return rest ? [front, { text: rest, offset: text.length - rest.length, line: next.line, frontMatter: false }] : [front];
}

/**
 * Link reference definitions of the whole document ("[Unreleased]: https://…"), so a chunk
 * that uses one can be parsed with it: without it `## [Unreleased]` would read differently
 * in a chunk than in the whole document.
 */
export function collectDefinitions(text: string): Map<string, string> {
  const defs = new Map<string, string>();
  // Most plans define no link references: one quick search instead of a scan of every line.
  if (!text.includes(']:')) return defs;
  for (const m of text.matchAll(/^ {0,3}\[([^\]\r\n]{1,200})\]:[ \t]*\S[^\r\n]*$/gm)) {
    const label = m[1].trim().toLowerCase();
    if (!defs.has(label)) defs.set(label, m[0]);
  }
  return defs;
}

/** The chunk's text plus the definitions it uses from elsewhere, appended where they move nothing. */
export function withDefinitions(chunk: string, defs: Map<string, string>): string {
  if (defs.size === 0) return chunk;
  const used: string[] = [];
  const seen = new Set<string>();
  for (const m of chunk.matchAll(/\[([^\]\r\n]{1,200})\]/g)) {
    const label = m[1].trim().toLowerCase();
    const def = defs.get(label);
    if (def && !seen.has(label) && !chunk.includes(def)) used.push(def);
    seen.add(label);
  }
  return used.length === 0 ? chunk : `${chunk}\n\n${used.join('\n')}\n`;
}
