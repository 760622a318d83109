// `npm run test:integration`: runs the integration suite inside a real VS Code
// (code-server 4.139.1 = VS Code 1.139.1) in headless Chromium, then checks the UI
// as a person sees it. Exits non-zero on any failure or time-out.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startCodeServer, workbenchUrl, type CodeServer } from './code-server.js';
import { buildAll } from './build-all.js';
import { extensionPath, resultsDir, step, suiteEntry } from './common.js';
import { ensureTools } from './install.js';
import { readProgress, waitForSuiteResults, writeSummary, type SuiteResults } from './results.js';
import { runUiChecks, type CheckResult } from './ui-checks.js';
import { makeFixtureWorkspace, type FixtureWorkspace } from './workspace.js';

/** How long the in-editor suite may take (override with PLAN_LENS_SUITE_MINUTES). */
const SUITE_TIME_LIMIT_MS = Number(process.env.PLAN_LENS_SUITE_MINUTES ?? '6') * 60_000;
/** Nothing may hang CI: the whole launcher gives up after this. */
const OVERALL_TIME_LIMIT_MS = 30 * 60_000;

/** Open the workbench with the test payload and wait for the suite's results file. */
async function runSuite(browser: Browser, server: CodeServer, workspace: FixtureWorkspace, resultsFile: string): Promise<SuiteResults> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleLog = fs.createWriteStream(path.join(resultsDir, 'suite-console.log'));
  // The extension host forwards its console to the page: keep it for debugging.
  page.on('console', (msg) => consoleLog.write(`[${msg.type()}] ${msg.text()}\n`));
  try {
    step('opening the workbench with extensionDevelopmentPath + extensionTestsPath');
    await page.goto(workbenchUrl(server, workspace.dir, extensionPath, suiteEntry), { timeout: 60_000 });
    step(`waiting up to ${SUITE_TIME_LIMIT_MS / 60_000} min for the suite's results`);
    return await waitForSuiteResults(resultsFile, SUITE_TIME_LIMIT_MS, () =>
      server.exited() ? `code-server exited; see ${server.logFile}` : undefined,
    );
  } catch (err) {
    await page.screenshot({ path: path.join(resultsDir, 'suite-failure.png') }).catch(() => undefined);
    const message = err instanceof Error ? err.message : String(err);
    return unfinishedSuite(resultsFile, message);
  } finally {
    await page.close().catch(() => undefined);
    consoleLog.end();
  }
}

/**
 * The suite did not finish: count what it finished (from its progress file) and one
 * failure for the test that was running or for the run itself.
 */
function unfinishedSuite(resultsFile: string, message: string): SuiteResults {
  const progress = readProgress(resultsFile);
  const failure = `  ✗ integration suite did not finish: ${message}`;
  if (!progress) {
    return { passed: 0, failed: 1, pending: 0, vscodeVersion: 'unknown', appName: 'unknown', tests: [], log: [failure], summary: '' };
  }
  const log = [...progress.log, `  ✗ still ${progress.summary} (screenshot suite-failure.png)`, failure];
  return { ...progress, failed: progress.failed + 1, log };
}

function printSuite(results: SuiteResults): void {
  step(`integration suite ran in VS Code ${results.vscodeVersion} (${results.appName}):`);
  for (const line of results.log) console.log(line);
}

function printUiChecks(checks: CheckResult[]): void {
  step('UI checks (playwright on the same workbench):');
  for (const c of checks) {
    const mark = c.state === 'passed' ? '✓' : c.state === 'failed' ? '✗' : '-';
    const detail = c.detail ? ` — ${c.detail}` : '';
    console.log(`  ${mark} ${c.title}${detail}`);
  }
}

async function main(): Promise<number> {
  fs.mkdirSync(resultsDir, { recursive: true });
  await buildAll();
  const tools = await ensureTools();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-run-'));
  // Per run, not in test-results/: two runs in one working tree must not share it.
  const resultsFile = path.join(runDir, 'integration-results.json');
  const workspace = makeFixtureWorkspace(runDir);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer(tools, {
      userDataDir: path.join(runDir, 'user-data'),
      extensionsDir: path.join(runDir, 'extensions'),
      workspace: workspace.dir,
      logFile: path.join(resultsDir, 'code-server.log'),
      // Inherited by the extension host, where suite/index.ts reads them.
      env: { PLAN_LENS_TEST_RESULTS: resultsFile, PLAN_LENS_HOST: 'code-server' },
    });
    browser = await launchChromium();
    const suite = await runSuite(browser, server, workspace, resultsFile);
    printSuite(suite);
    if (fs.existsSync(resultsFile)) fs.copyFileSync(resultsFile, path.join(resultsDir, 'integration-results.json'));
    const checks = process.env.PLAN_LENS_SKIP_UI === '1' ? [] : await runUiChecks(browser, server, makeFixtureWorkspace(runDir));
    if (checks.length > 0) printUiChecks(checks);
    const passed = suite.passed + checks.filter((c) => c.state === 'passed').length;
    const failed = suite.failed + checks.filter((c) => c.state === 'failed').length;
    const skipped = suite.pending + checks.filter((c) => c.state === 'skipped').length;
    writeSummary({ passed, failed, skipped, vscodeVersion: suite.vscodeVersion });
    step(`VS Code version: ${suite.vscodeVersion}`);
    console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
    return failed > 0 || passed === 0 ? 1 : 0;
  } finally {
    step('stopping Chromium and code-server');
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

{
  const limit = setTimeout(() => {
    console.error(`Integration run exceeded ${OVERALL_TIME_LIMIT_MS / 60_000} min; giving up.`);
    process.exit(1);
  }, OVERALL_TIME_LIMIT_MS);
  limit.unref();
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      writeSummary({ passed: 0, failed: 1, skipped: 0 });
      console.error(err instanceof Error ? err.message : err);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
