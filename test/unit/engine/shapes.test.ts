/** The ways plans write items, statuses, priorities and estimates, from small hand-made snippets. */
import { strict as assert } from 'node:assert';
import { analyzePlan } from '../../../src/core/index';
import type { Item } from '../../../src/core/model/schema';

function items(text: string): Item[] {
  return analyzePlan(text, { detection: 'always' }).model.items;
}

function only(text: string): Item {
  const found = items(text);
  assert.equal(found.length, 1, `expected one item, got ${found.map((i) => i.title).join(' | ')}`);
  return found[0];
}

describe('item shapes', () => {
  it('a list item with a bold title and nested property bullets', () => {
    const item = only('## Gaps\n\n1. **Concurrency Controls**\n   - **Current**: exists\n   - **Priority**: P1\n   - **Estimated Time**: 2 hours\n');
    assert.equal(item.kind, 'list');
    assert.equal(item.title, 'Concurrency Controls');
    assert.equal(item.priority?.rank, 1);
    assert.deepEqual(item.estimate?.hours, { low: 2, high: 2 });
  });

  it('a GFM task with an ID and a nested estimate whose colon sits inside the bold', () => {
    const item = only('## Tasks\n\n- [ ] **CP-001**: Implement the modal\n  - Add cards\n  - **Estimated:** 8 hours\n');
    assert.equal(item.kind, 'task');
    assert.equal(item.id, 'CP-001');
    assert.equal(item.title, 'Implement the modal');
    assert.equal(item.checkbox?.checked, false);
    assert.deepEqual(item.estimate?.hours, { low: 8, high: 8 });
  });

  it('a heading that is itself an item, with properties as paragraphs below it', () => {
    const item = only('## Blockers\n\n### 1. **Environment Not Configured** 🔴 CRITICAL\n\n**Priority**: P0 - DO THIS FIRST\n\n**Estimated Effort:** 1-2 hours\n\nSome prose.\n');
    assert.equal(item.kind, 'heading');
    assert.equal(item.priority?.rank, 0);
    assert.deepEqual(item.estimate?.hours, { low: 1, high: 2 });
  });

  it('a table row in a table with a task column and an effort column', () => {
    const found = items('## Backlog\n\n| Task | Effort | Priority | Status |\n|---|---|---|---|\n| Login | 8-10h | High | Done |\n| Signup | 2d | P2 | In progress |\n');
    assert.deepEqual(
      found.map((i) => [i.kind, i.title, i.estimate?.hours, i.priority?.rank, i.status]),
      [
        ['row', 'Login', { low: 8, high: 10 }, 1, 'done'],
        ['row', 'Signup', { low: 16, high: 16 }, 2, 'partial'],
      ],
    );
  });

  it('a plain bullet with a trailing annotation', () => {
    const item = only('## Migration\n\n- [ ] Write dual-write shim (P0, 2d)\n');
    assert.equal(item.title, 'Write dual-write shim');
    assert.equal(item.priority?.rank, 0);
    assert.deepEqual(item.estimate?.hours, { low: 16, high: 16 });
  });

  it('tables of metrics are not items', () => {
    assert.equal(items('## Metrics\n\n| Metric | Value |\n|---|---|\n| Coverage | 80% |\n| Latency | 200ms |\n').length, 0);
  });

  it('prose lists are not items, and bold entries are items only under a status heading', () => {
    assert.equal(items('## Risks\n\n1. **Scope creep**\n   - Mitigation: change control\n').length, 0);
    assert.equal(items('## ✅ Done\n\n1. **Login**\n   - works\n')[0]?.status, 'done');
  });

  it('a checkbox in a heading', () => {
    const item = only('# Backlog\n\n### [ ] T8 — Fix the picker\n\n**Aufwand:** 2h\n');
    assert.equal(item.kind, 'heading');
    assert.equal(item.checkbox?.checked, false);
  });
});

describe('statuses', () => {
  const status = (line: string) => only(`## S\n\n${line}\n`).status;

  it('reads checkboxes, emoji and words into one model', () => {
    assert.equal(status('- [x] shipped thing'), 'done');
    assert.equal(status('- [ ] open thing'), 'open');
    assert.equal(status('- ✅ Drag-and-drop upload'), 'done');
    assert.equal(status('- ⚠️ **PARTIAL** Batch workflows'), 'partial');
    assert.equal(status('- ❌ **MISSING** Regeneration'), 'open');
  });

  it('takes status from the heading an item sits under', () => {
    const found = items('## Features\n\n#### ❌ Missing Features\n1. **Toasts**\n   - **Priority**: P0\n\n#### ⚠️ Partial\n1. **Hero**\n   - **Priority**: P1\n');
    assert.deepEqual(found.map((i) => [i.status, i.statusSource]), [['open', 'section'], ['partial', 'section']]);
  });

  it('lets an explicit Status field overrule a decorative ✅ on the heading', () => {
    const model = analyzePlan('#### ✅ Phase 1 (2 hours)\n\n**Status**: ⏳ PENDING\n\n- [ ] one (1h)\n- [ ] two (1h)\n', { detection: 'always' }).model;
    assert.equal(model.sections[0].status, 'open');
  });

  it('reads statuses through mojibake: âœ… stands for ✅', () => {
    assert.equal(status('- \u00e2\u0153\u2026 Login page (2h)'), 'done');
  });
});

