/**
 * Where code lenses go and what they say. Pure: ranges first (cheap), titles on resolve.
 */
import type { Range } from '../../core/model/schema';
import type { Rollup } from '../../core/model/rollup-types';
import { formatHours } from '../../core/model/format';
import { formatEffort, hasEstimates, percentDone, pointsText } from '../../core/model/rollup-text';
import type { DeclaredParts, PlanAnalysis } from '../analysis/protocol';

/** What a lens stands over: a section heading, or a declared count / total. */
export type LensTarget = { kind: 'section'; index: number; range: Range } | { kind: 'declared'; index: number; range: Range };

export function lensTargets({ model, rollups, declaredParts }: PlanAnalysis): LensTarget[] {
  const targets: LensTarget[] = [];
  for (const section of model.sections) {
    // The preamble has no heading to stand over.
    if (section.depth > 0 && (rollups.sections[section.index]?.items ?? 0) > 0) targets.push({ kind: 'section', index: section.index, range: section.range });
  }
  for (const declared of model.declared) {
    if ((declared.kind === 'count' || declared.kind === 'total' || declared.kind === 'progress') && hasParts(declaredParts[declared.index])) {
      targets.push({ kind: 'declared', index: declared.index, range: declared.range });
    }
  }
  return targets.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

function hasParts(parts: DeclaredParts | undefined): parts is DeclaredParts {
  return parts !== undefined && (parts.items.length > 0 || parts.declared.length > 0);
}

export function lensTitle(target: LensTarget, analysis: PlanAnalysis): string {
  if (target.kind === 'section') return sectionLensTitle(analysis.rollups.sections[target.index]!, analysis.rollups.hoursPerDay);
  const declared = analysis.model.declared[target.index]!;
  return declaredLensTitle(declared.kind, analysis.declaredParts[target.index]!);
}

/** "12 items · 3 done (25%) · 34–43 h · 28–35 h left", then " · 21 pts" when it has points. */
export function sectionLensTitle(rollup: Rollup, hoursPerDay?: number): string {
  const parts = [plural(rollup.items, 'item'), `${rollup.done} done (${percentDone(rollup)}%)`];
  if (!hasEstimates(rollup)) parts.push('no estimates');
  else parts.push(formatEffort(rollup.hours, rollup, hoursPerDay), `${formatEffort(rollup.remainingHours, rollup, hoursPerDay)} left`);
  if (rollup.unestimated.length > 0 && rollup.unestimated.length < rollup.items) parts.push(`${rollup.unestimated.length} unestimated`);
  return parts.join(' · ') + pointsText(rollup);
}

/** "Parts add to 75–97 h (8 items)" over a total; "Parts: 7 items (2 done)" over a count. */
export function declaredLensTitle(kind: 'count' | 'total' | 'timeline' | 'capacity' | 'progress', parts: DeclaredParts): string {
  if (kind === 'count' || kind === 'progress') return `Parts: ${plural(parts.items.length, 'item')} (${parts.done} done)`;
  const what = parts.declared.length > 0 ? plural(parts.declared.length, 'total') : plural(parts.items.length, 'item');
  const missing = parts.unestimated > 0 ? `, ${parts.unestimated} unestimated` : '';
  return `Parts add to ${formatHours(parts.hours)} (${what}${missing})`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
