/** Work versus checklists, and durations that are not effort; status marks read by their role; labels. */
import { strict as assert } from 'node:assert';
import { analyzePlan } from '../../../src/core/index';

const analyse = (text: string) => analyzePlan(text, { detection: 'always' });

describe('work versus checklists', () => {
  it('acceptance boxes under a story are its checklist: 2 stories, not 7 items', () => {
    const a = analyse(
      '# Sprint\n\n## Stories\n\n### Story 1: Sign in\n\n**Priority**: P1\n**Estimate**: 5 hours\n\n**Acceptance Criteria:**\n- [ ] Can sign in\n- [ ] Errors shown\n- [x] Sessions last\n\n### Story 2: Reset\n\n**Priority**: P2\n**Estimate**: 3 hours\n\n- **Akzeptanzkriterien:**\n  - [ ] Link sent\n  - [ ] Link expires\n',
    );
    assert.equal(a.rollups.document.items, 2);
    assert.deepEqual(a.rollups.document.hours, { low: 8, high: 8 });
    assert.equal(a.model.items.filter((i) => i.checklist).length, 5, 'the boxes are still shown, as a checklist');
  });

  it('attendance boxes in meeting notes are not tasks; a true negative: boxes after other prose are', () => {
    const a = analyse('# Notes\n\n## Weekly\n\nAttendees:\n- [x] Anna\n- [ ] Ben\n\nNext steps:\n- [ ] Ship the fix (2h)\n');
    assert.equal(a.rollups.document.items, 1);
  });

  it('periods, intervals, timeouts and media lengths are not estimates', () => {
    const a = analyse('# Plan\n\n## Tasks\n\n- [ ] Build the importer (4h)\n- [ ] Customers may cancel within (14 Tage)\n- [ ] Poll the feed every (5 min)\n- [ ] Record the intro video (3 min)\n- [ ] Set session timeout (30 min)\n- [ ] Write the docs — 2h\n');
    assert.deepEqual(a.rollups.document.hours, { low: 6, high: 6 });
    assert.equal(a.rollups.document.unestimated.length, 4);
  });

  it('a period stated as a field ("Length: 2 weeks", "Sprint duration: 10 days") is no work; a true negative: work lines in the same shape are', () => {
    const a = analyse('# Sprint 4\n\n## At a glance\n\n- **Start:** March 2\n- **Length:** 2 weeks (10 working days)\n- **Sprint duration**: 10 days\n- Timeline: 3 months\n\n## Work\n\n- Import pipeline: 6 hours\n- Docs site: 2 hours\n');
    // By hand: the work is "Import pipeline" 6 h and "Docs site" 2 h; the glance lines state the sprint's length.
    assert.deepEqual(a.rollups.document.hours, { low: 8, high: 8 });
    assert.deepEqual(a.model.items.filter((i) => i.estimate).map((i) => i.title), ['Import pipeline', 'Docs site']);
  });
});

describe('status marks by role', () => {
  it('a mark every entry of a list carries is a bullet: a plan not started shows 0 done', () => {
    const a = analyse('# Roadmap\n\n## Sprint 1\n\n1. ✅ **Hero visuals** (4-6h)\n2. ✅ **Quick view modal** (3h)\n3. ✅ **Table polish** (1-2h)\n');
    assert.equal(a.rollups.document.items, 3);
    assert.equal(a.rollups.document.done, 0);
  });

  it('marks that tell entries apart are statuses (true negative)', () => {
    const a = analyse('# Roadmap\n\n## Sprint 1\n\n1. ✅ **Hero visuals** (4-6h)\n2. **Quick view modal** (3h)\n3. ❌ **Table polish** (1-2h)\n');
    assert.deepEqual([a.rollups.document.done, a.rollups.document.open], [1, 1]);
  });

  it('"❌ Don\'t …" advice where every entry carries ❌ is not open work', () => {
    const a = analyse('# Plan\n\n## Tasks\n\n- [ ] Ship it (2h)\n\n## Pitfalls\n\n- ❌ Don\'t store keys in the repo\n- ❌ Don\'t skip the migration test\n');
    assert.equal(a.rollups.document.open, 1);
  });
});

describe('labels', () => {
  it('a bold status word is the status, the rest the title; underscores stay', () => {
    const a = analyse('# Plan\n\n## Status\n\n- ⚠️ **PARTIAL** Batch generation workflows\n- ❌ Migrate `payments_v1` (2h)\n');
    assert.deepEqual(
      a.model.items.map((i) => [i.title, i.status]),
      [
        ['Batch generation workflows', 'partial'],
        ['Migrate payments_v1', 'open'],
      ],
    );
  });
});
