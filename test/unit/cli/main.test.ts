/** main() end to end over an in-memory file system: exit codes, outputs, --fix, bad input. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { MEMORY_CWD, runInMemory } from './helpers';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/cli', name), 'utf8');
const SPRINT = fixture('sprint.md'); // Phase 1 declares 12 h, its tasks add up to 10 h
const CLEAN = fixture('clean.md');
const README = fixture('readme.md');
const mem = (name: string) => path.resolve(MEMORY_CWD, name);
const run = (argv: string[], files: Record<string, string | Uint8Array | null> = {}) => runInMemory(main, argv, files);

describe('cli/main', () => {
  it('never prints a control character from a document raw (text formats), and JSON keeps the text exact', async () => {
    const plan = '# Plan\n\n## P0 Critical \u001b[2J\u009b Gaps\n\n**P0 Critical Gaps \u001bc**: 5 features\n\n- [ ] **A-1**: Sign-up \u0007 (P0, 2h)\n- [ ] **A-2**: Login (P0, 2h)\n';
    for (const argv of [['check', 'bell.md'], ['summary', 'bell.md']]) {
      const result = await run(argv, { 'bell.md': plan });
      assert.doesNotMatch(result.stdout + result.stderr, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
      assert.match(result.stdout, /\\x1b/);
    }
    const json = await run(['check', '--format', 'json', 'bell.md'], { 'bell.md': plan });
    assert.match(JSON.parse(json.stdout).files[0].findings[0].message, /\u001b/);
  });

  describe('usage', () => {
    it('prints help and version with exit 0', async () => {
      const help = await run(['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: plan-lens/);
      const version = await run(['--version']);
      assert.equal(version.stdout, `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
    });

    for (const argv of [[], ['check'], ['check', '--nope', 'a.md'], ['check', '-f', 'html', 'a.md'], ['summary', '--fix', 'a.md'], ['lint', 'a.md']]) {
      it(`exits 2 on: plan-lens ${argv.join(' ')}`, async () => {
        const result = await run(argv, { 'a.md': CLEAN });
        assert.equal(result.code, 2);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /^plan-lens: .+\nRun "plan-lens --help" for usage\.\n$/);
      });
    }
  });

  describe('config', () => {
    it('exits 2 with a clear message on an invalid .planlens.json', async () => {
      const result = await run(['check', 'a.md'], { 'a.md': CLEAN, '.planlens.json': '{ "rules": { "total-mismatch": "loud" } }' });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^plan-lens: \.planlens\.json: rules\.total-mismatch: expected one of/);
      assert.equal(result.stdout, '');
    });

    it('exits 2 when --config names a missing file', async () => {
      const result = await run(['check', '--config', 'nope.json', 'a.md'], { 'a.md': CLEAN });
      assert.equal(result.code, 2);
      assert.equal(result.stderr, 'plan-lens: nope.json: no such file\n');
    });

    it('applies rule severities from the config, which decide the exit code', async () => {
      const warn = await run(['check', 'sprint.md'], { 'sprint.md': SPRINT, '.planlens.json': '{ "rules": { "total-mismatch": "warning" } }' });
      assert.equal(warn.code, 0, warn.stdout);
      assert.match(warn.stdout, /warning .*total-mismatch/);
      const error = await run(['check', '-c', 'strict.json', 'sprint.md'], { 'sprint.md': SPRINT, 'strict.json': '{ "rules": { "total-mismatch": "error" } }' });
      assert.equal(error.code, 1, error.stdout);
      assert.match(error.stdout, /error .*total-mismatch/);
      const off = await run(['check', 'sprint.md'], { 'sprint.md': SPRINT, '.planlens.json': '{ "rules": { "total-mismatch": "off" } }' });
      assert.doesNotMatch(off.stdout, /total-mismatch/);
    });
  });

  describe('check', () => {
    it('exits 0 and says so for a plan that adds up', async () => {
      const result = await run(['check', 'clean.md'], { 'clean.md': CLEAN });
      assert.equal(result.code, 0, result.stdout);
      assert.equal(result.stdout, '✔ No problems (1 file, 1 plan checked)\n');
    });

    it('reports nothing for a file that is not a plan', async () => {
      const result = await run(['check', '--format', 'json', 'readme.md'], { 'readme.md': README });
      assert.equal(result.code, 0);
      const [file] = JSON.parse(result.stdout).files;
      assert.equal(file.isPlan, false);
      assert.deepEqual(file.findings, []);
    });

    it('prints findings as JSON with 1-based positions and the roll-ups', async () => {
      const result = await run(['check', '--format', 'json', 'sprint.md'], { 'sprint.md': SPRINT });
      const out = JSON.parse(result.stdout);
      assert.equal(out.version, 1);
      const [file] = out.files;
      assert.equal(file.path, 'sprint.md');
      assert.equal(file.summary.items, 5);
      const finding = file.findings.find((f: { rule: string }) => f.rule === 'total-mismatch');
      assert.ok(finding, result.stdout);
      const line = SPRINT.split('\n').findIndex((l) => l.includes('Phase 1 Total')) + 1;
      assert.equal(finding.line, line);
      assert.ok(finding.column >= 1 && finding.endLine >= finding.line);
      assert.ok(finding.related.every((r: { line: number }) => r.line > line));
    });

    it('prints SARIF for the same run', async () => {
      const result = await run(['check', '--format', 'sarif', 'sprint.md'], { 'sprint.md': SPRINT });
      const log = JSON.parse(result.stdout);
      const ids = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
      assert.ok(ids.includes('total-mismatch'));
      const result0 = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'total-mismatch');
      assert.equal(ids[result0.ruleIndex], 'total-mismatch');
      assert.equal(result0.locations[0].physicalLocation.artifactLocation.uri, 'sprint.md');
    });
  });

  describe('--fix', () => {
    const crlfBom = '\uFEFF' + SPRINT.replace(/\n/g, '\r\n');

    it('writes the fix, keeping CRLF line endings and the BOM, then reports what remains', async () => {
      const result = await run(['check', '--fix', '--format', 'json', 'sprint.md', 'clean.md'], { 'sprint.md': crlfBom, 'clean.md': CLEAN });
      const written = result.written.get(mem('sprint.md'));
      assert.ok(written, 'the fixed file is written');
      assert.ok(written.startsWith('\uFEFF# Sprint'), 'BOM kept');
      assert.ok(!written.slice(1).includes('\uFEFF'));
      assert.equal(written.split('\r\n').length, crlfBom.split('\r\n').length, 'same lines');
      assert.ok(!/[^\r]\n/.test(written), 'no bare LF');
      assert.match(written, /Phase 1 Total: 10 hours/);
      assert.ok(!result.written.has(mem('clean.md')), 'an unchanged file is not written');
      const [file] = JSON.parse(result.stdout).files;
      assert.ok(!file.findings.some((f: { rule: string }) => f.rule === 'total-mismatch'));
    });

    it('leaves a file without fixes alone', async () => {
      const result = await run(['check', '--fix', 'clean.md'], { 'clean.md': CLEAN });
      assert.equal(result.written.size, 0);
    });
  });

  describe('summary', () => {
    it('prints the outline with roll-ups', async () => {
      const result = await run(['summary', 'sprint.md', 'readme.md'], { 'sprint.md': SPRINT, 'readme.md': README });
      assert.equal(result.code, 0);
      assert.match(result.stdout, /^sprint\.md\n {2}5 items · 1 done \(20%\) · 0 partial · 4 open · 16 h, 14 h left\n/);
      assert.match(result.stdout, /^ {4}Phase 1: Parser +1\/3 · 10 h · 8 h left$/m);
      assert.match(result.stdout, /^readme\.md: not a plan \(.+\)$/m);
    });

    it('prints the stable JSON shape', async () => {
      const out = JSON.parse((await run(['summary', '-f', 'json', 'sprint.md'], { 'sprint.md': SPRINT })).stdout);
      const [file] = out.files;
      assert.deepEqual({ ...file.summary, byPriority: undefined }, { items: 5, done: 1, partial: 0, open: 4, unknown: 0, unestimated: 0, hours: { low: 16, high: 16 }, remainingHours: { low: 14, high: 14 }, byPriority: undefined });
      const phase1 = file.sections[0].sections[0];
      assert.deepEqual([phase1.title, phase1.line, phase1.depth, phase1.summary.items], ['Phase 1: Parser', 5, 2, 3]);
      assert.deepEqual(file.items.map((i: { id: string }) => i.id), ['SP-001', 'SP-002', 'SP-003', 'SP-004', 'SP-005']);
      assert.deepEqual(file.items[0], { id: 'SP-001', title: file.items[0].title, kind: 'task', line: 9, status: 'done', priority: null, estimate: { low: 2, high: 2, text: file.items[0].estimate.text }, checkbox: true, checklist: false });
    });
  });

  describe('bad input', () => {
    const files = { 'good.md': CLEAN, 'locked.md': null, 'binary.md': new Uint8Array([0x23, 0x20, 0x00, 0x01]), 'latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9]) };
    const argv = ['locked.md', 'binary.md', 'latin1.md', 'missing.md', 'good.md'];

    it('names each bad file in one line, exits 2, and still reports the others', async () => {
      const result = await run(['check', ...argv], files);
      assert.equal(result.code, 2);
      assert.deepEqual(result.stderr.trimEnd().split('\n'), [
        'plan-lens: locked.md: permission denied',
        'plan-lens: binary.md: binary file (NUL byte at offset 2), not text',
        'plan-lens: latin1.md: not valid UTF-8 text',
        'plan-lens: missing.md: no such file',
      ]);
      assert.match(result.stdout, /1 plan checked/);
    });

    it('lists bad files with their error in JSON, and exits 2 from summary too', async () => {
      const result = await run(['summary', '--format', 'json', ...argv], files);
      assert.equal(result.code, 2);
      const out = JSON.parse(result.stdout);
      assert.deepEqual(out.files.map((f: { path: string; error?: string }) => [f.path, Boolean(f.error)]), [
        ['locked.md', true], ['binary.md', true], ['latin1.md', true], ['missing.md', true], ['good.md', false],
      ]);
    });
  });
});
