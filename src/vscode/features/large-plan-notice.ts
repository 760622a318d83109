/** Says once per document when a plan is too large for every feature, instead of freezing. */
import * as vscode from 'vscode';
import type { PlanStore } from '../analysis/plan-store';
import { MAX_PLAN_CHARS } from '../analysis/limits';

export function registerLargePlanNotice(store: PlanStore): vscode.Disposable {
  const told = new Set<string>();
  return store.onDidChange((uri) => {
    const entry = store.get(uri);
    if (!entry?.isPlan || !entry.large || told.has(uri.toString())) return;
    told.add(uri.toString());
    const name = uri.path.split('/').pop();
    const limit = `${MAX_PLAN_CHARS / (1024 * 1024)} MB`;
    void vscode.window.showInformationMessage(`Plan Lens: ${name} is larger than ${limit}, so code lenses are off for it and updates wait longer after typing. The Plan view, problems and hovers still work.`);
  });
}
