// Entry point loaded by the VS Code extension host (code-server or desktop VS Code):
// both launchers pass this file as `extensionTestsPath`, and the host calls `run()`.
//
// Results cannot come back through the browser, so they are written to a file that
// the launcher waits for: JSON with every test, plus a closing `N passed, N failed` line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { skipReasons } from './helpers.js';
import type { SuiteResults } from '../results-types.js';

/** Where results go: the launcher sets the env var; otherwise `<repo>/test-results/`. */
export function resultsFile(): string {
  const fromEnv = process.env.PLAN_LENS_TEST_RESULTS;
  if (fromEnv) return fromEnv;
  // Compiled file lives at <repo>/out/test/integration/suite/index.js.
  return path.resolve(__dirname, '../../../../test-results/integration-results.json');
}

/** Every compiled `*.test.js` below this folder, sorted so runs are repeatable. */
function findTestFiles(dir: string): string[] {
  const entries = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return entries
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

function writeResults(file: string, results: SuiteResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so the launcher never reads a half-written file.
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.stack ?? err.message;
  return String(err);
}

/**
 * Progress written after every test, beside the results file, so a run that hangs
 * and hits the launcher's time limit still shows what passed and what was running.
 */
export function progressFile(results: string): string {
  return results.replace(/\.json$/, '') + '.progress.json';
}

export function run(): Promise<void> {
  const file = resultsFile();
  const progress = progressFile(file);
  let running = '';
  const saveProgress = (): void => writeResults(progress, { ...results, summary: `running: ${running}` });
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, slow: 10_000 });
  const files = findTestFiles(__dirname);
  for (const f of files) mocha.addFile(f);

  const results: SuiteResults = {
    passed: 0,
    failed: 0,
    pending: 0,
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    tests: [],
    log: [`VS Code ${vscode.version} (${vscode.env.appName}); ${files.length} test file(s)`],
    summary: '',
  };

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        results.summary = `${results.passed} passed, ${results.failed} failed`;
        results.log.push(results.summary);
        writeResults(file, results);
        if (results.failed > 0) reject(new Error(`${results.failed} integration test(s) failed.`));
        else resolve();
      });
      runner.on('test', (test) => {
        running = test.fullTitle();
        saveProgress();
      });
      runner.on('test end', () => saveProgress());
      runner.on('pass', (test) => {
        results.passed++;
        results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
        results.log.push(`  ✓ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
      });
      runner.on('fail', (test, err) => {
        results.failed++;
        results.tests.push({ title: test.fullTitle(), state: 'failed', error: errorText(err) });
        results.log.push(`  ✗ ${test.fullTitle()}\n      ${errorText(err).split('\n').join('\n      ')}`);
      });
      runner.on('pending', (test) => {
        results.pending++;
        const reason = skipReasons.get(test.fullTitle()) ?? 'no reason given';
        results.tests.push({ title: test.fullTitle(), state: 'pending', error: reason });
        results.log.push(`  - ${test.fullTitle()} (skipped: ${reason})`);
      });
    } catch (err) {
      // A test file that throws while loading must still produce a results file.
      results.failed++;
      results.log.push(`Could not load the tests: ${errorText(err)}`);
      results.summary = `${results.passed} passed, ${results.failed} failed`;
      writeResults(file, results);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
