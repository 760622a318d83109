import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expandOnDisk } from '../../../src/cli/expand';

describe('cli/expand (on a temp folder)', () => {
  let root: string;
  const rel = (files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'plan-lens-expand-'));
    const files = ['a.md', 'b.markdown', 'notes.txt', 'docs/c.md', 'docs/deep/d.MD', 'node_modules/x/e.md', '.git/f.md', 'docs/.hidden/g.md', 'empty/.keep'];
    for (const f of files) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), '# x\n');
    }
    symlinkSync(path.join(root, 'docs'), path.join(root, 'loop'), 'dir');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('expands a folder to its markdown, skipping node_modules, dot-folders and symlinked folders', async () => {
    const { files, problems } = await expandOnDisk(['.'], root);
    assert.deepEqual(rel(files), ['a.md', 'b.markdown', 'docs/c.md', 'docs/deep/d.MD']);
    assert.deepEqual(problems, []);
  });

  it('keeps a named file whatever its extension, and lists each file once', async () => {
    const { files } = await expandOnDisk(['notes.txt', 'a.md', 'a.md', 'docs'], root);
    assert.deepEqual(rel(files), ['notes.txt', 'a.md', 'docs/c.md', 'docs/deep/d.MD']);
  });

  it('expands globs, with and without **', async () => {
    assert.deepEqual(rel((await expandOnDisk(['**/*.md'], root)).files), ['a.md', 'docs/c.md']);
    assert.deepEqual(rel((await expandOnDisk(['docs/*.md'], root)).files), ['docs/c.md']);
    assert.deepEqual(rel((await expandOnDisk(['*.{md,markdown}'], root)).files), ['a.md', 'b.markdown']);
  });

  it('reports a folder without markdown and a glob that matches nothing', async () => {
    const { files, problems } = await expandOnDisk(['empty', '*.rst'], root);
    assert.deepEqual(files, []);
    assert.deepEqual(problems.map((p) => p.path), ['empty', '*.rst']);
    assert.match(problems[0].reason, /no markdown files/);
    assert.match(problems[1].reason, /no files match/);
  });

  it('passes a missing file through, so the reader can say why', async () => {
    assert.deepEqual(rel((await expandOnDisk(['missing.md'], root)).files), ['missing.md']);
  });
});
