/**
 * Declared progress: "Progress: 4 of 9 tasks done", "✅ Complete (8/9)", "8/9 tasks complete",
 * "Done: 5/6". A fraction is progress only where a done word or a progress label stands right
 * beside it: "✅ Migrate endpoints (13/14)" is a title with a note, "Completed 10/12" is a date,
 * "13/14 endpoints" counts something that is not the plan's items.
 */
import { COUNT_NOUN } from './fields';

export interface RawProgress {
  done: number;
  total: number;
  /** Offsets of the fraction ("8/9", "4 of 9") in the text it was read from. */
  start: number;
  end: number;
  /** Where the phrase (done word and fraction) starts: the label is what comes before it. */
  phraseStart: number;
}

const DONE_WORD = String.raw`done|complete|completed|finished|closed|resolved|fixed|implemented|shipped|merged|erledigt|fertig|abgeschlossen|umgesetzt|terminée?s?|faites?|achevée?s?|ferdig|fullført|готово|сделано|выполнено|завершено|完了|済み?|実装済み?`;
const OF = String.raw`\s*(?:/|\s(?:of|out of|von|sur|из|av|de)\s)\s*`;
const NUM = String.raw`(?<![\d.,/])(\d{1,5})`;
const END = String.raw`(?![\d.,/]\d|\d)`;
// The plan's own items, in the languages the done words cover.
const ITEM_NOUN = String.raw`${COUNT_NOUN}|aufgaben|punkte|tâches|éléments|oppgaver|задач[иа]?|пунктов|タスク|項目|件`;
const NOUN = String.raw`(?:\s*(?:[\p{L}-]+\s+)?(?:${ITEM_NOUN}))?`;

// "Complete (8/9)", "88% complete (8/9 tasks)", "Done: 4 of 9".
const WORD_THEN_FRACTION = new RegExp(String.raw`(?<![\p{L}])(?:${DONE_WORD})(?![\p{L}])\s*(?:[:：]\s*|(?:\d{1,3}\s*%\s*)?)?([(（[]\s*)?${NUM}${OF}(\d{1,5})${END}${NOUN}\s*([)）\]])?`, 'iu');
// "4 of 9 tasks done", "8/9 complete", "5/6 tasks are completed".
const FRACTION_THEN_WORD = new RegExp(String.raw`${NUM}${OF}(\d{1,5})${END}${NOUN}\s+(?:(?:are|is|were|have been|sind|sont)\s+)?(?:${DONE_WORD})(?![\p{L}])`, 'iu');
// The whole value of a "Progress:" field: "4/9", "✅ 8 of 9 tasks".
const FRACTION_VALUE = new RegExp(String.raw`^[\s\p{Extended_Pictographic}\uFE0F*_]*(?:\d{1,3}\s*%\s*)?[(（]?${NUM}${OF}(\d{1,5})${END}${NOUN}[)）]?(?:\s+(?:(?:are|is|sind|sont)\s+)?(?:${DONE_WORD}))?[\s*_.]*$`, 'iu');

export const PROGRESS_LABEL = /^(?:progress|done|completed?|fortschritt|erledigt|avancement|progression|progrès|fremdrift|прогресс|выполнено|進捗|完了)$/iu;

function fraction(done: number, total: number): boolean {
  return total > 0 && done <= total && total <= 10000;
}

/** Declared progress in a line or a heading, or undefined. `labelled`: the text is the value of a progress field. */
export function readProgress(text: string, labelled = false): RawProgress | undefined {
  if (labelled) {
    const m = FRACTION_VALUE.exec(text);
    if (m && fraction(Number(m[1]), Number(m[2]))) return at(text, m, 1, 2, m.index);
  }
  const w = WORD_THEN_FRACTION.exec(text);
  // "done (3/3 tests)", "Done: 5/6 endpoints migrated": the fraction counts something else.
  if (w && ((w[1] && !w[4]) || /^\s*\p{L}/u.test(text.slice(w.index + w[0].length)))) return readFractionThenWord(text);
  // "Completed 10/12" with no bracket, colon or "of" is a date, not a fraction of work.
  if (w && fraction(Number(w[2]), Number(w[3])) && (w[1] || /[:：]/.test(w[0]) || !w[0].includes('/') || /\p{L}/u.test(w[0].slice(w[0].lastIndexOf(w[3]) + w[3].length)))) {
    return at(text, w, 2, 3, w.index);
  }
  return readFractionThenWord(text);
}

function readFractionThenWord(text: string): RawProgress | undefined {
  const f = FRACTION_THEN_WORD.exec(text);
  if (f && fraction(Number(f[1]), Number(f[2]))) return at(text, f, 1, 2, f.index);
  return undefined;
}

function at(text: string, m: RegExpExecArray, doneGroup: number, totalGroup: number, phraseStart: number): RawProgress {
  const done = m[doneGroup];
  const total = m[totalGroup];
  const start = text.indexOf(done, m.index);
  const end = text.indexOf(total, start + done.length) + total.length;
  return { done: Number(done), total: Number(total), start, end, phraseStart };
}
