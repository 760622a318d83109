/**
 * What a count names besides a section or a priority: a run of item IDs ("Setup: 3 tasks
 * (T001-T003)") or a tag the items carry ("[P] marker: 23 tasks", "Tasks marked [P]: 23").
 * IDs here are the plan's own numbering, with or without a hyphen ("T001", "FR-001"), read
 * from an item's ID or from the first word of its title.
 */

export interface IdRange {
  /** Letters before the number, without a hyphen ("T", "FR"). */
  prefix: string;
  from: number;
  to: number;
  text: string;
  /** "(T003, T007)": the IDs listed one by one, instead of every number from..to. */
  list?: number[];
}

// "T001-T003", "FR-001–FR-005", "T010 to T014", "T1..T9": one prefix, two numbers.
const ID_RANGE = /(?<![\p{L}\p{N}_-])([A-Z]{1,8})(-?)(\d{1,5})\s*(?:[-–—]|\.\.\.?|\s(?:to|through|thru|bis|à|til|до|〜|～)\s)\s*(?:\1\2)?(\d{1,5})(?![\p{L}\p{N}_]|-\d)/u;
const MAX_RANGE = 2000;

// "(T003, T007, T012)", "FR-2 and FR-5": IDs of one family, listed.
const ID_LIST = /(?<![\p{L}\p{N}_-])([A-Z]{1,8})(-?)(\d{1,5})((?:\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\bog\b|и)\s*\1\2\d{1,5}(?![\p{L}\p{N}_]|-\d))+)/u;

/** The IDs a count names: a range ("T001-T003") or a list ("T003, T007"). */
export function findIdRange(text: string): IdRange | undefined {
  const m = ID_RANGE.exec(text);
  if (!m) return findIdList(text);
  const from = Number(m[3]);
  const to = Number(m[4]);
  // "T001-3" would be a range of 1..3 read with the wrong width; "P0-P2" is a priority span.
  if (!(to > from) || to - from >= MAX_RANGE || m[4].length < m[3].length || /^P$/.test(m[1])) return undefined;
  return { prefix: m[1], from, to, text: m[0] };
}

// "Docs: 1 task (T002)": one ID in brackets names its item as surely as a list does.
// Square brackets hold tags ("[US1]"), not references.
const ONE_ID = /[(（]\s*([A-Z]{1,8})(-?)(\d{1,5})\s*[)）]/u;

function findIdList(text: string): IdRange | undefined {
  const m = ID_LIST.exec(text);
  if (!m) {
    const one = ONE_ID.exec(text);
    if (!one || /^P$/.test(one[1])) return undefined;
    const n = Number(one[3]);
    return { prefix: one[1], from: n, to: n, text: one[0].replace(/^[(（]\s*|\s*[)）]$/g, ''), list: [n] };
  }
  if (/^P$/.test(m[1])) return undefined;
  // The prefix has no digits: every digit run after the first ID is the next ID's number.
  const numbers = [...new Set([m[3], ...(m[4].match(/\d{1,5}/g) ?? [])].map(Number))].sort((a, b) => a - b);
  return { prefix: m[1], from: numbers[0], to: numbers[numbers.length - 1], text: m[0], list: numbers };
}

// "[P]", "[US1]", "[Story]": a short tag in brackets, not a checkbox and not a link.
const TAG = /\[([A-Z][A-Za-z0-9]{0,9})\](?![([])/;
const TAG_G = new RegExp(TAG.source, 'g');

/** The tag a count names, when it names exactly one ("[P] marker", "tasks marked [P]"). */
export function findTag(text: string): string | undefined {
  const tags = new Set([...text.matchAll(TAG_G)].map((m) => m[1]).filter((t) => t !== 'X'));
  return tags.size === 1 ? [...tags][0] : undefined;
}

export function carriesTag(title: string, tag: string): boolean {
  return title.includes(`[${tag}]`);
}

const LEADING_ID = /^[\s*_`[]*([A-Z]{1,8})-?(\d{1,5})(?![\p{L}\p{N}_]|[.-]\d)/u;

/** The number of an item in the family `prefix`, from its ID or the first word of its title. */
export function idNumberIn(prefix: string, id: string | undefined, title: string): number | undefined {
  for (const text of [id, title]) {
    if (!text) continue;
    const m = LEADING_ID.exec(text);
    if (m && m[1] === prefix) return Number(m[2]);
  }
  return undefined;
}
