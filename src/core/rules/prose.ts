/**
 * The text with code blocks and HTML comments blanked out (same length, newlines kept), so a
 * rule that scans raw text sees only what the plan says, at the offsets where it says it.
 */
import { splitChunks } from '../parse/chunks';
import { onForgetTexts } from './text-memo';

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

function blank(s: string): string {
  return s.replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length));
}

/** The closing line of a fence opened with `fence`: a bare fence at least as long ("```json" inside a ``` block does not close it). */
const closers = new Map<string, RegExp>();
function closerOf(fence: string): RegExp {
  let close = closers.get(fence);
  if (!close) {
    if (closers.size > 64) closers.clear();
    closers.set(fence, (close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`)));
  }
  return close;
}

/** Whether a line may open or close a fence: a ` or ~ after at most three spaces. */
function mayBeFence(text: string, at: number): boolean {
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(at + i);
    if (c === 96 || c === 126) return true;
    if (c !== 32) return false;
  }
  return false;
}

/** The lines inside fenced code blocks blanked; one pass, the text itself when it has no fence. */
function blankFences(text: string): string {
  if (!/^ {0,3}(?:`{3,}|~{3,})/m.test(text)) return text;
  const out: string[] = [];
  let copied = 0;
  let fence: RegExp | undefined;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const fenceLike = mayBeFence(text, start);
    const line = fenceLike ? text.slice(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end) : '';
    if (fence === undefined) {
      const open = fenceLike ? FENCE_OPEN.exec(line) : null;
      // A backtick fence's info string cannot contain backticks (CommonMark).
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) fence = closerOf(open[1]);
    } else if (fenceLike && fence.test(line)) {
      fence = undefined;
    } else if (end > start) {
      out.push(text.slice(copied, start), blank(text.slice(start, end)));
      copied = end;
    }
    start = end + 1;
  }
  out.push(text.slice(copied));
  return out.join('');
}

function blankChunk(text: string): string {
  const fenced = blankFences(text);
  return fenced.includes('<!--') ? fenced.replace(/<!--[\s\S]*?-->/g, blank) : fenced;
}

/** The last text blanked and its result: rules that ask twice in one analysis pay once. */
let last: { text: string; prose: string } | undefined;
/** Each chunk's prose, by chunk text, for the chunks of the last text: an edit blanks only the chunks it changed. */
let byChunk = new Map<string, string>();
onForgetTexts(() => {
  last = undefined;
  byChunk = new Map();
});

/**
 * Blanked chunk by chunk (the chunks the engine parses: they split only outside fences and
 * HTML blocks, so a fence or comment never spans two), each remembered from the last text.
 */
export function proseOnly(text: string): string {
  if (last?.text !== text) {
    const next = new Map<string, string>();
    const parts: string[] = [];
    for (const { text: chunk } of splitChunks(text)) {
      const prose = next.get(chunk) ?? byChunk.get(chunk) ?? blankChunk(chunk);
      next.set(chunk, prose);
      parts.push(prose);
    }
    byChunk = next;
    last = { text, prose: parts.join('') };
  }
  return last.prose;
}
