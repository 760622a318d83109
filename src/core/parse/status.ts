/**
 * One status model — done / partial / open, plus unknown — over checkboxes, emoji and words
 * (including the corpus's other languages where cheap).
 */
import type { Status } from '../model/schema';

export interface RawStatus {
  status: Exclude<Status, 'unknown'>;
  text: string;
  start: number;
  end: number;
}

const EMOJI: [string, RawStatus['status']][] = [
  ['✅', 'done'],
  ['✔️', 'done'],
  ['✔', 'done'],
  ['☑️', 'done'],
  ['☑', 'done'],
  ['🟢', 'done'],
  ['⚠️', 'partial'],
  ['⚠', 'partial'],
  ['🚧', 'partial'],
  ['🔄', 'partial'],
  ['🟡', 'partial'],
  ['❌', 'open'],
  ['✖️', 'open'],
  ['⛔', 'open'],
  ['🔴', 'open'],
  ['⏳', 'open'],
  ['⬜', 'open'],
];

const DONE = String.raw`done|complete|completed|finished|implemented|resolved|fixed|shipped|merged|erledigt|fertig|terminé|fait|ferdig|готово|сделано|выполнено|済|済み|完了|実装済み?`;
const PARTIAL = String.raw`partial|partially(?: implemented| done)?|in[ -]progress|wip|stub|stubbed|wireframe|started|ongoing|in arbeit|en cours|pågår|в работе|一部済|進行中|対応中`;
const OPEN = String.raw`todo|to do|open|missing|not started|not implemented|pending|blocked|next|planned|backlog|offen|à faire|gjenstår|не начато|未|未着手|未対応`;

const WORD_RE: [RegExp, RawStatus['status']][] = [
  [new RegExp(String.raw`^(?:${PARTIAL})$`, 'iu'), 'partial'],
  [new RegExp(String.raw`^(?:${DONE})$`, 'iu'), 'done'],
  [new RegExp(String.raw`^(?:${OPEN})$`, 'iu'), 'open'],
];

/** A status emoji at the start of the text (after list numbering), or anywhere in a heading. */
export function findStatusEmoji(text: string, anywhere = false): RawStatus | undefined {
  const lead = /^[\s\d.)#*_]*/.exec(text)?.[0].length ?? 0;
  let best: RawStatus | undefined;
  for (const [emoji, status] of EMOJI) {
    if (emoji === '🟢' || emoji === '🟡' || emoji === '🔴') continue; // priority colours, not status
    const i = anywhere ? text.indexOf(emoji) : text.startsWith(emoji, lead) ? lead : -1;
    if (i >= 0 && (!best || i < best.start)) best = { status, text: emoji, start: i, end: i + emoji.length };
  }
  return best;
}

/** A value known to be a status (a `Status:` field, a Status column). */
export function readStatusValue(value: string): RawStatus | undefined {
  // Words say more than a symbol beside them: "⏳ In progress" is partial, not pending.
  const emoji = findStatusEmoji(value, true);
  const words = value.replace(/[*_`]/g, '').replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '').trim();
  return (words && readStatusWords(value, words)) || emoji;
}

function readStatusWords(value: string, words: string): RawStatus | undefined {
  for (const candidate of [words, words.split(/\s*[-–—(:,/]\s*/)[0]]) {
    for (const [re, status] of WORD_RE) {
      if (re.test(candidate.trim())) return { status, text: candidate.trim(), start: 0, end: value.length };
    }
  }
  const lead = /^\S+(?:\s\S+)?/.exec(words)?.[0] ?? '';
  for (const [re, status] of WORD_RE) {
    for (const w of [lead, lead.split(/\s/)[0]]) if (re.test(w)) return { status, text: w, start: 0, end: value.length };
  }
  return undefined;
}

/**
 * A status word written as a marker inside a title: "**MISSING**", "**PARTIAL**", "COMPLETE"
 * in capitals. Lower-case prose ("fix the missing index") is not a marker.
 */
const MARKER = new RegExp(String.raw`\*\*\s*(${DONE}|${PARTIAL}|${OPEN})\s*\*\*|(?<![\w])(${DONE}|${PARTIAL}|${OPEN})(?![\w])`, 'giu');

export function findStatusMarker(text: string): RawStatus | undefined {
  // A marker is in bold, or in capitals (two capital letters in a row at least): most titles
  // have neither, and the long alternation below need not run over them.
  if (!text.includes('**') && !/\p{Lu}\p{Lu}/u.test(text)) return undefined;
  const re = MARKER;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[1] ?? m[2];
    const marked = m[1] !== undefined || (word === word.toUpperCase() && /[A-Z]/.test(word) && word.length > 2);
    if (!marked) continue;
    const status = readStatusValue(word)?.status;
    if (status) return { status, text: word, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}
