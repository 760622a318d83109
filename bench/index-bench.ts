/**
 * The workspace index on a generated tree: 2,000 markdown files (about 3% plans, the rest
 * READMEs, changelogs and notes), plus package READMEs under node_modules that must never be
 * read. Prints files per second for the first scan and the time to bring the index (and the
 * cross-file findings) up to date after one plan changes on disk. The pipeline is the
 * editor's: files are read on this thread, screened and analysed in the worker
 * (dist/worker.js), and the cross-file rules run there.
 *
 *     npm run bench:index [-- --files N]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeWorkspace } from '../src/cli/workspace';
import { WorkspaceIndex } from '../src/core/workspace/workspace-index';
import { WorkerClient } from '../src/vscode/analysis/worker-client';
import type { PlanAnalysis } from '../src/vscode/analysis/protocol';
import { resolveOptions } from '../src/core/index';

const args = process.argv.slice(2);
const FILES = Number(args[args.indexOf('--files') + 1]) || 2000;
const PLAN_SHARE = 0.03;
const DEPENDENCY_READMES = 300;

function plan(n: number, box: ' ' | 'x' = ' '): string {
  const tasks = Array.from({ length: 12 }, (_, i) => `- [${i === 0 ? box : ' '}] **BK-${n * 100 + i}**: Work item ${n}.${i} for the billing service (P${i % 4}, ${2 + (i % 5)}h)`);
  return `# Implementation Plan ${n}\n\n## Phase 1\n\n${tasks.slice(0, 6).join('\n')}\n\n## Phase 2\n\n${tasks.slice(6).join('\n')}\n\n**Total**: ${tasks.length} tasks\n`;
}

function notPlan(n: number): string {
  const kind = n % 3;
  if (kind === 0) return `# package-${n}\n\nA small library that does one thing.\n\n## Install\n\n\`\`\`sh\nnpm i package-${n}\n\`\`\`\n\n## Usage\n\n${'Call the function with the options you need. '.repeat(40)}\n\n## License\n\nMIT\n`;
  if (kind === 1) return `# Changelog\n\n${Array.from({ length: 20 }, (_, i) => `## [1.${i}.0] - 2024-0${(i % 9) + 1}-01\n\n### Added\n\n- Option ${i}\n\n### Fixed\n\n- Crash when the input is empty (#${100 + i})\n`).join('\n')}`;
  return `# Notes ${n}\n\n${Array.from({ length: 15 }, (_, i) => `Paragraph ${i}: the design keeps the parser in a worker, so that the editor stays responsive while files are read.`).join('\n\n')}\n`;
}

function buildTree(root: string): string[] {
  const plans: string[] = [];
  const everyPlan = Math.round(1 / PLAN_SHARE);
  for (let i = 0; i < FILES; i++) {
    const dir = path.join(root, 'docs', `area-${i % 40}`, `part-${i % 7}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `doc-${i}.md`);
    const isPlan = i % everyPlan === 0;
    fs.writeFileSync(file, isPlan ? plan(i) : notPlan(i));
    if (isPlan) plans.push(file);
  }
  for (let i = 0; i < DEPENDENCY_READMES; i++) {
    const dir = path.join(root, 'node_modules', `dep-${i}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'README.md'), plan(i));
  }
  return plans;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-index-bench-'));
  const worker = new WorkerClient(path.resolve(__dirname, 'worker.js'));
  try {
    const plans = buildTree(root);
    // The two plans that will disagree share an item: copy one item of the first into the second.
    const [first, second] = plans;
    fs.writeFileSync(second, fs.readFileSync(second, 'utf8').replace('## Phase 1\n\n', `## Phase 1\n\n- [ ] **BK-0**: Work item 0.0 for the billing service (P0, 2h)\n`));
    const options = resolveOptions();
    const workspace = new NodeWorkspace(root);
    const reads = { count: 0, dependency: 0 };
    const read = workspace.readFile.bind(workspace);
    workspace.readFile = (file) => {
      reads.count++;
      if (file.includes(`${path.sep}node_modules${path.sep}`)) reads.dependency++;
      return read(file);
    };
    const index = new WorkspaceIndex<PlanAnalysis>({
      workspace,
      analyze: async (file, text, forced) => (await worker.request({ kind: 'indexFile', uri: file, text: [text], options, forced })) ?? undefined,
      crossFile: async () => new Map(await worker.request({ kind: 'crossFile', options })),
    });
    // Start the worker (loading the parser) before the clock: the editor starts it on the first open document.
    await worker.request({ kind: 'crossFile', options });

    const started = performance.now();
    const stats = await index.scan();
    await index.idle();
    const scanMs = performance.now() - started;
    const crossBefore = index.crossFileFindings(first).length;

    const updates: number[] = [];
    for (const box of ['x', ' ', 'x', ' ', 'x'] as const) {
      fs.writeFileSync(first, plan(0, box));
      const t = performance.now();
      await index.update(first);
      await index.idle();
      updates.push(performance.now() - t);
    }
    const crossAfter = index.crossFileFindings(first).length;

    console.log(`Workspace index on ${FILES} markdown files (+${DEPENDENCY_READMES} under node_modules) in ${root}`);
    console.log(`  first scan: ${stats.files} files listed, ${stats.analysed} analysed, ${stats.plans} plans in ${scanMs.toFixed(0)} ms = ${((stats.files / scanMs) * 1000).toFixed(0)} files/s (target >= 300)`);
    console.log(`  reads: ${reads.count}, of which under node_modules: ${reads.dependency} (must be 0)`);
    console.log(`  update after one plan changed on disk (re-read, re-analyse, cross-file rules): median ${median(updates).toFixed(1)} ms of ${updates.map((u) => u.toFixed(1)).join(', ')} ms (target < 100 ms)`);
    console.log(`  cross-file findings in the changed plan: ${crossBefore} before, ${crossAfter} after its edits (1 expected: its ticked item is open in the other plan)`);
    console.log(`  load: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores — timings are inflated when the machine is shared`);
  } finally {
    worker.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main();
