/**
 * Links between mentions are copied from the analysis before when the model reads the same to
 * the linking (mention-reuse.ts). A cache, never a different answer: every analysis here must
 * equal one from scratch, and the links must be worked out again whenever the edit changed
 * anything the linking read — a title, an estimate, the order of things, or the words of an
 * item's own text that it looked for.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PlanAnalyzer, type Analysis } from '../../../src/core/index';
import { forgetTexts } from '../../../src/core/rules/text-memo';
import { ItemSchema, SectionSchema } from '../../../src/core/model/schema';
import { ITEM_FIELDS, LINKED, POSITIONS, SECTION_FIELDS } from '../../../src/core/model/mention-reuse';
import { MUTATIONS, rng } from '../robustness/mutate';
import { ABSENT, PLANS, SHARED, markdownFilesUnder, sharedFiles } from '../rules/shared-files';

const OPTIONS = { detection: 'always' } as const;

/** Three gaps, one lacking a priority, and a sprint whose entries restate or are parts of them. */
const PLAN = [
  '# Plan',
  '',
  '## Gaps',
  '',
  '1. **Offline Sync Queue**',
  '   - **Gap**: Edits made offline are lost on reload',
  '   - **Estimated Time**: 5-7 hours',
  '2. **Receipt Email Layout**',
  '   - **Gap**: Long item names break the table',
  '   - **Estimated Time**: 2 hours',
  '3. **Monitoring**',
  '   - **Gap**: No slow query alerts, no uptime checks',
  '   - **Estimated Time**: 6 hours',
  '',
  '## Roadmap',
  '',
  '### Sprint 2',
  '',
  '1. **Slow Query Alerts** (2h)',
  '2. **Uptime Checks** (3h)',
  '3. **Receipt Email Layout** (P1, 2h)',
  '',
].join('\n');

function fromScratch(text: string): Analysis {
  forgetTexts();
  return new PlanAnalyzer().analyze(text, OPTIONS);
}

/** Analyses `before`, then `after` with the same analyzer; checks `after` against a fresh analysis. Returns it and whether the links were reused. */
function edit(before: string, after: string): { analysis: Analysis; reused: boolean } {
  const analyzer = new PlanAnalyzer();
  analyzer.analyze(before, OPTIONS);
  const analysis = analyzer.analyze(after, OPTIONS);
  assert.deepEqual(analysis, fromScratch(after));
  return { analysis, reused: analyzer.lastStats.linksReused };
}

function restated(a: Analysis, title: string): string | number | undefined {
  const item = a.model.items.find((i) => i.title === title && i.mentionOf !== undefined) ?? a.model.items.find((i) => i.title === title)!;
  return item.mentionOf !== undefined ? a.model.items[item.mentionOf].title : item.restates;
}

