/**
 * `npm run bench:history`: times `plan-lens history` on a repository of 10,000 commits of which
 * a few hundred touch the plan (ticks, new items, a rename half way), made with
 * `git fast-import` (seconds, where 10,000 `git commit` calls would take minutes).
 * Target (issue 11): under 2 s. Printed, not asserted; the machine may be shared.
 *
 * Options: `--commits N` (default 10000), `--every K` (a plan commit every K commits, default 30),
 * `--keep` leaves the repository in place and prints its path.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const COMMITS = option('--commits', 10_000);
const EVERY = option('--every', 30);
const cli = resolve(__dirname, '../dist/cli.js');

function fastImportStream(): { stream: string; planCommits: number; tasks: number } {
  const out: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const tasks: { title: string; done: boolean; hours: number }[] = [];
  for (let i = 0; i < 150; i++) tasks.push({ title: `Task ${i}`, done: false, hours: 1 + (i % 5) });
  const plan = () => `# Plan\n\n## Work\n\n${tasks.map((t) => `- [${t.done ? 'x' : ' '}] ${t.title} (${t.hours}h)`).join('\n')}\n`;
  let name = 'docs/plan.md';
  let planCommits = 0;
  let time = Date.UTC(2025, 0, 1) / 1000;
  for (let c = 1; c <= COMMITS; c++) {
    time += 2400;
    out.push('commit refs/heads/main', `mark :${c}`, `committer Bench <bench@example.com> ${time} +0000`, data(`commit ${c}`).trimEnd());
    if (c > 1) out.push(`from :${c - 1}`);
    if (c === 1 || c % EVERY === 0) {
      planCommits++;
      if (c === Math.floor(COMMITS / 2 / EVERY) * EVERY) {
        out.push(`R ${name} docs/roadmap.md`);
        name = 'docs/roadmap.md';
      } else if (c > 1) {
        const open = tasks.find((t) => !t.done);
        if (planCommits % 3 === 0 || !open) tasks.push({ title: `Task ${tasks.length}`, done: false, hours: 2 });
        else open.done = true;
      }
      out.push(`M 100644 inline ${name}`, data(plan()).trimEnd());
    } else {
      out.push(`M 100644 inline src/file${c % 200}.txt`, data(`change ${c}\n`).trimEnd());
    }
    out.push('');
  }
  return { stream: `${out.join('\n')}\n`, planCommits, tasks: tasks.length };
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'plan-lens-bench-history-'));
  try {
    let started = performance.now();
    execFileSync('git', ['init', '-q', '-b', 'main', dir]);
    const { stream, planCommits, tasks } = fastImportStream();
    execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream, maxBuffer: 1 << 30 });
    execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
    console.log(`repository: ${COMMITS} commits, ${planCommits} touching the plan (${tasks} tasks, one rename), made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const times: number[] = [];
    let output = '';
    for (let run = 0; run < 3; run++) {
      started = performance.now();
      const result = spawnSync(process.execPath, [cli, 'history', 'docs/roadmap.md'], { cwd: dir, encoding: 'utf8' });
      times.push(performance.now() - started);
      if (result.status !== 0) throw new Error(`plan-lens history failed (${result.status}): ${result.stderr}`);
      output = result.stdout;
    }
    const lines = output.split('\n');
    console.log(lines[0]);
    console.log(`plan-lens history: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')} (first run cold; target < 2 s)`);
    console.log(`load: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (1/5/15 min) on ${cpus().length} cores`);
    if (args.includes('--keep')) console.log(`kept: ${dir}`);
  } finally {
    if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

main();
