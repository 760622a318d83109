import { strict as assert } from 'node:assert';
import { Assembly, textPieces, toMessages, type TransferLimits } from '../../../src/vscode/analysis/transfer';
import type { AnswerMessage, WorkerResponse } from '../../../src/vscode/analysis/protocol';
import { analyse } from './helpers';

const BIG = ['# Big plan', '', '## Tasks', '', ...Array.from({ length: 30 }, (_, i) => `- [ ] **T-${i}**: Task ${i} (P1, ${i + 1}h)`), ''].join('\n');

/** Every message of the answer, and the answer put back together from them. */
function roundTrip(response: WorkerResponse, limits?: TransferLimits): { messages: AnswerMessage[]; back: WorkerResponse | undefined } {
  const messages = [...toMessages(response.id, response, limits)];
  const assembly = new Assembly();
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
});
