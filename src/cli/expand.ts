/**
 * PATH arguments → files, on the real disk: a file stays itself, a folder becomes its
 * markdown files, a glob is matched by walking from its fixed prefix. node_modules and dot
 * folders are skipped while walking, as every markdown linter does.
 */
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { globDepth, globToRegExp, isGlob, splitGlob } from './glob';

export interface Expansion {
  /** Absolute paths, in argument order, each once. */
  files: string[];
  /** Arguments that matched nothing, with why. */
  problems: { path: string; reason: string }[];
}

export type Expand = (args: readonly string[], cwd: string) => Promise<Expansion>;

const MARKDOWN = /\.(md|markdown)$/i;

/** A FIFO, socket or device: reading it could block forever or never end. */
export const NOT_REGULAR = 'not a regular file (a FIFO, socket or device); give a file or a folder';

export const expandOnDisk: Expand = async (args, cwd) => {
  const files = new Set<string>();
  const problems: Expansion['problems'] = [];
  for (const arg of args) {
    const found = await expandOne(arg, cwd);
    if (typeof found === 'string') problems.push({ path: arg, reason: found });
    else for (const f of found) files.add(f);
  }
  return { files: [...files], problems };
};

/** The files an argument names, or why it names none. */
async function expandOne(arg: string, cwd: string): Promise<string[] | string> {
  const absolute = path.resolve(cwd, arg);
  if (isGlob(arg) && !(await isFile(absolute))) return expandGlob(arg, cwd);
  const info = await stat(absolute).catch(() => undefined);
  // A missing file is left for the reader, which names the reason (ENOENT, EACCES…).
  if (info && !info.isDirectory() && !info.isFile()) return NOT_REGULAR;
  if (!info?.isDirectory()) return [absolute];
  const found = await walk(absolute, Infinity, (rel) => MARKDOWN.test(rel));
  return found.length > 0 ? found : 'no markdown files (*.md, *.markdown) in this folder';
}

async function expandGlob(pattern: string, cwd: string): Promise<string[] | string> {
  const { base, rest } = splitGlob(pattern);
  let matcher: RegExp;
  try {
    matcher = globToRegExp(rest);
  } catch (error) {
    // "[z-a]": the message's last clause says what is wrong ("Range out of order in character class").
    const why = error instanceof Error ? error.message.split(': ').pop()!.toLowerCase() : String(error);
    return `not a valid pattern (${why})`;
  }
  const found = await walk(path.resolve(cwd, base), globDepth(rest), (rel) => matcher.test(rel));
  return found.length > 0 ? found : 'no files match this pattern';
}

/** Files under `root` (sorted, depth-first) whose `/`-separated relative path passes `keep`. */
async function walk(root: string, depth: number, keep: (rel: string) => boolean, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, rel), { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    // Symlinked folders are not followed: they can loop, and git does not follow them either.
    if (entry.isDirectory()) {
      if (depth > 1 && !skipFolder(entry.name)) for (const f of await walk(root, depth - 1, keep, child)) out.push(f);
    } else if (keep(child) && (entry.isFile() || (await isFile(path.join(root, child))))) {
      out.push(path.join(root, child));
    }
  }
  return out;
}

function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

async function isFile(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isFile() ?? false;
}
