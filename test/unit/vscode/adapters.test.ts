import { strict as assert } from 'node:assert';
import type { Finding } from '../../../src/core/model/finding';
import { MAX_RELATED, ruleDocPath, sameSpot, SEVERITY, toDiagnosticData } from '../../../src/vscode/features/diagnostic-data';
import { matchItem } from '../../../src/vscode/item-match';
import { nextOpenTask, tasksOnLines } from '../../../src/vscode/open-tasks';
import { isLarge, MAX_PLAN_CHARS, shouldAnalyze } from '../../../src/vscode/analysis/limits';
import { analyse, PLAN } from './helpers';

const pos = (line: number, column: number) => ({ line, column, offset: line * 100 + column });
const finding: Finding = {
  rule: 'total-mismatch',
  messageId: 'sum',
  severity: 'warning',
  message: 'Declares 35–45 h, but its parts add up to 34–43 h',
  range: { start: pos(500, 34), end: pos(500, 39) },
  related: [{ range: { start: pos(485, 3), end: pos(485, 25) }, message: 'Stripe Integration' }],
  fix: { description: 'Replace 35-45 with 34-43', edits: [{ start: 50034, end: 50039, newText: '34-43' }] },
};

describe('vscode/features/diagnostic-data', () => {
  it('carries range, message, severity, rule, doc and related locations', () => {
    const data = toDiagnosticData(finding);
    assert.deepEqual(data.range, finding.range);
    assert.equal(data.message, finding.message);
    assert.equal(data.severity, 1);
    assert.equal(data.rule, 'total-mismatch');
    assert.deepEqual(data.docPath, ['dist', 'rules', 'total-mismatch.md']);
    assert.deepEqual(data.related, finding.related);
  });

  it('keeps a bounded number of related locations', () => {
    const many = { ...finding, related: Array.from({ length: MAX_RELATED + 10 }, () => finding.related[0]!) };
    assert.equal(toDiagnosticData(many).related.length, MAX_RELATED);
  });

  it('maps severities to VS Code numbers', () => {
    assert.deepEqual(SEVERITY, { error: 0, warning: 1, info: 2, hint: 3 });
    assert.equal(toDiagnosticData({ ...finding, severity: 'hint' }).severity, 3);
    assert.deepEqual(ruleDocPath('mojibake'), ['dist', 'rules', 'mojibake.md']);
  });

  it('matches a diagnostic back to its finding', () => {
    assert.ok(sameSpot(finding, 'total-mismatch', { line: 500, character: 34 }));
    assert.ok(!sameSpot(finding, 'count-mismatch', { line: 500, character: 34 }));
    assert.ok(!sameSpot(finding, 'total-mismatch', { line: 500, character: 35 }));
  });
});

describe('vscode/item-match', () => {
  it('finds a task again by its ID after lines moved', () => {
    const before = analyse(PLAN).model.items.find((i) => i.id === 'BL-001')!;
    const after = analyse(`# New heading\n\nA new paragraph.\n\n${PLAN}`).model.items;
    const found = matchItem(before, after);
    assert.equal(found?.id, 'BL-001');
    assert.equal(found!.range.start.line, before.range.start.line + 4);
  });

  it('finds an item without an ID by title, nearest first', () => {
    const text = '# P\n\n## A\n\n- [ ] Write docs (1h)\n\n## B\n\n- [ ] Write docs (2h)\n';
    const items = analyse(text).model.items;
    const second = items[1]!;
    assert.equal(matchItem(second, analyse(`\n${text}`).model.items)?.estimate?.hours.low, 2);
  });

  it('gives up when the task is gone', () => {
    const before = analyse(PLAN).model.items.find((i) => i.id === 'BL-001')!;
    assert.equal(matchItem(before, analyse(PLAN.replace('BL-001', 'BL-009')).model.items), undefined);
  });
});

describe('vscode/open-tasks', () => {
  const items = analyse(PLAN).model.items;
  const lineOf = (text: string) => PLAN.split('\n').findIndex((l) => l.includes(text));

  it('goes to the next and previous open task, wrapping around', () => {
    assert.equal(nextOpenTask(items, 0, 1)?.id, 'AC-002');
    assert.equal(nextOpenTask(items, lineOf('AC-003'), 1)?.id, 'BL-001');
    assert.equal(nextOpenTask(items, lineOf('BL-002'), 1)?.id, 'AC-002', 'wraps to the top');
    assert.equal(nextOpenTask(items, lineOf('BL-001'), -1)?.id, 'AC-003');
    assert.equal(nextOpenTask(items, 0, -1)?.id, 'BL-001', 'wraps to the bottom');
    assert.equal(nextOpenTask(analyse('# P\n\n- [x] done (1h)\n').model.items, 0, 1), undefined);
  });

  it('finds the tasks on the selected lines, else the task holding the cursor', () => {
    assert.deepEqual(tasksOnLines(items, [lineOf('AC-001'), lineOf('AC-002')]).map((i) => i.id), ['AC-001', 'AC-002']);
    assert.deepEqual(tasksOnLines(items, [lineOf('## Notes')]).map((i) => i.id), []);
    const wrapped = analyse('# P\n\n## A\n\n- [ ] **X-1**: Task\n  more words about it\n').model.items;
    assert.deepEqual(tasksOnLines(wrapped, [5]).map((i) => i.id), ['X-1']);
  });
});

describe('vscode/analysis/limits', () => {
  it('marks large plans', () => {
    assert.ok(!isLarge(MAX_PLAN_CHARS));
    assert.ok(isLarge(MAX_PLAN_CHARS + 1));
  });

  it('analyses markdown the user edits, not diffs or output', () => {
    assert.ok(shouldAnalyze({ languageId: 'markdown', uri: { scheme: 'file' } }));
    assert.ok(shouldAnalyze({ languageId: 'markdown', uri: { scheme: 'untitled' } }));
    assert.ok(shouldAnalyze({ languageId: 'markdown', uri: { scheme: 'vscode-vfs' } }));
    assert.ok(!shouldAnalyze({ languageId: 'markdown', uri: { scheme: 'git' } }));
    assert.ok(!shouldAnalyze({ languageId: 'plaintext', uri: { scheme: 'file' } }));
  });
});
