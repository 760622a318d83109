/**
 * The Plan view's "Hide Done Items" toggle. Two commands, because a menu entry has one icon:
 * the title bar shows `hideDone` while done items show, `showDone` while they are hidden.
 */
import * as vscode from 'vscode';
import type { SettingsService } from '../settings-service';

export function registerToggleHideDoneCommand(settings: SettingsService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('planLens.tree.hideDone', () => settings.update('tree.hideDone', true)),
    vscode.commands.registerCommand('planLens.tree.showDone', () => settings.update('tree.hideDone', false)),
  );
}
