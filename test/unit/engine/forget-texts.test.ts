/**
 * What the engine remembers across analyses (titles' words, the last split, the last blanked
 * prose) is a cache and nothing more: forgetting it, as the benchmark does before every cold
 * analysis, must change no result, and must really forget.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzePlan, forgetTexts } from '../../../src/core/index';
import { TextMemo } from '../../../src/core/rules/text-memo';

describe('forgetTexts', () => {
  it('empties every remembered text: the next ask works the value out again', () => {
    const memo = new TextMemo<number>();
    let made = 0;
    const make = (t: string) => (made++, t.length);
    memo.get('Auth rework', make);
    memo.get('Auth rework', make);
    assert.equal(made, 1);
    forgetTexts();
    assert.equal(memo.get('Auth rework', make), 11);
    assert.equal(made, 2);
  });

  it('changes no analysis of the bundled samples', () => {
    const dir = resolve(__dirname, '../../../media/samples');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      const remembered = analyzePlan(text);
      const again = analyzePlan(text);
      forgetTexts();
      const forgotten = analyzePlan(text);
      assert.deepEqual(forgotten, remembered, file);
      assert.deepEqual(again, remembered, file);
    }
  });
});
