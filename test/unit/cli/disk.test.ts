/**
 * main() on the real disk, as bin.ts wires it: folder and glob expansion, --fix writing
 * files, the shared real plans (skipped when ../shared is absent), and a 5 MB plan.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { ABSENT, PLANS, sharedFiles } from '../rules/shared-files';
import { assertValidSarif } from './helpers';

async function runOnDisk(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    readFile: (p) => readFile(p),
    writeFile: (p, t) => writeFile(p, t, 'utf8'),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/cli', name), 'utf8');

describe('cli on disk', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'plan-lens-cli-'));
    const files: Record<string, string> = {
      'plans/sprint.md': fixture('sprint.md'),
      'plans/nested/clean.markdown': fixture('clean.md'),
      'plans/node_modules/pkg/ignored.md': fixture('sprint.md'),
      'plans/.obsidian/ignored.md': fixture('sprint.md'),
      'docs/readme.md': fixture('readme.md'),
      'empty/notes.txt': 'not markdown',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const paths = (stdout: string) => JSON.parse(stdout).files.map((f: { path: string }) => f.path);

  it('expands a folder to its markdown files', async () => {
    const result = await runOnDisk(['summary', '--format', 'json', 'plans'], root);
    assert.deepEqual(paths(result.stdout), ['plans/nested/clean.markdown', 'plans/sprint.md']);
    assert.equal(result.code, 0);
  });

  it('expands a quoted glob', async () => {
    const result = await runOnDisk(['check', '--format', 'json', '**/*.md'], root);
    assert.deepEqual(paths(result.stdout), ['docs/readme.md', 'plans/sprint.md']);
  });

  it('shows paths outside the working folder as absolute', async () => {
    const result = await runOnDisk(['summary', '--format', 'json', '../plans/sprint.md'], path.join(root, 'docs'));
    assert.deepEqual(paths(result.stdout), [path.join(root, 'plans/sprint.md').split(path.sep).join('/')]);
  });

  it('exits 2 for a folder without markdown, still checking the rest', async () => {
    const result = await runOnDisk(['check', 'empty', 'docs'], root);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'plan-lens: empty: no markdown files (*.md, *.markdown) in this folder\n');
    assert.match(result.stdout, /1 file, 0 plans checked/);
  });

  it('writes fixes to disk', async () => {
    const result = await runOnDisk(['check', '--fix', 'plans/sprint.md'], root);
    assert.match(readFileSync(path.join(root, 'plans/sprint.md'), 'utf8'), /Phase 1 Total: 10 hours/);
    assert.doesNotMatch(result.stdout, /total-mismatch/);
  });

  // Slow (tens of seconds) because building the model is; the CLI's own share is well under a second.
  it('handles a 5 MB plan', async function () {
    this.timeout(240_000);
    const block = fixture('sprint.md').replace(/^# .*\n/, '').replace(/SP-0/g, 'SP-');
    const sections: string[] = ['# Big Plan\n'];
    for (let size = 0, i = 0; size < 5 * 1024 * 1024; i++) {
      const part = block.replace(/Phase (\d)/g, `Phase $1.${i}`).replace(/SP-(\d+)/g, `SP-${i}-$1`);
      sections.push(part);
      size += part.length;
    }
    writeFileSync(path.join(root, 'big.md'), sections.join('\n'));
    const result = await runOnDisk(['check', '--format', 'sarif', 'big.md'], root);
    assert.notEqual(result.code, 2, result.stderr);
    assert.ok(JSON.parse(result.stdout).runs[0].results.length > 1000);
  });

  describe('the shared real plans', () => {
    const plans = sharedFiles(PLANS);
    before(function () {
      if (plans.length === 0) this.skip();
    });
    if (plans.length === 0) it(`skipped: ${ABSENT}`);

    it('summarises 004 as 96 IDs, all unchecked, 878 h', async () => {
      const result = await runOnDisk(['summary', '--format', 'json', '004_bafbc14f0c5d7478.md'], PLANS);
      const [file] = JSON.parse(result.stdout).files;
      assert.equal(file.isPlan, true);
      const withIds = file.items.filter((i: { id: string | null }) => i.id);
      assert.equal(withIds.length, 96);
      assert.ok(withIds.every((i: { checkbox: boolean | null }) => i.checkbox === false));
      assert.deepEqual(file.summary.hours, { low: 878, high: 878 });
    });

    it('checks every shared plan in every format, and the SARIF validates', async () => {
      for (const format of ['text', 'json', 'sarif']) {
        const result = await runOnDisk(['check', '--format', format, '.'], PLANS);
        assert.notEqual(result.code, 2, result.stderr);
        assert.equal(result.stderr, '');
        if (format === 'sarif') assertValidSarif(JSON.parse(result.stdout));
      }
    });
  });
});
