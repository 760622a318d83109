/** The formatters over a stubbed analysis: shapes, 1-based positions, and SARIF against its schema. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { formatCheckJson, formatSummaryJson } from '../../../src/cli/format/json';
import { formatSarif, SARIF_SCHEMA } from '../../../src/cli/format/sarif';
import { displayWidth, formatCheckText, formatSummaryText } from '../../../src/cli/format/text';
import type { RuleMeta } from '../../../src/core/rules/types';
import { assertValidSarif, STUB_TEXT, stubAnalysis, stubFinding } from './helpers';

const RULES: RuleMeta[] = [
  { id: 'count-mismatch', description: 'A declared count differs from the items listed. Fixable.', defaultSeverity: 'warning', fixable: true, messages: {} },
  { id: 'total-mismatch', description: 'A declared total differs from the sum of its items.', defaultSeverity: 'error', fixable: true, messages: {} },
];

const plan = (findings = [stubFinding()]) => ({ path: 'docs/plan.md', text: STUB_TEXT, analysis: stubAnalysis(findings) });
const notPlan = { path: 'README.md', text: '# Readme\n', analysis: stubAnalysis([], false) };
const failed = { path: 'bad.md', error: 'binary file (NUL byte at offset 3), not text' };

describe('cli/format', () => {
  describe('text', () => {
    it('prints the outline indented by depth, with done/items, hours and hours left', () => {
      assert.equal(
        formatSummaryText('docs/plan.md', stubAnalysis()),
        [
          'docs/plan.md',
          '  3 items · 1 done (33%) · 0 partial · 2 open · 9–11 h, 7–9 h left',
          '  P0: 1 item, 2+ h · P1: 1 item, 3 h',
          '',
          '  Plan       1/3 · 9–11 h · 7–9 h left',
          '    Phase 1  1/2 · 5 h · 3 h left',
          '    Phase 2  0/1 · 4–6 h · 4–6 h left',
          '      Sub    0/1 · 4–6 h · 4–6 h left',
          '',
        ].join('\n'),
      );
    });

    it('counts emoji as two columns so titles line up', () => {
      assert.equal(displayWidth('✅ Done'), 7);
      assert.equal(displayWidth('⚠️ Partial'), 10);
      assert.equal(displayWidth('工数'), 4);
      assert.equal(displayWidth('e\u0301'), 1);
    });

    it('shows unknown statuses and sections without estimates', () => {
      const analysis = stubAnalysis();
      analysis.rollups.document = { ...analysis.rollups.document, unknown: 1, open: 1, unestimated: [2] };
      analysis.rollups.sections[3] = { ...analysis.rollups.sections[3], hours: { low: 0, high: 0 }, unestimated: [2] };
      const text = formatSummaryText('p.md', analysis);
      assert.match(text, /^ {2}3 items · 1 done \(33%\) · 0 partial · 1 open · 1 unknown · 9–11 h, 7–9 h left \(1 without estimate\)$/m);
      assert.match(text, /^ {6}Sub {4}0\/1 · no estimates$/m);
    });

    it('says when a file is not a plan, and why', () => {
      assert.equal(formatSummaryText('README.md', stubAnalysis([], false)), 'README.md: not a plan (no tasks, estimates or totals)\n');
    });

    it('lists findings like ESLint stylish, then counts them', () => {
      const text = formatCheckText([plan([stubFinding(), stubFinding({ severity: 'error', rule: 'count-mismatch', message: 'Short', range: { start: { line: 0, column: 4, offset: 4 }, end: { line: 0, column: 6, offset: 6 } }, fix: undefined })]), notPlan]);
      const lines = text.split('\n');
      assert.equal(lines[0], 'docs/plan.md');
      assert.equal(lines[1], '  8:1  warning  Declared 10 h, but the items add up to 9–11 h  total-mismatch');
      assert.equal(lines[2], '  1:5  error    Short                                          count-mismatch');
      assert.match(text, /✖ 2 problems \(1 error, 1 warning\) in 2 files, 1 plan/);
      assert.match(text, /1 problem fixable with the `--fix` option/);
      assert.doesNotMatch(text, /README/);
    });

    it('says so when there is nothing to report', () => {
      assert.equal(formatCheckText([notPlan]), '✔ No problems (1 file, 0 plans checked)\n');
    });
  });

  describe('json', () => {
    it('summary: roll-ups, a nested section tree and items, all 1-based', () => {
      const out = JSON.parse(formatSummaryJson([plan(), notPlan, failed]));
      assert.equal(out.version, 1);
      const [file, readme, bad] = out.files;
      assert.equal(file.path, 'docs/plan.md');
      assert.equal(file.isPlan, true);
      assert.deepEqual(file.summary.hours, { low: 9, high: 11 });
      assert.deepEqual(file.summary.remainingHours, { low: 7, high: 9 });
      assert.deepEqual(Object.keys(file.summary.byPriority), ['P0', 'P1']);
      assert.deepEqual(file.summary.byPriority.P0.hours, { low: 2, high: null });
      assert.deepEqual(file.sections.map((s: { title: string; line: number; depth: number }) => [s.title, s.line, s.depth]), [['Plan', 1, 1]]);
      assert.deepEqual(file.sections[0].sections[1].sections[0].title, 'Sub');
      assert.equal(file.sections[0].sections[1].sections[0].summary.items, 1);
      assert.deepEqual(file.items[0], { id: 'T-1', title: 'A', kind: 'task', line: 3, status: 'done', priority: 'P0', estimate: { low: 2, high: 2, text: '2h' }, checkbox: true, checklist: false });
      assert.equal(file.items[1].checkbox, false);
      assert.equal(file.items[2].checkbox, null);
      assert.equal(file.items[2].id, null);
      assert.deepEqual(readme, { path: 'README.md', isPlan: false, reason: 'no tasks, estimates or totals', summary: null, sections: [], items: [] });
      assert.deepEqual(bad, failed);
    });

    it('check: findings with 1-based spans, related locations and fix edits', () => {
      const out = JSON.parse(formatCheckJson([plan()]));
      const [finding] = out.files[0].findings;
      assert.equal(out.files[0].summary.items, 3);
      assert.deepEqual(
        { ...finding, fix: undefined },
        { rule: 'total-mismatch', messageId: 'mismatch', severity: 'warning', message: 'Declared 10 h, but the items add up to 9–11 h', line: 8, column: 1, endLine: 8, endColumn: 12, declared: '10 h', computed: '9–11 h', related: [{ line: 7, column: 3, endLine: 7, endColumn: 14, message: 'counted: C (4–6 h)' }], fix: undefined },
      );
      const offset = STUB_TEXT.indexOf('10 h');
      assert.deepEqual(finding.fix.edits, [{ start: offset, end: offset + 2, newText: '9-11', line: 8, column: 8, endLine: 8, endColumn: 10 }]);
    });
  });

  describe('sarif', () => {
    const log = JSON.parse(formatSarif([plan([stubFinding(), stubFinding({ rule: 'unknown-rule', severity: 'info', fix: undefined, related: [] })]), notPlan, failed, { ...plan(), path: '/repo/outside/p.md' }], RULES, '/repo/sub'));

    it('validates against the SARIF 2.1.0 schema', () => {
      assertValidSarif(log);
    });

    it('describes the tool and its rules from the registry meta', () => {
      assert.equal(log.$schema, SARIF_SCHEMA);
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
      const { driver } = log.runs[0].tool;
      assert.equal(driver.name, 'plan-lens');
      assert.equal(driver.version, JSON.parse(readFileSync('package.json', 'utf8')).version);
      assert.match(driver.informationUri, /^https:\/\//);
      assert.deepEqual(driver.rules[0].shortDescription, { text: 'A declared count differs from the items listed.' });
      assert.equal(driver.rules[1].defaultConfiguration.level, 'error');
      assert.match(driver.rules[1].helpUri, /\/src\/core\/rules\/total-mismatch\.md$/);
    });

    it('places results relative to %SRCROOT%, 1-based, with related locations and fixes', () => {
      const [result, unknown] = log.runs[0].results;
      assert.equal(result.ruleId, 'total-mismatch');
      assert.equal(result.ruleIndex, 1);
      assert.equal(result.level, 'warning');
      assert.deepEqual(result.locations[0].physicalLocation, { artifactLocation: { uri: 'docs/plan.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 8, startColumn: 1, endLine: 8, endColumn: 12 } });
      assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, 7);
      assert.deepEqual(result.fixes[0].artifactChanges[0].replacements, [{ deletedRegion: { startLine: 8, startColumn: 8, endLine: 8, endColumn: 10 }, insertedContent: { text: '9-11' } }]);
      assert.equal(unknown.ruleIndex, undefined);
      assert.equal(unknown.level, 'note');
    });

    it('uses an absolute file URI outside the working folder', () => {
      const outside = log.runs[0].results.at(-1);
      assert.equal(outside.locations[0].physicalLocation.artifactLocation.uri, 'file:///repo/outside/p.md');
    });

    it('turns unreadable files into notifications of an unsuccessful run', () => {
      const [invocation] = log.runs[0].invocations;
      assert.equal(invocation.executionSuccessful, false);
      assert.equal(invocation.toolExecutionNotifications[0].message.text, `bad.md: ${failed.error}`);
    });
  });
});
