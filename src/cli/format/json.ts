/** Machine output for `summary` and `check`: one stable, versioned shape (see report.ts). */
import { findingJson, isChecked, lazyLines, planHeaderJson, planJson, REPORT_VERSION, type FileOutcome } from '../report';

/** Each file's outline, roll-ups and items; a file that could not be read is `{ path, error }`. */
export function formatSummaryJson(outcomes: readonly FileOutcome[]): string {
  const files = outcomes.map((o) => (isChecked(o) ? { path: o.path, ...planJson(o.analysis) } : o));
  return stringify(files);
}

/** Each file's roll-ups and findings; a file that could not be read is `{ path, error }`. */
export function formatCheckJson(outcomes: readonly FileOutcome[]): string {
  const files = outcomes.map((o) => {
    if (!isChecked(o)) return o;
    const lines = lazyLines(o.text);
    return { path: o.path, ...planHeaderJson(o.analysis), findings: o.analysis.findings.map((f) => findingJson(f, lines)) };
  });
  return stringify(files);
}

function stringify(files: unknown[]): string {
  return `${JSON.stringify({ version: REPORT_VERSION, files }, null, 2)}\n`;
}
