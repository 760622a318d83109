/**
 * Commands for the integration tests only, registered only outside production
 * (`ExtensionMode.Development` / `Test`, as the test launchers run the extension):
 * the tree as data, ticking a node the way its checkbox does, and timings.
 */
import * as vscode from 'vscode';
import type { PlanStore } from './analysis/plan-store';
import type { WorkerClient } from './analysis/worker-client';
import { flatten, nodeText, type PlanNode } from './features/plan-nodes';
import { tickNodes, type PlanTree } from './features/plan-tree';
import { openDocument } from './apply-edits';

export interface Timings {
  /** `activate()` from first line to return, in ms. */
  activateMs: number;
}

export interface NodeData {
  key: string;
  kind: PlanNode['kind'];
  label: string;
  description: string;
  tooltip: string;
  id?: string;
  checked?: boolean;
  children: NodeData[];
}

function toData(node: PlanNode): NodeData {
  const { label, description, tooltip } = nodeText(node);
  const data: NodeData = { key: node.key, kind: node.kind, label, description, tooltip, children: node.children.map(toData) };
  if (node.kind === 'item') {
    if (node.item.id) data.id = node.item.id;
    if (node.item.checkbox) data.checked = node.item.checkbox.checked;
  }
  return data;
}

export function registerTestHooks(store: PlanStore, tree: PlanTree, worker: WorkerClient, timings: Timings): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('planLens._test.tree', () => ({ uri: tree.entry?.uri.toString(), version: tree.entry?.version, roots: tree.roots.map(toData) })),
    vscode.commands.registerCommand('planLens._test.tick', (key: string, checked: boolean) => {
      const node = flatten(tree.roots).find((n) => n.key === key);
      return node ? tickNodes(store, tree, [[node, checked]]) : false;
    }),
    vscode.commands.registerCommand('planLens._test.analyzed', async (uri: vscode.Uri) => {
      const document = openDocument(uri);
      const entry = document && (await store.current(document));
      return entry && { version: entry.version, isPlan: entry.isPlan, large: entry.large, items: entry.analysis.model.items.length, workerMs: worker.lastMs };
    }),
    vscode.commands.registerCommand('planLens._test.timings', () => ({ ...timings, workerMs: worker.lastMs })),
  );
}
