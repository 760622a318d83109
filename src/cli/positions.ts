/**
 * The core counts lines and columns from 0 (as VS Code does); ESLint, SARIF and people count
 * from 1. Every 1-based number the CLI prints comes from here.
 */
import type { Range } from '../core/index';

export interface Span {
  line: number;
  column: number;
  /** The position just after the range, 1-based, like ESLint's and SARIF's endColumn. */
  endLine: number;
  endColumn: number;
}

export function toSpan(range: Range): Span {
  return {
    line: range.start.line + 1,
    column: range.start.column + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.column + 1,
  };
}

/**
 * Offsets → 1-based line/column for fix edits, which carry offsets only. Built once per file
 * and searched by bisection, so a 5 MB file with many fixes stays linear.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}
