/** Plan Lens: Refresh — analyse every open markdown document again. */
import * as vscode from 'vscode';
import type { PlanStore } from '../analysis/plan-store';

export function registerRefreshCommand(store: PlanStore): vscode.Disposable {
  return vscode.commands.registerCommand('planLens.refresh', () => store.refresh());
}
