/** The Plans view's rows and the workspace total: the active file first, roll-ups per file and section, totals that add up. */
import { strict as assert } from 'node:assert';
import { analyzePlan } from '../../../src/core';
import { planRows, rollupText, workspaceRollup } from '../../../src/vscode/features/workspace-plan-rows';

const A = analyzePlan('# Alpha Plan\n\n## Phase 1\n\n- [x] Login (2h)\n- [ ] Signup (3h)\n\n## Phase 2\n\n- [ ] Reset (4h)\n');
const B = analyzePlan('# Beta Plan\n\n- [ ] Export (1h)\n- [ ] Import (2h)\n- [ ] Audit (5h)\n');

describe('vscode/features/workspace-plan-rows', () => {
  const plans = [
    { file: 'file:///w/b.md', analysis: B },
    { file: 'file:///w/a.md', analysis: A },
  ];
  const relative = (f: string) => f.replace('file:///w/', '');

  it('puts the active file first, then orders by path', () => {
    assert.deepEqual(planRows(plans, undefined, relative).map((r) => r.label), ['a.md', 'b.md']);
    assert.deepEqual(planRows(plans, 'file:///w/b.md', relative).map((r) => [r.label, r.active]), [['b.md', true], ['a.md', false]]);
  });

  it("shows each file's roll-up and its sections' (below a single title heading)", () => {
    const [a] = planRows(plans, undefined, relative);
    assert.equal(a.description, '1/3 done · 7 h left');
    assert.deepEqual(a.sections.map((s) => [s.label, s.description, s.line]), [['Phase 1', '1/2 done · 3 h left', 2], ['Phase 2', '0/1 done · 4 h left', 7]]);
  });

  it('adds the workspace total up from every plan', () => {
    const total = workspaceRollup([A, B]);
    assert.equal(total.items, 6);
    assert.equal(total.done, 1);
    assert.deepEqual(total.remainingHours, { low: 15, high: 15 });
    assert.equal(rollupText(total), '1/6 done · 15 h left');
  });
});
