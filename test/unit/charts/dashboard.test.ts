/** The dashboard's SVG charts, on a small hand-made analysis (no parser). */
import { strict as assert } from 'node:assert';
import { renderDashboard } from '../../../src/core/charts/dashboard';
import { escapeHtml, stackedBarChart, stepLineChart } from '../../../src/core/charts/svg';
import { stubAnalysis, stubFinding } from '../cli/helpers';

function figure(html: string, id: string): string {
  const start = html.indexOf(`<figure class="pl-chart" id="${id}"`);
  assert.ok(start >= 0, `no figure ${id}`);
  return html.slice(start, html.indexOf('</figure>', start));
}

function rects(html: string): { kind: string; width: number }[] {
  return [...html.matchAll(/<rect class="pl-(\w+)" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => ({ kind: m[1], width: Number(m[2]) }));
}

function tableRows(html: string): string[][] {
  const body = /<tbody>(.*?)<\/tbody>/.exec(html)![1];
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1]));
}

describe('charts', () => {
  it('hours by priority: done and remaining stacked on one scale, with a table alternative', () => {
    const html = figure(renderDashboard(stubAnalysis()), 'pl-priority');
    // P0: 2 h, done; P1: 3 h, all left. The longest bar (P1, 3 h) spans the full width.
    assert.deepEqual(tableRows(html), [
      ['P0', '2', '0', '2+ h, 0 h left'],
      ['P1', '0', '3', '3 h, 3 h left'],
    ]);
    const [p0, p1] = rects(html);
    assert.equal(p0.kind, 'spent');
    assert.equal(p1.kind, 'remaining');
    assert.ok(Math.abs(p0.width / p1.width - 2 / 3) < 0.01, `${p0.width} / ${p1.width}`);
    assert.match(html, /<svg [^>]*role="img" aria-labelledby="pl-priority-t pl-priority-s"/);
    assert.match(html, /<title id="pl-priority-t">Hours by priority<\/title><desc id="pl-priority-s">9–11 h estimated in all, 7–9 h left, over 2 priorities/);
  });

  it('hours and progress by section: the sections under the title heading', () => {
    const html = renderDashboard(stubAnalysis());
    assert.deepEqual(tableRows(figure(html, 'pl-section-hours')), [
      ['Phase 1', '2', '3', '5 h, 3 h left'],
      ['Phase 2', '0', '4', '4–6 h, 4–6 h left'],
    ]);
    assert.deepEqual(tableRows(figure(html, 'pl-progress')), [
      ['Phase 1', '1', '0', '1', '1/2 done'],
      ['Phase 2', '0', '0', '1', '0/1 done'],
    ]);
    assert.match(figure(html, 'pl-progress'), /1 of 3 items done, 0 partly done, 2 open, over 2 top-level sections/);
  });

  it('lists the mismatches with their lines: buttons in the webview, text in the report', () => {
    const finding = stubFinding();
    const interactive = renderDashboard(stubAnalysis([finding]), { interactive: true });
    assert.match(interactive, /<button type="button" class="pl-reveal" data-line="7">Line 8<\/button>: Declared 10 h, but the items add up to 9–11 h/);
    const plain = renderDashboard(stubAnalysis([finding]));
    assert.doesNotMatch(plain, /<button/);
    assert.match(plain, /<li>Line 8: /);
    assert.match(renderDashboard(stubAnalysis([])), /Every declared count and total adds up/);
    // Only declared numbers that don't add up: other findings are not listed.
    assert.match(renderDashboard(stubAnalysis([stubFinding({ rule: 'duplicate-id' })])), /Every declared count and total adds up/);
  });

  it('escapes document text everywhere', () => {
    const analysis = stubAnalysis([stubFinding({ message: 'Declared <img src=x onerror=alert(1)> "q"' })]);
    analysis.model.sections[1].title = '<script>alert("x")</script> & co';
    const html = renderDashboard(analysis, { interactive: true });
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; co/);
    assert.equal(escapeHtml(`<a href='x'>&`), '&lt;a href=&#39;x&#39;&gt;&amp;');
  });

  it('draws the burn-down as step lines over the days, or says why there is none', () => {
    const history = {
      commits: 3,
      renamedFrom: [],
      days: [
        { date: '2026-01-01', remainingItems: 4, remainingHours: 10, closed: 0, added: 4, removed: 0, commits: 1 },
        { date: '2026-01-03', remainingItems: 2, remainingHours: 5, closed: 2, added: 0, removed: 0, commits: 2 },
        { date: '2026-01-05', remainingItems: 2, remainingHours: 5, closed: 0, added: 0, removed: 0, commits: 0 },
      ],
    };
    const html = renderDashboard(stubAnalysis(), { history });
    const items = figure(html, 'pl-burndown-items');
    assert.deepEqual(tableRows(items), [
      ['2026-01-01', '4'],
      ['2026-01-03', '2'],
      ['2026-01-05', '2'],
    ]);
    // x: days 0, 2, 4 over 584 px from 44; y: 4 → top (10), 2 → half way down the 146 px.
    assert.match(items, /d="M44,10H336V83H628V83"/);
    assert.match(figure(html, 'pl-burndown-hours'), /10 h left|5 h left now/);
    const none = renderDashboard(stubAnalysis(), { history: { unavailable: 'No burn-down: the plan is not in a git repository.' } });
    assert.match(none, /<p class="pl-notice">No burn-down: the plan is not in a git repository.<\/p>/);
  });

  it('says so when a chart has nothing to show, and keeps zero-width segments out', () => {
    assert.match(stackedBarChart({ id: 'e', title: 'T', description: 'D' }, []), /Nothing to show/);
    assert.match(stepLineChart({ id: 'l', title: 'T', description: 'D' }, { kind: 'items', label: 'Items', points: [] }, 'items'), /No history to show/);
    const html = stackedBarChart({ id: 'z', title: 'T', description: 'D' }, [{ label: 'a', note: '', segments: [{ kind: 'done', label: 'Done', value: 0 }, { kind: 'open', label: 'Open', value: 2 }] }]);
    assert.deepEqual(rects(html).map((r) => r.kind), ['open']);
  });
});
