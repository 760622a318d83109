import { strict as assert } from 'node:assert';
import type { Rollup } from '../../../src/core/model/rollup-types';
import { declaredLensTitle, lensTargets, lensTitle, sectionLensTitle } from '../../../src/vscode/features/code-lens-text';
import { statusText, statusTooltip } from '../../../src/vscode/features/status-text';
import type { DeclaredParts } from '../../../src/vscode/analysis/protocol';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlanNodes, nodeText } from '../../../src/vscode/features/plan-nodes';
import { analyse, PLAN } from './helpers';

const rollup = (over: Partial<Rollup>): Rollup => ({
  items: 12, done: 3, partial: 0, open: 9, unknown: 0, hours: { low: 34, high: 43 }, remainingHours: { low: 28, high: 35 }, unestimated: [], ...over,
});
const parts = (over: Partial<DeclaredParts>): DeclaredParts => ({
  items: [1, 2, 3, 4, 5, 6, 7, 8], done: 2, hours: { low: 75, high: 97 }, remainingHours: { low: 60, high: 80 }, unestimated: 0, declared: [], ...over,
});

describe('vscode/features/code-lens-text', () => {
  it('sums up a section', () => {
    assert.equal(sectionLensTitle(rollup({})), '12 items · 3 done (25%) · 34–43 h · 28–35 h left');
    assert.equal(sectionLensTitle(rollup({ items: 1, done: 0 })), '1 item · 0 done (0%) · 34–43 h · 28–35 h left');
    assert.equal(sectionLensTitle(rollup({ unestimated: [4, 5] })), '12 items · 3 done (25%) · 34–43 h · 28–35 h left · 2 unestimated');
    assert.equal(sectionLensTitle(rollup({ items: 2, done: 0, unestimated: [4, 5], hours: { low: 0, high: 0 }, written: { days: 0, hours: 0 } })), '2 items · 0 done (0%) · no estimates');
  });

  it('says what the parts of a declared total or count add to', () => {
    assert.equal(declaredLensTitle('total', parts({})), 'Parts add to 75–97 h (8 items)');
    assert.equal(declaredLensTitle('total', parts({ unestimated: 1 })), 'Parts add to 75–97 h (8 items, 1 unestimated)');
    assert.equal(declaredLensTitle('total', parts({ items: [], declared: [1, 2] })), 'Parts add to 75–97 h (2 totals)');
    assert.equal(declaredLensTitle('count', parts({})), 'Parts: 8 items (2 done)');
  });

  it('places lenses over headings with items and over declared totals, in document order', () => {
    const analysis = analyse(PLAN);
    const targets = lensTargets(analysis);
    const lines = PLAN.split('\n');
    const placed = targets.map((t) => lines[t.range.start.line]);
    assert.deepEqual(placed, ['# Launch Plan', '## Phase 1: Accounts', '## Phase 2: Billing', '### 2.1 Payments', '**Total Payments**: 20 hours']);
    const total = targets.at(-1)!;
    assert.equal(lensTitle(total, analysis), 'Parts add to 9–11 h (2 items)');
  });
});

describe('vscode/features/status-text', () => {
  it('shows done/total and hours left', () => {
    assert.equal(statusText(rollup({})), '$(check) 3/12 (25%) · 28–35 h left');
    assert.equal(statusText(rollup({ items: 2, done: 0, unestimated: [1, 2] })), '$(check) 0/2 (0%) · no estimates');
    assert.match(statusTooltip(rollup({})), /12 items: 3 done, 9 open \(25% done\)/);
    // Days where the plan writes days; "No estimates", never "Estimated 0 h".
    assert.equal(statusText(rollup({ remainingHours: { low: 24, high: 32 }, written: { days: 4, hours: 0 } }), 8), '$(check) 3/12 (25%) · 3–4 d left');
    assert.match(statusTooltip(rollup({ items: 2, done: 0, open: 2, unestimated: [1, 2], hours: { low: 0, high: 0 }, written: { days: 0, hours: 0 } })), /No estimates/);
  });
});

describe('one set of numbers on every surface', () => {
  it('the status bar, its tooltip, the tree root and the top lens agree on a sample plan', () => {
    const text = readFileSync(join(__dirname, '../../../media/samples/gap-analysis.md'), 'utf8');
    const analysis = analyse(text);
    const doc = analysis.rollups.document;
    const perDay = analysis.rollups.hoursPerDay;
    assert.equal(doc.done + doc.partial + doc.open + doc.unknown, doc.items);
    // By hand: 9 distinct items (the matrix restates 6), 0 done, 59–77 h.
    assert.equal(statusText(doc, perDay), '$(check) 0/9 (0%) · 59–77 h left');
    assert.match(statusTooltip(doc, perDay), /9 items: 0 done, 3 partly done, 6 without a status \(0% done\)\nEstimated 59–77 h, 59–77 h left/);
    const root = buildPlanNodes(analysis, { groupBy: 'section', hideDone: false })[0]!;
    assert.equal(nodeText(root).description, '0/9 · 59–77 h');
    assert.match(nodeText(root).tooltip, /9 items: 0 done, 3 partly done, 6 without a status \(0% done\)\nEstimated 59–77 h, 59–77 h left/);
    const top = lensTargets(analysis)[0]!;
    assert.equal(lensTitle(top, analysis), '9 items · 0 done (0%) · 59–77 h · 59–77 h left');
  });
});
