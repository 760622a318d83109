/**
 * A long editing session must not keep every version of a large plan alive. A chunk's text,
 * a cache key or a remembered title is often a slice of the document, and a slice keeps the
 * whole text it was cut from; the engine keeps copies instead (`ownCopy`). Measured as heap
 * growth over edits spread across two ~230 KB plans edited in turns (each analysis then splits
 * its text afresh): each version is ~0.4 MB (emoji make the text two bytes a character).
 */
import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PlanAnalyzer } from '../../../src/core/index';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function plan(sections: number): string {
  const parts: string[] = ['# Plan ✅\n'];
  for (let s = 0; s < sections; s++) {
    parts.push(`\n## Area ${s}\n\n**Total**: 6 hours\n\n`);
    for (let i = 0; i < 4; i++) parts.push(`- [ ] Task ${s}.${i} with a longer title to read (1.5h) 🔴 P${i % 3}\n  Notes about the task ${s}.${i}: what it needs and why.\n`);
  }
  return parts.join('');
}

describe('memory over an editing session', function () {
  this.timeout(120_000);

  it('keeps no old versions of the documents alive, two plans edited in turns', () => {
    const texts = [plan(500), plan(501).replace('# Plan', '# Other plan')];
    assert.ok(texts[0].length > 200_000);
    const analyzers = [new PlanAnalyzer(), new PlanAnalyzer()];
    texts.forEach((t, d) => analyzers[d].analyze(t));
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 40; i++) {
      const d = i % 2;
      const at = texts[d].indexOf('\n', (i * 7919 * 13) % texts[d].length);
      texts[d] = `${texts[d].slice(0, at)} e${i}${texts[d].slice(at)}`;
      analyzers[d].analyze(texts[d]);
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    // Each version is ~0.4 MB: forty kept would be ~16 MB.
    assert.ok(grown < 6, `the heap grew by ${grown.toFixed(1)} MB over 40 edits`);
  });
});
