import { strict as assert } from 'node:assert';
import { fillTemplate, runRules } from '../../../src/core/rules/runner';
import { MAX_RELATED, type Rule } from '../../../src/core/rules/types';
import { analyzePlan } from '../../../src/core/index';
import { at, contextFor, emptyModel } from './model-factory';

/** A rule that reports once on each of the given lines. */
function reporter(id: string, lines: number[]): Rule {
  return {
    meta: { id, description: '', defaultSeverity: 'warning', fixable: false, messages: { m: '{what} on {line}' } },
    check({ report }) {
      for (const line of lines) report({ messageId: 'm', range: at(line), data: { what: id, line } });
    },
  };
}

function lines(rule: string, directives: ReturnType<typeof emptyModel>['directives'], on = [1, 2, 3, 4, 5, 6]) {
  const model = emptyModel();
  model.directives = directives;
  return runRules(contextFor(model), [reporter(rule, on)]).map((f) => f.range.start.line);
}

describe('rule runner', () => {
  it('keeps at most MAX_RELATED related locations per finding, in order', () => {
    const many: Rule = {
      meta: { id: 'many', description: '', defaultSeverity: 'warning', fixable: false, messages: { m: 'm' } },
      check({ report }) {
        report({ messageId: 'm', range: at(1), related: Array.from({ length: MAX_RELATED * 3 }, (_, i) => ({ range: at(i + 2), message: String(i) })) });
      },
    };
    const [finding] = runRules(contextFor(emptyModel()), [many]);
    assert.equal(finding.related.length, MAX_RELATED);
    assert.deepEqual(finding.related.map((r) => r.message).slice(0, 3), ['0', '1', '2']);
  });

  it('bounds related locations when many totals each cover many items', () => {
    const tasks = Array.from({ length: 80 }, (_, i) => `- [ ] **Task ${i}** (P1, 2h)`);
    const totals = Array.from({ length: 40 }, () => 'Total P1 Effort: 1 hours\n');
    const { findings } = analyzePlan(['# Plan', '', ...tasks, '', ...totals].join('\n'), { detection: 'always' });
    const totalsFound = findings.filter((f) => f.rule === 'total-mismatch');
    assert.ok(totalsFound.length > 1, 'each wrong total is reported');
    assert.ok(totalsFound.every((f) => f.related.length > 0 && f.related.length <= MAX_RELATED));
  });

  it('fills message templates and keeps unknown placeholders visible', () => {
    assert.equal(fillTemplate('{a} and {b}', { a: 1 }), '1 and {b}');
    const [finding] = runRules(contextFor(emptyModel()), [reporter('x', [3])]);
    assert.equal(finding.message, 'x on 3');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.related, []);
  });

  it('applies severity overrides and turns rules off', () => {
    const rules = [reporter('a', [1]), reporter('b', [2])];
    const findings = runRules(contextFor(emptyModel(), '', { rules: { a: 'error', b: 'off' } }), rules);
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['a', 'error']]);
  });

  it('sorts findings by position across rules', () => {
    const findings = runRules(contextFor(emptyModel()), [reporter('b', [5, 1]), reporter('a', [3, 1])]);
    assert.deepEqual(findings.map((f) => `${f.rule}${f.range.start.line}`), ['a1', 'b1', 'a3', 'b5']);
  });

  it('keeps the other rules when one throws, and reports nothing for the broken one', () => {
    const broken: Rule = {
      meta: { id: 'broken', description: '', defaultSeverity: 'error', fixable: false, messages: {} },
      check({ report }) {
        report({ messageId: 'm', range: at(1) });
        throw new Error('boom');
      },
    };
    const findings = runRules(contextFor(emptyModel()), [broken, reporter('ok', [2])]);
    assert.deepEqual(findings.map((f) => f.rule), ['ok']);
  });

  it('drops fixes from rules that do not declare themselves fixable', () => {
    const rule: Rule = {
      meta: { id: 'r', description: '', defaultSeverity: 'info', fixable: false, messages: { m: 'm' } },
      check({ report }) {
        report({ messageId: 'm', range: at(1), fix: { description: 'x', edits: [] } });
      },
    };
    assert.equal(runRules(contextFor(emptyModel()), [rule])[0].fix, undefined);
  });

  describe('inline directives', () => {
    it('disable … enable covers the lines between, for the named rule only', () => {
      const d = [
        { kind: 'disable' as const, rules: ['r'], line: 2 },
        { kind: 'enable' as const, rules: ['r'], line: 4 },
      ];
      assert.deepEqual(lines('r', d), [1, 4, 5, 6]);
      assert.deepEqual(lines('other', d), [1, 2, 3, 4, 5, 6]);
    });

    it('a directive without rules covers every rule', () => {
      assert.deepEqual(lines('r', [{ kind: 'disable', rules: [], line: 3 }]), [1, 2]);
    });

    it('a rule enabled again inside a disable-all stays on', () => {
      const d = [
        { kind: 'disable' as const, rules: [], line: 1 },
        { kind: 'enable' as const, rules: ['r'], line: 3 },
      ];
      assert.deepEqual(lines('r', d), [3, 4, 5, 6]);
      assert.deepEqual(lines('other', d), []);
    });

    it('disable-next-line and disable-line cover one line', () => {
      assert.deepEqual(lines('r', [{ kind: 'disable-next-line', rules: ['r'], line: 2 }]), [1, 2, 4, 5, 6]);
      assert.deepEqual(lines('r', [{ kind: 'disable-line', rules: ['R'], line: 5 }]), [1, 2, 3, 4, 6]);
      assert.deepEqual(lines('r', [{ kind: 'disable-line', rules: ['other'], line: 5 }]), [1, 2, 3, 4, 5, 6]);
    });
  });
});
