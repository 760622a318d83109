import { strict as assert } from 'node:assert';
import { applyDelta, Assembly, deltaOf, SentAnswers, textPieces, toMessages, type Base, type TransferLimits } from '../../../src/vscode/analysis/transfer';
import type { AnswerMessage, WorkerResponse } from '../../../src/vscode/analysis/protocol';
import { analyse } from './helpers';

const BIG = ['# Big plan', '', '## Tasks', '', ...Array.from({ length: 30 }, (_, i) => `- [ ] **T-${i}**: Task ${i} (P1, ${i + 1}h)`), ''].join('\n');

/** Every message of the answer, and the answer put back together from them. */
function roundTrip(response: WorkerResponse, limits?: TransferLimits, base?: Base): { messages: AnswerMessage[]; back: WorkerResponse | undefined } {
  const messages = [...toMessages(response.id, response, limits, base)];
  const assembly = new Assembly(base);
  let back: WorkerResponse | undefined;
  for (const m of messages) {
    const got = assembly.add(m);
    assert.equal(got !== undefined, m.last, 'the answer is whole exactly at its last message');
    back = got ?? back;
  }
  return { messages, back };
}

describe('vscode/analysis/transfer', () => {
  const analysis = analyse(BIG);
  const response: WorkerResponse = { id: 4, ok: true, result: analysis, ms: 12 };

  it('sends small answers in one message', () => {
    for (const r of [response, { id: 4, ok: false, message: 'no' } as const, { id: 5, ok: true, result: 'text', ms: 1 } as const]) {
      const { messages, back } = roundTrip(r);
      assert.equal(messages.length, 1);
      assert.ok(messages[0].last && !messages[0].continues && messages[0].id === r.id);
      assert.deepEqual(back, r);
    }
  });

  it('cuts large answers into parts capped by size, and puts them back together exactly', () => {
    const limits = { maxBytes: 2000, partBytes: 1000 };
    const { messages, back } = roundTrip(response, limits);
    assert.ok(messages.length >= 5);
    assert.ok(messages.every((m) => m.bytes.byteLength <= limits.maxBytes && m.id === 4));
    assert.equal(messages.filter((m) => m.last).length, 1);
    assert.ok(messages.at(-1)!.last);
    assert.deepEqual(back, response);
  });

  it('cuts one value larger than a message into byte pieces', () => {
    const finding = analysis.findings[0] ?? { rule: 'r', messageId: 'm', severity: 'warning', message: '', range: analysis.model.items[0].range, related: [] };
    const huge = { ...finding, message: 'x'.repeat(10_000) };
    const heavy: WorkerResponse = { ...response, result: { ...analysis, findings: [huge, ...analysis.findings] } };
    const { messages, back } = roundTrip(heavy, { maxBytes: 3000, partBytes: 1000 });
    assert.ok(messages.some((m) => m.continues));
    assert.ok(messages.every((m) => m.bytes.byteLength <= 3000));
    assert.deepEqual(back, heavy);
    const summary: WorkerResponse = { id: 6, ok: true, result: 'y'.repeat(10_000), ms: 1 };
    const text = roundTrip(summary, { maxBytes: 3000, partBytes: 1000 });
    assert.ok(text.messages.length >= 4);
    assert.deepEqual(text.back, summary);
  });

  it('makes messages only as they are asked for', () => {
    const messages = toMessages(4, response, { maxBytes: 2000, partBytes: 1000 });
    const first = messages.next();
    assert.ok(!first.done && !first.value.last);
  });

  it('cuts a request\'s text into pieces no larger than asked, never inside a surrogate pair', () => {
    const slices = ['ab😀cdefgh😀', '', 'ijklmnop'];
    for (const max of [1, 2, 3, 5, 100]) {
      const pieces = textPieces(slices, max);
      assert.equal(pieces.join(''), slices.join(''));
      assert.ok(pieces.every((p) => p.length > 0 && p.length <= Math.max(max, 2)));
      assert.ok(pieces.every((p) => !/[\uD800-\uDBFF]$/.test(p) && !/^[\uDC00-\uDFFF]/.test(p)));
    }
  });

  describe('deltas against the answer the host holds', () => {
    const bytes = (messages: AnswerMessage[]) => messages.reduce((n, m) => n + m.bytes.byteLength, 0);
    const lines = BIG.split('\n');
    const middle = lines.findIndex((l) => l.includes('Task 15 '));
    const edits: [string, string][] = [
      ['a keystroke in one line', lines.map((l, i) => (i === middle ? l.replace('Task 15', 'Task 15 renamed') : l)).join('\n')],
      ['a line added (everything after moves down)', [...lines.slice(0, middle), '', ...lines.slice(middle)].join('\n')],
      ['a task ticked and its estimate changed', lines.map((l, i) => (i === middle ? l.replace('[ ]', '[x]').replace('16h', '9h') : l)).join('\n')],
      ['a task deleted (indices shift)', lines.filter((_, i) => i !== middle).join('\n')],
      ['the whole plan replaced', '# Other\n\n- [ ] One (1h)\n'],
    ];
    for (const [what, text] of edits) {
      it(`rebuilds the next analysis exactly after ${what}`, () => {
        const next: WorkerResponse = { id: 5, ok: true, result: analyse(text), ms: 3 };
        const whole = roundTrip(next);
        const delta = roundTrip(next, undefined, { id: 4, analysis });
        assert.deepEqual(delta.back, whole.back);
        assert.deepEqual(delta.back, next);
      });
    }

    it('sends only what changed: a keystroke costs a small part of the whole answer', () => {
      const next: WorkerResponse = { id: 5, ok: true, result: analyse(edits[0][1]), ms: 3 };
      const whole = bytes(roundTrip(next).messages);
      const delta = bytes(roundTrip(next, undefined, { id: 4, analysis }).messages);
      assert.ok(delta * 4 < whole, `delta ${delta} bytes against ${whole} whole`);
    });

    it('copies values that only moved, moving every position in them, and sends changed ones whole', () => {
      const at = (line: number, offset: number) => ({ line, column: 2, offset });
      const base = [{ n: 1, range: { start: at(1, 10), end: at(1, 20) } }, { n: 2, range: { start: at(2, 30), end: at(2, 40) } }, { n: 3, range: { start: at(3, 50), end: at(4, 60) } }];
      const moved = [base[0], { n: 2, range: { start: at(4, 35), end: at(4, 45) } }, { n: 3, range: { start: at(5, 55), end: at(7, 65) } }];
      const delta = deltaOf(moved, base);
      assert.equal(delta.length, 3, 'a copy, a moved copy, and one value whose positions moved unevenly');
      assert.deepEqual(delta[2], moved[2]);
      assert.deepEqual(applyDelta(delta, base), moved);
      assert.equal(applyDelta(delta, base)[0], base[0], 'an unmoved value is the host\'s own object');
      assert.throws(() => applyDelta(deltaOf([1, 2, 3], [1, 2, 3]), [1, 2]), /reaches past/);
    });

    it('tells a missing field from one left undefined, NaN from NaN, and checks a shared position against the shift too', () => {
      const at = (line: number, offset: number) => ({ line, column: 0, offset });
      const shared = at(9, 90);
      const base: unknown[] = [{ a: 1, b: undefined }, { a: 1 }, { a: 1, c: undefined }, { n: NaN }, { start: at(1, 10), end: shared }];
      const next: unknown[] = [{ a: 1 }, { a: 1, b: undefined }, { a: 1, b: undefined }, { n: NaN }, { start: at(1, 15), end: shared }];
      const delta = deltaOf(next, base);
      assert.deepEqual(delta.slice(0, 3), next.slice(0, 3), 'a field more, less or another is a change, sent whole');
      assert.deepEqual(delta[4], next[4], 'the end did not move with the start: sent whole');
      assert.deepEqual(applyDelta(delta, base), next);
    });

    it('refuses a delta against an answer the host does not hold', () => {
      const next: WorkerResponse = { id: 5, ok: true, result: analyse(edits[0][1]), ms: 3 };
      const messages = [...toMessages(5, next, undefined, { id: 4, analysis })];
      const stranger = new Assembly({ id: 3, analysis });
      assert.throws(() => messages.forEach((m) => stranger.add(m)), /does not hold/);
    });

    it('the worker keeps the last few answers per document, and forgets a closed one', () => {
      const sent = new SentAnswers(2);
      for (const id of [1, 2, 3]) sent.remember('a', { id, analysis });
      sent.remember('b', { id: 4, analysis });
      assert.equal(sent.get('a', 1), undefined, 'the oldest is gone');
      assert.equal(sent.get('a', 3)?.id, 3);
      assert.equal(sent.get('a', 4), undefined, 'another document\'s answer is not this one\'s base');
      assert.equal(sent.get('a', undefined), undefined);
      sent.forget('a');
      assert.equal(sent.get('a', 3), undefined);
      assert.equal(sent.get('b', 4)?.id, 4);
    });
  });
});
