/**
 * The shared plan fixtures and corpus live outside the repo (../shared from the repo root)
 * and are never copied in. Tests that use them skip, saying why, when they are absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED = resolve(__dirname, '../../../../shared');
export const CORPUS = join(SHARED, 'corpus');
export const PLANS = join(SHARED, 'fixtures', 'plans');

export function sharedFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [];
}

export function readShared(dir: string, name: string): string | undefined {
  const path = join(dir, name);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export const ABSENT = `shared material not found at ${SHARED} (tests that read real plans are skipped)`;

/** Every markdown file under `dir`, in sorted order, subfolders included; none when `dir` is absent. */
export function markdownFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? markdownFilesUnder(p) : p.endsWith('.md') ? [p] : [];
    });
}
