/**
 * Which documents are analysed, and how eagerly. Pure (structural types, no `vscode`).
 */

/** Beyond this many UTF-16 units (~2 MB of mostly ASCII), code lenses are off and updates slower. */
export const MAX_PLAN_CHARS = 2 * 1024 * 1024;

/** Wait this long after the last keystroke before analysing again. */
export const TYPING_DELAY_MS = 200;

/** Large plans wait longer: each analysis costs more, and typing should win. */
export const LARGE_TYPING_DELAY_MS = 1000;

/**
 * Lines read per slice when handing a document to the worker. Reading a 5 MB document in one
 * `getText()` holds the extension host for 20–130 ms; slices let other work run in between.
 */
export const TEXT_PART_LINES = 2000;

/**
 * One analysis may run this long in the worker. Past it the worker is stopped and restarted
 * (other documents are served again at once), and the document gets a notice instead of
 * findings. A 5 MB plan analyses in a few seconds; this is for inputs nothing should take
 * this long on.
 */
export const ANALYSIS_BUDGET_MS = 20_000;

/** Beyond this many UTF-16 units (~64 MB) a document is not sent to the worker at all. */
export const MAX_ANALYSED_CHARS = 64 * 1024 * 1024;

export function isLarge(chars: number): boolean {
  return chars > MAX_PLAN_CHARS;
}

/** `isLarge` for a text in slices, as requests carry it. */
export function isLargeText(parts: readonly string[]): boolean {
  return isLarge(parts.reduce((n, part) => n + part.length, 0));
}

/** Views of a document that are not the user's text: diffs, output, SCM input. */
const NOT_USER_TEXT = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'vscode-chat-code-block', 'comment', 'merge-conflict.conflict-diff']);

export function shouldAnalyze(document: { languageId: string; uri: { scheme: string } }): boolean {
  return document.languageId === 'markdown' && !NOT_USER_TEXT.has(document.uri.scheme);
}
