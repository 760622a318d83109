/**
 * Runs the cross-file rules over every plan at once. Each finding belongs to one file, with
 * related locations that may point into the others; severity comes from the same options,
 * and a file's own inline comments can switch a finding in that file off.
 */
import type { AnalyzeOptions } from '../model/schema';
import type { Finding } from '../model/finding';
import type { CrossFileRule, PlanFile } from './types';
import { crossFileRules } from './registry';
import { byPosition, severityOf, toFinding } from './runner';
import { suppressor } from './suppress';

/** Findings by file (the `file` each plan was given as); files without any are absent. */
export function runCrossFileRules(plans: readonly PlanFile[], options: AnalyzeOptions, rules: readonly CrossFileRule[] = crossFileRules): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  if (plans.length < 2) return byFile;
  const suppressed = new Map(plans.map((p) => [p.file, suppressor(p.model.directives)]));
  for (const rule of rules) {
    const severity = severityOf(rule, { options });
    if (!severity) continue;
    try {
      rule.checkAcross({
        plans,
        options,
        report: ({ file, ...report }) => {
          const finding = toFinding(rule, severity, report);
          if (suppressed.get(file)?.(finding.rule, finding.range.start.line)) return;
          const list = byFile.get(file);
          if (list) list.push(finding);
          else byFile.set(file, [finding]);
        },
      });
    } catch {
      // One broken check must not hide the others' findings.
    }
  }
  for (const list of byFile.values()) list.sort(byPosition);
  return byFile;
}
