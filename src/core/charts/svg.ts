/**
 * Plain SVG charts, no chart library: a stacked horizontal bar chart and a step line chart.
 * Each chart is a <figure> with a visible title and description, an SVG with <title>/<desc>
 * for assistive technology, and a visually hidden table with the same numbers. Colours are
 * CSS classes (see CHART_CSS), so VS Code's theme variables apply, and CSP needs no inline
 * style. Every piece of document text passes through `escapeHtml`.
 */
import { formatNumber } from '../model/format';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** One coloured part of a bar; `kind` is its CSS class suffix (done, partial, open, remaining…). */
export interface Segment {
  kind: string;
  label: string;
  value: number;
}

export interface BarRow {
  label: string;
  segments: Segment[];
  /** What the row's end says ("12–16 h, 8 h left"). */
  note: string;
}

export interface ChartText {
  /** Unique within the page (used for aria ids). */
  id: string;
  title: string;
  description: string;
}

const WIDTH = 640;
const LABEL_W = 190;
const NOTE_W = 150;
const ROW_H = 22;
const BAR_H = 14;
const MAX_LABEL = 30;

function shorten(text: string, max = MAX_LABEL): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function figure(text: ChartText, svg: string, table: string, legend = ''): string {
  const id = escapeHtml(text.id);
  return [
    `<figure class="pl-chart" id="${id}" aria-labelledby="${id}-h">`,
    `<figcaption><h2 id="${id}-h">${escapeHtml(text.title)}</h2><p id="${id}-d">${escapeHtml(text.description)}</p></figcaption>`,
    legend,
    svg,
    `<table class="pl-sr-only">${table}</table>`,
    '</figure>',
  ].join('');
}

function svgOpen(text: ChartText, height: number): string {
  const id = escapeHtml(text.id);
  return `<svg class="pl-svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${id}-t ${id}-s" preserveAspectRatio="xMinYMin meet"><title id="${id}-t">${escapeHtml(text.title)}</title><desc id="${id}-s">${escapeHtml(text.description)}</desc>`;
}

function legendOf(kinds: { kind: string; label: string }[]): string {
  const items = kinds.map((k) => `<li><span class="pl-swatch pl-${escapeHtml(k.kind)}" aria-hidden="true"></span>${escapeHtml(k.label)}</li>`);
  return `<ul class="pl-legend" aria-hidden="true">${items.join('')}</ul>`;
}

