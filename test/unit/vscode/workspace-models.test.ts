/** The worker's side of the workspace index: screening, open documents over their files, cross-file findings. */
import { strict as assert } from 'node:assert';
import { Analyzers } from '../../../src/vscode/analysis/analyzers';
import type { WorkerRequest, WorkerResults } from '../../../src/vscode/analysis/protocol';

const PLAN = (box: ' ' | 'x') => `# Plan\n\n- [${box}] **ZX-1**: Ledger reconciliation export (P1, 6h)\n- [ ] **ZX-2**: Vendor onboarding (P2, 4h)\n- [ ] **ZX-3**: Tax summary (P1, 8h)\n`;

let nextId = 1;
function ask<R extends WorkerRequest>(analyzers: Analyzers, request: R): WorkerResults[R['kind']] {
  const response = analyzers.handle({ ...request, id: nextId++ });
  assert.ok(response.ok, response.ok ? '' : response.message);
  return response.result as WorkerResults[R['kind']];
}

describe('vscode/analysis workspace models (worker)', () => {
  it('analyses a workspace file only when it may be a plan', () => {
    const analyzers = new Analyzers();
    assert.equal(ask(analyzers, { kind: 'indexFile', uri: 'r', text: ['# Tool\n\nA library.\n'], options: {}, forced: false }), null);
    assert.equal(ask(analyzers, { kind: 'indexFile', uri: 'r', text: ['# Tool\n\nA library.\n'], options: {}, forced: true })?.model.isPlan, true);
    assert.equal(ask(analyzers, { kind: 'indexFile', uri: 'a', text: [PLAN('x')], options: {}, forced: false })?.model.isPlan, true);
  });

  it('runs the cross-file rules over files and open documents, the open document standing in for its file', () => {
    const analyzers = new Analyzers();
    ask(analyzers, { kind: 'indexFile', uri: 'a', text: [PLAN('x')], options: {}, forced: false });
    ask(analyzers, { kind: 'indexFile', uri: 'b', text: [PLAN('x')], options: {}, forced: false });
    assert.deepEqual(ask(analyzers, { kind: 'crossFile', options: {} }), []);
    ask(analyzers, { kind: 'analyze', uri: 'b', version: 1, text: [PLAN(' ')], options: {} });
    const found = new Map(ask(analyzers, { kind: 'crossFile', options: {} }));
    assert.deepEqual([...found.keys()].sort(), ['a', 'b']);
    assert.equal(found.get('a')?.[0]?.rule, 'cross-file-conflict');
    ask(analyzers, { kind: 'forget', uri: 'b' });
    assert.deepEqual(ask(analyzers, { kind: 'crossFile', options: {} }), []);
    ask(analyzers, { kind: 'indexForget', uri: 'a' });
    ask(analyzers, { kind: 'analyze', uri: 'b', version: 2, text: [PLAN(' ')], options: {} });
    assert.deepEqual(ask(analyzers, { kind: 'crossFile', options: {} }), []);
  });
});
