import { strict as assert } from 'node:assert';
import { setTaskEdit, toggleTaskEdit } from '../../../src/core/edits/toggle';
import { applyEdits } from '../../../src/core/edits/apply';
import { analyzePlan } from '../../../src/core/index';

/** An item whose checkbox sits at `offset` (the model's positions, reduced to what toggling reads). */
function at(offset: number, length = 3) {
  const pos = (o: number) => ({ line: 0, column: o, offset: o });
  return { checkbox: { checked: false, mark: ' ', range: { start: pos(offset), end: pos(offset + length) } } };
}

describe('core/edits/toggle', () => {
  it('ticks an open task by replacing only the mark', () => {
    const text = '- [ ] **CP-001**: Build it\r\n';
    const edit = toggleTaskEdit(text, at(2));
    assert.deepEqual(edit, { start: 3, end: 4, newText: 'x' });
    assert.equal(applyEdits(text, [edit!]), '- [x] **CP-001**: Build it\r\n');
  });

  it('unticks [x] and [X]', () => {
    assert.equal(toggleTaskEdit('- [x] a', at(2))!.newText, ' ');
    assert.equal(toggleTaskEdit('- [X] a', at(2))!.newText, ' ');
  });

  it('reads the mark from the text, not the model (the text is the truth)', () => {
    const item = at(2); // the model says open
    assert.equal(toggleTaskEdit('- [x] a', item)!.newText, ' ');
  });

  it('works under tabs, quotes and ordered markers', () => {
    const text = 'intro\n\t> 12) [ ] nested\n';
    const offset = text.indexOf('[');
    assert.deepEqual(toggleTaskEdit(text, at(offset)), { start: offset + 1, end: offset + 2, newText: 'x' });
  });

  it('ticks a heading task, and every box the model shows can be toggled', () => {
    const text = '# Backlog\n\n### [ ] T1 — Toast\n\n> ## [x] T2 — Flicker\n';
    const offset = text.indexOf('[ ]');
    assert.deepEqual(toggleTaskEdit(text, at(offset)), { start: offset + 1, end: offset + 2, newText: 'x' });
    const boxes = analyzePlan(text).model.items.filter((i) => i.checkbox);
    assert.equal(boxes.length, 2);
    for (const item of boxes) assert.ok(toggleTaskEdit(text, item), item.title);
  });

  it('finds the line start after a lone CR, as the model counts lines', () => {
    const text = '# Plan\r- [ ] a\r- [ ] b\r';
    const items = analyzePlan(text).model.items;
    assert.equal(items.length, 2);
    for (const item of items) assert.equal(applyEdits(text, [toggleTaskEdit(text, item)!]).slice(item.checkbox!.range.start.offset, item.checkbox!.range.end.offset), '[x]');
  });

  it('refuses a box with no list marker or heading before it', () => {
    assert.equal(toggleTaskEdit('[ ] a', at(0)), undefined, 'line start');
    assert.equal(toggleTaskEdit('> [ ] a', at(2)), undefined, 'quote only');
  });

  it('refuses when the text at the range is not a checkbox', () => {
    assert.equal(toggleTaskEdit('- [ ] a', at(0)), undefined, 'range on the marker');
    assert.equal(toggleTaskEdit('- (x) a', at(2)), undefined, 'not brackets');
    assert.equal(toggleTaskEdit('see [ ] here', at(4)), undefined, 'brackets in prose');
    assert.equal(toggleTaskEdit('- [ ] a', at(2, 4)), undefined, 'range of the wrong size');
    assert.equal(toggleTaskEdit('- [', at(2)), undefined, 'text too short');
    assert.equal(toggleTaskEdit('- [ ] a', {}), undefined, 'no checkbox');
  });

  it('setTaskEdit edits only when the state differs', () => {
    assert.equal(setTaskEdit('- [x] a', at(2), true), undefined);
    assert.deepEqual(setTaskEdit('- [x] a', at(2), false), { start: 3, end: 4, newText: ' ' });
    assert.deepEqual(setTaskEdit('- [ ] a', at(2), true), { start: 3, end: 4, newText: 'x' });
    assert.equal(setTaskEdit('- (x) a', at(2), true), undefined);
  });
});
