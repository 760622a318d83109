/** A declared total ("Total P0 Effort: 75-105 hours") that disagrees with the sum of its parts. */
import type { Declared, Hours, PlanModel } from '../model/schema';
import { addHours, formatHours, priorityCode, ZERO_HOURS } from '../model/format';
import type { Rollup, Rollups } from '../model/rollup-types';
import { MAX_RELATED, type Report, type Rule } from './types';
import { same, sumItems, tidy } from './effort';
import { formatLike } from './format-like';

interface Parts {
  hours: Hours;
  /** For a total of declared totals: what the parts' own items add up to (another reading). */
  itemsHours?: Hours;
  /** The sum without parts already done, when some are. */
  remaining?: Hours;
  estimated: number;
  missing: number;
  related: { range: Report['range']; message: string }[];
}

/** The computed sum behind a declared total, or undefined when no part has an estimate. */
export function partsOf(model: PlanModel, declared: Declared, seen = new Set<number>()): Parts | undefined {
  if (seen.has(declared.index)) return undefined;
  seen.add(declared.index);
  if (declared.scope.kind === 'totals' && declared.scope.ofDeclared) return declaredParts(model, declared.scope.declared ?? [], seen);
  if (declared.scope.kind === 'totals') return totalsParts(model, declared.scope.declared ?? [], seen);
  const sum = sumItems(model, declared.scope.items);
  if (sum.estimated === 0) return undefined;
  const open = sumItems(model, declared.scope.items, true);
  const related = declared.scope.items.slice(0, MAX_RELATED).flatMap((i) => {
    const item = model.items[i];
    if (!item) return [];
    const range = item.estimate?.range ?? item.titleRange;
    return [{ range, message: item.estimate ? `${item.title}: ${item.estimate.text}` : `${item.title}: no estimate` }];
  });
  const remaining = open.estimated < sum.estimated ? tidy(open.hours) : undefined;
  return { hours: tidy(sum.hours), remaining, estimated: sum.estimated, missing: sum.missing.length, related };
}

function totalsParts(model: PlanModel, indices: readonly number[], seen: Set<number>): Parts | undefined {
  const parts: Parts = { hours: ZERO_HOURS, estimated: 0, missing: 0, related: [] };
  for (const index of indices) {
    const part = model.declared[index];
    if (!part) continue;
    const computed = partsOf(model, part, new Set(seen));
    if (!computed || computed.missing > 0) parts.missing++;
    if (computed) {
      parts.hours = addHours(parts.hours, computed.hours);
      parts.estimated++;
    }
    const sum = computed ? formatHours(computed.hours) : 'no estimates';
    if (parts.related.length < MAX_RELATED) parts.related.push({ range: part.range, message: `${part.label}: its parts add up to ${sum}` });
  }
  return parts.estimated === 0 ? undefined : { ...parts, hours: tidy(parts.hours) };
}

/** The parts' declared values added up ("### Phase 2 (3 hours)"), and what their items add up to. */
function declaredParts(model: PlanModel, indices: readonly number[], seen: Set<number>): Parts | undefined {
  const parts: Parts = { hours: ZERO_HOURS, estimated: 0, missing: 0, related: [] };
  let items: Hours | undefined = ZERO_HOURS;
  for (const index of indices) {
    const part = model.declared[index];
    if (!part) continue;
    parts.hours = addHours(parts.hours, part.value);
    parts.estimated++;
    const computed = partsOf(model, part, new Set(seen));
    items = computed && computed.missing === 0 && items ? addHours(items, computed.hours) : undefined;
    parts.related.push({ range: part.valueRange, message: `${part.label}: ${formatHours(part.value)}` });
  }
  if (parts.estimated === 0) return undefined;
  return { ...parts, hours: tidy(parts.hours), itemsHours: items && tidy(items) };
}

