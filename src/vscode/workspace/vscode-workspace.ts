/**
 * The core's `PlanWorkspace` over VS Code's own file APIs — `workspace.findFiles`,
 * `workspace.fs` and one file watcher — so the index works in remote and virtual workspaces
 * as it does on disk. Files are named by their URI strings.
 */
import * as vscode from 'vscode';
import type { Disposable, FileChange, PlanWorkspace } from '../../core/workspace/workspace';
import { readExcludes, type Excludes } from './excludes';

const MARKDOWN = '**/*.{md,markdown}';

/** Files larger than this are left to the editor (opened, they are served with lenses off). */
const MAX_BYTES = 2 * 1024 * 1024;

export class VscodeWorkspace implements PlanWorkspace {
  private excludes: Promise<Excludes> | undefined;

  /** Settings or .gitignore changed: read the excludes again on the next search. */
  resetExcludes(): void {
    this.excludes = undefined;
  }

  async findMarkdownFiles(): Promise<string[]> {
    const excludes = await (this.excludes ??= readExcludes());
    const found = await vscode.workspace.findFiles(MARKDOWN, excludes.searchGlob);
    return found.filter((uri) => !excludes.isExcluded(uri)).map((uri) => uri.toString());
  }

  async readFile(file: string): Promise<string | undefined> {
    try {
      const uri = vscode.Uri.parse(file);
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_BYTES) return undefined;
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
      return text.replace(/^\uFEFF/, '');
    } catch {
      return undefined; // gone, unreadable, or not UTF-8: not a plan we can show
    }
  }

  watchMarkdownFiles(onChange: (change: FileChange) => void): Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN);
    const report = (kind: FileChange['kind']) => async (uri: vscode.Uri) => {
      const excludes = await (this.excludes ??= readExcludes());
      if (!excludes.isExcluded(uri)) onChange({ kind, file: uri.toString() });
    };
    return vscode.Disposable.from(watcher, watcher.onDidCreate(report('created')), watcher.onDidChange(report('changed')), watcher.onDidDelete(report('deleted')));
  }
}
