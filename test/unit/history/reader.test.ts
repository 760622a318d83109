/**
 * The burn-down read from a real git repository the test makes: ticks, new items, a rename,
 * a merge (first-parent), and an unsaved tick. Expected values are worked out by hand below.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzePlan, HistoryReader, lineChanges, replay } from '../../../src/core/index';
import { spawnGit } from '../../../src/cli/git';

const UNITS = { hoursPerDay: 8, daysPerWeek: 5 };

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch {
    return false;
  }
}

describe('history reader (git)', function () {
  this.timeout(30_000);
  let dir: string;
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
      encoding: 'utf8',
    });
  const write = (file: string, lines: string[]) => writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
  const commit = (message: string, date: string) => git(['commit', '-q', '-a', '-m', message], date);

  before(function () {
    if (!hasGit()) this.skip();
    dir = mkdtempSync(path.join(tmpdir(), 'plan-lens-history-'));
    git(['init', '-q', '-b', 'main']);
    // Day 1: three open tasks, 2 + 3 + 4 = 9 h.
    write('plan.md', ['# Plan', '- [ ] A (2h)', '- [ ] B (3h)', '- [ ] C (4h)']);
    git(['add', 'plan.md']);
    commit('three tasks', '2026-01-05T10:00:00+00:00');
    // Day 2: tick A (2 left, 7 h), then add D (3 left, 12 h).
    write('plan.md', ['# Plan', '- [x] A (2h)', '- [ ] B (3h)', '- [ ] C (4h)']);
    commit('tick A', '2026-01-06T09:00:00+00:00');
    write('plan.md', ['# Plan', '- [x] A (2h)', '- [ ] B (3h)', '- [ ] C (4h)', '- [ ] D (5h)']);
    commit('add D', '2026-01-06T15:00:00+00:00');
    // Day 4: rename, no change in content.
    git(['mv', 'plan.md', 'roadmap.md']);
    commit('rename', '2026-01-08T10:00:00+00:00');
    // A side branch ticks B and C; main adds E (1 h) meanwhile; the merge brings the ticks.
    git(['checkout', '-q', '-b', 'side']);
    write('roadmap.md', ['# Plan', '- [x] A (2h)', '- [x] B (3h)', '- [x] C (4h)', '- [ ] D (5h)']);
    commit('tick B and C', '2026-01-09T08:00:00+00:00');
    git(['checkout', '-q', 'main']);
    write('roadmap.md', ['# Plan', '- [x] A (2h)', '- [ ] B (3h)', '- [ ] C (4h)', '- [ ] D (5h)', '', '- [ ] E (1h)']);
    commit('add E', '2026-01-09T12:00:00+00:00');
    git(['merge', '-q', '--no-ff', '--no-edit', 'side'], '2026-01-10T10:00:00+00:00');
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('replays items and hours left per day, through a rename and a merge, from an unsaved tick', async () => {
    const reader = new HistoryReader(spawnGit());
    const read = await reader.read(dir, 'roadmap.md');
    assert.ok(read.ok, !read.ok ? read.reason : '');
    // First-parent: the side branch's own commit is not listed; the merge is one step.
    assert.equal(read.commits.length, 6);
    const text = ['# Plan', '- [x] A (2h)', '- [x] B (3h)', '- [x] C (4h)', '- [x] D (5h)', '', '- [ ] E (1h)', ''].join('\n');
    const now = analyzePlan(text, { detection: 'always' }).rollups.document;
    assert.deepEqual([now.items, now.done, now.remainingHours.low], [5, 4, 1]);
    const burn = replay({ commits: read.commits, now, uncommitted: lineChanges(read.headText!, text), today: '2026-01-12', units: UNITS });
    const rows = burn.days.map((d) => [d.date, d.remainingItems, d.remainingHours, d.closed, d.added, d.removed, d.commits]);
    assert.deepEqual(rows, [
      ['2026-01-05', 3, 9, 0, 3, 0, 1],
      ['2026-01-06', 3, 12, 1, 1, 0, 2],
      ['2026-01-08', 3, 12, 0, 0, 0, 1],
      ['2026-01-09', 4, 13, 0, 1, 0, 1],
      ['2026-01-10', 2, 6, 2, 0, 0, 1],
      ['2026-01-12', 1, 1, 1, 0, 0, 0],
    ]);
    assert.deepEqual(burn.renamedFrom, ['plan.md']);
  });

  it('caches by HEAD and reads only the new commits when HEAD moves on', async () => {
    const reader = new HistoryReader(spawnGit());
    const first = await reader.read(dir, 'roadmap.md');
    const again = await reader.read(dir, 'roadmap.md');
    assert.equal(reader.logCalls, 1);
    assert.ok(first.ok && again.ok);
    write('roadmap.md', ['# Plan', '- [x] A (2h)', '- [x] B (3h)', '- [x] C (4h)', '- [x] D (5h)', '', '- [ ] E (1h)']);
    commit('tick D', '2026-01-11T10:00:00+00:00');
    const after = await reader.read(dir, 'roadmap.md');
    assert.equal(reader.logCalls, 2);
    assert.ok(after.ok);
    assert.equal(after.commits.length, first.commits.length + 1);
    assert.equal(after.commits[0].date, '2026-01-11');
    assert.deepEqual(after.commits[0].removed, ['- [ ] D (5h)']);
  });

  it('says why there is no burn-down outside a repository and without git', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'plan-lens-nogit-'));
    try {
      writeFileSync(path.join(outside, 'plan.md'), '- [ ] A (1h)\n');
      const read = await new HistoryReader(spawnGit()).read(outside, 'plan.md');
      assert.ok(!read.ok);
      assert.match(read.reason, /not in a git repository/);
      const missing = await new HistoryReader(spawnGit(path.join(outside, 'no-such-git'))).read(outside, 'plan.md');
      assert.ok(!missing.ok);
      assert.match(missing.reason, /git could not be run \(ENOENT\)/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
