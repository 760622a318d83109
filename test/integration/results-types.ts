// The results file the suite writes from inside the extension host and the launchers read.
// Types only, so the launchers (plain Node) can share them without loading `vscode`.

export interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  vscodeVersion: string;
  appName: string;
  tests: TestRecord[];
  log: string[];
  summary: string;
}
