/**
 * What the markdown parser reads. A few inputs make micromark slow or deep out of all
 * proportion to their size: blocks nested thousands deep on one line ("> > > …", "- - - …",
 * "1. 1. 1. …", quadratic in the depth), and a paragraph with thousands of `[`, `*`/`_`/`~`
 * or backticks (quadratic in their number; `]` alone is enough). Past a limit those characters are swapped for
 * look-alikes that mean nothing to markdown, one UTF-16 unit for one, so every offset and
 * line stays true; the extractor still reads the user's own text for everything it slices,
 * and each swap is reported as a notice. A BOM at a line start reads as a space (micromark
 * drops it only at the very start of its input, so a BOM after front matter would otherwise
 * shift every offset of its chunk).
 */
import { BlockState, splitLines } from './chunks';

/** Deepest container nesting read as markdown on one line (real plans stay under ten). */
export const MAX_NESTING = 100;
/** Most brackets (or emphasis marks, or backticks) read as markdown in one paragraph; a lone `]` is quadratic too. */
export const MAX_MARKS = 400;

export type NoticeKind = 'nesting' | 'brackets' | 'emphasis' | 'code';

export interface ParseNotice {
  kind: NoticeKind;
  /** Offsets of the first neutralised character and the end of the line of the last one. */
  start: number;
  end: number;
}

const MARK_CLASS: Record<string, Exclude<NoticeKind, 'nesting'>> = { '[': 'brackets', ']': 'brackets', '*': 'emphasis', _: 'emphasis', '~': 'emphasis', '`': 'code' };
const LOOKALIKE: Record<string, string> = {
  '[': '\u2045', // ⁅
  ']': '\u2046', // ⁆
  '*': '\u2217', // ∗
  _: '\u2017', // ‗
  '~': '\u223c', // ∼
  '`': '\u02cb', // ˋ
  '>': '\u203a', // ›
  '-': '\u2010', // ‐
  '+': '\u2214', // ∔
  '.': '\u2024', // ․
  ')': '\u2046', // ⁆ (as for ']')
};
const MARKS = /[[\]*_~`]/g;
const LIST_MARKER = /(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/y;
const ATX = /^#{1,6}(?:[ \t]|$)/;

class Rewriter {
  private readonly parts: string[] = [];
  private last = 0;

  constructor(private readonly text: string) {}

  swap(offset: number, char: string): void {
    this.parts.push(this.text.slice(this.last, offset), char);
    this.last = offset + 1;
  }

  result(): string {
    return this.parts.length === 0 ? this.text : this.parts.join('') + this.text.slice(this.last);
  }
}

export function guardForParser(text: string): { text: string; notices: ParseNotice[] } {
  const out = new Rewriter(text);
  const notices: ParseNotice[] = [];
  const state = new BlockState();
  let counts: Record<string, number> = {};
  let open: Partial<Record<NoticeKind, ParseNotice>> = {};
  const resetRun = () => {
    counts = {};
    open = {};
  };
  const note = (kind: NoticeKind, offset: number, lineEnd: number) => {
    const current = open[kind];
    if (current) current.end = lineEnd;
    else notices.push((open[kind] = { kind, start: offset, end: lineEnd }));
  };
  for (const { text: line, start } of splitLines(text)) {
    const lineEnd = start + line.length;
    if (!state.feed(line).markdown || /^[ \t]*$/.test(line)) {
      resetRun();
      continue;
    }
    let pos = 0;
    if (line.charCodeAt(0) === 0xfeff) {
      out.swap(start, ' ');
      pos = 1;
    }
    // Containers opened on this line: "> ", "- ", "1. " and the like.
    let depth = 0;
    let nestingNoted = false;
    for (;;) {
      while (line[pos] === ' ' || line[pos] === '\t') pos++;
      let length = 0;
      if (line[pos] === '>') length = 1;
      else {
        LIST_MARKER.lastIndex = pos;
        if (LIST_MARKER.test(line)) length = LIST_MARKER.lastIndex - pos;
      }
      if (length === 0) break;
      if (++depth > MAX_NESTING) {
        out.swap(start + pos + length - 1, LOOKALIKE[line[pos + length - 1]]);
        if (!nestingNoted) notices.push({ kind: 'nesting', start: start + pos, end: lineEnd });
        nestingNoted = true;
      }
      pos += length;
    }
    // A new block starts a new paragraph; a heading or table row is inline text of its own.
    const standalone = ATX.test(line.slice(pos)) || line.includes('|');
    if (depth > 0 || standalone) resetRun();
    MARKS.lastIndex = pos;
    for (let m = MARKS.exec(line); m; m = MARKS.exec(line)) {
      const i = m.index;
      const kind = MARK_CLASS[line[i]];
      counts[kind] = (counts[kind] ?? 0) + 1;
      if (counts[kind] <= MAX_MARKS) continue;
      out.swap(start + i, LOOKALIKE[line[i]]);
      note(kind, start + i, lineEnd);
    }
    if (standalone) resetRun();
  }
  return { text: out.result(), notices };
}

/** One line a reader understands, for the model's notices. */
export function noticeMessage(kind: NoticeKind): string {
  switch (kind) {
    case 'nesting':
      return `Blocks nest more than ${MAX_NESTING} deep here: the deeper markers are read as text.`;
    case 'brackets':
      return `More than ${MAX_MARKS} '[' or ']' in one paragraph: the rest are read as text (markdown parsers slow down quadratically on such runs).`;
    case 'emphasis':
      return `More than ${MAX_MARKS} emphasis marks ('*', '_', '~') in one paragraph: the rest are read as text (markdown parsers slow down quadratically on such runs).`;
    case 'code':
      return `More than ${MAX_MARKS} backticks in one paragraph: the rest are read as text (markdown parsers slow down quadratically on such runs).`;
  }
}
