/** The parser guard, the chunk splitter's block tracking and line counting, on small inputs of our own. */
import { strict as assert } from 'node:assert';
import { guardForParser, MAX_MARKS, MAX_NESTING } from '../../../src/core/parse/guard';
import { splitChunks } from '../../../src/core/parse/chunks';
import { LineIndex } from '../../../src/core/parse/text';
import { analyzePlan } from '../../../src/core/index';
import { checkChunkedEqualsWhole, checkModel } from './check-model';

/** Offsets where the guarded text differs from the original. */
function swaps(text: string): number[] {
  const guarded = guardForParser(text).text;
  assert.equal(guarded.length, text.length, 'one UTF-16 unit for one');
  return [...text].flatMap((c, i) => (guarded[i] !== c ? [i] : []));
}

describe('robustness: parser guard', () => {
  it(`leaves ${MAX_NESTING} levels on a line alone and swaps only the markers past them`, () => {
    assert.deepEqual(swaps('- '.repeat(MAX_NESTING) + 'x\n'), []);
    const text = '> '.repeat(MAX_NESTING + 2) + 'x\n';
    assert.deepEqual(swaps(text), [2 * MAX_NESTING, 2 * MAX_NESTING + 2]);
    assert.deepEqual(guardForParser(text).notices.map((n) => n.kind), ['nesting']);
  });

  it(`counts brackets per paragraph: ${MAX_MARKS} list entries with boxes are fine, one paragraph of more is not`, () => {
    assert.deepEqual(swaps('- [ ] task\n'.repeat(MAX_MARKS + 10)), []);
    const paragraph = 'see [a]\n'.repeat(MAX_MARKS / 2 + 1);
    const swapped = swaps(paragraph);
    assert.equal(swapped.length, 2);
    assert.ok(swapped.every((i) => '[]'.includes(paragraph[i])));
    assert.deepEqual(guardForParser(paragraph).notices.map((n) => n.kind), ['brackets']);
  });

  it('never touches fenced code, and reads a BOM at a line start as a space', () => {
    assert.deepEqual(swaps('```\n' + '*a'.repeat(MAX_MARKS + 1) + '\n```\n'), []);
    const bom = '---\nt: x\n---\n\uFEFF# Plan\n';
    assert.deepEqual(swaps(bom), [bom.indexOf('\uFEFF')]);
    assert.equal(guardForParser(bom).text[bom.indexOf('\uFEFF')], ' ');
  });

  it('keeps every model range true where it degrades, and says so', () => {
    const text = '# Plan\n\n- [ ] **A** (2h)\n\n' + '*a'.repeat(MAX_MARKS + 5) + '\n\n- [ ] **B** (1h)\n';
    const { model, findings } = analyzePlan(text, { detection: 'always' });
    checkModel(text, model, 'emphasis run');
    checkChunkedEqualsWhole(text, 'emphasis run');
    assert.deepEqual(model.items.map((i) => i.title), ['A', 'B']);
    assert.deepEqual(findings.filter((f) => f.rule === 'markdown-limit').map((f) => f.range.start.line), [4]);
  });
});

describe('robustness: chunks and lines as CommonMark reads them', () => {
  it('does not split at a heading inside a <div> block, and splits again after its blank line', () => {
    const text = '# A\n\n<div>\n# inside\n</div>\n\n# B\n';
    assert.deepEqual(splitChunks(text).map((c) => c.line), [0, 6]);
    checkChunkedEqualsWhole(text);
  });

  it('follows an indented fence that may end with its list item', () => {
    const text = '# A\n\n- item\n  ```\n- next\n\n# B\n\n```\n# in code\n```\n';
    checkChunkedEqualsWhole(text);
    assert.ok(!splitChunks(text).some((c) => c.text.startsWith('# in code')));
  });

  it('counts \\r\\n, \\n and a lone \\r as line ends', () => {
    const lines = new LineIndex('a\rb\r\nc\nd');
    assert.deepEqual([1, 2, 4, 5, 7].map((o) => lines.pos(o).line), [0, 1, 1, 2, 3]);
    const text = '# Plan\r\r- [ ] a (1h)\r- [ ] b (2h)\r';
    const { model } = analyzePlan(text);
    checkModel(text, model, 'lone CR');
    assert.deepEqual(model.items.map((i) => i.range.start.line), [2, 3]);
  });
});
