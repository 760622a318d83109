/**
 * One ranked priority model over the ways plans write it: P0–P3, Critical/High/Medium/Low
 * (and the corpus's other languages), 🔴🟠🟡🟢, "HIGH PRIORITY". The label is kept as written.
 * Rank 0 is the most urgent.
 *
 * Words alone are ambiguous ("HIGH RISK", "High impact"), so free text only yields a priority
 * when the word stands next to "priority" (or is a P-code, or a priority emoji); a value known
 * to be a priority (a `Priority:` field, a Priority column) is read more freely.
 */

export interface RawPriority {
  rank: number;
  label: string;
  start: number;
  end: number;
}

const WORD_RANK: [RegExp, number][] = [
  [/^(?:critical|crit|blocker|urgent|highest|must|kritisch|критичн\S*|緊急|最優先|最高)$/i, 0],
  [/^(?:high|important|major|hoch|élevée?|haute?|høy|высок\S*|高)$/i, 1],
  [/^(?:medium|med|normal|moderate|should|mittel|moyenne?|middels|средн\S*|中)$/i, 2],
  [/^(?:low|minor|nice[- ]to[- ]have|could|lowest|niedrig|basse?|lav|низк\S*|低)$/i, 3],
];

const EMOJI_RANK: Record<string, number> = { '🔴': 0, '🟠': 1, '🟡': 2, '🟢': 3 };

const PCODE = /(?<![\w-])P([0-3])(?![\w-])/;
const WORDS = String.raw`critical|crit|blocker|urgent|highest|high|important|medium|med|normal|low|lowest|minor|hoch|mittel|niedrig|高|中|低`;
// "HIGH PRIORITY", "priority: high", "Priority High", "優先度: 高", "[High]".
const NEAR_PRIORITY = new RegExp(
  String.raw`(?<![\w])(${WORDS})[\s-]*(?:priority|prio)\b|(?:priority|prio|priorität|priorité|prioritet|приоритет|優先度)\s*[:：=]?\s*(${WORDS})(?![\w])|\[(${WORDS})\]`,
  'iu',
);

function rankOfWord(word: string): number | undefined {
  for (const [re, rank] of WORD_RANK) if (re.test(word.trim())) return rank;
  return undefined;
}

/** Every P-code a text names, once each: "35-45 hours for P0+P1 gaps" → [0, 1]. */
export function findPriorityCodes(text: string): number[] {
  return [...new Set([...text.matchAll(new RegExp(PCODE.source, 'g'))].map((m) => Number(m[1])))];
}

/** A priority written in free text (titles, headings, annotations). */
export function findPriority(text: string): RawPriority | undefined {
  const p = PCODE.exec(text);
  if (p) return labelAround(text, p.index, p.index + p[0].length, Number(p[1]));
  const n = NEAR_PRIORITY.exec(text);
  if (n) {
    const word = n[1] ?? n[2] ?? n[3];
    const rank = rankOfWord(word);
    if (rank !== undefined) return { rank, label: n[0].replace(/^\[|\]$/g, ''), start: n.index, end: n.index + n[0].length };
  }
  for (const [emoji, rank] of Object.entries(EMOJI_RANK)) {
    const i = text.indexOf(emoji);
    if (i >= 0) return labelAround(text, i, i + emoji.length, rank);
  }
  return undefined;
}

/** A value known to be a priority (a `Priority:` field or a Priority column): words count alone. */
export function readPriorityValue(value: string): RawPriority | undefined {
  const free = findPriority(value);
  if (free) return free;
  const m = new RegExp(String.raw`(?<![\w])(${WORDS}|nice[- ]to[- ]have)(?![\w])`, 'iu').exec(value);
  if (!m) return undefined;
  const rank = rankOfWord(m[1]);
  return rank === undefined ? undefined : { rank, label: value.trim().replace(/\*+/g, ''), start: m.index, end: m.index + m[0].length };
}

// "P0 CRITICAL", "🔴 CRITICAL": keep the adjoining word in the label, as the plan wrote it.
function labelAround(text: string, start: number, end: number, rank: number): RawPriority {
  const after = /^[\s*]*([A-Z][A-Z-]+)(?![\w])/.exec(text.slice(end));
  const label = after && rankOfWord(after[1]) !== undefined ? text.slice(start, end) + ' ' + after[1] : text.slice(start, end);
  return { rank, label, start, end };
}
