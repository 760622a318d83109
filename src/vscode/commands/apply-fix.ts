/**
 * Applies a quick fix's edits (hidden from the palette; code actions call it). A code
 * action's own `edit` would be applied by VS Code without checking the document version,
 * so a fix offered before a keystroke could land on moved text; this refuses instead. Being
 * a command, anything can call it: it edits only documents Plan Lens reads as plans, and
 * only with edits that fit inside the document.
 */
import * as vscode from 'vscode';
import type { TextEdit } from '../../core/model/finding';
import type { PlanStore } from '../analysis/plan-store';
import { applyCoreEdits, openDocument } from '../apply-edits';

export const APPLY_FIX = 'planLens.applyFix';

const WHY: Record<string, string> = {
  changed: 'the document changed since the fix was computed; try again',
  closed: 'the document was closed',
  'not a plan': 'the document is not a plan Plan Lens has analysed',
  invalid: 'the fix does not fit the document',
  failed: 'VS Code refused the edit',
};

export function registerApplyFixCommand(store: PlanStore): vscode.Disposable {
  return vscode.commands.registerCommand(APPLY_FIX, async (uri: unknown, version: unknown, edits: unknown, confirm: unknown) => {
    const document = uri instanceof vscode.Uri ? openDocument(uri) : undefined;
    const outcome = !document
      ? 'closed'
      : !store.get(document.uri)?.isPlan
        ? 'not a plan'
        : typeof version !== 'number' || !fits(edits, document)
          ? 'invalid'
          : await applyCoreEdits(document, version, edits, typeof confirm === 'string' ? confirm : undefined);
    if (outcome !== 'applied') void vscode.window.showWarningMessage(`Plan Lens did not apply the fix: ${WHY[outcome]}.`);
    return outcome === 'applied';
  });
}

/** Text edits whose offsets lie inside the document (VS Code itself refuses overlapping ones). */
function fits(edits: unknown, document: vscode.TextDocument): edits is TextEdit[] {
  if (!Array.isArray(edits)) return false;
  const length = document.offsetAt(new vscode.Position(document.lineCount, 0));
  return edits.every((e: Partial<TextEdit>) => Number.isInteger(e?.start) && Number.isInteger(e?.end) && typeof e?.newText === 'string' && 0 <= e.start! && e.start! <= e.end! && e.end! <= length);
}
