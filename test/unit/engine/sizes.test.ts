/** Sizes that are not hours: story points, T-shirt and word sizes — read as sizes, summed apart, never hours. */
import { strict as assert } from 'node:assert';
import { analyzePlan } from '../../../src/core/index';
import { findPoints, readSizeValue } from '../../../src/core/parse/size';
import { formatSummaryText } from '../../../src/cli/format/text';
import { summaryJson } from '../../../src/cli/report';
import { effortLine } from '../../../src/core/model/rollup-text';
import { sectionLensTitle } from '../../../src/vscode/features/code-lens-text';

const analyse = (text: string) => analyzePlan(text, { detection: 'always' });

describe('sizes that are not hours', () => {
  it('reads story points written with their unit, and a bare number only under a points label', () => {
    for (const [text, points] of [['5 SP', 5], ['8 pts', 8], ['13 story points', 13], ['3 Story-Points', 3], ['0.5 SP', 0.5]] as const) {
      assert.equal(findPoints(text)?.points, points, text);
    }
    assert.equal(readSizeValue('13', 'Story Points')?.points, 13);
    assert.equal(readSizeValue('13', 'Effort'), undefined, 'a bare number under Effort is not points');
  });

  it('does not read points from a score, a velocity, a version or a sentence about minutes', () => {
    for (const text of ['5 minutes of points', '+10 points', '20 points per sprint', '30 pts/sprint', 'v2 SP', 'SP-12', '12 spare parts']) {
      assert.equal(findPoints(text), undefined, text);
    }
  });

  it('reads T-shirt and word sizes only when they stand alone', () => {
    for (const [value, text] of [['XL — needs a concept first', 'XL'], ['M', 'M'], ['S (one file)', 'S'], ['MEDIUM (add a layer)', 'MEDIUM'], ['Low-Medium', 'Low-Medium']] as const) {
      assert.equal(readSizeValue(value)?.text, text, value);
    }
    for (const value of ['S3 bucket', 'L2 cache', 'XLSX export', 'M.Sc. thesis', 'Sprint capacity', 'Mostly done', 'Smallest first']) {
      assert.equal(readSizeValue(value), undefined, value);
    }
  });

  it('gives items a size instead of an unreadable estimate, and never hours', () => {
    const { model } = analyse(
      '# Plan\n\n## Tasks\n\n- [ ] **A**\n  - **Effort:** MEDIUM\n- [ ] **B**\n  - **Story Points:** 8\n- [ ] **C** (5 SP)\n- [ ] **D**\n  - **Size:** XL\n- [ ] **E**\n  - **Estimate:** TBD\n',
    );
    assert.deepEqual(
      model.items.map((i) => [i.title, i.size?.text, i.size?.points, i.estimate?.text, i.unreadableEstimate?.text]),
      [
        ['A', 'MEDIUM', undefined, undefined, undefined],
        ['B', '8', 8, undefined, undefined],
        ['C', '5 SP', 5, undefined, undefined],
        ['D', 'XL', undefined, undefined, undefined],
        ['E', undefined, undefined, undefined, 'TBD'],
      ],
    );
  });

  it('reads a points column as points, even headed "Estimate (SP)", never as hours', () => {
    const { model, rollups } = analyse('# Plan\n\n## Stories\n\n| Story | Estimate (SP) |\n|---|---|\n| Login | 5 |\n| Logout | 3 |\n');
    assert.deepEqual(model.items.map((i) => [i.title, i.size?.points, i.estimate]), [['Login', 5, undefined], ['Logout', 3, undefined]]);
    assert.equal(rollups.document.points, 8);
    assert.deepEqual(rollups.document.hours, { low: 0, high: 0 });
  });

  it('sums points apart from hours, per section and for the document, and shows "· N pts" only when there are points', () => {
    const plan = '# Plan\n\n## Sprint 1\n\n- [x] **A** (5 SP)\n- [ ] **B** (8 pts)\n- [ ] **C** (2h)\n\n## Sprint 2\n\n- [ ] **D**\n  - **Story Points:** 13\n';
    const analysis = analyse(plan);
    const { rollups } = analysis;
    assert.equal(rollups.document.points, 26);
    assert.deepEqual(rollups.document.hours, { low: 2, high: 2 });
    assert.deepEqual(rollups.sections.map((s) => s.points), [26, 13, 13]);
    assert.match(formatSummaryText('plan.md', analysis), /^ {2}4 items .* · 26 pts$/m);
    assert.match(effortLine(rollups.document), / · 26 pts$/);
    assert.match(sectionLensTitle(rollups.sections[2]), / · 13 pts$/);
    const hoursOnly = analyse('# Plan\n\n## Tasks\n\n- [ ] **A** (2h)\n- [ ] **B** (3h)\n');
    assert.equal(hoursOnly.rollups.document.points, undefined);
    assert.doesNotMatch(formatSummaryText('plan.md', hoursOnly), /pts/);
    assert.equal(summaryJson(rollups).points, 26, 'JSON carries the points');
    assert.ok(!('points' in summaryJson(hoursOnly.rollups)), 'and no points key for a plan without points');
  });

  it('reads neither a point total nor a sprint capacity as a count of stories, an item or hours', () => {
    const { model, findings } = analyse('# Plan\n\nSprint capacity: 40 points\n\n## Sprint 3 (21 story points)\n\n- [ ] **A** (13 SP)\n- [ ] **B** (8 SP)\n\n**Total: 21 story points**\n');
    assert.deepEqual(model.declared, []);
    assert.deepEqual(model.items.map((i) => i.title), ['A', 'B']);
    assert.deepEqual(findings, []);
  });
});
