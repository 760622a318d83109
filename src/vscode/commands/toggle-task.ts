/**
 * Plan Lens: Toggle Task at Cursor — from the editor (the tasks on the selected lines) or
 * from the Plan view's context menu (that task).
 */
import * as vscode from 'vscode';
import type { PlanStore } from '../analysis/plan-store';
import type { PlanTree } from '../features/plan-tree';
import type { PlanNode } from '../features/plan-nodes';
import { changeTasks } from '../task-edits';
import { tasksOnLines } from '../open-tasks';

export function registerToggleTaskCommand(store: PlanStore, tree: PlanTree): vscode.Disposable {
  return vscode.commands.registerCommand('planLens.toggleTask', async (node?: PlanNode) => {
    if (node?.kind === 'item' && tree.entry) return changeTasks(store, tree.entry, [{ item: node.item }]);
    const editor = vscode.window.activeTextEditor;
    if (!editor) return false;
    const entry = await store.current(editor.document);
    if (!entry?.isPlan) return false;
    const items = tasksOnLines(entry.analysis.model.items, selectedLines(editor));
    if (items.length === 0) {
      void vscode.window.showInformationMessage('Plan Lens: there is no task with a checkbox at the cursor.');
      return false;
    }
    return changeTasks(store, entry, items.map((item) => ({ item })));
  });
}

function selectedLines(editor: vscode.TextEditor): number[] {
  const lines = new Set<number>();
  for (const s of editor.selections) {
    // A selection ending at column 0 does not take in that line.
    const last = s.end.line > s.start.line && s.end.character === 0 ? s.end.line - 1 : s.end.line;
    for (let line = s.start.line; line <= last; line++) lines.add(line);
  }
  return [...lines];
}
