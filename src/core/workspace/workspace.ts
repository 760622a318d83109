/**
 * What the workspace index needs from its host, in the core's terms (as
 * vscode-markdown-languageservice's `IWorkspace`): list the markdown files, read one, and
 * hear when they change. VS Code (workspace.findFiles, workspace.fs, one file watcher) and
 * the CLI (node:fs) each provide one; tests use an in-memory one. Files are named by a string
 * the host understands (a URI in VS Code, a path in the CLI).
 */
export interface Disposable {
  dispose(): void;
}

export interface FileChange {
  kind: 'created' | 'changed' | 'deleted';
  file: string;
}

export interface PlanWorkspace {
  /** Every markdown file, without excluded ones (files.exclude, search.exclude, .gitignore'd folders, node_modules). */
  findMarkdownFiles(): Promise<string[]>;
  /** The file's text, or undefined when it cannot be read (gone, binary, not UTF-8). */
  readFile(file: string): Promise<string | undefined>;
  /** One watcher over the markdown files; excluded files are not reported. */
  watchMarkdownFiles(onChange: (change: FileChange) => void): Disposable;
}

/** A package's own docs are never a plan of this workspace, whatever the host's excludes say. */
export function isInDependencies(file: string): boolean {
  return /(?:^|[\\/])node_modules[\\/]/.test(file);
}
