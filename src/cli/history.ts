/**
 * `plan-lens history FILE` and `plan-lens report FILE… --format html`: the burn-down read from
 * git, as text, JSON, or inside the dashboard's charts.
 */
import * as path from 'node:path';
import type { Analysis } from '../core/index';
import { HistoryReader, lineChanges, renderDashboard, replay, type BurnDown, type GitRunner } from '../core/index';
import type { UnitSettings } from '../core/parse/estimate';
import { formatHours } from '../core/model/format';
import { localDay, spawnGit } from './git';
import { reportPage } from './html-report';
import { REPORT_VERSION } from './report';

export type History = BurnDown | { unavailable: string };

export interface HistoryHost {
  /** Defaults to `git` on PATH. */
  git?: GitRunner;
  /** Today's calendar day; defaults to the local date. */
  today?: string;
}

export interface ReadPlan {
  path: string;
  absolute: string;
  text: string;
  analysis: Analysis;
}

/** The burn-down of one plan: its git log replayed backwards from its analysis now. */
export async function planHistory(plan: ReadPlan, units: UnitSettings, host: HistoryHost, reader = new HistoryReader(host.git ?? spawnGit())): Promise<History> {
  const read = await reader.read(path.dirname(plan.absolute), path.basename(plan.absolute));
  if (!read.ok) return { unavailable: read.reason };
  return replay({
    commits: read.commits,
    now: plan.analysis.rollups.document,
    uncommitted: read.headText === undefined ? undefined : lineChanges(read.headText, plan.text),
    today: host.today ?? localDay(),
    units,
  });
}

export function formatHistoryText(shown: string, history: History): string {
  if ('unavailable' in history) return `${shown}: ${history.unavailable}\n`;
  const now = history.days[history.days.length - 1];
  const renamed = history.renamedFrom.length > 0 ? ` (earlier: ${history.renamedFrom.join(', ')})` : '';
  const head = `${shown}${renamed}: ${plural(history.commits, 'commit')}; ${plural(now.remainingItems, 'item')} and ${formatHours({ low: now.remainingHours, high: now.remainingHours })} left now`;
  const columns = ['Date', 'Items left', 'Hours left', 'Closed', 'Added', 'Removed', 'Commits'];
  const rows = history.days.map((d) => [d.date, d.remainingItems, d.remainingHours, d.closed, d.added, d.removed, d.commits].map(String));
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`;
  return [head, line(columns), ...rows.map(line)].join('\n') + '\n';
}

export function formatHistoryJson(shown: string, history: History): string {
  const body = 'unavailable' in history ? { path: shown, error: history.unavailable } : { path: shown, commits: history.commits, renamedFrom: history.renamedFrom, days: history.days };
  return `${JSON.stringify({ version: REPORT_VERSION, ...body }, null, 2)}\n`;
}

/** The HTML report: each plan's dashboard, with its burn-down where git can give one. */
export async function htmlReport(plans: ReadPlan[], units: UnitSettings, host: HistoryHost): Promise<string> {
  const reader = new HistoryReader(host.git ?? spawnGit());
  const sections: { path: string; body: string }[] = [];
  for (const [i, plan] of plans.entries()) {
    const history = plan.analysis.model.isPlan ? await planHistory(plan, units, host, reader) : undefined;
    const body = plan.analysis.model.isPlan ? renderDashboard(plan.analysis, { history, idPrefix: `p${i}` }) : `<p>Not a plan (${plan.analysis.model.detection.reason}).</p>`;
    sections.push({ path: plan.path, body });
  }
  return reportPage(sections, host.today ?? localDay());
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
