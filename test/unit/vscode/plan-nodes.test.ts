import { strict as assert } from 'node:assert';
import type { Rollup } from '../../../src/core/model/rollup-types';
import { buildPlanNodes, flatten, itemDescription, itemLabel, nodeAtLine, nodeText, rollupDescription, type PlanNode } from '../../../src/vscode/features/plan-nodes';
import { analyse, PLAN } from './helpers';

function shape(nodes: PlanNode[]): unknown[] {
  const name = (n: PlanNode) => (n.kind === 'item' ? n.item.id ?? nodeText(n).label : nodeText(n).label);
  return nodes.map((n) => (n.children.length ? { [name(n)]: shape(n.children) } : name(n)));
}

const rollup = (over: Partial<Rollup>): Rollup => ({
  items: 7, done: 3, partial: 0, open: 4, unknown: 0, hours: { low: 12, high: 18 }, remainingHours: { low: 8, high: 10 }, unestimated: [], ...over,
});

describe('vscode/features/plan-nodes', () => {
  const analysis = analyse(PLAN);

  it('shows sections with their items in document order, and skips sections without items', () => {
    const roots = buildPlanNodes(analysis, { groupBy: 'section', hideDone: false });
    assert.deepEqual(shape(roots), [
      { 'Launch Plan': [{ 'Phase 1: Accounts': ['AC-001', { 'AC-002': ['AC-003'] }] }, { 'Phase 2: Billing': [{ '2.1 Payments': ['BL-001', 'BL-002'] }] }] },
    ]);
  });

  it('gives every node a unique key and its parent', () => {
    const nodes = flatten(buildPlanNodes(analysis, { groupBy: 'section', hideDone: false }));
    assert.equal(new Set(nodes.map((n) => n.key)).size, nodes.length);
    for (const node of nodes) for (const child of node.children) assert.equal(child.parent, node);
    for (const node of nodes) assert.equal(node.expandable, node.children.length > 0, node.key);
  });

  it('builds children only when asked', () => {
    const roots = buildPlanNodes(analysis, { groupBy: 'section', hideDone: false });
    const descriptor = Object.getOwnPropertyDescriptor(roots[0]!.children[0]!, 'children');
    assert.ok(descriptor?.get, 'children is a getter');
    assert.equal(roots[0]!.children[0]!.children, roots[0]!.children[0]!.children, 'and built once');
  });

  it('keeps keys unique when a plan repeats an ID', () => {
    const twice = analyse('# P\n\n## A\n\n- [ ] **X-1**: one (1h)\n- [ ] **X-1**: two (2h)\n');
    const keys = flatten(buildPlanNodes(twice, { groupBy: 'section', hideDone: false })).map((n) => n.key);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('hides done items, and sections left empty', () => {
    const roots = buildPlanNodes(analysis, { groupBy: 'section', hideDone: true });
    const ids = flatten(roots).flatMap((n) => (n.kind === 'item' ? [n.item.id] : []));
    assert.deepEqual(ids, ['AC-002', 'AC-003', 'BL-001']);
    const done = analyse('# P\n\n## Done\n\n- [x] a (1h)\n\n## Open\n\n- [ ] b (1h)\n');
    assert.deepEqual(shape(buildPlanNodes(done, { groupBy: 'section', hideDone: true })), [{ P: [{ Open: ['b'] }] }]);
  });

  it('shows an item listed again in a summary table once, with its other mentions in its tooltip', () => {
    const plan = '# P\n\n## Gaps\n\n1. **Audit Log Export**\n   - **Priority**: P1\n   - **Estimated Time**: 4 hours\n\n## Matrix\n\n### P2\n\n| Feature | Effort |\n|---|---|\n| Audit Log Export | 4h |\n';
    const a = analyse(plan);
    for (const groupBy of ['section', 'priority'] as const) {
      const items = flatten(buildPlanNodes(a, { groupBy, hideDone: false })).filter((n) => n.kind === 'item');
      assert.deepEqual(items.map((n) => nodeText(n).label), ['Audit Log Export'], groupBy);
      assert.match(nodeText(items[0]!).tooltip, /Also listed on line 15 \(counted once\)/);
    }
  });

  it('groups top-level items by priority, most urgent first', () => {
    const roots = buildPlanNodes(analysis, { groupBy: 'priority', hideDone: false });
    assert.deepEqual(roots.map((r) => nodeText(r).label), ['P0', 'P1', 'P2']);
    assert.deepEqual(roots[1]!.children.map((n) => (n.kind === 'item' ? n.item.id : '')), ['AC-002']);
    assert.equal(roots[1]!.children[0]!.children.length, 1, 'sub-tasks stay under their task');
  });

  it('describes sections with their roll-up', () => {
    const roots = buildPlanNodes(analysis, { groupBy: 'section', hideDone: false });
    const phase1 = roots[0]!.children[0]!;
    assert.match(nodeText(phase1).description, /^1\/\d+ · /);
    assert.match(nodeText(phase1).tooltip, /items: 1 done/);
    assert.equal(rollupDescription(rollup({})), '3/7 · 12–18 h');
    assert.equal(rollupDescription(rollup({ unestimated: [1, 2, 3, 4, 5, 6, 7] })), '3/7');
    assert.equal(rollupDescription(rollup({ items: 0 })), '');
  });

  it('labels and describes items', () => {
    assert.equal(itemLabel({ id: 'CP-001', title: 'Connector modal' }), 'CP-001 Connector modal');
    assert.equal(itemLabel({ id: 'CP-001', title: 'CP-001' }), 'CP-001');
    assert.equal(itemLabel({ title: 'Stripe Integration' }), 'Stripe Integration');
    const estimate = { hours: { low: 4, high: 6 }, unit: 'h' as const, text: '4-6 hours', range: analysis.model.items[0]!.range };
    assert.equal(itemDescription({ priority: { rank: 0, label: 'P0 CRITICAL', source: 'own' }, estimate }), 'P0 · 4–6 h');
    assert.equal(itemDescription({ unreadableEstimate: { text: 'TBD', range: estimate.range } }), 'estimate "TBD"');
    assert.equal(itemDescription({}), '');
  });

  it('finds the deepest node at a line, also inside priority groups', () => {
    const lineOf = (text: string) => PLAN.split('\n').findIndex((l) => l.includes(text));
    const bySection = buildPlanNodes(analysis, { groupBy: 'section', hideDone: false });
    const node = nodeAtLine(bySection, lineOf('AC-003'));
    assert.equal(node?.kind === 'item' && node.item.id, 'AC-003');
    assert.equal(nodeText(nodeAtLine(bySection, lineOf('## Phase 2'))!).label, 'Phase 2: Billing');
    const byPriority = buildPlanNodes(analysis, { groupBy: 'priority', hideDone: false });
    const inGroup = nodeAtLine(byPriority, lineOf('BL-002'));
    assert.equal(inGroup?.kind === 'item' && inGroup.item.id, 'BL-002');
  });
});
