/**
 * A seeded, bounded fuzz test: windows of the shared plans, corpus and devset (our own rule
 * fixtures when those are absent), mutated with what breaks markdown readers (line endings,
 * BOMs, container markers, fences, HTML blocks, brackets, emphasis, huge numbers, mojibake),
 * must analyse without throwing into a model that validates, whose ranges point at what they
 * claim, and whose chunked reading equals the whole-document parse.
 *
 * Reproduce a failure with its seed:
 *   FUZZ_SEED=<seed> FUZZ_RUNS=1 npx mocha --no-config -r tsx/cjs test/unit/robustness/fuzz.test.ts
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzePlan } from '../../../src/core/index';
import { markdownFilesUnder, SHARED } from '../rules/shared-files';
import { checkChunkedEqualsWhole, checkModel } from './check-model';
import { mutant } from './mutate';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 160);
/** Stop early past this, whatever RUNS says: the suite shares two cores with other work. */
const BUDGET_MS = 15_000;

function sources(): { files: string[]; from: string } {
  const shared = ['fixtures/plans', 'corpus', 'devset'].flatMap((d) => markdownFilesUnder(join(SHARED, d)));
  if (shared.length > 0) return { files: shared, from: SHARED };
  const own = resolve(__dirname, '../../fixtures');
  return { files: markdownFilesUnder(own), from: `${own} (shared material absent at ${SHARED})` };
}

describe('robustness: seeded fuzz over mutated plans', function () {
  this.timeout(60_000);
  const { files, from } = sources();
  it(`${RUNS} mutants of ${files.length} documents from ${from} (seed ${SEED}): no throw, valid model, true ranges, chunked = whole`, function () {
    if (files.length === 0) this.skip();
    const texts = files.map((f) => ({ name: f.split('/').pop()!, text: readFileSync(f, 'utf8') }));
    const started = performance.now();
    let runs = 0;
    for (let run = 0; run < RUNS && performance.now() - started < BUDGET_MS; run++, runs++) {
      const seed = SEED + run;
      const { name, text } = mutant(texts, seed);
      const label = `${name}, seed ${seed}`;
      let analysis;
      try {
        analysis = analyzePlan(text);
      } catch (error) {
        assert.fail(`${label}: analyzePlan threw ${(error as Error).stack}`);
      }
      checkModel(text, analysis.model, label);
      checkChunkedEqualsWhole(text, label);
    }
    console.log(`      ${runs} mutants checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    assert.ok(runs > 0);
  });
});
