/** Each rule ships with its doc and its fixtures; the doc states the same severity and fixability as the meta. */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzePlan } from '../../../src/core';
import { allRuleMetas, rules } from '../../../src/core/rules/registry';
import { FIXTURES, fixtureFiles, readExpectations, readOptions } from './expectations';

const RULES_DIR = resolve(__dirname, '../../../src/core/rules');

function fixtures(rule: string): { file: string; text: string; expects: boolean }[] {
  return fixtureFiles(rule).map((file) => {
    const text = readFileSync(join(FIXTURES, rule, file), 'utf8');
    return { file, text, expects: readExpectations(text).some((e) => e.rule === rule) };
  });
}

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = rules.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/);
  });

  it('has a fixture folder for every rule and a rule for every fixture folder', () => {
    const folders = readdirSync(FIXTURES).sort();
    assert.deepEqual(folders, allRuleMetas.map((m) => m.id).sort());
  });

  for (const rule of rules) {
    const { id, defaultSeverity, fixable, messages } = rule.meta;
    describe(id, () => {
      it('has its doc beside it, agreeing with its meta', () => {
        const path = join(RULES_DIR, `${id}.md`);
        assert.ok(existsSync(path), `missing ${id}.md`);
        const doc = readFileSync(path, 'utf8');
        assert.equal(doc.split('\n')[0], `# ${id}`);
        assert.match(doc, new RegExp(`Default severity: \\*\\*${defaultSeverity}\\*\\*`));
        assert.match(doc, new RegExp(`Fixable: \\*\\*${fixable ? 'yes' : 'no'}\\*\\*`));
        for (const section of ['## What it finds', '## Why it matters', '## Example', '## Options', '## Fix']) {
          assert.ok(doc.includes(section), `${id}.md lacks "${section}"`);
        }
      });

      it('shows in its doc an example that produces the message the doc quotes', () => {
        const doc = readFileSync(join(RULES_DIR, `${id}.md`), 'utf8');
        const example = /## Example\n\n```markdown\n([\s\S]*?)```\n\n> (.*)\n/.exec(doc);
        assert.ok(example, `${id}.md: "## Example" needs a markdown block followed by a "> message" quote`);
        const messages = analyzePlan(example[1], { detection: 'always' }).findings.filter((f) => f.rule === id).map((f) => f.message);
        assert.deepEqual(messages, [example[2]]);
      });

      it('has messages', () => {
        assert.ok(Object.keys(messages).length > 0);
        assert.ok(rule.meta.description.length > 0);
      });

      it('has a fixture that expects it and one that does not', () => {
        const all = fixtures(id);
        assert.ok(all.some((f) => f.expects), `no fixture in test/fixtures/rules/${id}/ expects ${id}`);
        assert.ok(all.some((f) => !f.expects), `no true-negative fixture in test/fixtures/rules/${id}/`);
      });

      if (fixable) {
        it('offers a fix in a fixture', () => {
          const fixed = fixtures(id)
            .filter((f) => f.expects)
            .flatMap((f) => analyzePlan(f.text, { detection: 'always', ...readOptions(f.text) }).findings)
            .filter((f) => f.rule === id && f.fix);
          assert.ok(fixed.length > 0, `${id} is fixable but no fixture shows a fix`);
        });
      }
    });
  }
});
