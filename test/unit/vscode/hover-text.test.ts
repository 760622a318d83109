import { strict as assert } from 'node:assert';
import { explainOne } from '../../../src/core/explain';
import { declaredHover, escapeMarkdown, estimateHover, sizeHover } from '../../../src/vscode/features/hover-text';
import { analyse, PLAN } from './helpers';

describe('vscode/features/hover-text', () => {
  it('escapes everything markdown could read as markup or a link', () => {
    const hostile = '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **b** `c` https://evil.example';
    const escaped = escapeMarkdown(hostile);
    assert.ok(!/(^|[^\\])[[\]()<>*`]/.test(escaped), escaped);
    assert.ok(!escaped.includes('command:'), 'the colon is escaped, so no scheme survives');
    assert.ok(!escaped.includes('https://'));
    assert.equal(escapeMarkdown('a\r\nb'), 'a b');
  });

  it('says how an estimate was read', () => {
    const item = analyse(PLAN).model.items.find((i) => i.id === 'AC-002')!;
    const text = estimateHover(item.estimate!, item);
    assert.match(text, /read as \*\*2–3 h\*\*/);
  });

  it('names a unit other than hours', () => {
    const item = analyse('# P\n\n## A\n\n- [ ] Ship it (P1, 2d)\n').model.items[0]!;
    assert.match(estimateHover(item.estimate!, item), /read as \*\*16 h\*\*[\s\S]*days/);
  });

  it('says a size is not hours: points are summed apart, a T-shirt size adds to nothing', () => {
    const [points, shirt] = analyse('# P\n\n## A\n\n- [ ] Ship it (P1, 5 SP)\n- [ ] **Polish**\n  - **Size:** M\n').model.items;
    assert.match(sizeHover(points!.size!, points!), /read as \*\*5 story points\*\*, summed apart from hours/);
    assert.match(sizeHover(shirt!.size!, shirt!), /read as \*\*a size\*\*, not hours/);
  });

  it('says what a declared total reads as and what its parts add to', () => {
    const analysis = analyse(PLAN);
    const declared = analysis.model.declared.find((d) => d.kind === 'total')!;
    const text = declaredHover(declared, analysis.declaredParts[declared.index]);
    assert.match(text, /read as \*\*20 h\*\*/);
    assert.match(text, /parts add to \*\*9–11 h\*\* \(2 items\); 6–8 h not done yet/);
    assert.match(declaredHover(declared, undefined), /could not tell/);
  });

  it('gives the same scope and verdict as plan-lens explain', () => {
    const analysis = analyse(PLAN);
    const declared = analysis.model.declared.find((d) => d.kind === 'total')!;
    const explanation = explainOne(analysis, declared);
    const text = declaredHover(declared, analysis.declaredParts[declared.index], explanation);
    assert.ok(text.includes(`Verdict: ${escapeMarkdown(explanation.verdict)}`), text);
    assert.ok(text.includes(`Scope: ${escapeMarkdown(explanation.scope)}`), text);
    assert.match(explanation.verdict, /^Declares 20 h/);
  });

  it('escapes the plan text it quotes', () => {
    const analysis = analyse('# P\n\n## A\n\n- [ ] **[x](command:evil)** do it (P1, 2h)\n');
    const item = analysis.model.items[0]!;
    assert.ok(!estimateHover(item.estimate!, item).includes('](command'));
  });
});
