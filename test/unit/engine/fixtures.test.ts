/**
 * The engine's acceptance numbers on the three real plans (issue "Plan engine"). They read
 * ../shared/fixtures/plans and skip, saying why, where it is absent.
 */
import { strict as assert } from 'node:assert';
import { analyzePlan, type Analysis } from '../../../src/core/index';
import type { Item, Section } from '../../../src/core/model/schema';
import { ABSENT, PLANS, readShared } from '../rules/shared-files';

function load(ctx: Mocha.Context, name: string): Analysis {
  const text = readShared(PLANS, name);
  if (text === undefined) {
    console.log(`      skipped: ${ABSENT}`);
    ctx.skip();
  }
  return analyzePlan(text!);
}

function section(a: Analysis, pattern: RegExp): Section {
  const found = a.model.sections.find((s) => pattern.test(s.title));
  assert.ok(found, `no section matching ${pattern}`);
  return found!;
}

function inSubtree(a: Analysis, item: Item, root: Section): boolean {
  for (let s: number | undefined = item.section; s !== undefined; s = a.model.sections[s].parent) if (s === root.index) return true;
  return false;
}

describe('engine on the shared fixtures', () => {
  describe('000_fd14e9535b42d3e4.md (gap analysis)', () => {
    let a: Analysis;
    before(function () {
      a = load(this, '000_fd14e9535b42d3e4.md');
    });

    it('reads 51 items in PART 1 with a Priority field: 19 P0, 22 P1, 10 P2', () => {
      const part1 = section(a, /^PART 1:/);
      const withField = a.model.items.filter((i) => inSubtree(a, i, part1) && i.priority?.source === 'own');
      assert.equal(withField.length, 51);
      const byRank = [0, 1, 2].map((r) => withField.filter((i) => i.priority!.rank === r).length);
      assert.deepEqual(byRank, [19, 22, 10]);
    });

    it('reads "**P1 CRITICAL**" as P1, keeping the label as written', () => {
      const monitoring = a.model.items.find((i) => i.title === 'Monitoring & Logging' && i.kind === 'list');
      assert.equal(monitoring?.priority?.rank, 1);
      assert.match(monitoring!.priority!.label, /P1 CRITICAL/);
    });

    it('reads the P0 table as 8 rows adding to 75–97 h, matching its heading count', () => {
      const p0 = section(a, /^P0 CRITICAL/);
      const rows = a.model.items.filter((i) => i.section === p0.index && i.kind === 'row');
      assert.equal(rows.length, 8);
      assert.deepEqual(a.rollups.sections[p0.index].hours, { low: 75, high: 97 });
      const count = a.model.declared.find((d) => d.kind === 'count' && d.where === 'heading' && d.section === p0.index);
      assert.equal(count?.value.low, 8);
      assert.equal(count?.scope.items.length, 8);
    });

    it('sums section 9. BILLING & MONETIZATION to 34–43 h', () => {
      const billing = section(a, /^9\. BILLING & MONETIZATION/);
      assert.deepEqual(a.rollups.sections[billing.index].hours, { low: 34, high: 43 });
    });

    it('inherits status from the ✅/⚠️/❌ heading an item sits under', () => {
      const toast = a.model.items.find((i) => i.title === 'Toast Notification System' && i.kind === 'list');
      assert.equal(toast?.status, 'open');
      assert.equal(toast?.statusSource, 'section');
      const hero = a.model.items.find((i) => i.title === 'Hero Section Visual Design');
      assert.equal(hero?.status, 'partial');
    });
  });

  describe('001_962a7f0fd3c318ed.md (scope document)', () => {
    let a: Analysis;
    before(function () {
      a = load(this, '001_962a7f0fd3c318ed.md');
    });

    function remaining(sectionTitle: RegExp) {
      const parent = section(a, sectionTitle);
      const declared = a.model.declared.find((d) => d.kind === 'total' && /Estimated Work Remaining/.test(d.label) && a.model.sections[d.section].parent === parent.index);
      assert.ok(declared, `no "Estimated Work Remaining" under ${sectionTitle}`);
      return { declared: declared!, sum: a.rollups.sections[declared!.section].hours };
    }

    it('sums the breakdown under 1.6 "Estimated Work Remaining" to 121–160 h', () => {
      const { declared, sum } = remaining(/^1\.6 /);
      assert.deepEqual(sum, { low: 121, high: 160 });
      assert.equal(declared.scope.items.length, 9);
    });

    it('sums the breakdown under 1.1 "Estimated Work Remaining" to 50–65 h', () => {
      const { declared, sum } = remaining(/^1\.1 /);
      assert.deepEqual(sum, { low: 50, high: 65 });
      assert.deepEqual(declared.value, { low: 50, high: 60 });
    });

    it('scopes "Total Remaining Work" to the three per-priority totals', () => {
      const grand = a.model.declared.find((d) => d.label === 'Total Remaining Work');
      assert.equal(grand?.scope.kind, 'totals');
      const labels = grand!.scope.declared!.map((i) => a.model.declared[i].label);
      assert.deepEqual(labels, ['HIGH PRIORITY TOTAL', 'MEDIUM PRIORITY TOTAL', 'LOW PRIORITY TOTAL']);
    });
  });

  describe('004_bafbc14f0c5d7478.md (implementation plan)', () => {
    let a: Analysis;
    before(function () {
      a = load(this, '004_bafbc14f0c5d7478.md');
    });

    it('reads 96 tasks with IDs, by family, all unchecked', () => {
      const tasks = a.model.items.filter((i) => i.id);
      assert.equal(tasks.length, 96);
      const families: Record<string, number> = {};
      for (const t of tasks) families[t.id!.split('-')[0]] = (families[t.id!.split('-')[0]] ?? 0) + 1;
      assert.deepEqual(families, { CP: 28, AD: 14, BT: 19, MO: 10, SH: 10, TS: 10, XP: 5 });
      assert.ok(tasks.every((t) => t.kind === 'task' && t.checkbox?.checked === false && t.status === 'open'));
    });

    it('totals 878 h, and by phase 252, 94, 208, 74, 100, 110 and 40 h', () => {
      assert.deepEqual(a.rollups.document.hours, { low: 878, high: 878 });
      assert.equal(a.rollups.document.items, 96);
      const phases = a.model.sections.filter((s) => /^Phase \d: /.test(s.title) && s.depth === 2);
      assert.deepEqual(
        phases.map((p) => a.rollups.sections[p.index].hours.low),
        [252, 94, 208, 74, 100, 110, 40],
      );
    });

    it('reads the unchecked boxes under Success Metrics and Deliverables Summary as checklist items, not work', () => {
      for (const title of [/^Success Metrics$/, /^Deliverables Summary$/]) {
        const s = section(a, title);
        const boxes = a.model.items.filter((i) => inSubtree(a, i, s));
        assert.ok(boxes.length > 0);
        assert.ok(boxes.every((i) => i.checklist && i.checkbox && !i.estimate));
        assert.equal(a.rollups.sections[s.index].items, 0);
      }
    });

    it('gives every task the exact range of its [ ] characters', () => {
      const text = readShared(PLANS, '004_bafbc14f0c5d7478.md')!;
      for (const t of a.model.items.filter((i) => i.checkbox)) {
        assert.equal(text.slice(t.checkbox!.range.start.offset, t.checkbox!.range.end.offset), '[ ]');
      }
    });
  });
});
