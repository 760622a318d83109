/** `plan-lens history` and `plan-lens report --format html` on a small git repository made here. */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';

async function run(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    today: '2026-02-03',
    readFile: async (p) => readFileSync(p),
    writeFile: async (p, text) => writeFileSync(p, text),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('cli: history and report', function () {
  this.timeout(30_000);
  let dir: string;
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) } });

  before(function () {
    try {
      execFileSync('git', ['--version']);
    } catch {
      this.skip();
    }
    dir = mkdtempSync(path.join(tmpdir(), 'plan-lens-cli-history-'));
    git(['init', '-q', '-b', 'main']);
    writeFileSync(path.join(dir, 'plan.md'), '# Plan\n\n## Work\n\n- [ ] A (P1, 2h)\n- [ ] B (P2, 3h)\n\nTotal: 9 h\n');
    git(['add', '.']);
    git(['commit', '-q', '-m', 'plan'], '2026-02-01T10:00:00+00:00');
    writeFileSync(path.join(dir, 'plan.md'), '# Plan\n\n## Work\n\n- [x] A (P1, 2h)\n- [ ] B (P2, 3h)\n\nTotal: 9 h\n');
    git(['commit', '-q', '-a', '-m', 'tick A'], '2026-02-02T10:00:00+00:00');
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the burn-down as text and JSON', async () => {
    const text = await run(dir, ['history', 'plan.md']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^plan\.md: 2 commits; 1 item and 3 h left now/);
    assert.match(text.stdout, /2026-02-01 +2 +5 +0 +2 +0 +1/);
    assert.match(text.stdout, /2026-02-02 +1 +3 +1 +0 +0 +1/);
    const json = await run(dir, ['history', '--format', 'json', 'plan.md']);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.commits, 2);
    assert.deepEqual(
      parsed.days.map((d: { date: string; remainingItems: number; remainingHours: number }) => [d.date, d.remainingItems, d.remainingHours]),
      [['2026-02-01', 2, 5], ['2026-02-02', 1, 3], ['2026-02-03', 1, 3]],
    );
  });

  it('writes a self-contained HTML report with the charts and the burn-down', async () => {
    const result = await run(dir, ['report', 'plan.md', '-o', 'report.html']);
    assert.equal(result.code, 0, result.stderr);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    for (const title of ['Hours by priority', 'Progress by section', 'Burn-down: items left', 'Burn-down: hours left']) assert.ok(html.includes(`>${title}</h2>`), title);
    assert.doesNotMatch(html, /<script|<link|src="http/);
    assert.match(html, /Line 8: Declares 9 h/);
  });

  it('says why there is no history outside a repository, exiting 2', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'plan-lens-cli-nogit-'));
    try {
      writeFileSync(path.join(outside, 'plan.md'), '- [ ] A (1h)\n- [ ] B (2h)\n');
      const result = await run(outside, ['history', 'plan.md']);
      assert.equal(result.code, 2);
      assert.match(result.stdout, /not in a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