describe('priorities', () => {
  const priority = (line: string) => only(`## S\n\n${line}\n`).priority;

  it('ranks P-codes, words beside "priority", emoji, and keeps the label', () => {
    assert.equal(priority('1. **A** (HIGH PRIORITY)')?.rank, 1);
    assert.equal(priority('1. **A**\n   - **Priority**: **P0 CRITICAL**')?.label, 'P0 CRITICAL');
    assert.equal(priority('1. **A**\n   - **Priority**: Low')?.rank, 3);
    assert.equal(priority('- [ ] thing (P2)')?.rank, 2);
  });

  it('does not read "HIGH RISK" as a priority', () => {
    const model = analyzePlan('#### HIGH RISK: Template System\n\n- [ ] x (1h)\n', { detection: 'always' }).model;
    assert.equal(model.sections[0].priority, undefined);
  });

  it('gives items under a priority heading that priority, marked as inherited', () => {
    const item = only('### P0 CRITICAL\n\n| Feature | Effort |\n|---|---|\n| Billing | 35-45h |\n');
    assert.deepEqual([item.priority?.rank, item.priority?.source], [0, 'section']);
  });
});

describe('declared numbers', () => {
  it('records counts, totals and timelines with their value ranges', () => {
    const text = '# Plan\n\n**P0 Critical Gaps**: 8 features\n\n**Estimated Timeline:** 4-6 weeks\n\n## Billing\n\n1. **Stripe**\n   - **Priority**: P0\n   - **Estimated Time**: 12-15 hours\n\n**Total Billing**: 35-45 hours\n';
    const { model } = analyzePlan(text, { detection: 'always' });
    const byKind = Object.fromEntries(model.declared.map((d) => [d.kind, d]));
    assert.equal(text.slice(byKind.count.valueRange.start.offset, byKind.count.valueRange.end.offset), '8');
    assert.deepEqual(byKind.count.scope.priorities, [0]);
    assert.equal(text.slice(byKind.total.valueRange.start.offset, byKind.total.valueRange.end.offset), '35-45');
    assert.equal(byKind.total.scope.kind, 'list');
    assert.deepEqual(byKind.timeline.value, { low: 4, high: 6 });
    assert.equal(byKind.timeline.unit, 'w');
  });

  it('reads a heading total and a heading count as speaking of their section', () => {
    const { model } = analyzePlan('## Sprint 1 (Week 1) - 5-6 hours\n\n- [ ] a (2h)\n- [ ] b (3h)\n\n## Gaps - 2 Features\n\n- [ ] c (1h)\n- [ ] d (1h)\n', { detection: 'always' });
    const total = model.declared.find((d) => d.kind === 'total')!;
    const count = model.declared.find((d) => d.kind === 'count')!;
    assert.deepEqual([total.where, total.scope.items.length, total.value], ['heading', 2, { low: 5, high: 6 }]);
    assert.deepEqual([count.where, count.scope.items.length], ['heading', 2]);
  });

  it('reads a Total row as the sum of its table', () => {
    const { model } = analyzePlan('## Work\n\n| Task | Hours |\n|---|---|\n| Alpha | 2 |\n| Beta | 3 |\n| **Total** | **6** |\n', { detection: 'always' });
    const total = model.declared.find((d) => d.kind === 'total')!;
    assert.deepEqual([total.where, total.scope.kind, total.scope.items.length, total.value], ['row', 'table', 2, { low: 6, high: 6 }]);
  });

  it('records capacity: people and hours per day', () => {
    const { model } = analyzePlan('# Plan\n\n- [ ] a (2h)\n\nNotes:\n- All time estimates are for a single developer\n- Assume 6-8 productive hours per day\n', { detection: 'always' });
    const caps = model.declared.filter((d) => d.kind === 'capacity').map((d) => d.capacity);
    assert.deepEqual(caps, [{ people: 1, hoursPerDay: undefined }, { people: undefined, hoursPerDay: { low: 6, high: 8 } }]);
  });
});

describe('estimates in hours', () => {
  const hours = (annotation: string, options = {}) => analyzePlan(`## S\n\n- [ ] t (${annotation})\n`, { detection: 'always', ...options }).model.items[0].estimate?.hours;

  it('converts days and weeks with the settings (8 h a day, 5 days a week by default)', () => {
    assert.deepEqual(hours('2d'), { low: 16, high: 16 });
    assert.deepEqual(hours('1w'), { low: 40, high: 40 });
    assert.deepEqual(hours('0.5d', { hoursPerDay: 6 }), { low: 3, high: 3 });
    assert.deepEqual(hours('1w', { hoursPerDay: 6, daysPerWeek: 4 }), { low: 24, high: 24 });
  });

  it('reads open-ended, approximate, minute and en-dash estimates', () => {
    assert.deepEqual(hours('20+ hours'), { low: 20, high: null });
    assert.deepEqual(hours('~3 hours'), { low: 3, high: 3 });
    assert.deepEqual(hours('30 min'), { low: 0.5, high: 0.5 });
    assert.deepEqual(hours('8–10h'), { low: 8, high: 10 });
    assert.deepEqual(hours('0,5h'), { low: 0.5, high: 0.5 });
  });

  it('does not read money, calendar spans or percentages as effort', () => {
    assert.equal(hours('$5-10'), undefined);
    assert.equal(hours('Week 1-2'), undefined);
    assert.equal(hours('80%'), undefined);
  });
});
