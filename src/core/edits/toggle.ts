/**
 * Ticking a task: the one edit Plan Lens makes to a plan without being asked to fix it.
 * The edit touches only the mark between the brackets, so list markers, indentation, tabs,
 * CRLF and the rest of the line stay byte for byte as they were.
 */
import type { TextEdit } from '../model/finding';
import type { Item } from '../model/schema';

/** `[ ]`, `[x]`, `[X]` and the marks some plans use for "in progress" / "blocked". */
const CHECKBOX = /^\[[ xX~!\-/?]\]$/;
/**
 * What may stand between the line start and a task's box: quotes, indentation, a list
 * marker, or a heading's hashes (`### [ ] T1 — …` is a task too, and the model shows its box).
 */
const TASK_PREFIX = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?$/;

/**
 * The edit that flips `item`'s checkbox, or undefined when `text` no longer holds a checkbox
 * exactly where the model says (the text moved on since the model was built): never guess.
 * A checked box becomes `[ ]`; anything else (open, in progress, blocked) becomes `[x]`.
 */
export function toggleTaskEdit(text: string, item: Pick<Item, 'checkbox'>): TextEdit | undefined {
  const box = item.checkbox;
  if (!box) return undefined;
  const start = box.range.start.offset;
  if (box.range.end.offset !== start + 3) return undefined;
  const written = text.slice(start, start + 3);
  if (!CHECKBOX.test(written)) return undefined;
  // Lines end at \n or a lone \r, as the model counts them.
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  const prefix = text.slice(lineStart, start);
  if (!/[-*+.)#]/.test(prefix) || !TASK_PREFIX.test(prefix)) return undefined;
  const checked = written[1] === 'x' || written[1] === 'X';
  return { start: start + 1, end: start + 2, newText: checked ? ' ' : 'x' };
}

/** The edit that sets the box to `checked`, or undefined when it already is (or is not a box). */
export function setTaskEdit(text: string, item: Pick<Item, 'checkbox'>, checked: boolean): TextEdit | undefined {
  const edit = toggleTaskEdit(text, item);
  if (!edit) return undefined;
  const isChecked = edit.newText === ' ';
  return isChecked === checked ? undefined : edit;
}
