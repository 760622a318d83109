/**
 * The dashboard's charts from one analysis: hours by priority and by top-level section,
 * progress per section, the declared numbers that don't add up, and the burn-down. Pure:
 * the VS Code webview and the CLI's HTML report render the same fragment.
 */
import type { Finding, Rollup } from '../index';
import type { PlanModel } from '../model/schema';
import { formatHours, formatNumber } from '../model/format';
import type { BurnDown } from '../history/replay';
import { escapeHtml, stackedBarChart, stepLineChart, type BarRow } from './svg';

/** What the charts read: the core's analysis (the extension's PlanAnalysis is one). */
export interface ChartInput {
  model: PlanModel;
  rollups: { document: Rollup; sections: Rollup[]; byPriority: Record<string, Rollup> };
  findings: Finding[];
}

export interface DashboardOptions {
  /** The burn-down, or why there is none ("not in a git repository"). */
  history?: BurnDown | { unavailable: string };
  /** Mismatches become buttons carrying their line (the webview); plain text otherwise. */
  interactive?: boolean;
  /** Prefix for element ids, so several plans can share one page. */
  idPrefix?: string;
}

/** The rules whose findings are declared numbers that don't add up. */
const MISMATCH_RULES = new Set(['count-mismatch', 'total-mismatch', 'capacity-mismatch']);

export function hoursRow(label: string, r: Rollup): BarRow {
  const remaining = r.remainingHours.low;
  return {
    label,
    segments: [
      { kind: 'spent', label: 'Done', value: Math.max(0, r.hours.low - remaining) },
      { kind: 'remaining', label: 'Remaining', value: remaining },
    ],
    note: `${formatHours(r.hours)}, ${formatHours(r.remainingHours)} left`,
  };
}

export function progressRow(label: string, r: Rollup): BarRow {
  const segments = [
    { kind: 'done', label: 'Done', value: r.done },
    { kind: 'partial', label: 'Partly done', value: r.partial },
    { kind: 'open', label: 'Open', value: r.open },
  ];
  if (r.unknown > 0) segments.push({ kind: 'unknown', label: 'No status', value: r.unknown });
  return { label, segments, note: `${r.done}/${r.items} done` };
}

/**
 * The sections a reader sees as the plan's parts: the top-level headings, or, when one title
 * heading holds everything, the headings under it. Sections without work items are left out.
 */
export function topSections(model: PlanModel, sections: Rollup[]): number[] {
  let top = model.sections.filter((s) => s.parent === undefined && sections[s.index].items > 0).map((s) => s.index);
  while (top.length === 1 && model.sections[top[0]].sections.length > 0) {
    const under = model.sections[top[0]].sections.filter((s) => sections[s].items > 0);
    if (under.length === 0) break;
    top = under;
  }
  return top;
}

function sectionLabel(model: PlanModel, index: number): string {
  return model.sections[index].title || '(before the first heading)';
}

export function mismatches(findings: Finding[]): Finding[] {
  return findings.filter((f) => MISMATCH_RULES.has(f.rule)).sort((a, b) => a.range.start.line - b.range.start.line);
}

function mismatchList(findings: Finding[], interactive: boolean, id: string): string {
  const list = mismatches(findings);
  const head = `<section class="pl-chart" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">Declared numbers that don't add up</h2>`;
  if (list.length === 0) return `${head}<p>Every declared count and total adds up.</p></section>`;
  const items = list.map((f) => {
    const line = f.range.start.line + 1;
    const where = interactive ? `<button type="button" class="pl-reveal" data-line="${f.range.start.line}">Line ${line}</button>` : `Line ${line}`;
    return `<li>${where}: ${escapeHtml(f.message)}</li>`;
  });
  return `${head}<p>${list.length} declared ${list.length === 1 ? 'number disagrees' : 'numbers disagree'} with what ${list.length === 1 ? 'its' : 'their'} parts add up to.</p><ul class="pl-mismatches">${items.join('')}</ul></section>`;
}

function burnDownCharts(history: DashboardOptions['history'], id: string): string {
  if (!history) return '';
  if ('unavailable' in history) {
    return `<section class="pl-chart" id="${id}"><h2>Burn-down</h2><p class="pl-notice">${escapeHtml(history.unavailable)}</p></section>`;
  }
  const days = history.days;
  const start = days.length > 0 ? Date.parse(days[0].date) : 0;
  const dayOf = (date: string) => Math.round((Date.parse(date) - start) / 86_400_000);
  const first = days[0];
  const last = days[days.length - 1];
  const span = first && last ? ` from ${first.date} to ${last.date}` : '';
  const items = stepLineChart(
    { id: `${id}-items`, title: 'Burn-down: items left', description: `Open and partly done items at the end of each day with a change${span}, read from ${history.commits} ${history.commits === 1 ? 'commit' : 'commits'} of the plan's git history${last ? `; ${last.remainingItems} left now` : ''}.` },
    { kind: 'items', label: 'Items left', points: days.map((d) => ({ day: dayOf(d.date), label: d.date, value: d.remainingItems })) },
    'items',
  );
  const hours = stepLineChart(
    { id: `${id}-hours`, title: 'Burn-down: hours left', description: `Estimated hours of the items not done, by day${span}${last ? `; ${formatNumber(last.remainingHours)} h left now` : ''}.` },
    { kind: 'hours', label: 'Hours left', points: days.map((d) => ({ day: dayOf(d.date), label: d.date, value: d.remainingHours })) },
    'h',
  );
  return items + hours;
}

/** The whole dashboard for one plan, as an HTML fragment (no <html>, no scripts). */
export function renderDashboard(analysis: ChartInput, options: DashboardOptions = {}): string {
  const { model, rollups, findings } = analysis;
  const id = options.idPrefix ?? 'pl';
  const doc = rollups.document;
  const priorities = Object.keys(rollups.byPriority).sort();
  const top = topSections(model, rollups.sections);
  const byPriority = stackedBarChart(
    { id: `${id}-priority`, title: 'Hours by priority', description: describeHours(priorities.length, 'priorities', doc) },
    priorities.map((code) => hoursRow(code, rollups.byPriority[code])),
  );
  const bySection = stackedBarChart(
    { id: `${id}-section-hours`, title: 'Hours by section', description: describeHours(top.length, 'top-level sections', doc) },
    top.map((s) => hoursRow(sectionLabel(model, s), rollups.sections[s])),
  );
  const progress = stackedBarChart(
    {
      id: `${id}-progress`,
      title: 'Progress by section',
      description: `${doc.done} of ${doc.items} items done, ${doc.partial} partly done, ${doc.open} open, over ${top.length} top-level sections.`,
    },
    top.map((s) => progressRow(sectionLabel(model, s), rollups.sections[s])),
  );
  return [byPriority, bySection, progress, mismatchList(findings, options.interactive ?? false, `${id}-mismatches`), burnDownCharts(options.history, `${id}-burndown`)].join('\n');
}

function describeHours(groups: number, what: string, doc: Rollup): string {
  return `${formatHours(doc.hours)} estimated in all, ${formatHours(doc.remainingHours)} left, over ${groups} ${what}. Each bar stacks the hours done and the hours left.`;
}
