/**
 * Plan Lens in VS Code. `activate` only wires features together: the parser lives in a
 * worker that starts on the first analysis, so activation stays cheap.
 */
import * as vscode from 'vscode';
import { ActivePlan } from './active-plan';
import { PlanStore } from './analysis/plan-store';
import { WorkerClient } from './analysis/worker-client';
import { registerApplyFixCommand } from './commands/apply-fix';
import { registerCopyIdCommand } from './commands/copy-id';
import { registerGroupByCommand } from './commands/group-by';
import { registerNextOpenTaskCommand } from './commands/next-open-task';
import { registerOpenSampleCommand } from './commands/open-sample';
import { registerPreviousOpenTaskCommand } from './commands/previous-open-task';
import { registerRefreshCommand } from './commands/refresh';
import { registerRevealInEditorCommand } from './commands/reveal-in-editor';
import { registerShowPartsCommand } from './commands/show-parts';
import { registerShowSummaryCommand } from './commands/show-summary';
import { registerToggleHideDoneCommand } from './commands/toggle-hide-done';
import { registerToggleTaskCommand } from './commands/toggle-task';
import { registerCodeLensSupport } from './features/code-lenses';
import { Dashboard, registerDashboardSupport } from './features/dashboard';
import { registerDiagnosticsSupport } from './features/diagnostics';
import { registerHoverSupport } from './features/hover';
import { registerLargePlanNotice } from './features/large-plan-notice';
import { PlanTree, registerPlanTreeSupport } from './features/plan-tree';
import { registerQuickFixSupport } from './features/quick-fixes';
import { registerStatusBarSupport } from './features/status-bar';
import { SettingsService } from './settings-service';
import { registerTestHooks, type Timings } from './test-hooks';
import { createWorkspaceIndex } from './workspace/workspace-index-support';
import { registerReferencesSupport } from './features/references';
import { registerWorkspacePlansSupport } from './features/workspace-plans';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const timings: Timings = { activateMs: 0 };
  const log = vscode.window.createOutputChannel('Plan Lens', { log: true });
  const settings = new SettingsService();
  const worker = new WorkerClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath);
  const store = new PlanStore(worker, settings, log);
  const plan = new ActivePlan(store);
  const tree = new PlanTree(plan, settings);
  const workspaceIndex = createWorkspaceIndex(worker, store, settings, log);

  context.subscriptions.push(
    log,
    settings,
    { dispose: () => worker.dispose() },
    store,
    plan,
    registerPlanTreeSupport(tree, store, plan, settings),
    registerCodeLensSupport(store, settings),
    workspaceIndex.disposable,
    registerDiagnosticsSupport(store, context.extensionUri, workspaceIndex.index, settings),
    registerReferencesSupport(store, workspaceIndex.index),
    registerQuickFixSupport(store),
    registerApplyFixCommand(store),
    registerHoverSupport(store),
    registerStatusBarSupport(plan, workspaceIndex.index, settings),
    registerDashboardSupport(new Dashboard(context.extensionUri, plan, settings)),
    registerWorkspacePlansSupport(workspaceIndex.index, plan),
    registerLargePlanNotice(store),
    registerToggleTaskCommand(store, tree),
    registerNextOpenTaskCommand(store),
    registerPreviousOpenTaskCommand(store),
    registerRefreshCommand(store),
    registerShowSummaryCommand(store, plan),
    registerOpenSampleCommand(context.extensionUri),
    registerShowPartsCommand(store),
    registerRevealInEditorCommand(tree),
    registerCopyIdCommand(),
    registerToggleHideDoneCommand(settings),
    registerGroupByCommand(settings),
  );
  // The integration tests' commands exist only when VS Code runs the extension for development or tests.
  if (context.extensionMode !== vscode.ExtensionMode.Production) context.subscriptions.push(registerTestHooks(store, tree, worker, timings));
  timings.activateMs = performance.now() - started;
  log.info(`Activated in ${timings.activateMs.toFixed(1)} ms`);
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
