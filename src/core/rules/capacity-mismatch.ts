/**
 * A declared timeline ("Estimated Timeline: 4-6 weeks") too short for the effort it covers
 * at the capacity the plan states ("single developer", "6-8 productive hours per day").
 * Judged optimistically: the most people and the longest days the plan mentions, and the
 * low end of the effort. Reported only when even that cannot fit.
 */
import type { AnalyzeOptions, Declared, Hours, PlanModel } from '../model/schema';
import { formatHours, formatNumber, formatRange } from '../model/format';
import type { Rule } from './types';
import { sumItems } from './effort';

interface Capacity {
  people: number;
  hoursPerDay: Hours;
}

function sameLine(a: Declared, b: Declared): boolean {
  return a.range.start.line <= b.range.end.line && b.range.start.line <= a.range.end.line;
}

/**
 * The capacity stated with the timeline, else the most generous one stated anywhere; what it
 * leaves out comes from the defaults (1 person, `hoursPerDay`). Undefined when the plan
 * states no capacity at all: the team could be any size, so no timeline is too short.
 */
function capacityFor(stated: Declared[], timeline: Declared, options: AnalyzeOptions): Capacity | undefined {
  if (stated.length === 0) return undefined;
  const local = stated.filter((d) => sameLine(d, timeline));
  const pool = local.length > 0 ? local : stated;
  const people = Math.max(0, ...pool.map((d) => d.capacity!.people ?? 0));
  const highs = pool.map((d) => d.capacity!.hoursPerDay).filter((h) => h !== undefined);
  const high = Math.max(0, ...highs.map((h) => h.high ?? h.low));
  const low = Math.max(0, ...highs.map((h) => h.low));
  return {
    people: people || 1,
    hoursPerDay: high ? { low, high } : { low: options.hoursPerDay, high: options.hoursPerDay },
  };
}

/** The declared maximum in weeks; undefined when open-ended or not a duration we can compare. */
function maxWeeks(timeline: Declared, options: AnalyzeOptions, hoursPerDay: number): number | undefined {
  const high = timeline.value.high;
  if (high === null) return undefined;
  switch (timeline.unit ?? 'w') {
    case 'w':
      return high;
    case 'd':
      return high / options.daysPerWeek;
    case 'h':
      return high / (hoursPerDay * options.daysPerWeek);
    default:
      return undefined;
  }
}

/** The effort a timeline covers: its items not yet done, or the totals it names (their low ends). */
function coveredEffort(model: PlanModel, timeline: Declared): Hours | undefined {
  if (timeline.scope.kind === 'totals') {
    const parts = (timeline.scope.declared ?? []).map((i) => model.declared[i]).filter((d) => d !== undefined);
    if (parts.length === 0) return undefined;
    return { low: parts.reduce((s, d) => s + d.value.low, 0), high: null };
  }
  const sum = sumItems(model, timeline.scope.items, true);
  return sum.estimated === 0 ? undefined : sum.hours;
}

/** "about 22 weeks" reads better than 21.95; short spans keep a decimal. */
function roundWeeks(n: number): number {
  return n >= 10 ? Math.round(n) : Math.round(n * 10) / 10;
}

function describeCapacity(c: Capacity, options: AnalyzeOptions): string {
  const who = c.people === 1 ? '1 person' : `${formatNumber(c.people)} people`;
  return `${who} × ${formatRange(c.hoursPerDay)} h/day × ${formatNumber(options.daysPerWeek)} days/week`;
}

export const capacityMismatch: Rule = {
  meta: {
    id: 'capacity-mismatch',
    description: 'A declared timeline cannot hold the effort it covers at the stated capacity.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      tooShort:
        'Declares {declared} for "{label}", but {effort} of work needs at least {required} weeks at {capacity} (see related locations)',
    },
  },
  check({ model, options, report }) {
    const stated = model.declared.filter((d) => d.kind === 'capacity' && d.capacity);
    for (const timeline of model.declared) {
      if (timeline.kind !== 'timeline') continue;
      const effort = coveredEffort(model, timeline);
      if (!effort) continue;
      const capacity = capacityFor(stated, timeline, options);
      if (!capacity) continue;
      const declaredMax = maxWeeks(timeline, options, capacity.hoursPerDay.high ?? capacity.hoursPerDay.low);
      if (declaredMax === undefined) continue;
      const weekly = (h: number) => capacity.people * h * options.daysPerWeek;
      const optimistic = effort.low / weekly(capacity.hoursPerDay.high ?? capacity.hoursPerDay.low);
      if (optimistic <= declaredMax + 0.01) continue;
      const pessimistic = effort.high === null ? null : effort.high / weekly(capacity.hoursPerDay.low);
      const required = { low: roundWeeks(optimistic), high: pessimistic === null ? null : roundWeeks(pessimistic) };
      report({
        messageId: 'tooShort',
        range: timeline.valueRange,
        data: {
          declared: timeline.valueText + (timeline.unit === 'd' ? ' days' : timeline.unit === 'h' ? ' h' : ' weeks'),
          label: timeline.label,
          effort: formatHours(effort),
          required: formatRange(required).replace('-', '–'),
          capacity: describeCapacity(capacity, options),
        },
        declared: timeline.valueText,
        computed: `${formatRange(required)} weeks`,
        related: stated.map((d) => ({ range: d.range, message: `Capacity: ${d.label}` })),
      });
    }
  },
};
