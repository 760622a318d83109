/**
 * Reads one line of a plan as an item, with the engine's own readers (checkbox marks as the
 * extractor reads them, status emoji and markers, estimates), for the burn-down: a diff gives
 * lines, not documents. Only top-level list entries are items here, as in the roll-ups (a
 * sub-task is part of its parent), so counts follow the model on ordinary task lists.
 */
import type { Status } from '../model/schema';
import { findEstimates, toHours, type RawEstimate, type UnitSettings } from '../parse/estimate';
import { findStatusEmoji, findStatusMarker } from '../parse/status';

export interface LineItem {
  /** The title without its checkbox, status and estimate: pairs a line before and after an edit. */
  key: string;
  status: Exclude<Status, 'unknown'>;
  /** Low end of the estimate, in hours (0 without one). */
  hours: number;
}

// Top-level only: at most one space before the marker (two or more nest under the entry above).
const LIST_ENTRY = /^ ?(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const CHECKBOX = /^\[([ xX~!/-])\][ \t]+(.*)$/;

export function readItemLine(line: string, units: UnitSettings): LineItem | undefined {
  const entry = LIST_ENTRY.exec(line.replace(/\r$/, ''));
  if (!entry) return undefined;
  const box = CHECKBOX.exec(entry[1]);
  const text = box ? box[2] : entry[1];
  let status: LineItem['status'] | undefined;
  if (box) status = box[1] === 'x' || box[1] === 'X' ? 'done' : box[1] === '~' || box[1] === '/' ? 'partial' : 'open';
  else status = (findStatusEmoji(text) ?? findStatusMarker(text.slice(0, 40)))?.status;
  if (!status) return undefined;
  const estimate = annotatedEstimate(text);
  const hours = estimate ? toHours(estimate, units).low : 0;
  return { key: keyOf(text, estimate ? [estimate.start, estimate.end] : undefined), status, hours };
}

/**
 * Where the extractor reads a list entry's estimate: in a parenthesised annotation ("(P1, 4-6h)"),
 * or alone after a dash at the end ("**Rate limiting** — 6h"). Offsets are into `text`.
 */
function annotatedEstimate(text: string): RawEstimate | undefined {
  for (const group of text.matchAll(/\(([^()]*)\)|（([^（）]*)）/g)) {
    const found = findEstimates(group[1] ?? group[2])[0];
    if (found) return shift(found, group.index + 1);
  }
  const tail = /\s[—–-]\s+([^—–]*)$/.exec(text);
  if (!tail) return undefined;
  const found = findEstimates(tail[1])[0];
  const rest = found && tail[1].slice(found.end).replace(/\([^)]*\)/g, '');
  return found && found.start === 0 && /^\W*$/.test(rest!) ? shift(found, tail.index + tail[0].length - tail[1].length) : undefined;
}

function shift(e: RawEstimate, by: number): RawEstimate {
  return { ...e, start: e.start + by, end: e.end + by };
}

function keyOf(text: string, estimate: [number, number] | undefined): string {
  const title = estimate ? text.slice(0, estimate[0]) + text.slice(estimate[1]) : text;
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(?:done|complete|completed|partial|open|todo|in progress|wip|missing)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
