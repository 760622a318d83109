/** Where "Next / Previous Open Task" go. Pure. */
import type { Item } from '../core/model/schema';

/** Work not done yet: open or partly done, and not a checklist outcome. */
export function isOpenTask(item: Item): boolean {
  return !item.checklist && (item.status === 'open' || item.status === 'partial');
}

/** The open task after (or before) `line`, wrapping around the document; undefined when none. */
export function nextOpenTask(items: readonly Item[], line: number, direction: 1 | -1): Item | undefined {
  const open = items.filter(isOpenTask).sort((a, b) => a.range.start.line - b.range.start.line);
  if (open.length === 0) return undefined;
  if (direction === 1) return open.find((i) => i.range.start.line > line) ?? open[0];
  return [...open].reverse().find((i) => i.range.start.line < line) ?? open[open.length - 1];
}

/** Tasks (with a checkbox) on the given lines; else the innermost task holding the first line. */
export function tasksOnLines(items: readonly Item[], lines: readonly number[]): Item[] {
  const onLine = items.filter((i) => i.checkbox && lines.includes(i.checkbox.range.start.line));
  if (onLine.length > 0 || lines.length === 0) return onLine;
  const line = lines[0]!;
  const holding = items.filter((i) => i.checkbox && i.range.start.line <= line && line <= i.range.end.line);
  const innermost = holding.sort((a, b) => b.range.start.line - a.range.start.line)[0];
  return innermost ? [innermost] : [];
}
