/**
 * Findings → what a diagnostic carries, as plain data. Pure; the adapter only wraps it in
 * `vscode.Diagnostic`. Severity numbers are VS Code's `DiagnosticSeverity` values.
 */
import type { Finding, Severity } from '../../core/model/finding';
import type { Range } from '../../core/model/schema';

export const DIAGNOSTIC_SOURCE = 'Plan Lens';

export const SEVERITY: Record<Severity, 0 | 1 | 2 | 3> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Related locations kept per diagnostic (the core already caps what it reports). */
import { MAX_RELATED } from '../../core/rules/types';

export { MAX_RELATED };

export interface DiagnosticData {
  range: Range;
  message: string;
  severity: 0 | 1 | 2 | 3;
  rule: string;
  /** Where the rule's doc ships, below the extension's folder. */
  docPath: string[];
  /** `file` (a URI) when the location is in another file. */
  related: { range: Range; message: string; file?: string }[];
}

/** Rule docs are copied from `src/core/rules/<id>.md` to `dist/rules/` by the build. */
export function ruleDocPath(rule: string): string[] {
  return ['dist', 'rules', `${rule}.md`];
}

export function toDiagnosticData(finding: Finding): DiagnosticData {
  return {
    range: finding.range,
    message: finding.message,
    severity: SEVERITY[finding.severity],
    rule: finding.rule,
    docPath: ruleDocPath(finding.rule),
    related: finding.related.slice(0, MAX_RELATED).map((r) => ({ range: r.range, message: r.message, ...(r.file !== undefined && { file: r.file }) })),
  };
}

/** Whether a diagnostic (rule id + start) is the one a finding produced, for quick fixes. */
export function sameSpot(finding: Finding, rule: string, start: { line: number; character: number }): boolean {
  return finding.rule === rule && finding.range.start.line === start.line && finding.range.start.column === start.character;
}
