// `npm test`: typecheck, lint, unit tests, integration tests, in that order, then one
// closing line `N passed, N failed` adding up unit and integration tests.
// Exits non-zero when any step fails.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { repoRoot, step } from './common.js';
import { summaryFile, type Summary } from './results.js';

interface StepResult {
  ok: boolean;
  output: string;
}

/** Run `npm run <script>`, echoing its output live and keeping a copy to parse. */
function npmRun(script: string, timeoutMs: number): Promise<StepResult> {
  step(`npm run ${script}`);
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer, to: NodeJS.WriteStream): void => {
      output += chunk.toString();
      to.write(chunk);
    };
    child.stdout.on('data', (c: Buffer) => keep(c, process.stdout));
    child.stderr.on('data', (c: Buffer) => keep(c, process.stderr));
    const timer = setTimeout(() => {
      console.error(`npm run ${script} took longer than ${timeoutMs / 60_000} min; stopping it.`);
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, output });
    });
  });
}

/** Counts from mocha's spec reporter ("12 passing", "1 failing", "2 pending") or a plain "N passed, N failed" line. */
export function parseCounts(output: string): Summary | undefined {
  const text = output.replace(/\u001b\[[0-9;]*m/g, '');
  const plain = [...text.matchAll(/^\s*(?:\w+:\s*)?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/gm)].pop();
  if (plain) return { passed: Number(plain[1]), failed: Number(plain[2]), skipped: Number(plain[3] ?? 0) };
  const count = (word: string): number | undefined => {
    const m = [...text.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))].pop();
    return m ? Number(m[1]) : undefined;
  };
  const passed = count('passing');
  if (passed === undefined) return undefined;
  return { passed, failed: count('failing') ?? 0, skipped: count('pending') ?? 0 };
}

function readIntegrationSummary(): Summary | undefined {
  if (!fs.existsSync(summaryFile)) return undefined;
  return JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as Summary;
}

async function main(): Promise<number> {
  const failedSteps: string[] = [];
  // typecheck and lint gate the rest: tests of code that does not compile say little.
  for (const script of ['typecheck', 'lint']) {
    if (!(await npmRun(script, 10 * 60_000)).ok) {
      console.log(`npm test: ${script} failed`);
      console.log('0 passed, 1 failed');
      return 1;
    }
  }
  const unit = await npmRun('test:unit', 10 * 60_000);
  if (!unit.ok) failedSteps.push('test:unit');
  const unitCounts = parseCounts(unit.output) ?? { passed: 0, failed: unit.ok ? 0 : 1, skipped: 0 };

  fs.rmSync(summaryFile, { force: true });
  const integration = await npmRun('test:integration', 40 * 60_000);
  if (!integration.ok) failedSteps.push('test:integration');
  const integrationCounts = readIntegrationSummary() ?? { passed: 0, failed: integration.ok ? 0 : 1, skipped: 0 };

  const passed = unitCounts.passed + integrationCounts.passed;
  const failed = unitCounts.failed + integrationCounts.failed;
  const skipped = unitCounts.skipped + integrationCounts.skipped;
  step(`unit: ${unitCounts.passed} passed, ${unitCounts.failed} failed; integration: ${integrationCounts.passed} passed, ${integrationCounts.failed} failed`);
  if (failedSteps.length > 0) step(`failed steps: ${failedSteps.join(', ')}`);
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  // A step that failed without a failing test (a crash) still fails the run.
  return failedSteps.length > 0 || failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
