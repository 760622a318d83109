/** "✓ 3/12 · 28–35 h left" for the active plan; a click opens the dashboard. */
import * as vscode from 'vscode';
import type { ActivePlan } from '../active-plan';
import { statusText, statusTooltip } from './status-text';

export function registerStatusBarSupport(plan: ActivePlan): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('planLens.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Plan Lens';
  item.command = 'planLens.openDashboard';
  const update = () => {
    const rollups = plan.entry?.analysis.rollups;
    const rollup = rollups?.document;
    if (!rollup || rollup.items === 0) return item.hide();
    item.text = statusText(rollup, rollups.hoursPerDay);
    item.tooltip = statusTooltip(rollup, rollups.hoursPerDay);
    item.show();
  };
  update();
  return vscode.Disposable.from(item, plan.onDidChange(update));
}
