/**
 * Findings as diagnostics (the Problems panel and squiggles), refreshed with every analysis,
 * so as the user types (debounced by the store). Open plans show their own findings; with
 * `planLens.problems.scope` = `workspace`, closed plans show the findings of their file on
 * disk (from the workspace index). Cross-file findings join the findings of both files.
 */
import * as vscode from 'vscode';
import type { Finding } from '../../core/model/finding';
import type { PlanStore } from '../analysis/plan-store';
import { toRange } from '../apply-edits';
import type { SettingsService } from '../settings-service';
import type { PlanIndex } from '../workspace/workspace-index-support';
import { DIAGNOSTIC_SOURCE, toDiagnosticData, type DiagnosticData } from './diagnostic-data';

export function registerDiagnosticsSupport(store: PlanStore, extensionUri: vscode.Uri, index: PlanIndex, settings: SettingsService): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('planLens');
  const findingsOf = (uri: vscode.Uri): Finding[] | undefined => {
    const key = uri.toString();
    const entry = store.get(uri);
    const workspace = settings.current.problemsScope === 'workspace';
    const own = entry ? (entry.isPlan ? entry.analysis.findings : undefined) : workspace ? planFindings(index, key) : undefined;
    const open = entry !== undefined && vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
    const cross = open || workspace ? index.crossFileFindings(key) : [];
    return own || cross.length > 0 ? [...(own ?? []), ...cross] : undefined;
  };
  const update = (uri: vscode.Uri) => {
    const findings = findingsOf(uri);
    if (!findings) collection.delete(uri);
    else collection.set(uri, findings.map((f) => toDiagnostic(toDiagnosticData(f), uri, extensionUri)));
  };
  /** Every file that has, or may now have, diagnostics (the scope changed). */
  const updateAll = () => {
    const uris = new Map<string, vscode.Uri>();
    collection.forEach((uri) => void uris.set(uri.toString(), uri));
    for (const plan of index.plans()) uris.set(plan.file, vscode.Uri.parse(plan.file));
    for (const file of index.filesWithCrossFileFindings()) uris.set(file, vscode.Uri.parse(file));
    for (const uri of uris.values()) update(uri);
  };
  // Cross-file findings are computed again after every change anywhere; only files whose
  // cross-file findings changed are redrawn (a large open plan's diagnostics are costly to set).
  let crossShown = new Map<string, string>();
  const updateCrossFile = () => {
    const now = new Map(index.filesWithCrossFileFindings().map((f) => [f, signature(index.crossFileFindings(f))]));
    for (const file of new Set([...crossShown.keys(), ...now.keys()])) {
      if (crossShown.get(file) !== now.get(file)) update(vscode.Uri.parse(file));
    }
    crossShown = now;
  };
  let scope = settings.current.problemsScope;
  return vscode.Disposable.from(
    collection,
    store.onDidChange(update),
    // Open documents are redrawn by the store; the index speaks for closed files.
    index.onDidChange((files) => files.forEach((f) => store.get(vscode.Uri.parse(f)) || update(vscode.Uri.parse(f)))),
    index.onDidChangeCrossFile(updateCrossFile),
    settings.onDidChange(() => {
      if (settings.current.problemsScope === scope) return;
      scope = settings.current.problemsScope;
      updateAll();
    }),
    vscode.workspace.onDidCloseTextDocument((d) => update(d.uri)),
  );
}

function signature(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.rule}@${f.range.start.offset}-${f.range.end.offset}:${f.message}`).join('\n');
}

function planFindings(index: PlanIndex, file: string): Finding[] | undefined {
  const analysis = index.analysisOf(file);
  return analysis?.model.isPlan ? analysis.findings : undefined;
}

function toDiagnostic(data: DiagnosticData, uri: vscode.Uri, extensionUri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(data.range), data.message, data.severity as vscode.DiagnosticSeverity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: data.rule, target: vscode.Uri.joinPath(extensionUri, ...data.docPath) };
  diagnostic.relatedInformation = data.related.map(
    (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(r.file === undefined ? uri : vscode.Uri.parse(r.file), toRange(r.range)), r.message),
  );
  return diagnostic;
}
