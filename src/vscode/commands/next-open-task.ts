/** Plan Lens: Next Open Task — after the cursor, wrapping around. */
import * as vscode from 'vscode';
import type { PlanStore } from '../analysis/plan-store';
import { goToOpenTask } from './open-task-navigation';

export function registerNextOpenTaskCommand(store: PlanStore): vscode.Disposable {
  return vscode.commands.registerCommand('planLens.nextOpenTask', () => goToOpenTask(store, 1));
}
