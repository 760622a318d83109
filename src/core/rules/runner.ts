/**
 * Runs the registered rules over one analysed plan. Severity comes from the user's options
 * (or the rule's default), inline comments can switch findings off, and findings come back
 * in document order. A rule that throws reports nothing rather than ending the analysis:
 * one broken check must not hide every other finding.
 */
import type { Finding, Severity } from '../model/finding';
import { MAX_RELATED, type Report, type Rule, type RuleContext } from './types';
import { rules as registeredRules } from './registry';
import { suppressor } from './suppress';

export type RunContext = Omit<RuleContext, 'report'>;

/** Fills `{name}` placeholders; an unknown name is left as written so the gap is visible. */
export function fillTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

export function severityOf(rule: Pick<Rule, 'meta'>, context: Pick<RunContext, 'options'>): Severity | undefined {
  const configured = context.options.rules[rule.meta.id];
  if (configured === 'off') return undefined;
  return configured ?? rule.meta.defaultSeverity;
}

/** An unsure reading is shown at `info` at most: it never raises an alarm. */
function capped(severity: Severity, report: Report): Severity {
  return report.unsure && (severity === 'error' || severity === 'warning') ? 'info' : severity;
}

export function toFinding(rule: Pick<Rule, 'meta'>, severity: Severity, report: Report): Finding {
  const template = rule.meta.messages[report.messageId] ?? report.messageId;
  const finding: Finding = {
    rule: rule.meta.id,
    messageId: report.messageId,
    severity: capped(severity, report),
    message: fillTemplate(template, report.data),
    range: report.range,
    related: report.related?.slice(0, MAX_RELATED) ?? [],
  };
  if (report.declared !== undefined) finding.declared = report.declared;
  if (report.computed !== undefined) finding.computed = report.computed;
  // A fix is offered only when it is certain: never on an unsure reading.
  if (report.fix && rule.meta.fixable && !report.unsure) finding.fix = report.fix;
  return finding;
}

function runOne(rule: Rule, severity: Severity, context: RunContext): Finding[] {
  const found: Finding[] = [];
  try {
    rule.check({ ...context, report: (report) => found.push(toFinding(rule, severity, report)) });
  } catch {
    return [];
  }
  return found;
}

export function byPosition(a: Finding, b: Finding): number {
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.rule.localeCompare(b.rule);
}

export function runRules(context: RunContext, rules: readonly Rule[] = registeredRules): Finding[] {
  const suppressed = suppressor(context.model.directives);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, context);
    if (!severity) continue;
    for (const finding of runOne(rule, severity, context)) {
      if (!suppressed(finding.rule, finding.range.start.line)) findings.push(finding);
    }
  }
  return findings.sort(byPosition);
}
