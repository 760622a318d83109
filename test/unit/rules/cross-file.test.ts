/**
 * Cross-file rules: each case under test/fixtures/rules/<rule-id>/<case>/ is a set of plan
 * files read together; each file's cross-file findings must match its inline expectations,
 * and related locations must point into another file of the case.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzePlan, resolveOptions } from '../../../src/core';
import { runCrossFileRules } from '../../../src/core/rules/cross-file-runner';
import { allRuleMetas, crossFileRules, rules } from '../../../src/core/rules/registry';
import type { PlanFile } from '../../../src/core/rules/types';
import { FIXTURES, keys, readExpectations } from './expectations';

const RULES_DIR = resolve(__dirname, '../../../src/core/rules');
const crossIds = new Set(crossFileRules.map((r) => r.meta.id));

function casesOf(rule: string): string[] {
  const dir = join(FIXTURES, rule);
  return existsSync(dir) ? readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()).sort() : [];
}

function readCase(rule: string, name: string): { file: string; text: string }[] {
  const dir = join(FIXTURES, rule, name);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

function plansOf(files: { file: string; text: string }[]): PlanFile[] {
  return files.map(({ file, text }) => ({ file, model: analyzePlan(text, { detection: 'always' }).model }));
}

/** The markdown blocks of a doc's example, each after a `name.md`: line, and the quoted message. */
function docExample(doc: string): { files: { file: string; text: string }[]; message: string } | undefined {
  const section = /## Example\n([\s\S]*?)\n## /.exec(doc)?.[1];
  if (!section) return undefined;
  const files = [...section.matchAll(/`([^`]+\.md)`:\n\n```markdown\n([\s\S]*?)```/g)].map((m) => ({ file: m[1], text: m[2] }));
  const message = /\n> (.*)\n/.exec(section)?.[1];
  return files.length >= 2 && message ? { files, message } : undefined;
}

describe('cross-file rules', () => {
  it('have ids unique among all rules', () => {
    const ids = allRuleMetas.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids.length, rules.length + crossFileRules.length);
  });

  it('report nothing for a single plan', () => {
    const files = readCase('cross-file-conflict', 'disagree');
    assert.equal(runCrossFileRules(plansOf(files.slice(0, 1)), resolveOptions()).size, 0);
  });

  it('can be switched off by settings and by inline comments in one file', () => {
    const files = readCase('cross-file-conflict', 'disagree');
    assert.equal(runCrossFileRules(plansOf(files), resolveOptions({ rules: { 'cross-file-conflict': 'off' } })).size, 0);
    const [first, second] = files;
    const disabled = [{ ...first, text: `<!-- plan-lens-disable cross-file-conflict -->\n${first.text}` }, second];
    const found = runCrossFileRules(plansOf(disabled), resolveOptions());
    assert.equal(found.get(first.file), undefined);
    assert.ok((found.get(second.file) ?? []).length > 0);
  });

  for (const rule of crossFileRules) {
    const { id } = rule.meta;
    describe(id, () => {
      it('has its doc beside it, agreeing with its meta, with an example that gives the quoted message', () => {
        const path = join(RULES_DIR, `${id}.md`);
        assert.ok(existsSync(path), `missing ${id}.md`);
        const doc = readFileSync(path, 'utf8');
        assert.equal(doc.split('\n')[0], `# ${id}`);
        assert.match(doc, new RegExp(`Default severity: \\*\\*${rule.meta.defaultSeverity}\\*\\*`));
        assert.match(doc, new RegExp(`Fixable: \\*\\*${rule.meta.fixable ? 'yes' : 'no'}\\*\\*`));
        for (const section of ['## What it finds', '## Why it matters', '## Example', '## Options', '## Fix']) assert.ok(doc.includes(section), section);
        const example = docExample(doc);
        assert.ok(example, `${id}.md: the example needs two "\`name.md\`:" markdown blocks and a "> message" quote`);
        const found = runCrossFileRules(plansOf(example.files), resolveOptions(), [rule]);
        assert.deepEqual((found.get(example.files[0].file) ?? []).map((f) => f.message), [example.message]);
      });

      it('has a case that expects it and one that does not', () => {
        const cases = casesOf(id).map((c) => readCase(id, c).some((f) => readExpectations(f.text).some((e) => e.rule === id)));
        assert.ok(cases.includes(true), `no case in test/fixtures/rules/${id}/ expects ${id}`);
        assert.ok(cases.includes(false), `no true-negative case in test/fixtures/rules/${id}/`);
      });

      for (const name of casesOf(id)) {
        it(`${name}: each file finds exactly what it expects, with related locations in the other files`, () => {
          const files = readCase(id, name);
          const found = runCrossFileRules(plansOf(files), resolveOptions());
          for (const { file, text } of files) {
            const expected = keys(readExpectations(text).filter((e) => crossIds.has(e.rule)));
            const findings = found.get(file) ?? [];
            assert.deepEqual(keys(findings.map((f) => ({ rule: f.rule, line: f.range.start.line }))), expected, file);
            for (const f of findings) {
              assert.ok(f.related.length > 0, `${file}: ${f.message} has no related location`);
              for (const r of f.related) assert.ok(r.file && r.file !== file && files.some((o) => o.file === r.file), `${file}: related ${r.file}`);
            }
          }
        });
      }
    });
  }
});
