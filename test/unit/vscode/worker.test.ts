import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DroppedAnswer, OverBudget, WorkerClient } from '../../../src/vscode/analysis/worker-client';
import { TRANSFER_LIMITS } from '../../../src/vscode/analysis/transfer';
import { Analyzers } from '../../../src/vscode/analysis/analyzers';
import { analyse, PLAN } from './helpers';

/** A worker script that loads the TypeScript worker through tsx, as the built one would run. */
function bootstrap(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-worker-')), 'worker.cjs');
  const worker = path.resolve(__dirname, '../../../src/vscode/worker.ts');
  fs.writeFileSync(file, `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(worker)});\n`);
  return file;
}

/**
 * The same worker, with an analysis that never ends for any text holding `NEVER-ENDS`: a
 * stand-in for an input that makes the engine stall, without shipping a hook for it.
 */
function stallingBootstrap(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-worker-')), 'worker.cjs');
  const core = path.resolve(__dirname, '../../../src/core/index.ts');
  const worker = path.resolve(__dirname, '../../../src/vscode/worker.ts');
  fs.writeFileSync(
    file,
    [
      `require(${JSON.stringify(require.resolve('tsx/cjs'))});`,
      `const { PlanAnalyzer } = require(${JSON.stringify(core)});`,
      'const analyze = PlanAnalyzer.prototype.analyze;',
      "PlanAnalyzer.prototype.analyze = function (text, options) { if (text.includes('NEVER-ENDS')) for (;;); return analyze.call(this, text, options); };",
      `require(${JSON.stringify(worker)});`,
    ].join('\n'),
  );
  return file;
}

