/**
 * Plan Lens: Reveal in Editor — what clicking a node in the Plan view does: open the plan and
 * select the node's heading or title (the whole item could be many lines of sub-bullets).
 */
import * as vscode from 'vscode';
import type { PlanTree } from '../features/plan-tree';
import type { PlanNode } from '../features/plan-nodes';
import { toRange } from '../apply-edits';

export function registerRevealInEditorCommand(tree: PlanTree): vscode.Disposable {
  return vscode.commands.registerCommand('planLens.revealInEditor', async (node?: PlanNode) => {
    const uri = tree.entry?.uri;
    if (!uri || !node || node.kind === 'priority') return;
    const range = toRange(node.kind === 'item' ? node.item.titleRange : node.section.range);
    // Keep the Plan view focused on a single click (preview-like), as the Explorer does.
    await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: true });
  });
}
