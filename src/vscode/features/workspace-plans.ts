/**
 * The Plans view: every plan in the workspace, one root per file with its roll-up, the active
 * file first; under each, its sections. A click opens the file at the heading. The Plan view
 * beside it keeps showing the active plan in full (and is where tasks are ticked).
 */
import * as vscode from 'vscode';
import type { ActivePlan } from '../active-plan';
import type { PlanIndex } from '../workspace/workspace-index-support';
import { planRows, type PlanRow, type SectionRow } from './workspace-plan-rows';

export const PLANS_VIEW_ID = 'planLens.plans';

type Node = { kind: 'plan'; row: PlanRow } | { kind: 'section'; row: SectionRow; plan: PlanRow };

class PlansTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  roots: PlanRow[] = [];

  constructor(
    private readonly index: PlanIndex,
    private readonly plan: ActivePlan,
  ) {}

  rebuild(): void {
    const active = this.plan.entry?.uri.toString();
    this.roots = planRows(this.index.plans(), active, (file) => vscode.workspace.asRelativePath(vscode.Uri.parse(file), false));
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots.map((row) => ({ kind: 'plan', row }));
    return node.kind === 'plan' ? node.row.sections.map((row) => ({ kind: 'section', row, plan: node.row })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const uri = vscode.Uri.parse(node.kind === 'plan' ? node.row.file : node.plan.file);
    if (node.kind === 'plan') {
      const item = new vscode.TreeItem(node.row.label, node.row.active ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.row.file;
      item.description = node.row.active ? `${node.row.description} · active` : node.row.description;
      item.tooltip = node.row.tooltip;
      item.resourceUri = uri;
      item.contextValue = 'planFile';
      item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
      return item;
    }
    const item = new vscode.TreeItem(node.row.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.plan.file}#${node.row.line}`;
    item.description = node.row.description;
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(node.row.line, 0, node.row.line, 0) }] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerWorkspacePlansSupport(index: PlanIndex, plan: ActivePlan): vscode.Disposable {
  const tree = new PlansTree(index, plan);
  const view = vscode.window.createTreeView(PLANS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A scan reports files in batches; one redraw per burst is enough.
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => tree.rebuild(), 200);
  };
  tree.rebuild();
  return vscode.Disposable.from(tree, view, index.onDidChange(soon), plan.onDidChange(soon), { dispose: () => clearTimeout(timer) });
}
