/**
 * A plan of many items of the same hours whose titles share words ("Task 12: … module", 2 h
 * each). A summary line still restates the one item its own words name; a word that more than
 * forty items of those hours share names none of them (and is not tried against each of them,
 * which would cost the square of the plan's size: `npm run bench` times such a plan).
 */
import { strict as assert } from 'node:assert';
import { analyse, totals } from './plan-lines';

/** A made-up word no other title has. */
const uniq = (n: number) => `Zq${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}rn`;

const BACKLOG = ['# Plan', '', '## Backlog', '', ...Array.from({ length: 45 }, (_, n) => `- Task ${n + 1}: ${uniq(n)} module (2h)`), ''];

/** A summary table of 2-hour rows. */
const summary = (names: string[]) => ['## Summary', '', '| Work | Hours |', '|---|---|', ...names.map((n) => `| ${n} | 2h |`), ''];

describe('restatements among many items of the same hours', () => {
  it('the backlog alone: 45 items, 90 h', () => {
    assert.deepEqual(totals(analyse(BACKLOG)), [45, 90, 90]);
  });

  it('a summary naming items by their own words restates them, though every title shares "task" and "module"', () => {
    const a = analyse([...BACKLOG, ...summary([`${uniq(0)} Module`, `${uniq(7)} Module`])]);
    assert.deepEqual(totals(a), [45, 90, 90]);
    const rows = a.model.items.filter((i) => i.kind === 'row');
    assert.deepEqual(
      rows.map((r) => a.model.items[r.mentionOf!]?.title),
      [`Task 1: ${uniq(0)} module`, `Task 8: ${uniq(7)} module`],
    );
  });

  it('true negative: a summary whose entry names nothing but the shared words stands as items', () => {
    const a = analyse([...BACKLOG, ...summary(['Module cleanup', `${uniq(3)} Module`])]);
    assert.deepEqual(totals(a), [47, 94, 94]);
  });
});
