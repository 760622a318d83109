/**
 * Applies a quick fix's edits (hidden from the palette; code actions call it). A code
 * action's own `edit` would be applied by VS Code without checking the document version,
 * so a fix offered before a keystroke could land on moved text; this refuses instead.
 */
import * as vscode from 'vscode';
import type { TextEdit } from '../../core/model/finding';
import { applyCoreEdits, openDocument } from '../apply-edits';

export const APPLY_FIX = 'planLens.applyFix';

export function registerApplyFixCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(APPLY_FIX, async (uri: vscode.Uri, version: number, edits: TextEdit[]) => {
    const document = openDocument(uri);
    const outcome = document ? await applyCoreEdits(document, version, edits) : 'closed';
    if (outcome !== 'applied') {
      const why = outcome === 'changed' ? 'the document changed since the fix was computed; try again' : outcome === 'closed' ? 'the document was closed' : 'VS Code refused the edit';
      void vscode.window.showWarningMessage(`Plan Lens did not apply the fix: ${why}.`);
    }
    return outcome === 'applied';
  });
}