/** "~94h", "about 40 hours": a rounded statement, compared with a 10% allowance. */
function isApproximate(text: string, declared: Declared): boolean {
  const before = text.slice(Math.max(0, declared.valueRange.start.offset - 16), declared.valueRange.start.offset);
  return /(?:~|≈|\babout|\bapprox(?:\.|imately)?|\bca\.|\bcirca|\broughly|\baround|\best\.)\s*\**\s*$/i.test(before) || /^[~≈]/.test(declared.valueText);
}

const REMAINING = /\b(?:remaining|left|to go|outstanding|open)\b|verbleibend|restlich|restant|gjenstår|осталось|остаток|残り/iu;

/**
 * The sums a total may mean, the one to report first. A "remaining" total speaks of the work
 * not done; any other total may count done work or not, and agrees if either reading does.
 */
function candidateSums(declared: Declared, parts: Parts): Hours[] {
  if (!parts.remaining) return [parts.hours];
  return REMAINING.test(declared.label) ? [parts.remaining] : [parts.hours, parts.remaining];
}

/**
 * What a total may be about beyond the scope it was given: the sections around it and the
 * whole plan ("**Total: 60 hours**" after the last phase sums every phase, not the last
 * list). A total that matches one of these is read that way, not reported.
 */
function broaderReadings(model: PlanModel, rollups: Rollups, declared: Declared): Hours[] {
  // A parent's own estimate speaks of its sub-items only.
  if (declared.scope.kind === 'totals' || declared.scope.priorities?.length || declared.scope.parent !== undefined) return [];
  const readings: Rollup[] = [rollups.document];
  for (let s: number | undefined = declared.section; s !== undefined; s = model.sections[s]?.parent) {
    const rollup = rollups.sections[s];
    // A section whose entries all restate work defined elsewhere (a sprint of one item's parts)
    // rolls up that work, not what its entries say: no reading of its own.
    const own = model.sections[s]?.items ?? [];
    if (rollup && !(own.length > 0 && own.every((i) => model.items[i]?.mentionOf !== undefined))) readings.push(rollup);
  }
  return readings.filter((r) => r.hours.low > 0).flatMap((r) => [r.hours, r.remainingHours]);
}

/**
 * Bound by bound; a point sum inside a declared range, or a declared point inside a summed
 * range, agrees. `slack`
 * (hours) is the rounding a whole number in the declared unit allows ("3 hours" holds 170 min).
 */
export function agrees(declared: Hours, computed: Hours, tolerance: number, slack = 0): boolean {
  const e = Math.max(0.01, slack);
  const within = (x: number, h: Hours) => x >= h.low - e && (h.high === null || x <= h.high + e);
  if (computed.high === computed.low && within(computed.low, declared)) return true;
  if (declared.high === declared.low && within(declared.low, computed)) return true;
  const close = (a: number, b: number) => same(a, b, tolerance) || Math.abs(a - b) <= e;
  if (!close(declared.low, computed.low)) return false;
  return declared.high === null || computed.high === null || close(declared.high, computed.high);
}

const UNIT_AFTER = /^\s*\**\s*(?:(h|hrs?|hours?|stunden|timer|часа?|часов|時間)|(d|days?|tage?n?|dager?|jours?|дн(?:я|ей)?|日)|(w|wks?|weeks?|wochen?|uker?|semaines?|недел[ьи]|週間?))(?![\p{L}])/iu;

/**
 * Half a unit of what the declared total was written in, when its bounds are whole numbers:
 * "3 hours" stands for 2.5–3.5 h, "2 days" for 1.5–2.5 days. Decimals state their precision.
 */
export function roundingSlack(text: string, declared: Declared, hoursPerDay: number, daysPerWeek: number): number {
  // A range states its own bounds; only a single whole number stands for a rounded value.
  const whole = Number.isInteger(declared.value.low) && declared.value.high === declared.value.low;
  if (!whole || /[.,]\d/.test(declared.valueText)) return 0;
  const unit = UNIT_AFTER.exec(text.slice(declared.valueRange.end.offset, declared.valueRange.end.offset + 24));
  if (!unit) return 0;
  const size = unit[1] ? 1 : unit[2] ? hoursPerDay : hoursPerDay * daysPerWeek;
  return size / 2;
}

