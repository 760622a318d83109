/**
 * The Plan view's nodes, as plain data: which sections and items show, in what order, and
 * (on demand, for the rows VS Code actually draws) with what label, description and
 * tooltip. Pure (no `vscode`), so shape and wording are unit-tested; the tree adapter only
 * turns a node into a `TreeItem`.
 */
import type { Item, Range, Section } from '../../core/model/schema';
import type { Rollup } from '../../core/model/rollup-types';
import { formatHours, priorityCode } from '../../core/model/format';
import { formatEffort, hasEstimates, pointsText, rollupLines } from '../../core/model/rollup-text';
import type { PlanAnalysis } from '../analysis/protocol';

export type GroupBy = 'section' | 'priority';

export interface NodeOptions {
  groupBy: GroupBy;
  hideDone: boolean;
}

interface NodeBase {
  /** Stable across re-analysis (keeps expansion state) and unique in the tree. */
  key: string;
  /** Lines the node stands for, for "follow cursor": 0-based, inclusive. */
  lines?: { start: number; end: number };
  parent?: PlanNode;
  /** Whether it has children, known without building them. */
  expandable: boolean;
  children: PlanNode[];
}

export interface SectionNode extends NodeBase {
  kind: 'section';
  section: Section;
  rollup?: Rollup;
  hoursPerDay?: number;
}

export interface ItemNode extends NodeBase {
  kind: 'item';
  item: Item;
  /** 1-based lines where the plan lists this item again. */
  mentionLines?: number[];
}

export interface PriorityNode extends NodeBase {
  kind: 'priority';
  code: string;
  rollup?: Rollup;
  hoursPerDay?: number;
  /** Items in the group (known before its children are built). */
  count: number;
}

export type PlanNode = SectionNode | ItemNode | PriorityNode;

export interface NodeText {
  label: string;
  description: string;
  tooltip: string;
}

/**
 * The view's roots for one analysis. Children are built when first asked for (VS Code asks
 * only for open nodes), so a plan with tens of thousands of items costs little until opened.
 */
export function buildPlanNodes(analysis: PlanAnalysis, options: NodeOptions): PlanNode[] {
  // An item listed again (a summary row, a matrix line) shows once, where it is defined.
  const visible = (item: Item) => item.mentionOf === undefined && item.restates === undefined && !(options.hideDone && item.status === 'done');
  if (options.groupBy === 'priority') return priorityRoots(analysis, visible);
  const shown = sectionsWithItems(analysis, visible);
  const roots = analysis.model.sections.filter((s) => s.parent === undefined && shown.has(s.index));
  return withKeys(undefined, roots.map((s) => sectionNode(analysis, s, visible, shown)));
}

type Visible = (item: Item) => boolean;

/** Sections with a visible item in them or in a subsection: the others are left out. */
function sectionsWithItems({ model }: PlanAnalysis, visible: Visible): Set<number> {
  const shown = new Set<number>();
  for (const section of model.sections) {
    if (!section.items.some((i) => visible(model.items[i]!))) continue;
    for (let s: Section | undefined = section; s && !shown.has(s.index); s = s.parent === undefined ? undefined : model.sections[s.parent]) shown.add(s.index);
  }
  return shown;
}

function sectionNode(analysis: PlanAnalysis, section: Section, visible: Visible, shown: Set<number>): SectionNode {
  const { model, rollups } = analysis;
  const node = { kind: 'section' as const, section, rollup: rollups.sections[section.index], hoursPerDay: rollups.hoursPerDay, key: `s:${section.title}`, lines: linesOf(section.bodyRange), expandable: true };
  return lazy<SectionNode>(node, () => {
    const subsections = section.sections.filter((i) => shown.has(i)).map((i) => sectionNode(analysis, model.sections[i]!, visible, shown));
    const items = section.items.map((i) => model.items[i]!).filter(visible).map((item) => itemNode(analysis, item, visible));
    return [...subsections, ...items].sort((a, b) => startLine(a) - startLine(b));
  });
}

function priorityRoots(analysis: PlanAnalysis, visible: Visible): PlanNode[] {
  const groups = new Map<string, Item[]>();
  for (const item of analysis.model.items) {
    if (item.parent !== undefined || item.checklist || !visible(item)) continue;
    const code = item.priority ? priorityCode(item.priority.rank) : NO_PRIORITY;
    const group = groups.get(code);
    if (group) group.push(item);
    else groups.set(code, [item]);
  }
  const codes = [...groups.keys()].sort((a, b) => (a === NO_PRIORITY ? 1 : b === NO_PRIORITY ? -1 : a.localeCompare(b)));
  const roots = codes.map((code) =>
    lazy<PriorityNode>({ kind: 'priority', code, rollup: analysis.rollups.byPriority[code], hoursPerDay: analysis.rollups.hoursPerDay, key: `p:${code}`, count: groups.get(code)!.length, expandable: true }, () =>
      groups.get(code)!.map((item) => itemNode(analysis, item, visible)),
    ),
  );
  return withKeys(undefined, roots);
}

const NO_PRIORITY = '~none';

