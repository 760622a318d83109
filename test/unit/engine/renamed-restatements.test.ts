/**
 * Restatements under freer names (issue 12): a sprint list whose entries rename items defined
 * earlier, a summary line adding up the items it names in parentheses, and an entry naming
 * what one item's gap says it lacks. Each behaviour has a true negative beside it.
 */
import { strict as assert } from 'node:assert';
import type { Analysis } from '../../../src/core/index';
import { analyse, totals } from './plan-lines';

function restated(a: Analysis, title: string): string | number | undefined {
  const item = a.model.items.find((i) => i.title === title)!;
  if (item.mentionOf !== undefined) return a.model.items[item.mentionOf].title;
  return item.restates;
}

/** Five gaps, each with its own hours and a gap line. */
const GAPS = [
  '# Plan',
  '',
  '## Gaps',
  '',
  '1. **Push Notification Delivery**',
  '   - **Gap**: Notifications are queued but never sent',
  '   - **Estimated Time**: 5-7 hours',
  '2. **Invoice PDF Layout**',
  '   - **Gap**: Totals overflow the page',
  '   - **Estimated Time**: 2 hours',
  '3. **Search Result Ranking**',
  '   - **Gap**: Results sorted by date only',
  '   - **Files**: `search-index.ts`',
  '   - **Estimated Time**: 4 hours',
  '4. **Crash Reporting**',
  '   - **Gap**: No crash dashboard (Bugsnag)',
  '   - **Estimated Time**: 1-2 hours',
  '5. **Observability**',
  '   - **Gap**: No request tracing, no error alerts',
  '   - **Estimated Time**: 6 hours',
  '',
];
// By hand: 5 items, 5+2+4+1+6 = 18 .. 7+2+4+2+6 = 21 h.
const BASE: [number, number, number] = [5, 18, 21];