describe('vscode/analysis worker', () => {
  it('answers analyse, summary and forget requests in-process', () => {
    const analyzers = new Analyzers();
    const analysed = analyzers.handle({ kind: 'analyze', id: 7, uri: 'u', version: 3, text: [PLAN], options: { detection: 'always' } });
    assert.ok(analysed.ok);
    assert.equal(analysed.id, 7);
    const summary = analyzers.handle({ kind: 'summary', id: 8, uri: 'u', version: 3, text: PLAN.split(/(?<=\n)/), options: { detection: 'always' }, path: 'plan.md' });
    assert.ok(summary.ok && typeof summary.result === 'string' && summary.result.startsWith('plan.md'));
    const forgot = analyzers.handle({ kind: 'forget', id: 9, uri: 'u' });
    assert.ok(forgot.ok && forgot.result === null && forgot.id === 9);
  });

  it('reports a failure as an answer, not a crash', () => {
    const answer = new Analyzers().handle({ kind: 'analyze', id: 1, uri: 'u', version: 1, text: [PLAN], options: { hoursPerDay: -1 } });
    assert.equal(answer.ok, false);
  });

  it('runs off the main thread, and the main thread gets plain data back', async function () {
    this.timeout(60_000);
    const client = new WorkerClient(bootstrap());
    try {
      const analysis = await client.request({ kind: 'analyze', uri: 'u', version: 1, text: [PLAN], options: { detection: 'always' } });
      assert.equal(analysis.model.isPlan, true);
      assert.ok(analysis.rollups.document.items > 0);
      assert.equal(analysis.declaredParts.length, analysis.model.declared.length);
      await assert.rejects(client.request({ kind: 'analyze', uri: 'u', version: 2, text: [PLAN], options: { daysPerWeek: 0 } }));
      // A worker that failed one request still serves the next.
      const again = await client.request({ kind: 'analyze', uri: 'u', version: 3, text: [PLAN], options: {} });
      assert.ok(again.model.items.length > 0);
    } finally {
      client.dispose();
    }
  });

  it('receives a large analysis in parts, and drops it when no longer wanted', async function () {
    this.timeout(120_000);
    // About 1 MB of analysis: several parts at the default limits.
    const count = 2000;
    const tasks = Array.from({ length: count }, (_, i) => `- [ ] **T-${i}**: Task ${i} (${(i % 5) + 1}h)`);
    const text = ['# Big plan', '', '## Tasks', '', ...tasks, ''].join('\n');
    const client = new WorkerClient(bootstrap());
    try {
      const whole = await client.request({ kind: 'analyze', uri: 'big', version: 1, text: [text], options: {} });
      assert.equal(whole.model.items.length, count);
      assert.deepEqual(whole.model.items.map((i) => i.id).slice(-2), [`T-${count - 2}`, `T-${count - 1}`]);
      assert.ok(client.largestMessage > 0 && client.largestMessage <= TRANSFER_LIMITS.maxBytes);
      // Another document of the same size: its answer comes whole, in parts (an edit of 'big' would be a small delta).
      await assert.rejects(client.request({ kind: 'analyze', uri: 'big-copy', version: 1, text: [text], options: {} }, () => false), DroppedAnswer);
      // The worker forgot the dropped answer and serves the next request.
      const next = await client.request({ kind: 'analyze', uri: 'small', version: 1, text: [PLAN], options: {} });
      assert.ok(next.model.items.length > 0);
    } finally {
      client.dispose();
    }
  });

  it('keeps the chunk cache between analyses: an edit re-parses only the chunk it touched', async function () {
    this.timeout(60_000);
    const sections = Array.from({ length: 6 }, (_, s) => [`## Phase ${s}`, '', ...Array.from({ length: 4 }, (_, i) => `- [ ] **P${s}-${i}**: Task ${i} (${i + 1}h)`), ''].join('\n'));
    const text = ['# Plan', '', ...sections].join('\n');
    const client = new WorkerClient(bootstrap());
    try {
      const first = await client.request({ kind: 'analyze', uri: 'doc', version: 1, text: text.split(/(?<=\n)/), options: {} });
      assert.ok(first.chunks.chunks >= 7);
      assert.equal(first.chunks.parsed, first.chunks.chunks, 'a cold analysis parses every chunk');
      const edited = text.replace('Task 2 (3h)', 'Task 2 renamed (3h)');
      assert.notEqual(edited, text);
      const second = await client.request({ kind: 'analyze', uri: 'doc', version: 2, text: edited.split(/(?<=\n)/), options: {} });
      assert.equal(second.chunks.chunks, first.chunks.chunks);
      assert.equal(second.chunks.parsed, 1, 'only the edited chunk is parsed again');
      assert.equal(second.chunks.linksReused, false, 'a title changed: the mentions are linked again');
      const third = await client.request({ kind: 'analyze', uri: 'doc', version: 3, text: edited.split(/(?<=\n)/), options: {} });
      assert.equal(third.chunks.parsed, 0, 'an unchanged document parses nothing');
      assert.equal(third.chunks.linksReused, true, 'nothing changed: the links of the analysis before are reused');
      // Another document's analyses do not evict this one's chunks.
      await client.request({ kind: 'analyze', uri: 'other', version: 1, text: [PLAN], options: {} });
      const fourth = await client.request({ kind: 'analyze', uri: 'doc', version: 4, text: [text], options: {} });
      assert.equal(fourth.chunks.parsed, 1);
    } finally {
      client.dispose();
    }
  });

  it('answers an edit with a delta against the answer the host holds, rebuilt to exactly a fresh analysis', async function () {
    this.timeout(60_000);
    const tasks = (rename: string) => Array.from({ length: 300 }, (_, i) => `- [ ] **T-${i}**: Task ${i}${i === 150 ? rename : ''} (${(i % 5) + 1}h)`);
    const texts = [tasks(''), tasks(' renamed'), ['', ...tasks(' renamed')], tasks('')].map((t) => ['# Plan', '', '## Tasks', '', ...t, ''].join('\n'));
    const client = new WorkerClient(bootstrap());
    try {
      const sizes: number[] = [];
      for (const [version, text] of texts.entries()) {
        const got = await client.request({ kind: 'analyze', uri: 'doc', version, text: text.split(/(?<=\n)/), options: {} });
        sizes.push(client.lastAnswerBytes);
        assert.deepEqual(got, { ...analyse(text, { detection: 'auto' }), chunks: got.chunks });
      }
      assert.ok(sizes[1] * 4 < sizes[0], `an edit's answer (${sizes[1]} bytes) is a small part of the first (${sizes[0]} bytes)`);
      // After the worker forgets the document, the next answer is whole again.
      client.forget('doc');
      await client.request({ kind: 'analyze', uri: 'doc', version: 9, text: texts[0].split(/(?<=\n)/), options: {} });
      assert.ok(client.lastAnswerBytes > sizes[1] * 4);
    } finally {
      client.dispose();
    }
  });

  it('stops an analysis past its budget, restarts the worker, and serves the other documents', async function () {
    this.timeout(120_000);
    const client = new WorkerClient(stallingBootstrap(), 4000);
    try {
      // The worker is up and has served once before the stall.
      assert.ok((await client.request({ kind: 'analyze', uri: 'ok', version: 1, text: [PLAN], options: {} })).model.items.length > 0);
      const stalled = client.request({ kind: 'analyze', uri: 'slow', version: 1, text: [`${PLAN}\nNEVER-ENDS\n`], options: {} });
      const behind = client.request({ kind: 'analyze', uri: 'ok', version: 2, text: [PLAN], options: {} });
      const started = performance.now();
      await assert.rejects(stalled, OverBudget);
      assert.ok(performance.now() - started >= 3000, 'stopped at its budget, not before');
      // The request queued behind it is answered by the fresh worker.
      assert.ok((await behind).model.items.length > 0);
      assert.ok((await client.request({ kind: 'analyze', uri: 'other', version: 1, text: [PLAN], options: {} })).model.items.length > 0);
    } finally {
      client.dispose();
    }
  });

  it('rejects what is pending when disposed', async () => {
    const client = new WorkerClient(bootstrap());
    const pending = client.request({ kind: 'analyze', uri: 'u', version: 1, text: [PLAN], options: {} });
    client.dispose();
    await assert.rejects(pending, /stopped/);
  });
});
