/**
 * Linking mentions (mentions.ts) reads the whole model, and most edits change nothing it
 * reads: a note typed under an item, a line of prose, text moved further down. After such an
 * edit the links are the ones the last analysis made, so they are copied rather than worked
 * out again. This is a cache, never a different answer: the links are reused only when the
 * model reads exactly as the last one did to the linking (see `readsTheSame`), and an edit
 * session gives what analyses from scratch give (test/unit/engine/mention-reuse.test.ts).
 */
import type { Estimate, Item, PlanModel, Priority, Section } from './schema';
import { applyFill, linkMentions, newLinkLog, ownText, ownWordsOf, type LinkLog } from './mentions';

/** An item's fields as they were before linking, which may fill them in from its mentions. */
interface Unlinked {
  estimate: Item['estimate'];
  priority: Item['priority'];
  status: Item['status'];
  statusSource: Item['statusSource'];
}

/** One analysis's linking: its model as linked, what the fields were before, what it read and copied, and whether it was a copy. */
interface LinkRecord {
  text: string;
  model: PlanModel;
  unlinked: Unlinked[];
  order: number[];
  log: LinkLog;
  reused: boolean;
}

/** The last linking of one document, kept by its analyzer (see `ChunkCache`). */
export interface LinkMemo {
  last?: LinkRecord;
}

/** Links the model's mentions, copying the last analysis's links when the model reads the same (`memo.last.reused` says which). */
export function linkMentionsReusing(model: PlanModel, text: string, memo: LinkMemo): void {
  const unlinked = model.items.map((i) => ({ estimate: i.estimate, priority: i.priority, status: i.status, statusSource: i.statusSource }));
  const order = orderOf(model);
  const last = memo.last;
  const reused = last !== undefined && readsTheSame(last, model, text, unlinked, order);
  // The same links read the same text and copied the same fields: a reused log stays true.
  const log = reused ? last.log : newLinkLog();
  if (reused) copyLinks(last, model);
  else linkMentions(model, text, log);
  memo.last = { text, model, unlinked, order, log, reused };
}

/**
 * The links of an equal model: every fill replayed in order on this model's own items (so an
 * estimate copied is this analysis's estimate, at this analysis's position), then each item's
 * `mentionOf`, `mentions` and `restates` as the last linking left them.
 */
function copyLinks(last: LinkRecord, model: PlanModel): void {
  for (const fill of last.log.fills) applyFill(model.items, fill);
  last.model.items.forEach((before, i) => {
    const item = model.items[i];
    item.mentionOf = before.mentionOf;
    item.mentions = before.mentions && [...before.mentions];
    item.restates = before.restates;
  });
}

/** Where positions are kept: the linking compares positions only as an order (see `orderOf`). */
export const POSITIONS = new Set(['range', 'titleRange', 'valueRange', 'bodyRange']);
/** Item fields that linking sets or fills in: compared as they were before it (see `Unlinked`). */
export const LINKED = new Set(['estimate', 'priority', 'status', 'statusSource', 'mentionOf', 'mentions', 'restates']);
/** The other fields of an item and of a section, each compared by `sameItem` and `sameSection` (a test holds these lists to the schema). */
export const ITEM_FIELDS = ['index', 'id', 'title', 'kind', 'unreadableEstimate', 'size', 'checkbox', 'checklist', 'section', 'parent', 'children'];
export const SECTION_FIELDS = ['index', 'title', 'depth', 'parent', 'sections', 'items', 'status', 'priority', 'checklist'];

/**
 * Whether the linking would read `model` and `text` exactly as it read the last ones: the same
 * items (as they were before linking), sections and declared numbers in everything but their
 * positions; the positions in the same order; and every item's own text the same wherever the
 * linking read it.
 */
function readsTheSame(last: LinkRecord, model: PlanModel, text: string, unlinked: Unlinked[], order: number[]): boolean {
  const before = last.model;
  if (before.items.length !== model.items.length || before.sections.length !== model.sections.length || before.declared.length !== model.declared.length) return false;
  if (!sameNumbers(last.order, order)) return false;
  for (let i = 0; i < model.items.length; i++) if (!sameItem(before.items[i], last.unlinked[i], model.items[i], unlinked[i])) return false;
  for (let i = 0; i < model.sections.length; i++) if (!sameSection(before.sections[i], model.sections[i])) return false;
  return sameValue(before.declared, model.declared) && sameOwnReading(last, model, text);
}

