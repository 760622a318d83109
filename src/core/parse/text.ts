/** Small text helpers shared by the extractors: plain text of mdast nodes, and positions. */
import type { Nodes } from 'mdast';

/** Plain text of a node as a reader sees it (no markup; images by alt text; html dropped). */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
      return '';
    case 'image':
      return node.alt ?? '';
    case 'break':
      return '\n';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : '';
  }
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

/** Offsets → line/column for one piece of text, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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

/** Collapse markup and whitespace for titles: "**Concurrency Controls**" → "Concurrency Controls". */
export function cleanTitle(text: string): string {
  return text
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
