/**
 * The plan the Plan view and the status bar show: the active editor's document when it is a
 * plan; otherwise the last plan shown stays up (focus moving to the tree, the panel or a
 * settings page should not blank the view), until another markdown file takes the editor.
 */
import * as vscode from 'vscode';
import type { PlanEntry, PlanStore } from './analysis/plan-store';
import { shouldAnalyze } from './analysis/limits';
import { openDocument } from './apply-edits';

export class ActivePlan implements vscode.Disposable {
  private uri: vscode.Uri | undefined;
  private readonly changed = new vscode.EventEmitter<PlanEntry | undefined>();
  /** Fires when the shown plan changes or its analysis is updated. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: PlanStore) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      store.onDidChange((uri) => {
        if (uri.toString() === this.uri?.toString()) this.announce();
        else if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.follow(vscode.window.activeTextEditor);
      }),
    ];
    this.follow(vscode.window.activeTextEditor);
  }

  /** The shown plan's latest analysis, when it is a plan and still open. */
  get entry(): PlanEntry | undefined {
    if (!this.uri) return undefined;
    const entry = this.store.get(this.uri);
    return entry?.isPlan ? entry : undefined;
  }

  get document(): vscode.TextDocument | undefined {
    return this.uri && openDocument(this.uri);
  }

  /** The editor showing the plan, preferring the active one. */
  get editor(): vscode.TextEditor | undefined {
    const key = this.uri?.toString();
    const active = vscode.window.activeTextEditor;
    if (active?.document.uri.toString() === key) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    const document = editor?.document;
    if (!document || !shouldAnalyze(document)) {
      // Not a markdown editor: keep showing the last plan while it is still open.
      if (this.uri && !openDocument(this.uri)) this.show(undefined);
      return;
    }
    const entry = this.store.get(document.uri);
    if (entry && !entry.isPlan) this.show(undefined);
    else this.show(document.uri);
  }

  private show(uri: vscode.Uri | undefined): void {
    const same = uri?.toString() === this.uri?.toString();
    this.uri = uri;
    if (!same) this.announce();
  }

  private announce(): void {
    const entry = this.entry;
    void vscode.commands.executeCommand('setContext', 'planLens.hasPlan', entry !== undefined);
    this.changed.fire(entry);
  }
}
