/**
 * `countLineBreaks` counts lines as `LineIndex` (and CommonMark, and VS Code) do: \r\n is one
 * break, a lone \r is one, \n is one. The model's line count and a directive's line rest on it.
 */
import { strict as assert } from 'node:assert';
import { analyzePlan } from '../../../src/core/index';
import { LineIndex, countLineBreaks } from '../../../src/core/parse/text';

describe('countLineBreaks', () => {
  const texts = ['', 'one line', 'a\nb', 'a\nb\n', '\n\n\n', 'a\r\nb\r\n', 'a\rb\rc', 'a\r\n\rb\n\r', '\r', '\r\n', 'x\n\r\ny'];

  for (const text of texts) {
    it(`counts ${JSON.stringify(text)} as LineIndex does`, () => {
      assert.equal(countLineBreaks(text) + 1, new LineIndex(text).lineCount);
    });
  }

  it('gives a plan with lone CRs the same line count as the same plan with LFs', () => {
    const lf = '# Plan\n\n- [ ] Build the API (4h)\n- [x] Write the docs (2h)\n';
    const cr = lf.replace(/\n/g, '\r');
    assert.equal(analyzePlan(cr).model.lineCount, analyzePlan(lf).model.lineCount);
    assert.equal(analyzePlan(lf).model.lineCount, 5);
  });
});
