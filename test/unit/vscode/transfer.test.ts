import { strict as assert } from 'node:assert';
import { fromParts, isPart, toMessages } from '../../../src/vscode/analysis/transfer';
import type { AnalysisPart, PlanAnalysis, WorkerResponse } from '../../../src/vscode/analysis/protocol';
import { analyse } from './helpers';

const BIG = ['# Big plan', '', '## Tasks', '', ...Array.from({ length: 30 }, (_, i) => `- [ ] **T-${i}**: Task ${i} (P1, ${i + 1}h)`), ''].join('\n');

describe('vscode/analysis/transfer', () => {
  const analysis = analyse(BIG);
  const response: WorkerResponse = { id: 4, ok: true, result: analysis, ms: 12 };

  it('sends small answers whole', () => {
    assert.deepEqual(toMessages(response, 1000), [response]);
    const failed: WorkerResponse = { id: 4, ok: false, message: 'no' };
    assert.deepEqual(toMessages(failed, 1), [failed]);
    const summary: WorkerResponse = { id: 5, ok: true, result: 'text', ms: 1 };
    assert.deepEqual(toMessages(summary, 1), [summary]);
  });

  it('cuts large answers into parts and puts them back together exactly', () => {
    const messages = toMessages(response, 7);
    const parts = messages.filter(isPart) as AnalysisPart[];
    assert.ok(parts.length >= 5);
    assert.ok(parts.every((p) => p.values.length <= 7 && p.id === 4));
    const last = messages.at(-1)!;
    assert.ok(!isPart(last) && last.ok);
    const rest = (last as { result: PlanAnalysis }).result;
    assert.equal(rest.model.items.length, 0, 'the last message does not repeat what the parts carried');
    assert.deepEqual(fromParts(rest, parts), analysis);
  });
});
