/**
 * Why a declared number is (or is not) reported: every declared count, total, timeline and
 * capacity the reader found, with what it speaks about, the parts it adds up, the computed
 * value and the verdict. One function for `plan-lens explain` and the editor's hover.
 */
import type { Analysis } from './index';
import type { Declared, PlanModel } from './model/schema';
import { formatHours } from './model/format';
import { partsOf } from './rules/total-mismatch';
import { agreeingListings } from './rules/listings';
import { progressParts } from './rules/progress-mismatch';

export interface Explanation {
  /** 0-based line of the statement. */
  line: number;
  kind: Declared['kind'];
  label: string;
  declared: string;
  /** What the number speaks about, in words. */
  scope: string;
  /** The parts added up or counted (at most a screenful, with how many more). */
  parts: string[];
  computed?: string;
  /** "agrees", "not compared (…)" or the finding's message. */
  verdict: string;
  severity?: string;
  /** The declared number's range, so a hover can find the statement under the cursor. */
  range: Declared['valueRange'];
}

const MAX_PARTS = 30;

function scopeText(model: PlanModel, d: Declared): string {
  const section = d.scope.section !== undefined ? model.sections[d.scope.section]?.title : undefined;
  switch (d.scope.kind) {
    case 'list':
      return d.scope.parent !== undefined ? 'its sub-items' : 'the list beside it';
    case 'table':
      return 'the table beside it';
    case 'totals':
      return 'the other totals it adds up';
    case 'document':
      return (d.scope.priorities?.length ? 'the items the plan marks with its priorities' : 'the whole plan') + (d.unsure ? ' (a guess: findings at info at most)' : '');
    case 'section':
      return section ? `the section "${section}"` : 'its section';
    case 'ids':
      return `the items numbered ${d.scope.idRange?.text ?? ''} (${d.scope.idRange?.size ?? 0} ID${d.scope.idRange?.size === 1 ? '' : 's'})`;
    case 'tagged':
      return `the items tagged [${d.scope.tag ?? ''}]` + (d.scope.ambiguous ? ' (some under this section, some elsewhere: unsure)' : '');
  }
}

function partsAndSum(model: PlanModel, d: Declared): { parts: string[]; computed?: string } {
  if (d.kind === 'total') {
    const parts = partsOf(model, d);
    if (!parts) return { parts: [] };
    return { parts: parts.related.map((r) => r.message), computed: formatHours(parts.hours) + (parts.missing ? ` (${parts.missing} without estimate)` : '') };
  }
  if (d.kind === 'progress') {
    const parts = progressParts(model, d);
    if (!parts) return { parts: [] };
    const shown = parts.items.map((i) => `${i.title} (${i.status})`);
    // Without a status on every item, what is done cannot be counted.
    return parts.tracked ? { parts: shown, computed: `${parts.done} of ${parts.items.length} done` } : { parts: shown };
  }
  if (d.kind === 'count') {
    const titles = d.scope.items.map((i) => model.items[i]?.title ?? '?');
    return { parts: titles, computed: titles.length > 0 ? String(titles.length) : undefined };
  }
  return { parts: [] };
}

function declaredText(d: Declared): string {
  if (d.kind === 'total') return formatHours(d.value);
  if (d.kind === 'progress') return `${d.value.low} of ${d.outOf ?? '?'} done`;
  return d.valueText;
}

export function explainDeclared(analysis: Pick<Analysis, 'model' | 'findings'>): Explanation[] {
  return analysis.model.declared.map((d) => explainOne(analysis, d));
}

/** One declared number (the hover asks for the one under the cursor). */
export function explainOne({ model, findings }: Pick<Analysis, 'model' | 'findings'>, d: Declared): Explanation {
  {
    const { parts, computed } = partsAndSum(model, d);
    const finding = findings.find((f) => f.range.start.offset <= d.valueRange.start.offset && f.range.end.offset >= d.valueRange.end.offset && f.range.start.line === d.valueRange.start.line);
    const listings = agreeingListings(model, d).map((s) => `"${model.sections[s].title}"`);
    const verdict = finding
      ? finding.message
      : listings.length > 0
        ? `agrees with the listing under ${listings.join(', ')}`
        : computed === undefined
          ? parts.length > 0
            ? 'not compared (not every item it speaks about has a status)'
            : 'not compared (nothing it counts or sums was read)'
          : 'agrees, within the rule\'s tolerances (see the rule docs)';
    const shown = parts.length > MAX_PARTS ? [...parts.slice(0, MAX_PARTS), `… and ${parts.length - MAX_PARTS} more`] : parts;
    return {
      line: d.range.start.line,
      kind: d.kind,
      label: d.label,
      declared: declaredText(d),
      scope: scopeText(model, d),
      parts: shown,
      computed,
      verdict,
      severity: finding?.severity,
      range: d.valueRange,
    };
  }
}

/** Plain text, one block per declared number (CLI; the hover uses the same lines). */
export function formatExplanation(e: Explanation): string[] {
  const lines = [`${e.line + 1}: ${e.kind} "${e.label}" = ${e.declared}`, `    scope: ${e.scope}`];
  if (e.parts.length > 0) lines.push(`    parts: ${e.parts.join('; ')}`);
  if (e.computed !== undefined) lines.push(`    computed: ${e.computed}`);
  lines.push(`    verdict: ${e.severity ? `${e.severity}: ` : ''}${e.verdict}`);
  return lines;
}
