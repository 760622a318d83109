/** The Plan view's "Group by Section / by Priority" switch (one menu face per state). */
import * as vscode from 'vscode';
import type { SettingsService } from '../settings-service';

export function registerGroupByCommand(settings: SettingsService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('planLens.tree.groupBySection', () => settings.update('tree.groupBy', 'section')),
    vscode.commands.registerCommand('planLens.tree.groupByPriority', () => settings.update('tree.groupBy', 'priority')),
  );
}
