/**
 * The core counts lines and columns from 0 (as VS Code does); ESLint, SARIF and people count
 * from 1. Every 1-based number the CLI prints comes from here. Fix edits carry offsets only;
 * the core's `LineIndex` turns them into ranges first.
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
