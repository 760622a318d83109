/**
 * The workspace index in VS Code: files come from `VscodeWorkspace`, are screened and
 * analysed in the worker, and the cross-file rules run there too. The editor's analysis of
 * an open document stands in for its file on disk.
 */
import * as vscode from 'vscode';
import { WorkspaceIndex } from '../../core/workspace/workspace-index';
import { globToRegExp } from '../../cli/glob';
import type { PlanStore } from '../analysis/plan-store';
import type { PlanAnalysis } from '../analysis/protocol';
import type { WorkerClient } from '../analysis/worker-client';
import type { SettingsService } from '../settings-service';
import { VscodeWorkspace } from './vscode-workspace';

export type PlanIndex = WorkspaceIndex<PlanAnalysis>;

/** `planLens.files` globs, read against each workspace folder (absolute `**` globs as they are). */
function forcedMatcher(globs: readonly string[]): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  const patterns = globs.map((g) => globToRegExp(g.replace(/^\.\//, '')));
  return (file) => {
    const relative = vscode.workspace.asRelativePath(vscode.Uri.parse(file), false);
    return patterns.some((p) => p.test(relative));
  };
}

export function createWorkspaceIndex(worker: WorkerClient, store: PlanStore, settings: SettingsService, log: vscode.LogOutputChannel): { index: PlanIndex; disposable: vscode.Disposable } {
  const workspace = new VscodeWorkspace();
  let forced = forcedMatcher(settings.current.files);
  /** What the analyses depend on, to tell a change that needs a new scan from a view setting. */
  let read = JSON.stringify([settings.current.options, settings.current.files]);
  const index: PlanIndex = new WorkspaceIndex<PlanAnalysis>({
    workspace,
    analyze: async (file, text, isForced) => (await worker.request({ kind: 'indexFile', uri: file, text: [text], options: settings.current.options, forced: isForced })) ?? undefined,
    forget: (file) => void worker.request({ kind: 'indexForget', uri: file }).catch(() => undefined),
    crossFile: async () => new Map(await worker.request({ kind: 'crossFile', options: settings.current.options })),
    isForced: (file) => forced(file),
    onError: (file, e) => log.warn(`Workspace index: ${file}: ${String(e)}`),
  });
  const scan = () => {
    if (!vscode.workspace.workspaceFolders?.length) return;
    index
      .scan()
      .then((s) => log.info(`Workspace index: ${s.files} markdown files, ${s.analysed} analysed, ${s.plans} plans in ${s.ms.toFixed(0)} ms`))
      .catch((e) => log.error(`Workspace index scan failed: ${String(e)}`));
  };
  const rescan = () => {
    workspace.resetExcludes();
    scan();
  };
  const disposable = vscode.Disposable.from(
    index,
    index.watch(),
    store.onDidChange((uri) => index.setEditorAnalysis(uri.toString(), store.get(uri)?.analysis)),
    settings.onDidChange(() => {
      const now = JSON.stringify([settings.current.options, settings.current.files]);
      if (now === read) return;
      const analysisChanged = JSON.stringify([{ ...settings.current.options, rules: {} }, settings.current.files]) !== JSON.stringify([{ ...JSON.parse(read)[0], rules: {} }, JSON.parse(read)[1]]);
      read = now;
      forced = forcedMatcher(settings.current.files);
      if (analysisChanged) rescan();
      else index.optionsChanged(); // severities only: the cross-file rules run again
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('files.exclude') || e.affectsConfiguration('search.exclude')) rescan();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(rescan),
  );
  scan();
  return { index, disposable };
}
