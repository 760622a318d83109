import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { MEMORY_CWD, runInMemory } from '../cli/helpers';
import { analyzePlan } from '../../../src/core';
import { applyFixes } from '../../../src/core/edits/apply';
import { codePageTable, type CodePage } from '../../../src/core/parse/mojibake';
import { MAX_RELATED } from '../../../src/core/rules/types';
import { mojibake as rule } from '../../../src/core/rules/mojibake';

function garble(text: string, codePage: CodePage = 'windows-1252'): string {
  const table = codePageTable(codePage);
  return [...Buffer.from(text, 'utf8')].map((b) => String.fromCodePoint(b < 0x80 ? b : table[b - 0x80])).join('');
}

const mojibake = (text: string) => analyzePlan(text, { detection: 'always' }).findings.filter((f) => f.rule === 'mojibake');

/** A plan of `n` tasks, every one with a garbled dash and every third with a garbled tick. */
function planWith(n: number, eol = '\n'): { garbled: string; meant: string } {
  const lines = ['# Plan', '', '## Tasks', ''];
  for (let i = 1; i <= n; i++) lines.push(`- [ ] Task ${i} — ${i % 3 === 0 ? '✅ ' : ''}café (1h)`);
  const meant = lines.join(eol) + eol;
  return { meant, garbled: garble(meant) };
}

describe('mojibake rule: one finding per kind of damage', () => {
  it('reports 70 garbled runs of one kind once, with the count, the first runs related and how many more', () => {
    const { garbled, meant } = planWith(30);
    const runs = 30 * 2 + 30 / 3;
    const found = mojibake(garbled);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.messageId, 'garbledMany');
    assert.match(f.message, new RegExp(`^${runs} runs of text are UTF-8 read as Windows-1252`));
    assert.match(f.message, new RegExp(`and ${runs - MAX_RELATED} more$`));
    assert.equal(f.related.length, MAX_RELATED);
    assert.equal(f.range.start.line, f.related[0].range.start.line, 'the finding sits on the first run');
    assert.equal(f.fix?.edits.length, runs);
    assert.equal(applyFixes(garbled, found).text, meant, 'one fix repairs every run, and nothing else');
  });

  it('keeps kinds apart: Windows-1252, Windows-1254, Latin-1 and double-encoded runs each get their own finding', () => {
    const text = `# Plan\n\n## Tasks\n\n- [ ] A ${garble('—')} one ${garble('—')} (1h)\n- [ ] B ${garble('📊', 'windows-1254')} (1h)\n- [ ] C ${garble('—', 'iso-8859-1')} (1h)\n- [ ] D ${garble(garble('✅'))} (1h)\n`;
    const found = mojibake(text);
    assert.deepEqual(found.map((f) => [f.range.start.line, f.fix?.edits.length]), [[4, 2], [5, 1], [6, 1], [7, 1]]);
    assert.match(found[1].message, /Windows-1254/);
    assert.match(found[2].message, /Latin-1/);
    assert.match(found[2].message, /\\u0080/, 'invisible C1 controls are spelled out');
    assert.match(found[3].message, /Windows-1252 twice/);
    assert.equal(applyFixes(text, found).text, '# Plan\n\n## Tasks\n\n- [ ] A — one — (1h)\n- [ ] B 📊 (1h)\n- [ ] C — (1h)\n- [ ] D ✅ (1h)\n');
  });

  it('leaves out of the fix a run whose text no longer matches the document', () => {
    const { garbled } = planWith(3);
    const analysis = analyzePlan(garbled, { detection: 'always' });
    const moved = 'x' + garbled; // the text the fix would land on, one character off
    const reports: { fix?: { edits: unknown[] } }[] = [];
    rule.check({ text: moved, model: analysis.model, rollups: analysis.rollups, options: {} as never, report: (r) => reports.push(r) });
    assert.equal(reports.length, 1);
    assert.equal(reports[0].fix, undefined);
  });

  it('keeps CRLF line endings and the BOM when the CLI applies the fix', async () => {
    const { garbled, meant } = planWith(10, '\r\n');
    const result = await runInMemory(main, ['check', '--fix', 'plan.md'], { 'plan.md': '\uFEFF' + garbled });
    const written = result.written.get(path.resolve(MEMORY_CWD, 'plan.md'));
    assert.equal(written, '\uFEFF' + meant);
    assert.doesNotMatch(result.stdout, /mojibake/);
  });
});
