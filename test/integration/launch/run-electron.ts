// `npm run test:electron`: the same suite in desktop VS Code via @vscode/test-electron,
// for machines with internet (it downloads VS Code from Microsoft). On Linux without a
// display, run it under `xvfb-run -a`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { buildAll } from './build-all.js';
import { extensionPath, resultsDir, step, suiteEntry } from './common.js';
import { writeSummary, type SuiteResults } from './results.js';
import { makeFixtureWorkspace } from './workspace.js';

/** Same VS Code as the code-server run by default; `stable` or `insiders` also work. */
const VSCODE_VERSION = process.env.PLAN_LENS_VSCODE_VERSION ?? '1.139.1';

async function main(): Promise<number> {
  await buildAll();
  fs.mkdirSync(resultsDir, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-electron-'));
  const workspace = makeFixtureWorkspace(runDir);
  // Per run, not in test-results/: two runs in one working tree must not share it.
  const resultsFile = path.join(runDir, 'integration-results.json');
  let results: SuiteResults | undefined;
  try {
    step(`running the suite in VS Code ${VSCODE_VERSION} (downloaded by @vscode/test-electron)`);
    await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: suiteEntry,
      extensionTestsEnv: { PLAN_LENS_TEST_RESULTS: resultsFile, PLAN_LENS_HOST: 'electron' },
      launchArgs: [
        workspace.dir,
        '--disable-extensions', // only the extension under development
        '--disable-workspace-trust',
        `--user-data-dir=${path.join(runDir, 'user-data')}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`,
      ],
    }).catch((err: unknown) => {
      // A failing suite rejects with TestRunFailedError and the results file says why;
      // anything else (no download, no display) is reported as it is.
      if (!(err instanceof TestRunFailedError)) throw err;
    });
    if (fs.existsSync(resultsFile)) {
      results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults;
      fs.copyFileSync(resultsFile, path.join(resultsDir, 'integration-results.json'));
    }
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  if (!results) throw new Error('VS Code ended without writing the results file.');
  for (const line of results.log) console.log(line);
  writeSummary({ passed: results.passed, failed: results.failed, skipped: results.pending, vscodeVersion: results.vscodeVersion });
  step(`VS Code version: ${results.vscodeVersion}`);
  console.log(`${results.passed} passed, ${results.failed} failed`);
  return results.failed > 0 || results.passed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    console.error('test:electron downloads VS Code and needs a display (use xvfb-run -a on Linux);');
    console.error('without internet, run the same suite with `npm run test:integration` (code-server).');
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
