/** Plan Lens: Show Plan Summary — the CLI's outline of the active plan, in an output channel. */
import * as vscode from 'vscode';
import type { ActivePlan } from '../active-plan';
import type { PlanStore } from '../analysis/plan-store';

export function registerShowSummaryCommand(store: PlanStore, plan: ActivePlan): vscode.Disposable {
  let channel: vscode.OutputChannel | undefined;
  const command = vscode.commands.registerCommand('planLens.showSummary', async () => {
    const active = vscode.window.activeTextEditor?.document;
    const document = active?.languageId === 'markdown' ? active : plan.document;
    if (!document) {
      void vscode.window.showInformationMessage('Plan Lens: open a markdown plan to see its summary.');
      return undefined;
    }
    const text = await store.summary(document, vscode.workspace.asRelativePath(document.uri));
    if (text === undefined) return undefined; // it changed while being read: the user is typing
    channel ??= vscode.window.createOutputChannel('Plan Lens Summary');
    channel.replace(text);
    channel.show(true);
    return text;
  });
  return vscode.Disposable.from(command, { dispose: () => channel?.dispose() });
}
