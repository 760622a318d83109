/**
 * "Disable <rule> for this line": the comment that switches one finding off, placed so the
 * markdown around it keeps its structure. Pure.
 *
 * Above the line (`disable-next-line`) when a comment line there splits nothing: after a
 * blank line, or before a heading or a list item (indented to the item's content, so the
 * comment joins the item before it instead of ending the list). At the end of the line
 * (`disable-line`) inside a table or a paragraph, where a line of its own would end them.
 */
import type { TextEdit } from '../../core/model/finding';
import type { Position } from '../../core/model/schema';

const LIST_ITEM = /^((?:[ \t]*>)*[ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)/;
const QUOTE_AND_INDENT = /^(?:[ \t]*>)*[ \t]*/;
const HEADING = /^(?:[ \t]*>)*[ \t]{0,3}#{1,6}(?:[ \t]|$)/;
const TABLE_ROW = /^(?:[ \t]*>)*[ \t]*\|/;

export function disableCommentEdit(text: string, start: Pick<Position, 'line' | 'column' | 'offset'>, rule: string, eol: '\n' | '\r\n'): TextEdit {
  const lineStart = start.offset - start.column;
  const line = lineAt(text, lineStart);
  const above = start.line > 0 ? lineAt(text, previousLineStart(text, lineStart)) : '';
  const opensBlock = HEADING.test(line) || LIST_ITEM.test(line);
  if (TABLE_ROW.test(line) || (above.trim() !== '' && !opensBlock)) {
    const end = lineStart + line.length;
    return { start: end, end, newText: ` <!-- plan-lens-disable-line ${rule} -->` };
  }
  return { start: lineStart, end: lineStart, newText: `${indentFor(line)}<!-- plan-lens-disable-next-line ${rule} -->${eol}` };
}

function previousLineStart(text: string, lineStart: number): number {
  const previousEnd = lineStart - 1; // its '\n'
  return previousEnd === 0 ? 0 : text.lastIndexOf('\n', previousEnd - 1) + 1;
}

/** The line starting at `offset`, without its line break. */
function lineAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  const line = text.slice(offset, end === -1 ? text.length : end);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** A list item's content column (so the comment stays inside the list); else the line's own. */
function indentFor(line: string): string {
  const item = LIST_ITEM.exec(line);
  if (item) return item[1] + ' '.repeat(item[2].length + item[3].length);
  return QUOTE_AND_INDENT.exec(line)![0];
}
