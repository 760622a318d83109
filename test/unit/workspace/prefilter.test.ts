/**
 * The workspace index's line scan decides before any parse, so it must never rule out a file
 * the detector would call a plan: checked on the corpus, the shared plans and our own
 * fixtures. On the corpus the index decides exactly as the detector does (the 9x controls
 * stay not plans), and it does rule out ordinary READMEs and changelogs without parsing.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeIfPlan, analyzePlan, resolveOptions } from '../../../src/core';
import { prefilterPlan } from '../../../src/core/workspace/prefilter';
import { ABSENT, CORPUS, PLANS, sharedFiles } from '../rules/shared-files';

const OWN_FIXTURES = resolve(__dirname, '../../fixtures');

function markdownBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f);
    return statSync(full).isDirectory() ? markdownBelow(full) : f.endsWith('.md') ? [full] : [];
  });
}

describe('workspace prefilter (the line scan before any parse)', function () {
  this.timeout(120_000); // full analyses of every fixture and corpus file, on a shared machine

  it('rules out an ordinary README and a changelog, and lets a small plan through', () => {
    assert.equal(prefilterPlan('# tool\n\nA small library.\n\n## Install\n\n```sh\nnpm i tool\n```\n\n## Todo\n\n- [ ] docs\n- [x] tests\n').maybePlan, false);
    assert.equal(prefilterPlan('# Changelog\n\n## [1.2.0] - 2024-01-01\n\n### Added\n\n- A flag\n\n### Fixed\n\n- A crash\n').maybePlan, false);
    assert.equal(prefilterPlan('# Sprint 4\n\n- [ ] Login page (4h)\n- [ ] Signup (2-3h)\n- [x] Reset password (1d)\n').maybePlan, true);
  });

  it('lets through a plan whose estimates are bare numbers under an hours column', () => {
    const table = '# Backlog\n\n| Task | Hours |\n|---|---|\n| Login | 4 |\n| Signup | 3 |\n| Reset | 2 |\n';
    assert.equal(prefilterPlan(table).maybePlan, true);
  });

  it('never rules out one of our own fixture plans', () => {
    for (const file of markdownBelow(OWN_FIXTURES)) {
      const text = readFileSync(file, 'utf8');
      if (analyzePlan(text).model.isPlan) assert.ok(prefilterPlan(text).maybePlan, file);
    }
  });

  describe('on the corpus and the shared plans', () => {
    const corpus = sharedFiles(CORPUS).map((f) => join(CORPUS, f));
    const plans = sharedFiles(PLANS).map((f) => join(PLANS, f));
    if (corpus.length === 0) {
      it(`skipped: ${ABSENT}`, function () {
        this.skip();
      });
      return;
    }
    for (const file of [...corpus, ...plans]) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      it(`${name}: the index decides as the detector does`, () => {
        const text = readFileSync(file, 'utf8');
        const detector = analyzePlan(text).model.isPlan;
        const index = analyzeIfPlan(text, resolveOptions(), false)?.model.isPlan ?? false;
        assert.equal(index, detector);
        if (/^9\d_/.test(name)) assert.equal(index, false, 'a negative control');
      });
    }
  });
});
