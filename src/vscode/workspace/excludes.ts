/**
 * What the workspace index leaves out: `files.exclude` and `search.exclude` (the entries set
 * to true), folders a workspace folder's `.gitignore` names, and node_modules always. One
 * matcher serves the file search and the watcher's events, so both agree.
 */
import * as vscode from 'vscode';
import { globToRegExp } from '../../cli/glob';
import { gitignoreGlobs } from '../../core/workspace/ignore';

const ALWAYS = ['**/node_modules', '**/node_modules/**'];

export interface Excludes {
  /** For `workspace.findFiles`: the brace-free globs in one `{a,b}` glob (the rest are filtered after). */
  searchGlob: string;
  isExcluded(uri: vscode.Uri): boolean;
}

function enabledGlobs(section: 'files' | 'search'): string[] {
  const value = vscode.workspace.getConfiguration(section).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(value).filter(([, on]) => on === true).map(([glob]) => glob);
}

async function gitignored(folder: vscode.WorkspaceFolder): Promise<string[]> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.gitignore'));
    return gitignoreGlobs(new TextDecoder().decode(bytes));
  } catch {
    return [];
  }
}

/** Globs match paths relative to the workspace folder; a file is excluded when it or a folder above it matches. */
export async function readExcludes(): Promise<Excludes> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const ignored = (await Promise.all(folders.map(gitignored))).flat();
  const globs = [...new Set([...ALWAYS, ...enabledGlobs('files'), ...enabledGlobs('search'), ...ignored])];
  const patterns = globs.map((g) => globToRegExp(g.replace(/^\.\//, '')));
  const isExcluded = (uri: vscode.Uri): boolean => {
    if (/(?:^|\/)node_modules\//.test(uri.path)) return true;
    const relative = vscode.workspace.asRelativePath(uri, false);
    const parts = relative.split('/');
    for (let n = 1; n <= parts.length; n++) {
      const prefix = parts.slice(0, n).join('/');
      if (patterns.some((p) => p.test(prefix))) return true;
    }
    return false;
  };
  const simple = globs.filter((g) => !/[{},]/.test(g));
  return { searchGlob: `{${simple.join(',')}}`, isExcluded };
}
