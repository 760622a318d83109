/** Plan Lens: Previous Open Task — before the cursor, wrapping around. */
import * as vscode from 'vscode';
import type { PlanStore } from '../analysis/plan-store';
import { goToOpenTask } from './open-task-navigation';

export function registerPreviousOpenTaskCommand(store: PlanStore): vscode.Disposable {
  return vscode.commands.registerCommand('planLens.previousOpenTask', () => goToOpenTask(store, -1));
}
