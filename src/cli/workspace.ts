/**
 * The core's `PlanWorkspace` over node:fs, for the CLI and the bench: markdown files below a
 * folder, without node_modules, dot-folders and the folders the root `.gitignore` names.
 * Watching uses `fs.watch` (recursive where the platform supports it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Disposable, FileChange, PlanWorkspace } from '../core/workspace/workspace';
import { gitignoreGlobs } from '../core/workspace/ignore';
import { globToRegExp } from './glob';

const MARKDOWN = /\.(?:md|markdown)$/i;

export class NodeWorkspace implements PlanWorkspace {
  private readonly ignored: RegExp[];

  constructor(private readonly root: string) {
    let gitignore = '';
    try {
      gitignore = fs.readFileSync(path.join(root, '.gitignore'), 'utf8');
    } catch {
      // no .gitignore
    }
    this.ignored = ['**/node_modules', '**/.*', ...gitignoreGlobs(gitignore)].map(globToRegExp);
  }

  /** Relative to the root with `/`; true when it or a folder above it is left out. */
  isExcluded(file: string): boolean {
    const parts = path.relative(this.root, file).split(path.sep);
    return parts.some((_, i) => this.ignored.some((re) => re.test(parts.slice(0, i + 1).join('/'))));
  }

  async findMarkdownFiles(): Promise<string[]> {
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (this.isExcluded(full)) continue;
        if (entry.isDirectory()) await walk(full);
        else if (entry.isFile() && MARKDOWN.test(entry.name)) found.push(full);
      }
    };
    await walk(this.root);
    return found.sort();
  }

  async readFile(file: string): Promise<string | undefined> {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(await fs.promises.readFile(file)).replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
  }

  watchMarkdownFiles(onChange: (change: FileChange) => void): Disposable {
    const watcher = fs.watch(this.root, { recursive: true }, (_event, name) => {
      if (!name || !MARKDOWN.test(name)) return;
      const file = path.join(this.root, name.toString());
      if (this.isExcluded(file)) return;
      onChange({ kind: fs.existsSync(file) ? 'changed' : 'deleted', file });
    });
    return { dispose: () => watcher.close() };
  }
}
