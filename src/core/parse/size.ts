/**
 * Sizes that are not hours: story points ("13 story points", "5 SP", "(8 pts)", "Story
 * Points: 13"), T-shirt sizes ("M", "XL — needs a concept first") and word sizes ("MEDIUM",
 * "Low-Medium"). A size is chosen on purpose: it is never an unreadable estimate and never
 * hours. Points add up (the roll-ups sum them apart from hours); T-shirt and word sizes do not.
 */

export interface RawSize {
  /** The size as written ("5 SP", "MEDIUM", "XL"). */
  text: string;
  /** Story points, when the size is a number of them. */
  points?: number;
  /** Offsets of `text` within the string that was read. */
  start: number;
  end: number;
}

const NUMBER = String.raw`\d{1,4}(?:[.,]5)?`;
// Case matters for "SP": "sp" is a word in some languages, "SP" after a number is story points.
const POINTS_WORD = String.raw`(?:[Ss]tory[\s-]*[Pp]oints?|STORY[\s-]*POINTS?|[Pp]oints?|POINTS?|[Pp]ts|PTS|SP)`;
// Not a points size: a score ("+10 points"), a font ("12 pt" is not read at all), a velocity
// ("20 points per sprint", "30 pts/sprint"), a version or an ID before the number.
const POINTS_RE = new RegExp(String.raw`(?<![\p{L}\p{N}_.,$€£#/+\-])(${NUMBER})\s*${POINTS_WORD}(?![\p{L}\p{N}_-])(?!\s*(?:per\b|\/|a\s+(?:sprint|week|day)\b))`, 'u');

/** Labels whose value is a size: a number of story points ("Story Points: 13", "SP: 5") or a T-shirt size. */
export const SIZE_LABEL = /^(?:t-?shirt(?:[\s-]*size)?|story[\s-]*points?|points?|pts|sp|story[\s-]*point[\s-]*estimate|punkte|story-punkte|poeng)$/iu;

/** Labels whose value is a number of story points. */
export const POINTS_LABEL = /^(?:story[\s-]*points?|points?|pts|sp|story[\s-]*point[\s-]*estimate|punkte|story-punkte|points d'effort|poeng)$/iu;

// T-shirt sizes are capitals standing alone: "S3", "L2 cache", "XLSX" and "M.Sc." are not sizes.
const TSHIRT = /^(?:X{1,3}S|X{0,3}L|[2-5]XL|[SM])(?![\p{L}\p{N}_.])/u;
const WORD = String.raw`(?:trivial|tiny|small|medium|moderate|large|huge|low|high|big|minor|major|extra[\s-]large)`;
const WORD_SIZE = new RegExp(String.raw`^(?:very\s+)?${WORD}(?:\s*[-–/]\s*${WORD})?(?![\p{L}\p{N}])`, 'iu');

/** Story points written with their unit anywhere in the text ("(P1, 5 SP)", "8 pts"). */
export function findPoints(text: string): RawSize | undefined {
  const m = POINTS_RE.exec(text);
  if (!m) return undefined;
  const points = Number(m[1].replace(',', '.'));
  return { text: m[0], points, start: m.index, end: m.index + m[0].length };
}

/**
 * The size an estimate field's value opens with: points ("5 SP", or a bare "5" under a
 * points label), a T-shirt size or a word size. Undefined when the value is something else.
 */
export function readSizeValue(value: string, label = ''): RawSize | undefined {
  const lead = /^[\s*_`]*/.exec(value)![0].length;
  const body = value.slice(lead);
  const at = (text: string, points?: number): RawSize => ({ text, ...(points !== undefined && { points }), start: lead, end: lead + text.length });
  const points = findPoints(body);
  if (points && points.start === 0) return at(points.text, points.points);
  if (POINTS_LABEL.test(label.trim())) {
    const bare = new RegExp(String.raw`^(${NUMBER})(?![\p{L}\p{N}%:/.,\-–])`, 'u').exec(body);
    return bare ? at(bare[1], Number(bare[1].replace(',', '.'))) : undefined;
  }
  const size = TSHIRT.exec(body) ?? WORD_SIZE.exec(body);
  return size ? at(size[0]) : undefined;
}
