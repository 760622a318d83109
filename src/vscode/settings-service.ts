/**
 * Reads `planLens.*` once per change, validates it with the pure `readSettings`, and says
 * (once per bad value) when a setting falls back to its default.
 */
import * as vscode from 'vscode';
import { readSettings, SECTION, SETTING_KEYS, type PlanLensSettings } from './settings';

export class SettingsService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlanLensSettings>();
  readonly onDidChange = this.changed.event;
  private readonly warned = new Set<string>();
  private readonly listener: vscode.Disposable;
  current: PlanLensSettings;

  constructor() {
    this.current = this.read();
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      this.current = this.read();
      this.changed.fire(this.current);
    });
  }

  /** Write a view preference (hide done, group by) where the user keeps their settings. */
  async update(key: 'tree.hideDone' | 'tree.groupBy', value: unknown): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }

  private read(): PlanLensSettings {
    const config = vscode.workspace.getConfiguration(SECTION);
    const raw = Object.fromEntries(SETTING_KEYS.map((key) => [key, config.get(key)]));
    const { settings, problems } = readSettings(raw);
    for (const problem of problems) this.warnOnce(problem.key, problem.message);
    return settings;
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    void vscode.window.showWarningMessage(message, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', key);
    });
  }
}
