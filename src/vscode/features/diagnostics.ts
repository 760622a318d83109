/**
 * Findings as diagnostics (the Problems panel and squiggles), refreshed with every analysis,
 * so as the user types (debounced by the store), and cleared when the document closes.
 */
import * as vscode from 'vscode';
import type { PlanStore } from '../analysis/plan-store';
import { toRange } from '../apply-edits';
import { DIAGNOSTIC_SOURCE, toDiagnosticData, type DiagnosticData } from './diagnostic-data';

export function registerDiagnosticsSupport(store: PlanStore, extensionUri: vscode.Uri): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('planLens');
  const update = (uri: vscode.Uri) => {
    const entry = store.get(uri);
    if (!entry?.isPlan) collection.delete(uri);
    else collection.set(uri, entry.analysis.findings.map((f) => toDiagnostic(toDiagnosticData(f), uri, extensionUri)));
  };
  return vscode.Disposable.from(
    collection,
    store.onDidChange(update),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
  );
}

function toDiagnostic(data: DiagnosticData, uri: vscode.Uri, extensionUri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(data.range), data.message, data.severity as vscode.DiagnosticSeverity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: data.rule, target: vscode.Uri.joinPath(extensionUri, ...data.docPath) };
  diagnostic.relatedInformation = data.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message));
  return diagnostic;
}
