/**
 * Plan Lens: Open Sample Plan — a copy of a bundled sample in an untitled editor, so trying
 * the features (ticking, fixing) never writes into the extension's own folder.
 */
import * as vscode from 'vscode';

export const SAMPLES = [
  { file: 'gap-analysis.md', label: 'Gap analysis', detail: 'Features by category with priorities, estimates and totals that do not add up' },
  { file: 'implementation-plan.md', label: 'Implementation plan', detail: 'Phases of ID’d tasks with checkboxes, estimates and a timeline' },
  { file: 'roadmap.md', label: 'Roadmap', detail: 'Quarters, a priority table and a garbled emoji to repair' },
] as const;

export function registerOpenSampleCommand(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand('planLens.openSample', async (file?: string) => {
    const sample = SAMPLES.find((s) => s.file === file) ?? (await vscode.window.showQuickPick(SAMPLES, { placeHolder: 'Open which sample plan?' }));
    if (!sample) return undefined;
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'samples', sample.file));
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
    await vscode.window.showTextDocument(document);
    return document.uri;
  });
}
