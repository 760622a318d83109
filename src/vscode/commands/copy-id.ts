/** Plan Lens: Copy ID — an item's ID ("CP-001") from the Plan view's context menu. */
import * as vscode from 'vscode';
import type { PlanNode } from '../features/plan-nodes';

export function registerCopyIdCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('planLens.copyId', async (node?: PlanNode) => {
    if (node?.kind !== 'item' || !node.item.id) return;
    await vscode.env.clipboard.writeText(node.item.id);
    vscode.window.setStatusBarMessage(`Copied ${node.item.id}`, 2000);
  });
}
