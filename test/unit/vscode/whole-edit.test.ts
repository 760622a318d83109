import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/edits/apply';
import { singleEdit } from '../../../src/vscode/features/whole-edit';

function roundTrip(before: string, after: string) {
  const edit = singleEdit(before, after);
  assert.equal(applyEdits(before, [edit]), after);
  return edit;
}

describe('vscode/features/whole-edit', () => {
  it('covers only the span between the common prefix and suffix', () => {
    assert.deepEqual(roundTrip('Total: 35-45 hours', 'Total: 34-43 hours'), { start: 8, end: 12, newText: '4-43' });
  });

  it('is empty for equal texts and handles insertions and deletions', () => {
    assert.deepEqual(roundTrip('abc', 'abc'), { start: 3, end: 3, newText: '' });
    roundTrip('abc', 'abXc');
    roundTrip('abXc', 'abc');
    roundTrip('', 'x');
    roundTrip('aaa', 'aaaa');
  });

  it('never splits a CRLF or a surrogate pair', () => {
    const crlf = roundTrip('a\r\nb', 'a\nb');
    assert.ok(crlf.start <= 1);
    const emoji = roundTrip('x😀y', 'x😃y');
    assert.equal(emoji.start, 1);
    assert.equal(emoji.end, 3);
  });
});
