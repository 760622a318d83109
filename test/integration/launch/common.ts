// Shared bits of the launchers: where things live, progress lines, and running
// child processes with a time limit so nothing can hang CI.
import { spawn, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest folder above cwd whose package.json is plan-lens's. */
function findRepoRoot(): string {
  let dir = process.cwd();
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'plan-lens') {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Run the launchers from inside the plan-lens repository.');
    dir = parent;
  }
}

export const repoRoot = findRepoRoot();
/** Tools downloaded on first use (git-ignored). */
export const cacheDir = path.join(repoRoot, '.vscode-test');
/** Screenshots, logs and result files (git-ignored). */
export const resultsDir = path.join(repoRoot, 'test-results');
/** The compiled suite entry point that both launchers hand to VS Code. */
export const suiteEntry = path.join(repoRoot, 'out/test/integration/suite/index');
/** Shared fixtures, present beside the repo on the project's machines and in CI. */
export const sharedPlansDir = path.resolve(repoRoot, '../shared/fixtures/plans');
export const samplesDir = path.join(repoRoot, 'media/samples');
/**
 * The extension under test. Overridable so the harness itself can be tried against
 * another build of the extension; normally the repo root.
 */
export const extensionPath = path.resolve(process.env.PLAN_LENS_EXTENSION_PATH ?? repoRoot);

const started = Date.now();

/** A progress line for CI logs: elapsed seconds, then what is happening. */
export function step(message: string): void {
  const secs = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[plan-lens ${secs}s] ${message}`);
}

export interface RunOptions extends SpawnOptions {
  /** Kill the command (and its children) after this long. */
  timeoutMs: number;
  /** Append the command's output here instead of showing it. */
  logFile?: string;
}

/** Run a command to completion; reject on a non-zero exit or on the time limit. */
export function run(command: string, args: string[], options: RunOptions): Promise<void> {
  const { timeoutMs, logFile, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const log = logFile ? fs.openSync(logFile, 'a') : undefined;
    const child = spawn(command, args, {
      cwd: repoRoot,
      ...spawnOptions,
      stdio: log === undefined ? 'inherit' : ['ignore', log, log],
      detached: true, // own process group, so a timeout can kill the whole tree
    });
    trackGroup(child.pid);
    const timer = setTimeout(() => {
      killGroup(child.pid);
      reject(new Error(`${command} ${args.join(' ')} took longer than ${timeoutMs / 1000} s and was stopped.`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      untrackGroup(child.pid);
      if (log !== undefined) fs.closeSync(log);
      if (code === 0) resolve();
      else {
        const where = logFile ? ` (output in ${path.relative(repoRoot, logFile)})` : '';
        reject(new Error(`${command} ${args.join(' ')} failed with ${signal ?? `exit code ${code}`}${where}.`));
      }
    });
  });
}

/**
 * Process groups still running. They are detached (so a time-out can kill a whole
 * tree), which also means they would outlive us: kill them when we exit for any reason.
 */
const liveGroups = new Set<number>();
export function trackGroup(pid: number | undefined): void {
  if (pid !== undefined) liveGroups.add(pid);
}
export function untrackGroup(pid: number | undefined): void {
  if (pid !== undefined) liveGroups.delete(pid);
}
process.on('exit', () => {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(130));
}

/** Kill a process group started with `detached: true`; ignore ones already gone. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
    if (signal === 'SIGKILL') liveGroups.delete(pid);
  } catch {
    liveGroups.delete(pid);
    // Already exited.
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Poll until `check` returns a value, or fail after `timeoutMs`. */
export async function poll<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(250);
  }
  throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}.`);
}
