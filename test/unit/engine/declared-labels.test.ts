/**
 * Issue 9's label shapes: bracketed labels, ID ranges, tags, status lines and progress are
 * declared numbers with the scope they name, and never items.
 */
import { strict as assert } from 'node:assert';
import { analyzePlan } from '../../../src/core/index';
import type { Declared, PlanModel } from '../../../src/core/model/schema';

function model(text: string): PlanModel {
  return analyzePlan(text, { detection: 'always' }).model;
}

function declared(m: PlanModel, label: string): Declared {
  const found = m.declared.filter((d) => d.label === label);
  assert.equal(found.length, 1, `expected one declared "${label}", got ${m.declared.map((d) => d.label).join(' | ')}`);
  return found[0];
}

function titles(m: PlanModel): string[] {
  return m.items.map((i) => i.title);
}

const TASKS = '## Setup\n\n- [x] T001 Create the module\n- [x] T002 [P] Add the parser\n- [ ] T003 [P] Add a sample\n\n## Core\n\n- [ ] T004 Parse rows (P0)\n- [ ] T005 [P] Map fields (P1)\n';

describe('declared numbers behind labels in brackets, ranges and tags', () => {
  it('reads "Critical (P0) tasks: 3" as a count over the P0 items, not an item', () => {
    const m = model(`# Plan\n\n## Summary\n\n- Critical (P0) tasks: 1\n- Total effort (all phases): 3 days\n\n${TASKS}`);
    const count = declared(m, 'Critical (P0) tasks');
    assert.equal(count.kind, 'count');
    assert.deepEqual(count.scope.priorities, [0]);
    assert.equal(declared(m, 'Total effort (all phases)').kind, 'total');
    assert.ok(!titles(m).some((t) => /Critical|Total effort/.test(t)), titles(m).join(' | '));
  });

  it('keeps "**Login bugs (P1)**: 3 bugs" an item: its label names one piece of work', () => {
    const m = model('## Bugs\n\n- **Login bugs (P1)**: 3 bugs\n- **Slow search (P2)**: 2 reports\n');
    assert.deepEqual(titles(m), ['Login bugs', 'Slow search']);
    assert.equal(m.declared.length, 0);
  });

  it('counts the IDs of "Setup: 3 tasks (T001-T003)" that exist as items', () => {
    const m = model(`# Plan\n\n${TASKS}\n## Summary\n\n- **Setup**: 3 tasks (T001-T003)\n- **All**: 5 tasks (T001–T005)\n`);
    const setup = declared(m, 'Setup');
    assert.equal(setup.scope.kind, 'ids');
    assert.deepEqual(setup.scope.idRange, { text: 'T001-T003', size: 3 });
    assert.deepEqual(setup.scope.items.map((i) => m.items[i].title.slice(0, 4)), ['T001', 'T002', 'T003']);
    assert.equal(declared(m, 'All').scope.items.length, 5);
  });

  it('counts the items carrying the tag of "[P] marker: 3 tasks" and "Tasks marked [P]: 3"', () => {
    const m = model(`# Plan\n\n${TASKS}\n## Notes\n\n- [P] marker: 3 tasks\n\nTasks marked [P]: 3\n`);
    for (const label of ['[P] marker', 'Tasks marked [P]']) {
      const d = declared(m, label);
      assert.equal(d.scope.kind, 'tagged');
      assert.equal(d.scope.items.length, 3);
    }
    assert.equal(analyzePlan(`# Plan\n\n${TASKS}\n## Notes\n\n- [P] marker: 3 tasks\n`, { detection: 'always' }).findings.length, 0);
  });

  it('never makes a status line with a count an item, and counts it only at info', () => {
    const text = '## Sweep\n\n**Status**: Found 3 TODOs in codebase\n\n- [ ] One\n- [ ] Two\n';
    const m = model(text);
    assert.deepEqual(titles(m), ['One', 'Two']);
    assert.equal(declared(m, 'Found 3 TODOs').unsure, true);
    const findings = analyzePlan(text, { detection: 'always' }).findings;
    assert.deepEqual(findings.map((f) => [f.rule, f.severity, !!f.fix]), [['count-mismatch', 'info', false]]);
  });
});

describe('declared progress', () => {
  it('reads "Progress: 4 of 9 tasks done" and "✅ Complete (8/9)" as done of total, never items', () => {
    const m = model('# Plan\n\n- Progress: 1 of 2 tasks done\n- Phase 1: ✅ Complete (1/2)\n\n## Phase 1\n\n- [x] Build\n- [ ] Ship\n');
    const progress = declared(m, 'Progress');
    assert.equal(progress.kind, 'progress');
    assert.deepEqual([progress.value.low, progress.outOf], [1, 2]);
    assert.equal(declared(m, 'Phase 1').scope.section, m.sections.findIndex((s) => s.title === 'Phase 1'));
    assert.deepEqual(titles(m), ['Build', 'Ship']);
  });

  it('reads a heading "✅ Complete (2/3)" as partly done, not done', () => {
    const m = model('## Phase 1 ✅ Complete (2/3)\n\n- [x] A\n- [x] B\n- [ ] C\n');
    assert.equal(m.sections[0].status, 'partial');
    assert.equal(analyzePlan('## Phase 1 ✅ Complete (2/3)\n\n- [x] A\n- [x] B\n- [ ] C\n', { detection: 'always' }).findings.length, 0);
  });

  it('does not read a title note, a date or other things counted as progress', () => {
    const m = model('## Log\n\n- ✅ Migrate endpoints (13/14)\n- ✅ Completed 10/12 rollout\n- Tests: 45/50 passing\n- 13/14 endpoints done\n- ✅ Login form done (3/3 tests)\n- Done: 5/6 endpoints migrated\n');
    assert.equal(m.declared.filter((d) => d.kind === 'progress').length, 0);
    assert.ok(titles(m).some((t) => t.startsWith('Login form')), titles(m).join(' | '));
  });
});
