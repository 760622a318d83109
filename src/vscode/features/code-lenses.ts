/**
 * Code lenses over section headings (items, done, hours, hours left) and over declared
 * counts and totals (what the parts really add to). Ranges come first; titles are filled
 * in on resolve, for the lenses VS Code actually shows.
 */
import * as vscode from 'vscode';
import type { PlanEntry, PlanStore } from '../analysis/plan-store';
import type { SettingsService } from '../settings-service';
import { toRange } from '../apply-edits';
import { lensTargets, lensTitle, type LensTarget } from './code-lens-text';

class PlanLens extends vscode.CodeLens {
  constructor(
    readonly entry: PlanEntry,
    readonly target: LensTarget,
  ) {
    super(toRange(target.range));
  }
}

class PlanLensProvider implements vscode.CodeLensProvider<PlanLens> {
  constructor(
    private readonly store: PlanStore,
    private readonly settings: SettingsService,
    readonly onDidChangeCodeLenses: vscode.Event<void>,
  ) {}

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<PlanLens[]> {
    if (!this.settings.current.codeLensEnabled) return [];
    const entry = await this.store.settled(document, token);
    // Large plans: lenses are what costs most to keep placed while typing.
    if (!entry?.isPlan || entry.large) return [];
    return lensTargets(entry.analysis).map((target) => new PlanLens(entry, target));
  }

  resolveCodeLens(lens: PlanLens): PlanLens {
    lens.command = {
      title: lensTitle(lens.target, lens.entry.analysis),
      tooltip: 'Show the parts',
      command: 'planLens.showParts',
      arguments: [lens.entry.uri, lens.target],
    };
    return lens;
  }
}

export function registerCodeLensSupport(store: PlanStore, settings: SettingsService): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider = new PlanLensProvider(store, settings, changed.event);
  return vscode.Disposable.from(
    changed,
    store.onDidChange(() => changed.fire()),
    settings.onDidChange(() => changed.fire()),
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, provider),
  );
}