describe('reusing the links between mentions', () => {
  it('compares every field of an item and of a section the schema has (a new field must be added to the comparison)', () => {
    const sorted = (keys: Iterable<string>) => [...keys].sort();
    assert.deepEqual(sorted(Object.keys(ItemSchema.shape)), sorted([...ITEM_FIELDS, ...LINKED, 'range', 'titleRange']));
    assert.deepEqual(sorted(Object.keys(SectionSchema.shape)), sorted([...SECTION_FIELDS, 'range', 'bodyRange']));
    for (const key of ['range', 'titleRange', 'bodyRange']) assert.ok(POSITIONS.has(key));
  });

  it('the plan: the sprint restates the receipt layout (giving it P1) and names two parts of the monitoring gap', () => {
    const a = fromScratch(PLAN);
    assert.equal(restated(a, 'Slow Query Alerts'), 'Monitoring');
    assert.equal(restated(a, 'Uptime Checks'), 'Monitoring');
    const layout = a.model.items.find((i) => i.title === 'Receipt Email Layout' && i.mentionOf === undefined)!;
    assert.equal(layout.priority?.label, 'P1');
  });

  it('reuses them after a note is typed under the first item, and the filled-in priority points at its place in the new text', () => {
    const after = PLAN.replace('   - **Estimated Time**: 5-7 hours', '   - **Notes**: agreed with the mobile team\n   - **Estimated Time**: 5-7 hours');
    const { analysis, reused } = edit(PLAN, after);
    assert.equal(reused, true);
    const layout = analysis.model.items.find((i) => i.title === 'Receipt Email Layout' && i.mentionOf === undefined)!;
    const range = layout.priority!.range!;
    assert.equal(after.slice(range.start.offset, range.end.offset), 'P1');
  });

  it('reuses them after an edit to an own text the linking read only for pairs it does not hold', () => {
    const { reused } = edit(PLAN, PLAN.replace('Long item names break the table', 'Long item names break the summary table'));
    assert.equal(reused, true);
  });

  it('works them out again after a title changes', () => {
    assert.equal(edit(PLAN, PLAN.replace('2. **Receipt Email Layout**', '2. **Receipt Email Template**')).reused, false);
  });

  it('works them out again after an estimate or a status changes', () => {
    assert.equal(edit(PLAN, PLAN.replace('5-7 hours', '5-8 hours')).reused, false);
    assert.equal(edit(PLAN, PLAN.replace('1. **Offline Sync Queue**', '1. ✅ **Offline Sync Queue**')).reused, false);
  });

  it('works them out again when an own text loses the pair of words a part was named by', () => {
    const { analysis, reused } = edit(PLAN, PLAN.replace('no uptime checks', 'no uptime probes'));
    assert.equal(reused, false);
    assert.equal(restated(analysis, 'Uptime Checks'), undefined);
    assert.equal(restated(analysis, 'Slow Query Alerts'), undefined, 'one entry unmatched: the sprint stands as items');
  });

  it('works them out again when an own text gains the pair of words an unmatched entry looks for', () => {
    const before = PLAN.replace('no uptime checks', 'no uptime probes');
    const { analysis, reused } = edit(before, PLAN);
    assert.equal(reused, false);
    assert.equal(restated(analysis, 'Uptime Checks'), 'Monitoring');
  });

  it('works them out again when an own text it never read whole gains a pair of words it looked for', () => {
    // Before: no gap names "uptime checks", so the sprint stands as items. After: the sync
    // queue's gap does, and the entry is a part of it (3 h within its 5-7).
    const before = PLAN.replace('no uptime checks', 'no uptime probes');
    const after = before.replace('lost on reload', 'lost on reload, and there are no uptime checks');
    assert.equal(restated(fromScratch(before), 'Uptime Checks'), undefined);
    const { analysis, reused } = edit(before, after);
    assert.equal(reused, false);
    assert.equal(restated(analysis, 'Uptime Checks'), 'Offline Sync Queue');
  });

  /** An area whose work remaining is declared, and a summary whose first row restates the whole area. */
  const AREA = [
    '# Plan',
    '',
    '## 1. Areas',
    '',
    '### 1.1 Billing Engine',
    '',
    'Estimated Work Remaining: 14-18 hours',
    '',
    '1. **Invoice Generator** (4-6 hours)',
    '2. **Tax Rules Rewrite** (8-10 hours)',
    '',
    '## 2. Summary',
    '',
    '| Component | Hours |',
    '|---|---|',
    '| Billing Engine | 14-18 |',
    '| Invoice Generator | 4-6 |',
    '',
  ].join('\n');
  const areaOfRow = (a: Analysis) => a.model.sections[a.model.items.find((i) => i.kind === 'row' && i.title === 'Billing Engine')!.restates ?? -1]?.title;

  it('works them out again when only a declared number changes', () => {
    assert.equal(areaOfRow(fromScratch(AREA)), '1.1 Billing Engine');
    const { analysis, reused } = edit(AREA, AREA.replace('14-18 hours', '14-19 hours'));
    assert.equal(reused, false);
    assert.equal(areaOfRow(analysis), undefined);
  });

  it('works them out again when only a section title changes', () => {
    const { analysis, reused } = edit(AREA, AREA.replace('### 1.1 Billing Engine', '### 1.1 Payment Service'));
    assert.equal(reused, false);
    assert.equal(areaOfRow(analysis), undefined);
  });

  it('an editing session of typed words and of random edits reads every version as an analysis from scratch does, reusing the links often', () => {
    const dir = resolve(__dirname, '../../../media/samples');
    const r = rng(23);
    let reused = 0;
    let edits = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      reused += session(readFileSync(join(dir, file), 'utf8'), r, 30, `${file}`);
      edits += 30;
    }
    assert.ok(reused >= edits / 5, `links reused in ${reused} of ${edits} edits`);
  });

  describe('on the shared plans', () => {
    const files = [...sharedFiles(PLANS).map((f) => join(PLANS, f)), ...markdownFilesUnder(join(SHARED, 'devset'))];
    before(function () {
      if (files.length === 0) this.skip();
    });
    it(`an editing session reads every version as an analysis from scratch does (${files.length === 0 ? ABSENT : `${files.length} documents`})`, () => {
      const r = rng(29);
      let reused = 0;
      for (const file of files) reused += session(readFileSync(file, 'utf8'), r, 10, file);
      assert.ok(reused > 0);
    });
  });
});

/** A word typed at a random place in a random line: what most keystrokes do. */
function typed(text: string, r: () => number): string {
  const lines = text.split(/(?<=\n)/);
  const i = Math.floor(r() * lines.length);
  const at = Math.floor(r() * lines[i].replace(/\r?\n$/, '').length);
  lines[i] = `${lines[i].slice(0, at)} soon${lines[i].slice(at)}`;
  return lines.join('');
}

/** `edits` edits through one analyzer, two of three typed words; each version checked against a fresh analysis. Returns how many reused the links. */
function session(text: string, r: () => number, edits: number, label: string): number {
  const analyzer = new PlanAnalyzer();
  analyzer.analyze(text, OPTIONS);
  let reused = 0;
  for (let k = 0; k < edits; k++) {
    text = r() < 2 / 3 ? typed(text, r) : MUTATIONS[Math.floor(r() * 3)](text, r);
    const analysis = analyzer.analyze(text, OPTIONS);
    if (analyzer.lastStats.linksReused) reused++;
    assert.deepEqual(analysis, fromScratch(text), `${label}, edit ${k}`);
  }
  return reused;
}
