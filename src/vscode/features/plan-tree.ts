/**
 * The Plan view: the active plan's sections and items, with native checkboxes on tasks.
 * Nodes are built by the pure `plan-nodes`; this file turns them into tree items, keeps the
 * view in step with the analysis, and follows the cursor.
 */
import * as vscode from 'vscode';
import type { PlanEntry, PlanStore } from '../analysis/plan-store';
import type { ActivePlan } from '../active-plan';
import type { SettingsService } from '../settings-service';
import { changeTasks } from '../task-edits';
import { buildPlanNodes, nodeAtLine, nodeText, type ItemNode, type PlanNode } from './plan-nodes';

export const VIEW_ID = 'planLens.plan';

export class PlanTree implements vscode.TreeDataProvider<PlanNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlanNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  roots: PlanNode[] = [];
  /** The analysis the nodes were built from: checkbox edits are computed against it. */
  entry: PlanEntry | undefined;

  constructor(
    private readonly plan: ActivePlan,
    private readonly settings: SettingsService,
  ) {}

  rebuild(): void {
    this.entry = this.plan.entry;
    const { groupBy, hideDone } = this.settings.current;
    this.roots = this.entry ? buildPlanNodes(this.entry.analysis, { groupBy, hideDone }) : [];
    this.changed.fire(undefined);
  }

  getChildren(node?: PlanNode): PlanNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: PlanNode): PlanNode | undefined {
    return node.parent;
  }

  getTreeItem(node: PlanNode): vscode.TreeItem {
    const text = nodeText(node);
    const item = new vscode.TreeItem(text.label, collapsibleState(node, this.entry?.large ?? false));
    item.id = node.key;
    item.description = text.description;
    item.tooltip = text.tooltip;
    item.contextValue = contextValue(node);
    if (node.kind === 'item') decorateItem(item, node);
    if (node.kind !== 'priority') item.command = { command: 'planLens.revealInEditor', title: 'Reveal in Editor', arguments: [node] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function collapsibleState(node: PlanNode, large: boolean): vscode.TreeItemCollapsibleState {
  if (!node.expandable) return vscode.TreeItemCollapsibleState.None;
  // Sections open, so a plan reads as an outline at first sight; an item's sub-tasks fold.
  // In a large plan everything folds: an open section asks for every tree item inside it.
  return node.kind === 'item' || large ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
}

/** Words matched by the `view/item/context` menus' `viewItem =~ /…/` clauses. */
function contextValue(node: PlanNode): string {
  if (node.kind !== 'item') return node.kind;
  const words = ['item'];
  if (node.item.checkbox) words.push('task');
  if (node.item.id) words.push('hasId');
  return words.join(' ');
}

const STATUS_ICONS = {
  done: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  // ◐: there is no "circle-half" codicon; color-mode draws a half-filled circle.
  partial: new vscode.ThemeIcon('color-mode', new vscode.ThemeColor('charts.yellow')),
  open: new vscode.ThemeIcon('circle-outline'),
  unknown: new vscode.ThemeIcon('circle-outline'),
};

function decorateItem(treeItem: vscode.TreeItem, node: ItemNode): void {
  const { item } = node;
  // A task's checkbox already says open or done; the icon would repeat it.
  if (item.checkbox) {
    treeItem.checkboxState = {
      state: item.checkbox.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: item.checkbox.checked ? 'Mark as not done' : 'Mark as done',
    };
    if (item.status === 'partial') treeItem.iconPath = STATUS_ICONS.partial;
  } else {
    treeItem.iconPath = STATUS_ICONS[item.status];
  }
}

export function registerPlanTreeSupport(tree: PlanTree, store: PlanStore, plan: ActivePlan, settings: SettingsService): vscode.Disposable {
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, manageCheckboxStateManually: true });
  tree.rebuild();
  return vscode.Disposable.from(
    tree,
    view,
    plan.onDidChange(() => tree.rebuild()),
    settings.onDidChange(() => tree.rebuild()),
    view.onDidChangeCheckboxState((e) => void tickNodes(store, tree, e.items.map(([node, state]) => [node, state === vscode.TreeItemCheckboxState.Checked] as const))),
    registerFollowCursor(tree, view, plan, settings),
  );
}

/** Tick or untick tasks as their tree checkboxes say (also the test hook's way in). */
export async function tickNodes(store: PlanStore, tree: PlanTree, ticked: ReadonlyArray<readonly [PlanNode, boolean]>): Promise<boolean> {
  const entry = tree.entry;
  const changes = ticked.flatMap(([node, checked]) => (node.kind === 'item' && node.item.checkbox ? [{ item: node.item, checked }] : []));
  if (!entry || changes.length === 0) return false;
  const done = await changeTasks(store, entry, changes);
  // Refused: put the boxes back as the text says. Applied: the re-analysis redraws them.
  if (!done) tree.rebuild();
  return done;
}

/** Select the node under the cursor, without taking focus from the editor. */
function registerFollowCursor(tree: PlanTree, view: vscode.TreeView<PlanNode>, plan: ActivePlan, settings: SettingsService): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow = (editor: vscode.TextEditor) => {
    if (!settings.current.followCursor || !view.visible) return;
    if (editor.document.uri.toString() !== tree.entry?.uri.toString()) return;
    const node = nodeAtLine(tree.roots, editor.selection.active.line);
    if (node && view.selection[0] !== node) void view.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
  };
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection((e) => {
      clearTimeout(timer);
      timer = setTimeout(() => follow(e.textEditor), 100);
    }),
    plan.onDidChange(() => {
      const editor = plan.editor;
      if (editor) follow(editor);
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
