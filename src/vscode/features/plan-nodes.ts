/**
 * The Plan view's nodes, as plain data: which sections and items show, in what order, with
 * what label, description and status. Pure (no `vscode`), so shape and wording are unit-tested;
 * the tree adapter only turns a node into a `TreeItem`.
 */
import type { Item, Range, Section } from '../../core/model/schema';
import type { Rollup } from '../../core/model/rollup-types';
import { formatHours, priorityCode } from '../../core/model/format';
import type { PlanAnalysis } from '../analysis/protocol';

export type GroupBy = 'section' | 'priority';

export interface NodeOptions {
  groupBy: GroupBy;
  hideDone: boolean;
}

interface NodeBase {
  /** Stable across re-analysis (keeps expansion state) and unique in the tree. */
  key: string;
  label: string;
  description: string;
  tooltip: string;
  /** Lines the node stands for, for "follow cursor": 0-based, inclusive. */
  lines?: { start: number; end: number };
  parent?: PlanNode;
  children: PlanNode[];
}

export interface SectionNode extends NodeBase {
  kind: 'section';
  section: Section;
}

export interface ItemNode extends NodeBase {
  kind: 'item';
  item: Item;
}

export interface PriorityNode extends NodeBase {
  kind: 'priority';
  code: string;
}

export type PlanNode = SectionNode | ItemNode | PriorityNode;

/** The view's roots for one analysis. */
export function buildPlanNodes(analysis: PlanAnalysis, options: NodeOptions): PlanNode[] {
  const keys = new KeyMaker();
  const visible = (item: Item) => !(options.hideDone && item.status === 'done');
  return options.groupBy === 'priority'
    ? priorityRoots(analysis, visible, keys)
    : sectionRoots(analysis, visible, keys);
}

type Visible = (item: Item) => boolean;

function sectionRoots(analysis: PlanAnalysis, visible: Visible, keys: KeyMaker): PlanNode[] {
  const roots = analysis.model.sections.filter((s) => s.parent === undefined);
  return roots.flatMap((s) => sectionNode(analysis, s, visible, keys) ?? []);
}

/** A section with its subsections and items in document order; undefined when nothing in it shows. */
function sectionNode(analysis: PlanAnalysis, section: Section, visible: Visible, keys: KeyMaker): SectionNode | undefined {
  const { model, rollups } = analysis;
  const subsections = section.sections.flatMap((i) => sectionNode(analysis, model.sections[i]!, visible, keys) ?? []);
  const items = section.items.map((i) => model.items[i]!).filter(visible).map((item) => itemNode(analysis, item, visible, keys));
  const children = [...subsections, ...items].sort((a, b) => startLine(a) - startLine(b));
  if (children.length === 0) return undefined;
  const rollup = rollups.sections[section.index];
  const node: SectionNode = {
    kind: 'section',
    section,
    key: keys.make(`s:${section.title}`),
    label: section.title || '(before the first heading)',
    description: rollup ? rollupDescription(rollup) : '',
    tooltip: rollup ? rollupTooltip(section.title, rollup) : section.title,
    lines: linesOf(section.bodyRange),
    children,
  };
  return adopt(node);
}

function priorityRoots(analysis: PlanAnalysis, visible: Visible, keys: KeyMaker): PlanNode[] {
  const groups = new Map<string, Item[]>();
  for (const item of analysis.model.items) {
    if (item.parent !== undefined || item.checklist || !visible(item)) continue;
    const code = item.priority ? priorityCode(item.priority.rank) : NO_PRIORITY;
    groups.set(code, [...(groups.get(code) ?? []), item]);
  }
  const codes = [...groups.keys()].sort((a, b) => (a === NO_PRIORITY ? 1 : b === NO_PRIORITY ? -1 : a.localeCompare(b)));
  return codes.map((code) => {
    const rollup = analysis.rollups.byPriority[code];
    const node: PriorityNode = {
      kind: 'priority',
      code,
      key: keys.make(`p:${code}`),
      label: code === NO_PRIORITY ? 'No priority' : code,
      description: rollup ? rollupDescription(rollup) : `${groups.get(code)!.length} items`,
      tooltip: rollup ? rollupTooltip(code, rollup) : code,
      children: groups.get(code)!.map((item) => itemNode(analysis, item, visible, keys)),
    };
    return adopt(node);
  });
}

