/** `plan-lens check` over several files applies the cross-file rules, in every format, pointing into both files. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { assertValidSarif, runInMemory } from './helpers';

const CASE = path.join(__dirname, '../../fixtures/rules/cross-file-conflict/disagree');
const files = {
  'docs/gap-analysis.md': readFileSync(path.join(CASE, 'gap-analysis.md'), 'utf8'),
  'docs/implementation-plan.md': readFileSync(path.join(CASE, 'implementation-plan.md'), 'utf8'),
};
const paths = Object.keys(files);
const run = (argv: string[], given: Record<string, string> = files) => runInMemory(main, argv, given);

interface JsonOut {
  files: { path: string; findings: { rule: string; line: number; related: { file?: string; line: number }[] }[] }[];
}

describe('cli: cross-file rules', () => {
  it('reports the disagreement in both files, with related locations in the other (JSON)', async () => {
    const result = await run(['check', '--format', 'json', ...paths]);
    const out = JSON.parse(result.stdout) as JsonOut;
    for (const file of out.files) {
      const cross = file.findings.filter((f) => f.rule === 'cross-file-conflict');
      assert.equal(cross.length, 3, file.path);
      const other = paths.find((p) => p !== file.path);
      for (const f of cross) assert.ok(f.related.some((r) => r.file === other), `${file.path}:${f.line} has no related location in ${other}`);
    }
  });

  it('shows the other file in text output and SARIF related locations', async () => {
    const text = await run(['check', ...paths]);
    assert.match(text.stdout, /cross-file-conflict\n\s+↳ docs\/implementation-plan\.md:\d+:\d+/);
    const sarif = JSON.parse((await run(['check', '--format', 'sarif', ...paths])).stdout);
    assertValidSarif(sarif);
    const results = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'cross-file-conflict');
    assert.equal(results.length, 6);
    for (const r of results) {
      const own = r.locations[0].physicalLocation.artifactLocation.uri;
      assert.ok(r.relatedLocations.some((l: { physicalLocation: { artifactLocation: { uri: string } } }) => l.physicalLocation.artifactLocation.uri !== own));
    }
    assert.ok(sarif.runs[0].tool.driver.rules.some((d: { id: string }) => d.id === 'cross-file-conflict'));
  });

  it('finds nothing across files when given one file, and nothing with the rule off', async () => {
    const one = JSON.parse((await run(['check', '--format', 'json', paths[0]])).stdout) as JsonOut;
    assert.equal(one.files[0].findings.filter((f) => f.rule.startsWith('cross-file')).length, 0);
    const off = await run(['check', '--format', 'json', ...paths], { ...files, '.planlens.json': '{ "rules": { "cross-file-conflict": "off" } }' });
    assert.equal(off.code, 0);
    assert.ok(!off.stdout.includes('cross-file-conflict"'));
  });
});
