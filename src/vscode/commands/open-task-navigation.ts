/** Moves the cursor to an open task, for the next and previous commands. */
import * as vscode from 'vscode';
import type { PlanStore } from '../analysis/plan-store';
import { toRange } from '../apply-edits';
import { nextOpenTask } from '../open-tasks';

export async function goToOpenTask(store: PlanStore, direction: 1 | -1): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  const entry = await store.current(editor.document);
  if (!entry?.isPlan) return false;
  const item = nextOpenTask(entry.analysis.model.items, editor.selection.active.line, direction);
  if (!item) {
    void vscode.window.showInformationMessage('Plan Lens: no open tasks left in this plan.');
    return false;
  }
  const range = toRange(item.titleRange);
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
