/**
 * Applies fixes as plain text edits. Edits carry offsets into the analysed text and replace
 * only the characters they change, so line endings, tabs and everything else around them
 * survive untouched.
 */
import type { Finding, TextEdit } from '../model/finding';

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point are ambiguous too: their order would be a guess.
  if (a.start === b.start && (a.start === a.end || b.start === b.end)) return true;
  return a.start < b.end && b.start < a.end;
}

function byStart(a: TextEdit, b: TextEdit): number {
  return a.start - b.start || a.end - b.end;
}

function validate(text: string, edit: TextEdit): void {
  if (!(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length)) {
    throw new RangeError(`Edit ${edit.start}–${edit.end} is outside the text (length ${text.length})`);
  }
}

/** Applies edits that must not overlap; throws when they do, since the result would be a guess. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort(byStart);
  sorted.forEach((edit, i) => {
    validate(text, edit);
    if (i > 0 && overlaps(sorted[i - 1], edit)) {
      throw new RangeError(`Edits overlap at offset ${edit.start}`);
    }
  });
  // Pieces joined once: linear in the text, however many edits (one mojibake fix can hold thousands).
  const pieces: string[] = [];
  let last = 0;
  for (const { start, end, newText } of sorted) {
    pieces.push(text.slice(last, start), newText);
    last = end;
  }
  pieces.push(text.slice(last));
  return pieces.join('');
}

/**
 * Applies every fix that does not overlap a fix taken before it (in document order). A fix
 * is taken whole or not at all; skipped ones can be applied by running again on the result.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number; edits: TextEdit[] } {
  const taken: TextEdit[] = [];
  let applied = 0;
  const fixes = findings
    .flatMap((f) => (f.fix && f.fix.edits.length > 0 ? [f.fix.edits] : []))
    .sort((a, b) => Math.min(...a.map((e) => e.start)) - Math.min(...b.map((e) => e.start)));
  for (const edits of fixes) {
    if (!isSelfConsistent(text, edits)) continue;
    if (edits.some((e) => taken.some((t) => overlaps(t, e)))) continue;
    taken.push(...edits);
    applied++;
  }
  return { text: applyEdits(text, taken), applied, edits: taken };
}

function isSelfConsistent(text: string, edits: readonly TextEdit[]): boolean {
  try {
    applyEdits(text, edits);
    return true;
  } catch {
    return false;
  }
}