/**
 * Two items alike to the linking: every field but positions, those it fills in compared as
 * they were before it, and those it sets left out. Field by field, as a generic walk over
 * every item of a large plan cost half of what linking again costs.
 */
function sameItem(a: Item, aUnlinked: Unlinked, b: Item, bUnlinked: Unlinked): boolean {
  return (
    a.index === b.index &&
    a.id === b.id &&
    a.title === b.title &&
    a.kind === b.kind &&
    a.checklist === b.checklist &&
    a.section === b.section &&
    a.parent === b.parent &&
    sameNumbers(a.children, b.children) &&
    aUnlinked.status === bUnlinked.status &&
    aUnlinked.statusSource === bUnlinked.statusSource &&
    samePriority(aUnlinked.priority, bUnlinked.priority) &&
    sameEstimate(aUnlinked.estimate, bUnlinked.estimate) &&
    same(a.unreadableEstimate, b.unreadableEstimate, (x, y) => x.text === y.text) &&
    same(a.size, b.size, (x, y) => x.text === y.text && x.points === y.points) &&
    same(a.checkbox, b.checkbox, (x, y) => x.checked === y.checked && x.mark === y.mark)
  );
}

function sameSection(a: Section, b: Section): boolean {
  return (
    a.index === b.index &&
    a.title === b.title &&
    a.depth === b.depth &&
    a.parent === b.parent &&
    a.status === b.status &&
    a.checklist === b.checklist &&
    sameNumbers(a.sections, b.sections) &&
    sameNumbers(a.items, b.items) &&
    samePriority(a.priority, b.priority)
  );
}

/** Both absent, or both present and alike. */
function same<T>(a: T | undefined, b: T | undefined, alike: (a: T, b: T) => boolean): boolean {
  return a === b || (a !== undefined && b !== undefined && alike(a, b));
}

function samePriority(a: Priority | undefined, b: Priority | undefined): boolean {
  return same(a, b, (x, y) => x.rank === y.rank && x.label === y.label && x.source === y.source);
}

function sameEstimate(a: Estimate | undefined, b: Estimate | undefined): boolean {
  return same(a, b, (x, y) => x.hours.low === y.hours.low && x.hours.high === y.hours.high && x.unit === y.unit && x.text === y.text && x.per === y.per);
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Items' own texts: where one changed, the linking must not have read it whole, and it must
 * still have (or still lack) every pair of words the linking looked for in every own text.
 */
function sameOwnReading(last: LinkRecord, model: PlanModel, text: string): boolean {
  const { pairs, items } = last.log;
  if (pairs.size === 0 && items.size === 0) return true;
  for (let i = 0; i < model.items.length; i++) {
    const was = ownText(last.text, last.model.items[i]);
    const now = ownText(text, model.items[i]);
    if (was === now) continue;
    if (was === undefined || now === undefined || items.has(i)) return false;
    const [a, b] = [ownWordsOf(was).pairs, ownWordsOf(now).pairs];
    for (const pair of pairs) if (a.has(pair) !== b.has(pair)) return false;
  }
  return true;
}

/**
 * Positions as the linking compares them: items are in document order, so which neighbours
 * start at the same offset; and where each declared number starts among the items (how many
 * start before it, and how many at or before it).
 */
function orderOf(model: PlanModel): number[] {
  const starts = model.items.map((i) => i.range.start.offset);
  const order: number[] = [];
  for (let i = 1; i < starts.length; i++) if (starts[i] === starts[i - 1]) order.push(i);
  order.push(-1);
  for (const d of model.declared) order.push(countBelow(starts, d.range.start.offset, false), countBelow(starts, d.range.start.offset, true));
  return order;
}

/** How many of the ascending `starts` are below `offset` (or at it, with `orEqual`). */
function countBelow(starts: number[], offset: number, orEqual: boolean): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset || (orEqual && starts[mid] === offset)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Equal as plain data, positions aside: for the few declared numbers, whose fields vary more. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (POSITIONS.has(key)) continue;
    keys++;
    if (!(key in y) || !sameValue(x[key], y[key])) return false;
  }
  for (const key in y) if (!POSITIONS.has(key)) keys--;
  return keys === 0;
}
