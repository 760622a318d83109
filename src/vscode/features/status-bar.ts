/**
 * "✓ 3/12 · 28–35 h left" for the active plan; with `planLens.problems.scope` = `workspace`
 * and more than one plan, the workspace total ("✓ 40/96 · 310–402 h left · 5 plans"). A click
 * opens the dashboard.
 */
import * as vscode from 'vscode';
import type { ActivePlan } from '../active-plan';
import type { SettingsService } from '../settings-service';
import type { PlanIndex } from '../workspace/workspace-index-support';
import { statusText, statusTooltip } from './status-text';
import { workspaceRollup } from './workspace-plan-rows';

export function registerStatusBarSupport(plan: ActivePlan, index: PlanIndex, settings: SettingsService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('planLens.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Plan Lens';
  item.command = 'planLens.openDashboard';
  const update = () => {
    const plans = settings.current.problemsScope === 'workspace' ? index.plans() : [];
    if (plans.length > 1) {
      const hoursPerDay = settings.current.options.hoursPerDay;
      const total = workspaceRollup(plans.map((p) => p.analysis));
      item.text = `${statusText(total, hoursPerDay)} · ${plans.length} plans`;
      item.tooltip = `${statusTooltip(total, hoursPerDay).replace('Plan Lens:', `Plan Lens, ${plans.length} plans in the workspace:`)}`;
      return item.show();
    }
    const rollups = plan.entry?.analysis.rollups;
    const rollup = rollups?.document;
    if (!rollup || rollup.items === 0) return item.hide();
    item.text = statusText(rollup, rollups.hoursPerDay);
    item.tooltip = statusTooltip(rollup, rollups.hoursPerDay);
    item.show();
  };
  update();
  // For the integration tests (hidden): what the status bar shows, to hold it against the other surfaces.
  const shown = vscode.commands.registerCommand('planLens._test.status', () => ({ text: item.text, tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value }));
  return vscode.Disposable.from(item, shown, plan.onDidChange(update), index.onDidChange(update), settings.onDidChange(update));
}
