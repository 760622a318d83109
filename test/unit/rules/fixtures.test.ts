/**
 * Every fixture under test/fixtures/rules/<rule-id>/ is analysed; its findings must match its
 * inline expectations exactly (rule and line), and every fix must remove its own finding
 * and change nothing else — the fixed text is analysed again to prove it.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePlan } from '../../../src/core';
import type { Finding } from '../../../src/core/model/finding';
import { applyEdits, applyFixes } from '../../../src/core/edits/apply';
import { FIXTURES, fixtureFiles, keys, readExpectations, readOptions } from './expectations';

function analyse(text: string, options: Record<string, unknown>): Finding[] {
  return analyzePlan(text, { detection: 'always', ...options }).findings;
}

function found(findings: Finding[]): string[] {
  return keys(findings.map((f) => ({ rule: f.rule, line: f.range.start.line })));
}

function without(all: string[], one: string): string[] {
  const i = all.indexOf(one);
  return [...all.slice(0, i), ...all.slice(i + 1)];
}

describe('rule fixtures', () => {
  const folders = existsSync(FIXTURES) ? readdirSync(FIXTURES).sort() : [];
  for (const rule of folders) {
    describe(rule, () => {
      for (const file of fixtureFiles(rule)) {
        const text = readFileSync(join(FIXTURES, rule, file), 'utf8');
        const options = readOptions(text);

        it(`${file}: finds exactly what it expects`, () => {
          const expectations = readExpectations(text);
          const findings = analyse(text, options);
          assert.deepEqual(found(findings), keys(expectations));
          for (const want of expectations.filter((e) => e.severity)) {
            const there = findings.filter((f) => f.rule === want.rule && f.range.start.line === want.line).map((f) => f.severity);
            assert.ok(there.includes(want.severity as Finding['severity']), `${want.rule} at "${want.anchor}" is ${there.join('/')}, expected ${want.severity}`);
          }
        });

        it(`${file}: each fix removes its finding and nothing else`, () => {
          const findings = analyse(text, options);
          const before = found(findings);
          for (const finding of findings.filter((f) => f.fix)) {
            const fixed = applyEdits(text, finding.fix!.edits);
            const key = found([finding])[0];
            assert.deepEqual(found(analyse(fixed, options)), without(before, key), `after fixing ${key}`);
          }
          const all = applyFixes(text, findings);
          assert.equal(analyse(all.text, options).filter((f) => f.fix).length, 0, 'fixable findings left after fixing all');
        });
      }
    });
  }
});
