/** Item identity: an item listed again is one item with several mentions, counted once. */
import { strict as assert } from 'node:assert';
import { analyzePlan, type Analysis } from '../../../src/core/index';

function analyse(text: string): Analysis {
  return analyzePlan(text, { detection: 'always' });
}

const DETAILED = [
  '# Plan',
  '',
  '## Gaps',
  '',
  '1. **Audit Log Export**',
  '   - **Priority**: P1',
  '   - **Estimated Time**: 4-6 hours',
  '',
  '2. **Bulk User Import**',
  '   - **Priority**: P0',
  '   - **Estimated Time**: 10 hours',
  '',
].join('\n');

describe('item mentions', () => {
  it('a summary table restating items by title counts each item once, in the document and by priority', () => {
    const a = analyse(`${DETAILED}\n## Summary\n\n| Feature | Effort | Status |\n|---|---|---|\n| Audit Log Export | 4-6h | Done |\n| Bulk User Import | 10h | Open |\n`);
    // By hand: 2 distinct items, 4-6 + 10 = 14-16 h; P0: 1 item 10 h, P1: 1 item 4-6 h.
    assert.equal(a.rollups.document.items, 2);
    assert.deepEqual(a.rollups.document.hours, { low: 14, high: 16 });
    assert.equal(a.rollups.byPriority.P0?.items, 1);
    assert.equal(a.rollups.byPriority.P1?.items, 1);
    const rows = a.model.items.filter((i) => i.kind === 'row');
    assert.equal(rows.length, 2);
    for (const row of rows) assert.equal(a.model.items[row.mentionOf!]?.kind, 'list');
    // The detailed entry states no status; the summary's status cells fill it in.
    assert.deepEqual(
      a.model.items.filter((i) => i.kind === 'list').map((i) => [i.title, i.status, i.mentions?.length]),
      [
        ['Audit Log Export', 'done', 1],
        ['Bulk User Import', 'open', 1],
      ],
    );
    // The summary section still shows what it holds: two items.
    const summary = a.model.sections.find((s) => s.title === 'Summary')!;
    assert.equal(a.rollups.sections[summary.index].items, 2);
    // The whole document, the parent of both sections, counts them once.
    assert.equal(a.rollups.sections[0].items, 2);
  });

  it('the same ID listed in a sprint list is one item; the estimate comes from the detailed entry', () => {
    const a = analyse('# Plan\n\n## Tasks\n\n- [ ] **AB-1**: Build the importer\n  - **Estimated:** 6 hours\n- [x] **AB-2**: Write the docs\n  - **Estimated:** 2 hours\n\n## Sprint 1\n\n- AB-1 Build the importer (P1)\n- AB-2 Write the docs (P1)\n');
    assert.equal(a.rollups.document.items, 2);
    assert.deepEqual(a.rollups.document.hours, { low: 8, high: 8 });
    assert.equal(a.rollups.document.done, 1);
  });

  it('a renamed restatement list pairs only when every entry matches one item with the same estimate', () => {
    const plan = [
      '# Plan',
      '',
      '### 1. Integrate Settings with Forms',
      '',
      '**Estimated Effort:** 6-8 hours',
      '',
      '### 2. Add Usage Dashboard',
      '',
      '**Estimated Effort:** 3-4 hours',
      '',
      '## Order',
      '',
      '1. **Settings Integration** (6-8h)',
      '2. **Usage Dashboard** (3-4h)',
      '',
    ].join('\n');
    const a = analyse(plan);
    // By hand: 2 distinct items, 6-8 + 3-4 = 9-12 h.
    assert.equal(a.rollups.document.items, 2);
    assert.deepEqual(a.rollups.document.hours, { low: 9, high: 12 });
    // True negative: one entry with no counterpart keeps the whole list as items of their own.
    const b = analyse(plan + '3. **Offline Mode** (5h)\n');
    assert.equal(b.rollups.document.items, 5);
  });

  it('true negatives: the same chore in sibling phases, and one-word titles, are separate items', () => {
    const a = analyse('# Plan\n\n## Phase 1\n\n- [ ] Write unit tests (2h)\n- [ ] Deploy (1h)\n\n## Phase 2\n\n- [ ] Write unit tests (2h)\n- [ ] Deploy (1h)\n');
    assert.equal(a.rollups.document.items, 4);
    assert.deepEqual(a.rollups.document.hours, { low: 6, high: 6 });
  });

  it('a same-named item with a different estimate is different work', () => {
    const a = analyse('# Plan\n\n## Backend\n\n1. **Error Handling**\n   - **Estimated Time**: 8 hours\n\n## Frontend\n\n| Feature | Effort |\n|---|---|\n| Error Handling | 2h |\n| Offline banner | 1h |\n');
    assert.equal(a.rollups.document.items, 3);
  });
});