/** Unestimated parts can only add effort, so the known sum is a lower bound: report only a certain overrun. */
function certainlyOver(declared: Hours, known: Hours, tolerance: number): boolean {
  if (declared.high === null) return false;
  const over = (a: number, b: number) => a > b && !same(a, b, tolerance);
  return over(known.low, declared.low) && (known.high === null || over(known.high, declared.high));
}

/**
 * "35-45 hours for P0+P1 gaps": which items a whole plan means by a priority is a reading
 * (restated items, summary tables, priorities inherited from headings), unlike a breakdown
 * list or table. The mismatch is reported, but rewriting the number would be a guess.
 */
function isPriorityWide(declared: Declared): boolean {
  return (declared.scope.priorities?.length ?? 0) > 0 && declared.scope.kind === 'document';
}

function fixFor(declared: Declared, computed: Hours): Report['fix'] {
  if (computed.high === null || declared.value.high === null) return undefined;
  const newText = formatLike(declared.valueText, declared.value, computed);
  if (newText === undefined || newText === declared.valueText) return undefined;
  return {
    description: `Replace ${declared.valueText} with ${newText}`,
    edits: [{ start: declared.valueRange.start.offset, end: declared.valueRange.end.offset, newText }],
  };
}

export const totalMismatch: Rule = {
  meta: {
    id: 'total-mismatch',
    description: 'A declared total disagrees with the sum of the estimates it totals.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      mismatch: 'Declares {declared} for "{label}", but its parts add up to {computed} (see related locations)',
      byPriority: 'Declares {declared} for "{label}", but the items marked {priorities} add up to {computed} (see related locations)',
      sections: 'Declares {declared} for "{label}", but the sections it totals declare {computed} (see related locations)',
      partial:
        'Declares {declared} for "{label}", but the {estimated} estimated parts already add up to {computed}, with {missing} still unestimated',
    },
  },
  check({ text, model, rollups, options, report }) {
    for (const declared of model.declared) {
      if (declared.kind !== 'total') continue;
      const parts = partsOf(model, declared);
      if (!parts) continue;
      const tolerance = isApproximate(text, declared) ? 0.1 : 0;
      const slack = roundingSlack(text, declared, options.hoursPerDay, options.daysPerWeek);
      const complete = parts.missing === 0;
      const sums = candidateSums(declared, parts);
      const fits = (sum: Hours) => (complete ? agrees(declared.value, sum, tolerance, slack) : !certainlyOver(declared.value, sum, tolerance));
      const readings = [...broaderReadings(model, rollups, declared), ...(parts.itemsHours ? [parts.itemsHours] : [])];
      if (sums.some(fits) || readings.some((sum) => agrees(declared.value, sum, tolerance, slack))) continue;
      const ofDeclared = declared.scope.ofDeclared === true;
      const computed = sums[0];
      const byPriority = isPriorityWide(declared);
      report({
        messageId: !complete ? 'partial' : byPriority ? 'byPriority' : ofDeclared ? 'sections' : 'mismatch',
        range: declared.valueRange,
        data: {
          declared: formatHours(declared.value),
          computed: formatHours(computed),
          label: declared.label,
          estimated: parts.estimated,
          missing: parts.missing,
          priorities: (declared.scope.priorities ?? []).map(priorityCode).join('+'),
        },
        declared: formatHours(declared.value),
        computed: formatHours(computed),
        related: parts.related,
        // Sections' declared estimates and their items are two readings: which to believe is a guess.
        // A total of other totals: the plan may list its parts another way that agrees (001's
        // 496-675 is also Phase 1 + Phase 2 = 154-190 + 342-485), so rewriting it is a guess.
        fix: complete && !byPriority && declared.scope.kind !== 'totals' && !declared.scope.ambiguous && declared.scope.parent === undefined ? fixFor(declared, computed) : undefined,
      });
    }
  },
};
