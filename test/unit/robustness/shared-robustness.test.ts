/**
 * Every input in ../shared/robustness that once crashed, stalled or misread Plan Lens: it
 * must not throw, must finish (mocha's timeout is the stall guard; times belong in the
 * benchmark), must give a model that validates with true ranges, and the chunked model must
 * equal the whole-document parse. Some cases say more about what they broke.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePlan, type Analysis } from '../../../src/core/index';
import { toggleTaskEdit } from '../../../src/core/edits/toggle';
import { SHARED } from '../rules/shared-files';
import { checkChunkedEqualsWhole, checkModel } from './check-model';

const DIR = join(SHARED, 'robustness');
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.md')).sort() : [];

/** What a case broke, checked beyond the common checks. */
const specific: Record<string, (text: string, a: Analysis) => void> = {
  'deep-blockquote-stack-overflow.md': (_, a) => assert.ok(a.model.notices?.some((n) => n.kind === 'nesting')),
  'deep-list-stack-overflow.md': (_, a) => assert.ok(a.model.notices?.some((n) => n.kind === 'nesting')),
  'deep-ordered-list.md': (_, a) => assert.ok(a.model.notices?.some((n) => n.kind === 'nesting')),
  'micromark-open-brackets-100k.md': (_, a) => assert.ok(a.model.notices?.some((n) => n.kind === 'brackets')),
  'micromark-emphasis-20k.md': (_, a) => assert.ok(a.model.notices?.some((n) => n.kind === 'emphasis')),
  'bom-after-frontmatter.md': (_, a) => assert.equal(a.model.items.filter((i) => i.checkbox).length, a.model.items.length, 'every task keeps its box'),
  'cr-only-line-numbers.md': (text, a) => {
    const lines = text.split(/\r\n?|\n/);
    for (const item of a.model.items) {
      assert.equal(item.range.start.line, item.checkbox!.range.start.line);
      assert.match(lines[item.range.start.line], /^- \[ \]/);
    }
  },
  'html-block-heading-chunk-divergence.md': (_, a) => assert.ok(!a.model.sections.some((s) => /hidden/i.test(s.title)), 'a heading inside <div> is HTML'),
  'heading-checkbox-untoggleable.md': (text, a) => {
    const boxes = a.model.items.filter((i) => i.checkbox);
    assert.ok(boxes.length > 0);
    for (const item of boxes) assert.ok(toggleTaskEdit(text, item), `the box of "${item.title}" toggles`);
  },
  'infinite-estimate.md': (_, a) => {
    for (const item of a.model.items) if (item.estimate) assert.ok(Number.isFinite(item.estimate.hours.low));
  },
};

describe('robustness: the shared inputs that once broke Plan Lens', function () {
  // A stall guard, not a timing assertion: 6 helpers share 2 cores while these run.
  this.timeout(60_000);
  if (files.length === 0) {
    it(`skipped: no inputs at ${DIR} (shared material absent)`, function () {
      this.skip();
    });
  }
  for (const file of files) {
    it(`${file}: no throw, a valid model with true ranges, chunked = whole parse`, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const analysis = analyzePlan(text);
      checkModel(text, analysis.model, file);
      checkChunkedEqualsWhole(text, file);
      specific[file]?.(text, analysis);
    });
  }
});
