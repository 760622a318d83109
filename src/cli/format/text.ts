/**
 * Output for people. `formatSummaryText` is pure and exported because the VS Code
 * extension's "Show Plan Summary" command prints the same outline.
 */
import type { Analysis, Finding, Rollup } from '../../core/index';
import { formatEffort, hasEstimates, percentDone, pointsText } from '../../core/model/rollup-text';
import { isEmptyPreamble, type CheckedFile } from '../report';

const MAX_TITLE = 60;

/** The plan's outline: a totals line, one line per priority, then sections indented by depth. */
export function formatSummaryText(path: string, { model, rollups }: Analysis): string {
  if (!model.isPlan) return `${path}: not a plan (${model.detection.reason})\n`;
  const doc = rollups.document;
  const unknown = doc.unknown > 0 ? ` · ${doc.unknown} unknown` : '';
  const counts = `${plural(doc.items, 'item')} · ${doc.done} done (${percentDone(doc)}%) · ${doc.partial} partial · ${doc.open} open${unknown}`;
  const perDay = rollups.hoursPerDay;
  const lines = [path, `  ${counts} · ${hoursText(doc, perDay)}`];
  const priorities = Object.keys(rollups.byPriority).sort();
  const byPriority = priorities.map((code) => {
    const r = rollups.byPriority[code];
    return `${code}: ${plural(r.items, 'item')}, ${hasEstimates(r) ? formatEffort(r.hours, r, perDay) : 'no estimates'}`;
  });
  if (byPriority.length > 0) lines.push(`  ${byPriority.join(' · ')}`);
  const outline = outlineLines(model, rollups);
  return `${[...lines, ...(outline.length > 0 ? ['', ...outline] : [])].join('\n')}\n`;
}

/** One line per section, indented by depth, its stats aligned in one column. */
function outlineLines(model: Analysis['model'], rollups: Analysis['rollups']): string[] {
  const rows = model.sections
    .filter((s) => !isEmptyPreamble(s))
    .map((s) => {
      const label = `${'  '.repeat(Math.max(s.depth - 1, 0))}${truncate(s.title || '(before the first heading)')}`;
      return { label, width: displayWidth(label), stats: sectionStats(rollups.sections[s.index], rollups.hoursPerDay) };
    });
  const width = rows.reduce((max, r) => Math.max(max, r.width), 0);
  return rows.map((r) => `  ${r.label}${' '.repeat(width - r.width)}  ${r.stats}`.trimEnd());
}

function hoursText(r: Rollup, perDay?: number): string {
  if (!hasEstimates(r)) return `no estimates${pointsText(r)}`;
  const unestimated = r.unestimated.length > 0 ? ` (${r.unestimated.length} without estimate)` : '';
  return `${formatEffort(r.hours, r, perDay)}, ${formatEffort(r.remainingHours, r, perDay)} left${unestimated}${pointsText(r)}`;
}

/** "done/items · hours · left", or nothing for a section without work items. */
function sectionStats(r: Rollup, perDay?: number): string {
  if (r.items === 0) return '';
  if (!hasEstimates(r)) return `${r.done}/${r.items} · no estimates${pointsText(r)}`;
  return `${r.done}/${r.items} · ${formatEffort(r.hours, r, perDay)} · ${formatEffort(r.remainingHours, r, perDay)} left${pointsText(r)}`;
}

/**
 * Terminal columns, so titles with emoji (✅, ⚠️ — plans love them) still line up:
 * emoji and East Asian wide characters take two, variation selectors and joiners none.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/[\p{M}\u200B-\u200F\uFE00-\uFE0F]/u.test(ch)) continue;
    width += /[\p{Extended_Pictographic}\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u.test(ch) ? 2 : 1;
  }
  return width;
}

function truncate(title: string): string {
  const chars = [...title]; // by code point, so an emoji is never cut in half
  return chars.length <= MAX_TITLE ? title : `${chars.slice(0, MAX_TITLE - 1).join('')}…`;
}

/** ESLint's "stylish": each file with findings, its findings aligned, then one count line. */
export function formatCheckText(files: readonly CheckedFile[]): string {
  const out: string[] = [];
  for (const file of files) {
    if (file.analysis.findings.length > 0) out.push(fileBlock(file.path, file.analysis.findings));
  }
  out.push(countLine(files.flatMap((f) => f.analysis.findings), files));
  return out.join('\n');
}

function fileBlock(path: string, findings: readonly Finding[]): string {
  const rows = findings.map((f) => [`${f.range.start.line + 1}:${f.range.start.column + 1}`, f.severity, f.message, f.rule]);
  const widths = [0, 1, 2].map((col) => rows.reduce((max, r) => Math.max(max, r[col].length), 0));
  const body = rows.map((r, i) => `  ${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}${elsewhere(findings[i])}`);
  return `${path}\n${body.join('\n')}\n`;
}

/** Where a cross-file finding's other side is: "    ↳ plans/sprint.md:12:3". */
function elsewhere(finding: Finding): string {
  const other = finding.related.filter((r) => r.file !== undefined);
  return other.map((r) => `\n      ↳ ${r.file}:${r.range.start.line + 1}:${r.range.start.column + 1}`).join('');
}

function countLine(findings: readonly Finding[], files: readonly CheckedFile[]): string {
  const plans = files.filter((f) => f.analysis.model.isPlan).length;
  const checked = `${plural(files.length, 'file')}, ${plural(plans, 'plan')}`;
  if (findings.length === 0) return `✔ No problems (${checked} checked)\n`;
  const bySeverity = (['error', 'warning', 'info', 'hint'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([s, n]) => n > 0 || s === 'error' || s === 'warning')
    .map(([s, n]) => plural(n, s));
  const lines = [`✖ ${plural(findings.length, 'problem')} (${bySeverity.join(', ')}) in ${checked}`];
  const fixable = findings.filter((f) => f.fix).length;
  if (fixable > 0) lines.push(`  ${plural(fixable, 'problem')} fixable with the \`--fix\` option.`);
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}
