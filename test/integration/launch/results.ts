// Reading the results the suite writes from inside the extension host, and the
// summary the launcher leaves for `npm test` to add up.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { poll, resultsDir } from './common.js';
import type { SuiteResults } from '../results-types.js';

export type { SuiteResults } from '../results-types.js';

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  vscodeVersion?: string;
}

export const summaryFile = path.join(resultsDir, 'integration-summary.json');

/**
 * Wait for the suite's results file. `abort` is polled too, so a dead code-server
 * fails the run at once instead of after the whole time limit.
 */
export async function waitForSuiteResults(file: string, timeoutMs: number, abort: () => string | undefined): Promise<SuiteResults> {
  return poll(() => {
    const reason = abort();
    if (reason) throw new Error(reason);
    if (!fs.existsSync(file)) return undefined;
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
  }, timeoutMs, `the integration suite to write ${file}`);
}

/** What the suite had finished when it stopped (see progressFile in suite/index.ts). */
export function readProgress(resultsFile: string): SuiteResults | undefined {
  const file = resultsFile.replace(/\.json$/, '') + '.progress.json';
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
  } catch {
    return undefined; // caught mid-write; the time-out message still stands
  }
}

export function writeSummary(summary: Summary): void {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(summaryFile, JSON.stringify(summary, null, 2) + '\n');
}
