/**
 * Restatements a person sees at a glance and a sum must not add again (issue 12): a breakdown
 * line naming a listed gap, a summary row or scope list restating a whole area or earlier
 * lines, an appendix entry for a work package the plan heads "(W2)", and requirements assessed
 * beside the work that meets them. Each behaviour has a true negative beside it.
 */
import { strict as assert } from 'node:assert';
import { analyse, totals } from './plan-lines';

/** An area with its gaps listed, then its hours in a breakdown under a declared total. */
const AREA = [
  '# Plan',
  '',
  '## 1. Areas',
  '',
  '### 1.1 Billing Engine (W1)',
  '',
  '#### Gaps',
  '1. **Invoice Generator** (HIGH PRIORITY - 4-6 hours)',
  '2. **Tax Rules Engine Rewrite** (MEDIUM PRIORITY - 8-10 hours)',
  '',
  '#### Estimated Work Remaining: **14-18 hours**',
  '- Invoice generator: 4-6 hours',
  '- Tax rules engine: 8-10 hours',
  '- Testing: 2 hours',
  '',
];

describe('restatements are counted once', () => {
  it('a breakdown line naming a listed gap by its first words and hours is that gap', () => {
    // By hand: 2 gaps (4-6, 8-10) and one more breakdown line (Testing, 2 h) = 2 items, 14-18 h.
    const a = analyse(AREA);
    assert.deepEqual(totals(a), [2, 14, 18]);
    const tax = a.model.items.find((i) => i.title === 'Tax rules engine')!;
    assert.equal(a.model.items[tax.mentionOf!]?.title, 'Tax Rules Engine Rewrite');
  });

  it('true negative: a breakdown line with other hours is other work', () => {
    const changed = AREA.map((l) => (l === '- Tax rules engine: 8-10 hours' ? '- Tax rules engine: 3 hours' : l));
    const a = analyse(changed);
    // 4-6 + 8-10 (the gap) + 3 + 2 (breakdown lines of their own; the total is now a mismatch).
    assert.deepEqual(totals(a), [2, 17, 21]);
    assert.equal(a.model.items.find((i) => i.title === 'Tax rules engine')!.mentionOf, undefined);
  });

  it('a summary row restating a whole area counts in its table, not again in the document', () => {
    const a = analyse([...AREA, '## 2. Summary', '', '| Component | Hours |', '|---|---|', '| Billing Engine | 14-18 |', '| Invoice Generator | 4-6 |', '']);
    // The row "Billing Engine 14-18" is area 1.1 (its declared total), the other row the gap: still 2 items, 14-18 h.
    assert.deepEqual(totals(a), [2, 14, 18]);
    const row = a.model.items.find((i) => i.kind === 'row' && i.title === 'Billing Engine')!;
    assert.equal(a.model.sections[row.restates!]?.title, '1.1 Billing Engine (W1)');
    const summary = a.model.sections.find((s) => s.title === '2. Summary')!;
    assert.deepEqual(a.rollups.sections[summary.index].hours, { low: 18, high: 24 }, 'the table shows what it lists');
    assert.deepEqual(a.rollups.sections[0].hours, { low: 14, high: 18 }, 'the document heading agrees with the document');
  });

  it('true negative: a row sharing a word with the area but not its hours is an item', () => {
    const a = analyse([...AREA, '## 2. Summary', '', '| Component | Hours |', '|---|---|', '| Billing Reports | 6 |', '| Invoice Generator | 4-6 |', '']);
    assert.deepEqual(totals(a), [3, 20, 24]);
  });

  it('a later scope list restating earlier breakdown lines by two words and the hours is a restatement', () => {
    const a = analyse([...AREA, '## 3. Scope', '', '### Included', '1. **Tax Rules Engine** (8-10 hours)', '   - rules table', '2. **Billing Engine** (14-18 hours)', '']);
    // Tax Rules Engine (8-10) = the breakdown line = the gap; Billing Engine (14-18) = area 1.1. Still 2 items, 14-18 h.
    assert.deepEqual(totals(a), [2, 14, 18]);
  });

  it('true negative: a later list that shares only one word with the earlier lines stays items', () => {
    const a = analyse([...AREA, '## 3. Scope', '', '### Included', '1. **Tax Reporting** (8-10 hours)', '2. **Billing Engine** (14-18 hours)', '']);
    assert.deepEqual(totals(a), [4, 36, 46]);
  });

  it('true negative: the same chore with the same hours in two sibling phases is two items', () => {
    const a = analyse(['# Plan', '', '## Phase 1', '', '1. **Write API tests** (2 hours)', '2. **Deploy staging build** (1 hour)', '', '## Phase 2', '', '1. **Write API tests** (2 hours)', '2. **Deploy staging build** (1 hour)', '']);
    assert.deepEqual(totals(a), [4, 6, 6]);
  });

  it('an appendix entry for a work package the plan heads "(W1)" restates that area', () => {
    const a = analyse([...AREA, '## Appendix', '', '### W1: Billing Engine', '- **Estimated Time**: 20-24 hours', '']);
    // The appendix's original estimate is the same package as area 1.1: still 2 items, 14-18 h.
    assert.deepEqual(totals(a), [2, 14, 18]);
  });

  it('true negative: a task whose ID a sprint heading names, sharing no word with it, is a task', () => {
    const a = analyse(['# Plan', '', '## Sprint 1 (T-1, T-2)', '', '- [ ] T-1: Build importer (3h)', '- [ ] T-2: Write docs (2h)', '', '## Later', '', '### T-3: Sprint review (1h)', '- **Estimated Time**: 1 hour', '']);
    assert.deepEqual(totals(a), [3, 6, 6]);
  });

  it('requirements assessed beside the estimated work that meets them are a checklist', () => {
    const a = analyse(['# Plan', '', '## Export', '', '### Target Requirements', '- ✅ CSV export', '- ❌ **MISSING** PDF export', '- ❌ **MISSING** Export history', '', '### Work', '1. **PDF renderer** (6 hours)', '2. **History view** (3 hours)', '']);
    // By hand: the work is 2 items, 9 h; the requirements are its criteria (shown, not counted).
    assert.deepEqual(totals(a), [2, 9, 9]);
    assert.ok(a.model.items.filter((i) => /export/i.test(i.title)).every((i) => i.checklist));
  });

  it('true negative: a requirements section with no estimated work beside it is the work', () => {
    const a = analyse(['# Plan', '', '## Export', '', '### Requirements', '- [ ] CSV export', '- [ ] PDF export', '', '### Notes', 'Ask the finance team.', '']);
    assert.deepEqual(totals(a), [2, 0, 0]);
  });

  it('true negative: numbered requirements (with IDs) beside estimated work stay items', () => {
    const a = analyse(['# Plan', '', '## Export', '', '### Requirements', '- [ ] REQ-1: CSV export', '- [ ] REQ-2: PDF export', '', '### Work', '1. **PDF renderer** (6 hours)', '']);
    assert.deepEqual(totals(a), [3, 6, 6]);
  });

  const GAPS = [
    '# Plan',
    '',
    '## Gaps',
    '',
    '1. **Upload Retry Logic**',
    '   - **Priority**: P0',
    '   - **Estimated Time**: 3 hours',
    '2. **Session Replay Viewer**',
    '   - **Priority**: P1',
    '   - **Estimated Time**: 5 hours',
    '3. **Testing Infrastructure**',
    '   - **Priority**: P1',
    '   - **Estimated Time**: 6-8 hours',
    '',
  ];

  it('a timeline line "P0 Critical Features: 3 hours" adds up the P0 items, it is not more work', () => {
    const a = analyse([...GAPS, '## Timeline', '- **P0 Critical Features**: 3 hours', '- **P1 Important Features**: 11-13 hours', '']);
    // By hand: 3 gaps, 3 + 5 + 6-8 = 14-16 h.
    assert.deepEqual(totals(a), [3, 14, 16]);
  });

  it('true negative: a breakdown line naming a priority no item carries is work', () => {
    const a = analyse([...GAPS, '## Timeline', '- **P2 Polish**: 4 hours', '']);
    assert.deepEqual(totals(a), [3, 18, 20]);
  });

  it('a summary row with the same first words and hours as a listed gap is that gap', () => {
    const a = analyse([...GAPS, '## Summary', '', '| Feature | Effort |', '|---|---|', '| Session Replay Player | 5h |', '| Upload Retry Queue | 3h |', '']);
    assert.deepEqual(totals(a), [3, 14, 16]);
  });

  it('true negative: two list entries of one kind with similar names and hours are two items', () => {
    const a = analyse(['# Plan', '', '## Gaps', '', '1. **Session Replay Viewer** (5 hours)', '', '## Later', '', '1. **Session Replay Export** (5 hours)', '2. **Offline Mode** (2 hours)', '']);
    assert.deepEqual(totals(a), [3, 12, 12]);
  });

  it('a sprint named after one item, declaring its hours, holds that item\'s parts', () => {
    const a = analyse([...GAPS, '## Sprint 2: Testing Infrastructure - 6-8 hours', '', '1. **Unit Tests** (3h)', '2. **E2E Tests** (4h)', '']);
    assert.deepEqual(totals(a), [3, 14, 16]);
    const unit = a.model.items.find((i) => i.title === 'Unit Tests')!;
    assert.equal(a.model.items[unit.mentionOf!]?.title, 'Testing Infrastructure');
  });

  it('true negative: a sprint whose heading names an item but declares other hours is its own work', () => {
    const a = analyse([...GAPS, '## Sprint 2: Testing Infrastructure - 12 hours', '', '1. **Unit Tests** (5h)', '2. **E2E Tests** (7h)', '']);
    assert.deepEqual(totals(a), [5, 26, 28]);
  });

  it("a parent's estimate over estimated sub-tasks counts once, as the total of its parts", () => {
    const a = analyse(['# Plan', '', '- [ ] Build export (6h)', '  - [ ] CSV writer (2h)', '  - [ ] PDF writer (4h)', '- [ ] Write the guide (1h)', '']);
    // By hand: 2 items, 6 + 1 = 7 h (CSV 2 + PDF 4 are the export's 6 h, not 6 more).
    assert.deepEqual(totals(a), [2, 7, 7]);
    const total = a.model.declared.find((d) => d.scope.parent !== undefined)!;
    assert.equal(a.model.items[total.scope.parent!]?.title, 'Build export');
    assert.deepEqual(a.findings, []);
  });
});