function tableOf(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr><th scope="row">${escapeHtml(r[0])}</th>${r.slice(1).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<thead><tr>${th}</tr></thead><tbody>${body}</tbody>`;
}

/** Stacked horizontal bars, one row per label, on one shared scale. */
export function stackedBarChart(text: ChartText, rows: BarRow[]): string {
  const kinds = uniqueKinds(rows);
  const head = ['', ...kinds.map((k) => k.label), 'Summary'];
  const table = tableOf(head, rows.map((r) => [r.label, ...kinds.map((k) => formatNumber(r.segments.find((s) => s.kind === k.kind)?.value ?? 0)), r.note]));
  if (rows.length === 0) return figure(text, '<p class="pl-empty">Nothing to show.</p>', table);
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((n, s) => n + Math.max(0, s.value), 0)));
  const span = WIDTH - LABEL_W - NOTE_W - 8;
  const height = rows.length * ROW_H + 4;
  const parts = [svgOpen(text, height)];
  rows.forEach((row, i) => {
    const y = i * ROW_H + 2;
    parts.push(`<g class="pl-row"><title>${escapeHtml(`${row.label}: ${row.note}`)}</title>`);
    parts.push(`<text class="pl-label" x="${LABEL_W - 6}" y="${y + BAR_H - 2}" text-anchor="end">${escapeHtml(shorten(row.label))}</text>`);
    let x = LABEL_W;
    for (const s of row.segments) {
      const w = (Math.max(0, s.value) / max) * span;
      if (w <= 0) continue;
      parts.push(`<rect class="pl-${escapeHtml(s.kind)}" x="${r1(x)}" y="${y}" width="${r1(Math.max(w, 0.5))}" height="${BAR_H}"><title>${escapeHtml(`${row.label} · ${s.label}: ${formatNumber(s.value)}`)}</title></rect>`);
      x += w;
    }
    parts.push(`<text class="pl-note" x="${r1(x + 6)}" y="${y + BAR_H - 2}">${escapeHtml(row.note)}</text></g>`);
  });
  parts.push('</svg>');
  return figure(text, parts.join(''), table, legendOf(kinds));
}

function uniqueKinds(rows: BarRow[]): { kind: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) for (const s of r.segments) if (!seen.has(s.kind)) seen.set(s.kind, s.label);
  return [...seen].map(([kind, label]) => ({ kind, label }));
}

export interface LinePoint {
  /** Days since the first point (x). */
  day: number;
  /** Shown in the table and tooltips ("2026-11-03"). */
  label: string;
  value: number;
}

const LINE_H = 180;
const PAD = { left: 44, right: 12, top: 10, bottom: 24 };

/** A step line (the value holds until the next point), with a 0 baseline and first/last dates. */
export function stepLineChart(text: ChartText, series: { kind: string; label: string; points: LinePoint[] }, unit: string): string {
  const { points } = series;
  const table = tableOf(['Date', `${series.label} (${unit})`], points.map((p) => [p.label, formatNumber(p.value)]));
  if (points.length === 0) return figure(text, '<p class="pl-empty">No history to show.</p>', table);
  const maxDay = Math.max(1, points[points.length - 1].day);
  const maxValue = Math.max(1, ...points.map((p) => p.value));
  const w = WIDTH - PAD.left - PAD.right;
  const h = LINE_H - PAD.top - PAD.bottom;
  const x = (d: number) => r1(PAD.left + (d / maxDay) * w);
  const y = (v: number) => r1(PAD.top + h - (Math.max(0, v) / maxValue) * h);
  let path = `M${x(points[0].day)},${y(points[0].value)}`;
  for (let i = 1; i < points.length; i++) path += `H${x(points[i].day)}V${y(points[i].value)}`;
  if (points.length === 1) path += `H${x(maxDay)}`;
  const dots = points.map((p) => `<circle class="pl-dot pl-${escapeHtml(series.kind)}" cx="${x(p.day)}" cy="${y(p.value)}" r="2.5"><title>${escapeHtml(`${p.label}: ${formatNumber(p.value)} ${unit}`)}</title></circle>`);
  const first = points[0];
  const last = points[points.length - 1];
  const svg = [
    svgOpen(text, LINE_H),
    `<line class="pl-axis" x1="${PAD.left}" y1="${y(0)}" x2="${WIDTH - PAD.right}" y2="${y(0)}"/>`,
    `<line class="pl-axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${y(0)}"/>`,
    `<text class="pl-tick" x="${PAD.left - 4}" y="${y(maxValue) + 4}" text-anchor="end">${formatNumber(maxValue)}</text>`,
    `<text class="pl-tick" x="${PAD.left - 4}" y="${y(0)}" text-anchor="end">0</text>`,
    `<text class="pl-tick" x="${PAD.left}" y="${LINE_H - 6}">${escapeHtml(first.label)}</text>`,
    points.length > 1 ? `<text class="pl-tick" x="${WIDTH - PAD.right}" y="${LINE_H - 6}" text-anchor="end">${escapeHtml(last.label)}</text>` : '',
    `<path class="pl-line pl-${escapeHtml(series.kind)}" d="${path}"/>`,
    ...dots,
    '</svg>',
  ].join('');
  return figure(text, svg, table, legendOf([series]));
}

function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Chart colours from VS Code's theme (the webview defines --vscode-*); the fallbacks serve the
 * CLI's standalone report. High-contrast themes also get outlines from --vscode-contrastBorder.
 */
export const CHART_CSS = `
.pl-chart{margin:0 0 1.5em;padding:0}
.pl-chart h2{font-size:1.1em;margin:.2em 0}
.pl-chart p{margin:.2em 0 .5em;opacity:.85}
.pl-svg{max-width:760px;display:block;overflow:visible}
.pl-svg text{fill:var(--vscode-charts-foreground,var(--vscode-editor-foreground,#333));font-size:11px;font-family:var(--vscode-font-family,system-ui,sans-serif)}
.pl-axis{stroke:var(--vscode-charts-lines,#8888);stroke-width:1}
.pl-done{fill:var(--vscode-charts-green,#388a34)}
.pl-partial{fill:var(--vscode-charts-yellow,#bf8803)}
.pl-open,.pl-remaining{fill:var(--vscode-charts-blue,#1a85ff)}
.pl-unknown{fill:var(--vscode-charts-lines,#8888)}
.pl-spent{fill:var(--vscode-charts-green,#388a34)}
.pl-items{stroke:var(--vscode-charts-blue,#1a85ff);fill:var(--vscode-charts-blue,#1a85ff)}
.pl-hours{stroke:var(--vscode-charts-purple,#652d90);fill:var(--vscode-charts-purple,#652d90)}
.pl-line{fill:none;stroke-width:2}
rect[class^="pl-"]{stroke:var(--vscode-contrastBorder,transparent);stroke-width:1}
.pl-legend{list-style:none;display:flex;gap:1em;padding:0;margin:0 0 .3em;font-size:.9em}
.pl-swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:middle;border:1px solid var(--vscode-contrastBorder,transparent)}
span.pl-items,span.pl-hours{background:currentColor}
span.pl-done,span.pl-spent{background:var(--vscode-charts-green,#388a34)}
span.pl-partial{background:var(--vscode-charts-yellow,#bf8803)}
span.pl-open,span.pl-remaining,span.pl-items{background:var(--vscode-charts-blue,#1a85ff)}
span.pl-hours{background:var(--vscode-charts-purple,#652d90)}
span.pl-unknown{background:var(--vscode-charts-lines,#8888)}
.pl-sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.pl-empty{font-style:italic}
.pl-mismatches{padding-left:1.2em}
.pl-mismatches li{margin:.25em 0}
.pl-notice{padding:.4em .6em;border-left:3px solid var(--vscode-charts-yellow,#bf8803)}
`;
