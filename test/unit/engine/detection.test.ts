/** Plan detection: plans are decorated, ordinary READMEs and changelogs are not. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePlan } from '../../../src/core/index';
import { ABSENT, CORPUS, sharedFiles } from '../rules/shared-files';

describe('plan detection', () => {
  const readme = '# tool\n\nA small library.\n\n## Install\n\n```sh\nnpm i tool\n```\n\n## Todo\n\n- [ ] docs\n- [x] tests\n- [ ] types\n';

  it('leaves a README with a three-item checklist undecorated', () => {
    assert.equal(analyzePlan(readme).model.isPlan, false);
  });

  it('recognises a small plan with estimates', () => {
    const plan = '# Sprint 4 plan\n\n- [ ] Login page (4h)\n- [ ] Signup (2-3h)\n- [x] Reset password (1d)\n- [ ] Audit log (P1, 6h)\n';
    assert.equal(analyzePlan(plan).model.isPlan, true);
  });

  it('can be forced either way by settings', () => {
    assert.equal(analyzePlan(readme, { detection: 'always' }).model.isPlan, true);
    assert.equal(analyzePlan('# P\n- [ ] a (1h)\n- [ ] b (2h)\n- [ ] c (3h)\n', { detection: 'never' }).model.isPlan, false);
  });

  it('says why it decided', () => {
    assert.match(analyzePlan(readme).model.detection.reason, /tasks|no plan features/);
  });

  it('never throws on non-plan input: empty, binary-looking, huge single line', () => {
    for (const text of ['', '\u0000\u0001\u0002', 'x'.repeat(200_000), '|'.repeat(5000), '> '.repeat(3000), '- '.repeat(3000)]) {
      assert.doesNotThrow(() => analyzePlan(text));
    }
  });

  describe('the corpus negative controls (9x)', () => {
    const controls = sharedFiles(CORPUS).filter((f) => /^9\d_/.test(f));
    if (controls.length === 0) it(`skipped: ${ABSENT}`, function () {
      this.skip();
    });
    for (const f of controls) {
      it(`${f} is not a plan`, () => {
        assert.equal(analyzePlan(readFileSync(join(CORPUS, f), 'utf8')).model.isPlan, false);
      });
    }
  });
});