const NO_PRIORITY = '~none';

function itemNode(analysis: PlanAnalysis, item: Item, visible: Visible, keys: KeyMaker): ItemNode {
  const children = item.children.map((i) => analysis.model.items[i]!).filter(visible);
  const node: ItemNode = {
    kind: 'item',
    item,
    key: keys.make(`i:${item.id ?? item.title}`),
    label: itemLabel(item),
    description: itemDescription(item),
    tooltip: itemTooltip(item),
    lines: linesOf(item.range),
    children: children.map((child) => itemNode(analysis, child, visible, keys)),
  };
  return adopt(node);
}

function adopt<T extends PlanNode>(node: T): T {
  for (const child of node.children) child.parent = node;
  return node;
}

/** A range ending at column 0 stops before that line (a section ends where the next heading starts). */
function linesOf(range: Range): { start: number; end: number } {
  const { start, end } = range;
  return { start: start.line, end: end.column === 0 && end.line > start.line ? end.line - 1 : end.line };
}

function startLine(node: PlanNode): number {
  return node.lines?.start ?? 0;
}

/** "CP-001 Implement connector selection modal" — the ID first, as people search by it. */
export function itemLabel(item: Pick<Item, 'id' | 'title'>): string {
  if (!item.id || item.title.startsWith(item.id)) return item.title;
  return `${item.id} ${item.title}`;
}

/** "P0 · 4–6 h": what a glance at the tree should tell. */
export function itemDescription(item: Pick<Item, 'priority' | 'estimate' | 'unreadableEstimate'>): string {
  const parts: string[] = [];
  if (item.priority) parts.push(priorityCode(item.priority.rank));
  if (item.estimate) parts.push(formatHours(item.estimate.hours));
  else if (item.unreadableEstimate) parts.push(`estimate "${item.unreadableEstimate.text}"`);
  return parts.join(' · ');
}

function itemTooltip(item: Item): string {
  const lines = [itemLabel(item), `Status: ${item.status}${item.statusSource === 'section' ? ' (from its section)' : ''}`];
  if (item.priority) lines.push(`Priority: ${priorityCode(item.priority.rank)} (${item.priority.label})`);
  if (item.estimate) lines.push(`Estimate: "${item.estimate.text}" read as ${formatHours(item.estimate.hours)}`);
  if (item.checklist) lines.push('A checklist outcome: tracked, not counted as effort');
  return lines.join('\n');
}

/** "3/7 · 12–18 h": done out of items, then the sum of estimates. */
export function rollupDescription(rollup: Rollup): string {
  if (rollup.items === 0) return '';
  const count = `${rollup.done}/${rollup.items}`;
  const estimated = rollup.items > rollup.unestimated.length;
  return estimated ? `${count} · ${formatHours(rollup.hours)}` : count;
}

function rollupTooltip(title: string, rollup: Rollup): string {
  const lines = [title, `${rollup.items} items: ${rollup.done} done, ${rollup.partial} partly done, ${rollup.open} open`];
  lines.push(`Estimated: ${formatHours(rollup.hours)}, left: ${formatHours(rollup.remainingHours)}`);
  if (rollup.unestimated.length > 0) lines.push(`${rollup.unestimated.length} without an estimate`);
  return lines.join('\n');
}

/** The deepest node whose lines hold `line`, for revealing the node under the cursor. */
export function nodeAtLine(roots: readonly PlanNode[], line: number): PlanNode | undefined {
  for (const node of roots) {
    // Priority groups have no lines of their own: look inside them.
    if (node.lines && (line < node.lines.start || line > node.lines.end)) continue;
    const inner = nodeAtLine(node.children, line);
    if (inner) return inner;
    if (node.lines) return node;
  }
  return undefined;
}

/** Every node, depth first (for "next open task" and tests). */
export function flatten(roots: readonly PlanNode[]): PlanNode[] {
  return roots.flatMap((n) => [n, ...flatten(n.children)]);
}

/** Keys must be unique even when a plan repeats an ID or a title (a finding of its own). */
class KeyMaker {
  private readonly seen = new Map<string, number>();
  make(base: string): string {
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  }
}
