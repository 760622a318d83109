/**
 * Hover wording over an estimate or a declared count / total: how Plan Lens read it, and
 * what the parts add up to. Pure. The result is markdown for an untrusted `MarkdownString`:
 * every piece of document text goes through `escapeMarkdown`, and nothing here builds a link.
 */
import type { Declared, Estimate, Item } from '../../core/model/schema';
import { formatHours, formatNumber } from '../../core/model/format';
import type { DeclaredParts } from '../analysis/protocol';
import type { Explanation } from '../../core/explain';
import { plural } from './code-lens-text';

/** Backslash-escapes every ASCII punctuation mark markdown could read, and flattens lines. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()<>#+\-.!|~:&"'=$%^@;,/?]/g, '\\$&');
}

const UNIT_WORDS = { min: 'minutes', h: 'hours', d: 'days', w: 'weeks' } as const;

export function estimateHover(estimate: Estimate, item: Pick<Item, 'title'>): string {
  const lines = [`**Estimate** of ${quote(item.title)}`, '', `${quote(estimate.text)} read as **${formatHours(estimate.hours)}**`];
  if (estimate.unit === 'd' || estimate.unit === 'w') lines.push('', `Written in ${UNIT_WORDS[estimate.unit]}: converted with the hours per day and days per week settings.`);
  if (estimate.per) lines.push('', `A rate (per ${escapeMarkdown(estimate.per)}), counted once in sums.`);
  return lines.join('\n');
}

/** A size is not hours: story points add up apart, T-shirt and word sizes add to nothing. */
export function sizeHover(size: NonNullable<Item['size']>, item: Pick<Item, 'title'>): string {
  const read = size.points !== undefined ? `**${formatNumber(size.points)} story points**, summed apart from hours` : '**a size**, not hours: it adds to no sum';
  return [`**Size** of ${quote(item.title)}`, '', `${quote(size.text)} read as ${read}`].join('\n');
}

export function declaredHover(declared: Declared, parts: DeclaredParts | undefined, explanation?: Explanation): string {
  const lines = [`**Declared ${declared.kind}**: ${quote(declared.label)}`, '', `${quote(declared.valueText)} read as **${readAs(declared)}**`];
  if (parts && (parts.items.length > 0 || parts.declared.length > 0)) lines.push('', partsLine(declared, parts));
  else lines.push('', 'Plan Lens could not tell which items this speaks about.');
  // The same account as `plan-lens explain`: what it speaks about and the verdict.
  if (explanation) lines.push('', `Scope: ${escapeMarkdown(explanation.scope)}.`, '', `Verdict: ${escapeMarkdown(explanation.verdict)}`);
  return lines.join('\n');
}

function readAs(declared: Declared): string {
  const { low, high } = declared.value;
  if (declared.kind === 'count') return high === null ? `${formatNumber(low)}+ items` : high === low ? plural(low, 'item') : `${formatNumber(low)}–${formatNumber(high)} items`;
  if (declared.kind === 'timeline') return `${rangeText(low, high)} ${UNIT_WORDS[declared.unit ?? 'w']}`;
  if (declared.kind === 'progress') return `${formatNumber(low)} of ${plural(declared.outOf ?? 0, 'item')} done`;
  return formatHours(declared.value);
}

function rangeText(low: number, high: number | null): string {
  if (high === null) return `${formatNumber(low)}+`;
  return high === low ? formatNumber(low) : `${formatNumber(low)}–${formatNumber(high)}`;
}

function partsLine(declared: Declared, parts: DeclaredParts): string {
  if (declared.kind === 'count' || declared.kind === 'progress') return `The parts: **${plural(parts.items.length, 'item')}**, ${parts.done} done.`;
  const what = parts.declared.length > 0 ? plural(parts.declared.length, 'declared total') : plural(parts.items.length, 'item');
  const missing = parts.unestimated > 0 ? `; ${parts.unestimated} without an estimate` : '';
  const left = parts.declared.length === 0 ? `; ${formatHours(parts.remainingHours)} not done yet` : '';
  return `The parts add to **${formatHours(parts.hours)}** (${what}${missing})${left}.`;
}

function quote(text: string): string {
  return `“${escapeMarkdown(text)}”`;
}