function itemNode(analysis: PlanAnalysis, item: Item, visible: Visible): ItemNode {
  const children = () => item.children.map((i) => analysis.model.items[i]!).filter(visible);
  const expandable = item.children.length > 0 && children().length > 0;
  const mentionLines = item.mentions?.map((m) => (analysis.model.items[m]?.range.start.line ?? 0) + 1);
  return lazy<ItemNode>({ kind: 'item', item, key: `i:${item.id ?? item.title}`, lines: linesOf(item.range), expandable, mentionLines }, () =>
    children().map((child) => itemNode(analysis, child, visible)),
  );
}

/** Gives `node` a `children` property built on first read, with parents and keys set. */
function lazy<T extends PlanNode>(node: Omit<T, 'children'>, build: () => PlanNode[]): T {
  let children: PlanNode[] | undefined;
  Object.defineProperty(node, 'children', { enumerable: true, get: () => (children ??= withKeys(node as T, build())) });
  return node as T;
}

/**
 * Keys are the path from the root, with repeats among siblings numbered: unique by
 * construction (a plan may repeat an ID or a title), and stable while the path is.
 */
function withKeys(parent: PlanNode | undefined, nodes: PlanNode[]): PlanNode[] {
  const seen = new Map<string, number>();
  for (const node of nodes) {
    const n = (seen.get(node.key) ?? 0) + 1;
    seen.set(node.key, n);
    const own = n === 1 ? node.key : `${node.key}#${n}`;
    node.key = parent ? `${parent.key}/${own}` : own;
    node.parent = parent;
  }
  return nodes;
}

/** A range ending at column 0 stops before that line (a section ends where the next heading starts). */
function linesOf(range: Range): { start: number; end: number } {
  const { start, end } = range;
  return { start: start.line, end: end.column === 0 && end.line > start.line ? end.line - 1 : end.line };
}

function startLine(node: PlanNode): number {
  return node.lines?.start ?? 0;
}

/** What a row shows. Computed when VS Code draws the row, not for every node of a large plan. */
export function nodeText(node: PlanNode): NodeText {
  switch (node.kind) {
    case 'item':
      return { label: itemLabel(node.item), description: itemDescription(node.item), tooltip: itemTooltip(node.item, node.mentionLines) };
    case 'section': {
      const title = node.section.title || '(before the first heading)';
      return { label: title, description: node.rollup ? rollupDescription(node.rollup, node.hoursPerDay) : '', tooltip: node.rollup ? rollupTooltip(title, node.rollup, node.hoursPerDay) : title };
    }
    case 'priority': {
      const label = node.code === NO_PRIORITY ? 'No priority' : node.code;
      const description = node.rollup ? rollupDescription(node.rollup, node.hoursPerDay) : `${node.count} items`;
      return { label, description, tooltip: node.rollup ? rollupTooltip(label, node.rollup, node.hoursPerDay) : label };
    }
  }
}

/** "CP-001 Implement connector selection modal" — the ID first, as people search by it. */
export function itemLabel(item: Pick<Item, 'id' | 'title'>): string {
  if (!item.id || item.title.startsWith(item.id)) return item.title;
  return `${item.id} ${item.title}`;
}

/** "P0 · 4–6 h", "P1 · 5 pts", "size M": what a glance at the tree should tell. */
export function itemDescription(item: Pick<Item, 'priority' | 'estimate' | 'unreadableEstimate' | 'size'>): string {
  const parts: string[] = [];
  if (item.priority) parts.push(priorityCode(item.priority.rank));
  if (item.estimate) parts.push(formatHours(item.estimate.hours));
  else if (item.unreadableEstimate) parts.push(`estimate "${item.unreadableEstimate.text}"`);
  if (item.size) parts.push(item.size.points !== undefined ? `${item.size.points} pts` : `size ${item.size.text}`);
  return parts.join(' · ');
}

function itemTooltip(item: Item, mentionLines: number[] = []): string {
  const lines = [itemLabel(item), `Status: ${item.status}${item.statusSource === 'section' ? ' (from its section)' : ''}`];
  if (item.priority) lines.push(`Priority: ${priorityCode(item.priority.rank)} (${item.priority.label})`);
  if (item.estimate) lines.push(`Estimate: "${item.estimate.text}" read as ${formatHours(item.estimate.hours)}`);
  if (item.checklist) lines.push('A checklist outcome: tracked, not counted as effort');
  if (mentionLines.length > 0) lines.push(`Also listed on line${mentionLines.length === 1 ? '' : 's'} ${mentionLines.join(', ')} (counted once)`);
  return lines.join('\n');
}

/** "3/7 · 12–18 h": done out of items, then the sum of estimates. */
export function rollupDescription(rollup: Rollup, hoursPerDay?: number): string {
  if (rollup.items === 0) return '';
  const count = `${rollup.done}/${rollup.items}`;
  return (hasEstimates(rollup) ? `${count} · ${formatEffort(rollup.hours, rollup, hoursPerDay)}` : count) + pointsText(rollup);
}

function rollupTooltip(title: string, rollup: Rollup, hoursPerDay?: number): string {
  return [title, ...rollupLines(rollup, hoursPerDay)].join('\n');
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
