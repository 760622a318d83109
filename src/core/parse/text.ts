/** Small text helpers shared by the extractors: plain text of mdast nodes, and positions. */
import type { Nodes } from 'mdast';

/**
 * Plain text of a node as a reader sees it (no markup; images by alt text; html dropped).
 * Walked with an explicit stack: input decides how deep nodes nest.
 */
export function plainText(node: Nodes): string {
  let out = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        out += n.value;
        break;
      case 'html':
        break;
      case 'image':
        out += n.alt ?? '';
        break;
      case 'break':
        out += '\n';
        break;
      default:
        if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
    }
  }
  return out;
}

/** A 0-based position relative to the start of the text it was computed in. */
export interface RelPos {
  line: number;
  column: number;
  offset: number;
}
export interface RelRange {
  start: RelPos;
  end: RelPos;
}

/**
 * How many line breaks `text` holds, counted as CommonMark (and VS Code) count them: \r\n,
 * \n or a lone \r. Without a \r, by searching for each \n: no array of every break is made.
 */
export function countLineBreaks(text: string): number {
  if (text.includes('\r')) return text.match(/\r\n?|\n/g)?.length ?? 0;
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/** Offsets → line/column for one piece of text, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  /** Lines end as CommonMark (and VS Code) end them: at \r\n, \n or a lone \r. */
  constructor(text: string) {
    const re = /\r\n?|\n/g;
    for (let m = re.exec(text); m; m = re.exec(text)) this.starts.push(m.index + m[0].length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.min(line, this.starts.length - 1)];
  }

  pos(offset: number): RelPos {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - this.starts[lo], offset };
  }

  range(start: number, end: number): RelRange {
    return { start: this.pos(start), end: this.pos(end) };
  }
}

/** mdast's 1-based point → our 0-based position. */
export function fromPoint(p: { line: number; column: number; offset?: number }): RelPos {
  return { line: p.line - 1, column: p.column - 1, offset: p.offset ?? 0 };
}

export function nodeRange(node: Nodes): RelRange {
  const pos = node.position!;
  return { start: fromPoint(pos.start), end: fromPoint(pos.end) };
}

/** Collapse markup and whitespace for titles: "**Concurrency Controls**" → "Concurrency Controls", "payments_v1" stays. */
export function cleanTitle(text: string): string {
  return text
    // Markup only: "payments_v1" keeps its underscore, "__bold__" and "_em_" lose theirs.
    .replace(/[*`]+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
