/**
 * The CLI as shipped (bin.ts bundled with esbuild, run as its own process) on every input in
 * ../shared/robustness and on the scenarios of its .sh scripts: each run ends with exit 0 or
 * 1 (2 where an argument is unusable, with a one-line reason), no stack trace, the other
 * files still checked, and no control character from a document printed raw.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { SHARED } from '../rules/shared-files';

const DIR = path.join(SHARED, 'robustness');
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.md')).sort() : [];
/** A stall guard, not a timing assertion (the benchmark is the place for times). */
const STALL_MS = 60_000;
const GOOD = ['# Plan', '', '## Phase 1', '', '- [ ] **A-1**: Sign-up (P0, 2h)', '- [x] **A-2**: Login (P1, 3h)', ''].join('\n');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function assertClean(run: Run, codes: number[]): void {
  assert.ok(run.code !== null, `the CLI finished (killed after ${STALL_MS / 1000} s otherwise)`);
  assert.ok(codes.includes(run.code), `exit ${run.code}, expected ${codes.join(' or ')}: ${run.stderr.slice(0, 300)}`);
  assert.doesNotMatch(run.stderr, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
  assert.doesNotMatch(run.stdout + run.stderr, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/, 'no raw control characters');
}

describe('cli on the shared robustness inputs, as a process', function () {
  this.timeout(STALL_MS + 30_000);
  let cli: string;
  let work: string;
  const run = (...argv: string[]): Run => {
    const r = spawnSync(process.execPath, [cli, ...argv], { cwd: work, encoding: 'utf8', timeout: STALL_MS, maxBuffer: 256 * 1024 * 1024 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  before(async function () {
    this.timeout(120_000);
    work = mkdtempSync(path.join(tmpdir(), 'plan-lens-robust-cli-'));
    cli = path.join(work, 'cli.js');
    await build({ entryPoints: [path.resolve(__dirname, '../../../src/cli/bin.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: cli, logLevel: 'error' });
    writeFileSync(path.join(work, 'good.md'), GOOD);
  });

  it('a bad glob gets a one-line error, and the other file is still checked', () => {
    const r = run('check', '[z-a].md', 'good.md');
    assertClean(r, [2]);
    assert.match(r.stderr, /^plan-lens: \[z-a\]\.md: not a valid pattern \(.+\)\n$/);
    assert.match(r.stdout, /1 file, 1 plan checked/);
  });

  it('a FIFO is refused, not read (reading it would block)', function () {
    const fifo = path.join(work, 'plan-fifo.md');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    const r = run('check', fifo, 'good.md');
    assertClean(r, [2]);
    assert.match(r.stderr, /plan-fifo\.md: not a regular file/);
    assert.match(r.stdout, /1 file, 1 plan checked/);
  });

  if (files.length === 0) {
    it(`skipped: no inputs at ${DIR} (shared material absent)`, function () {
      this.skip();
    });
  }
  for (const file of files) {
    it(`check ${file}: exit 0 or 1, no stack trace, no raw control characters; the next file is checked too`, () => {
      const r = run('check', path.join(DIR, file), 'good.md');
      assertClean(r, [0, 1]);
      assert.match(r.stdout, /2 files, \d plans?\b/);
      const json = run('check', '--format', 'json', path.join(DIR, file));
      assertClean(json, [0, 1]);
      assert.doesNotThrow(() => JSON.parse(json.stdout));
    });
  }
});
