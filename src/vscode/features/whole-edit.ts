/**
 * One text edit that turns `before` into `after`: the span between their common prefix and
 * suffix. Pure. Used for "Fix all", whose fixed text the core computes as a whole
 * (`applyFixes`), so that the editor gets one edit (one undo step) touching only that span.
 */
import type { TextEdit } from '../../core/model/finding';

export function singleEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Never split a surrogate pair or a CRLF: step back to a whole character.
  while (start > 0 && splits(before, start)) start--;
  while (tail > 0 && splits(before, before.length - tail)) tail--;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}

function splits(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return (previous >= 0xd800 && previous <= 0xdbff) || (previous === 13 && next === 10);
}
