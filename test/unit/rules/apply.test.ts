import { strict as assert } from 'node:assert';
import { applyEdits, applyFixes } from '../../../src/core/edits/apply';
import type { Finding, TextEdit } from '../../../src/core/model/finding';
import { at } from './model-factory';

function finding(edits: TextEdit[]): Finding {
  return { rule: 'r', messageId: 'm', severity: 'warning', message: '', range: at(0), related: [], fix: { description: '', edits } };
}

describe('applying fixes', () => {
  it('applies edits back to front whatever order they come in', () => {
    const text = 'Total: 75-105 h\r\nP0: 8\r\n';
    const out = applyEdits(text, [
      { start: 21, end: 22, newText: '19' },
      { start: 7, end: 13, newText: '75-97' },
    ]);
    assert.equal(out, 'Total: 75-97 h\r\nP0: 19\r\n');
  });

  it('touches only the replaced characters: CRLF, tabs and the rest survive', () => {
    const text = '\t- Total:\t35–45 hours\r\n\tnext\r\n';
    const start = text.indexOf('35–45');
    const out = applyEdits(text, [{ start, end: start + 5, newText: '34–43' }]);
    assert.equal(out, '\t- Total:\t34–43 hours\r\n\tnext\r\n');
  });

  it('refuses overlapping edits and edits outside the text', () => {
    assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: 'x' }, { start: 2, end: 4, newText: 'y' }]), /overlap/);
    assert.throws(() => applyEdits('abc', [{ start: 2, end: 9, newText: 'x' }]), /outside/);
    assert.throws(() => applyEdits('abc', [{ start: 1, end: 1, newText: 'x' }, { start: 1, end: 1, newText: 'y' }]), /overlap/);
    assert.equal(applyEdits('abc', [{ start: 0, end: 1, newText: 'x' }, { start: 1, end: 2, newText: 'y' }]), 'xyc');
  });

  it('applies every fix that does not overlap an earlier one, and counts them', () => {
    const text = 'aaa bbb ccc';
    const result = applyFixes(text, [
      finding([{ start: 8, end: 11, newText: 'C' }]),
      finding([{ start: 0, end: 3, newText: 'A' }]),
      finding([{ start: 2, end: 5, newText: 'X' }]),
      { ...finding([]), fix: undefined },
    ]);
    assert.deepEqual(result, {
      text: 'A bbb C',
      applied: 2,
      edits: [
        { start: 0, end: 3, newText: 'A' },
        { start: 8, end: 11, newText: 'C' },
      ],
    });
  });

  it('takes a fix with several edits whole or not at all', () => {
    const result = applyFixes('one two three', [
      finding([{ start: 0, end: 3, newText: '1' }]),
      finding([{ start: 4, end: 7, newText: '2' }, { start: 2, end: 3, newText: '!' }]),
    ]);
    assert.deepEqual(result, { text: '1 two three', applied: 1, edits: [{ start: 0, end: 3, newText: '1' }] });
  });
});
