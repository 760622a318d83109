/**
 * Finding "the same task" in a newer analysis, when the document changed between showing a
 * node and acting on it. Pure. An ID is the best identity; without one, the title and kind,
 * taking the candidate nearest to where the task was (the edit moved lines, not meanings).
 */
import type { Item } from '../core/model/schema';

export function matchItem(before: Item, items: readonly Item[]): Item | undefined {
  const candidates = items.filter((item) =>
    before.id !== undefined ? item.id === before.id : item.id === undefined && item.title === before.title && item.kind === before.kind,
  );
  const line = before.range.start.line;
  let best: Item | undefined;
  for (const item of candidates) {
    if (!best || Math.abs(item.range.start.line - line) < Math.abs(best.range.start.line - line)) best = item;
  }
  return best;
}