describe('restatements under freer names are counted once', () => {
  it('the plan alone: 5 items, 18-21 h', () => {
    assert.deepEqual(totals(analyse(GAPS)), BASE);
  });

  it('in a sprint whose other entries restate, an entry sharing one word with the one earlier item of its hours restates it', () => {
    const a = analyse([...GAPS, '## Roadmap', '', '### Sprint 1', '', '1. **Push Activation** (5-7h)', '2. **Invoice PDF Layout** (2h)', '3. **Search Result Ranking** (4h)', '']);
    assert.deepEqual(totals(a), BASE);
    assert.equal(restated(a, 'Push Activation'), 'Push Notification Delivery');
  });

  it('the one word may come from the earlier item\'s gap text', () => {
    const a = analyse([...GAPS, '## Roadmap', '', '### Sprint 1', '', '1. **Bugsnag Setup** (1-2h)', '2. **Invoice PDF Layout** (2h)', '3. **Search Result Ranking** (4h)', '']);
    assert.deepEqual(totals(a), BASE);
    assert.equal(restated(a, 'Bugsnag Setup'), 'Crash Reporting');
  });

  it('true negative: two earlier items of those hours share a word with it: a guess, the sprint stands as items', () => {
    const plan = [...GAPS, '6. **Push Token Cleanup**', '   - **Estimated Time**: 5-7 hours', ''];
    const a = analyse([...plan, '## Roadmap', '', '### Sprint 1', '', '1. **Push Activation** (5-7h)', '2. **Invoice PDF Layout** (2h)', '3. **Search Result Ranking** (4h)', '']);
    // 6 items, 23-28 h; the sprint's entries pair one by one where they can (two exact titles),
    // and "Push Activation" is one more item: 7 items, 28-35 h.
    assert.deepEqual(totals(a), [7, 28, 35]);
    assert.equal(restated(a, 'Push Activation'), undefined);
  });

  it('true negative: a word only in a file name of the earlier item\'s text is no shared word', () => {
    const a = analyse([...GAPS, '## Roadmap', '', '### Sprint 1', '', '1. **Index Rebuild** (4h)', '2. **Invoice PDF Layout** (2h)', '3. **Crash Reporting** (1-2h)', '']);
    assert.deepEqual(totals(a), [6, 22, 25]);
    assert.equal(restated(a, 'Index Rebuild'), undefined);
  });

  it('true negative: new work sharing one word with an earlier item of other hours is new work', () => {
    const a = analyse([...GAPS, '## Roadmap', '', '### Sprint 1', '', '1. **Push Analytics** (3h)', '2. **Invoice PDF Layout** (2h)', '3. **Search Result Ranking** (4h)', '']);
    assert.deepEqual(totals(a), [6, 21, 24]);
  });

  it('true negative: only one entry of a sprint may be renamed that freely; two are new work', () => {
    const a = analyse([...GAPS, '## Roadmap', '', '### Sprint 1', '', '1. **Push Activation** (5-7h)', '2. **Search Filters** (4h)', '3. **Invoice PDF Layout** (2h)', '4. **Crash Reporting** (1-2h)', '']);
    // Push Activation 5-7 and Search Filters 4 are counted: 7 items, 27-32 h.
    assert.deepEqual(totals(a), [7, 27, 32]);
  });

  it('an entry naming word for word what one item\'s gap lacks is a part of that item', () => {
    const a = analyse([...GAPS, '## Roadmap', '', '### Sprint 2', '', '1. **Request Tracing** (2h)', '2. **Error Alerts** (3h)', '3. **Invoice PDF Layout** (2h)', '']);
    assert.deepEqual(totals(a), BASE);
    assert.equal(restated(a, 'Request Tracing'), 'Observability');
    assert.equal(restated(a, 'Error Alerts'), 'Observability');
  });

  it('true negative: a part with more hours than the item it would belong to is its own work', () => {
    const a = analyse([...GAPS, '## Roadmap', '', '### Sprint 2', '', '1. **Request Tracing** (8h)', '2. **Invoice PDF Layout** (2h)', '']);
    assert.deepEqual(totals(a), [6, 26, 29]);
  });

  it('true negative: words found in the gaps of two items name neither', () => {
    const plan = [...GAPS, '6. **API Gateway**', '   - **Gap**: No request tracing headers', '   - **Estimated Time**: 3 hours', ''];
    const a = analyse([...plan, '## Roadmap', '', '### Sprint 2', '', '1. **Request Tracing** (2h)', '2. **Invoice PDF Layout** (2h)', '']);
    assert.deepEqual(totals(a), [7, 23, 26]);
  });

  // Nine later sprints of three unmatched 1-hour entries each: read first (later listings
  // are), each asks for the pairs of words of two entries, so the parts above are looked up
  // in the index of every item's pairs (see `namedBy`), not item by item.
  const NOISE = Array.from({ length: 9 }, (_, k) => [`### Sprint ${k + 10}`, '', ...[0, 1, 2].map((j) => `${j + 1}. **Qz${k}${j} Wx${k}${j}** (1h)`), '']).flat();

  it('parts are found alike when a long plan asks for many pairs of words', () => {
    const a = analyse([...GAPS, '## Roadmap', '', '### Sprint 2', '', '1. **Request Tracing** (2h)', '2. **Error Alerts** (3h)', '3. **Invoice PDF Layout** (2h)', '', ...NOISE]);
    assert.deepEqual(totals(a), [BASE[0] + 27, BASE[1] + 27, BASE[2] + 27]);
    assert.equal(restated(a, 'Request Tracing'), 'Observability');
    assert.equal(restated(a, 'Error Alerts'), 'Observability');
  });

  it('true negative, in a long plan too: words found in the gaps of two items name neither', () => {
    const plan = [...GAPS, '6. **API Gateway**', '   - **Gap**: No request tracing headers', '   - **Estimated Time**: 3 hours', ''];
    const a = analyse([...plan, '## Roadmap', '', '### Sprint 2', '', '1. **Request Tracing** (2h)', '2. **Invoice PDF Layout** (2h)', '', ...NOISE]);
    assert.deepEqual(totals(a), [7 + 27, 23 + 27, 26 + 27]);
  });

  const SECURITY = [
    '# Plan',
    '',
    '## Security',
    '',
    '1. **CSRF Tokens**',
    '   - **Estimated Time**: 2-3 hours',
    '2. **Session Fixation Fix**',
    '   - **Estimated Time**: 3-4 hours',
    '3. **Audit Trail**',
    '   - **Estimated Time**: 6 hours',
    '',
  ];
  // By hand: 3 items, 11-13 h.

  it('a summary row adding up the items its parenthesis names restates them, and so does a later line restating the row', () => {
    const table = ['## Priorities', '', '| Feature | Effort |', '|---|---|', '| Security Review (CSRF, Session Fixation) | 5-7h |', '| Audit Trail | 6h |', ''];
    const a = analyse([...SECURITY, ...table]);
    assert.deepEqual(totals(a), [3, 11, 13]);
    const section = a.model.sections.find((s) => s.title === 'Security')!.index;
    assert.equal(restated(a, 'Security Review (CSRF, Session Fixation)'), section);
    const b = analyse([...SECURITY, ...table, '## Roadmap', '', '### Sprint 1', '', '1. **Security Review** (5-7h)', '2. **Audit Trail** (6h)', '']);
    assert.deepEqual(totals(b), [3, 11, 13]);
    assert.equal(restated(b, 'Security Review'), section);
  });

  it('true negative: named items whose hours do not add up to the row\'s are not what it adds up', () => {
    const a = analyse([...SECURITY, '## Priorities', '', '| Feature | Effort |', '|---|---|', '| Security Review (CSRF, Session Fixation) | 8h |', '| Audit Trail | 6h |', '']);
    assert.deepEqual(totals(a), [4, 19, 21]);
  });

  it('true negative: a name in the parenthesis that fits two items names neither', () => {
    const plan = [...SECURITY, '4. **Session Fixation Tests**', '   - **Estimated Time**: 3-4 hours', ''];
    const a = analyse([...plan, '## Priorities', '', '| Feature | Effort |', '|---|---|', '| Security Review (CSRF, Session Fixation) | 5-7h |', '| Audit Trail | 6h |', '']);
    assert.deepEqual(totals(a), [5, 19, 24]);
  });
});
