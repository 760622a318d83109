/** `plan-lens explain`: each declared number with its scope, parts, computed value and verdict. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { runInMemory } from './helpers';

const SPRINT = readFileSync(path.join(__dirname, '../../fixtures/cli/sprint.md'), 'utf8');

describe('cli explain', () => {
  it('prints the declared total, what it sums, the sum and the finding', async () => {
    const result = await runInMemory(main, ['explain', 'sprint.md'], { 'sprint.md': SPRINT });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^sprint\.md:\n/);
    assert.match(result.stdout, /total "Phase 1[^"]*" = 12 h\n\s+scope: .+\n\s+parts: .+\n\s+computed: 10 h\n\s+verdict: warning: /);
  });

  it('says when a plan declares nothing, and gives json on request', async () => {
    const plain = await runInMemory(main, ['explain', 'a.md'], { 'a.md': '# Notes\n\n- [ ] one\n- [ ] two\n' });
    assert.match(plain.stdout, /no declared numbers read/);
    const json = await runInMemory(main, ['explain', '-f', 'json', 'sprint.md'], { 'sprint.md': SPRINT });
    const parsed = JSON.parse(json.stdout) as { path: string; declared: { kind: string; computed?: string }[] }[];
    assert.equal(parsed[0].path, 'sprint.md');
    assert.ok(parsed[0].declared.some((d) => d.kind === 'total' && d.computed === '10 h'));
  });
});
