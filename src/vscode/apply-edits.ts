/**
 * Applies the core's edits (offsets into the text it analysed) to a document, as one
 * undoable step, and only to the version they were computed for. VS Code also refuses a
 * workspace edit when the document changes between this call and the edit landing, so a
 * keystroke racing a toggle can never shift the edit onto the wrong line.
 */
import * as vscode from 'vscode';
import type { TextEdit } from '../core/model/finding';

export type ApplyOutcome = 'applied' | 'changed' | 'closed' | 'failed';

/** With `confirm` (a label), VS Code shows its refactor preview and applies only what the user keeps. */
export async function applyCoreEdits(document: vscode.TextDocument, version: number, edits: readonly TextEdit[], confirm?: string): Promise<ApplyOutcome> {
  if (document.isClosed) return 'closed';
  if (document.version !== version) return 'changed';
  const edit = toWorkspaceEdit(document, edits, confirm);
  return (await vscode.workspace.applyEdit(edit)) ? 'applied' : 'failed';
}

/** Valid only while `document` is still at the version `edits` were computed for. */
function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[], confirm?: string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const metadata = confirm === undefined ? undefined : { needsConfirmation: true, label: confirm };
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText, metadata);
  return edit;
}

/** The open document for `uri`, or undefined when it was closed meanwhile. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

export function toRange(range: { start: { line: number; column: number }; end: { line: number; column: number } }): vscode.Range {
  return new vscode.Range(range.start.line, range.start.column, range.end.line, range.end.column);
}
