import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { loadConfig, parseConfig } from '../../../src/cli/config';

const RULES = ['total-mismatch', 'mojibake'];

function failure(text: string): string {
  const result = parseConfig(text, RULES);
  assert.ok(!result.ok, `expected ${text} to be rejected`);
  return result.ok ? '' : result.message;
}

describe('cli/config', () => {
  it('accepts the documented shape and fills defaults', () => {
    const result = parseConfig('{ "hoursPerDay": 6, "rules": { "total-mismatch": "error", "mojibake": "off" } }', RULES);
    assert.deepEqual(result, { ok: true, options: { hoursPerDay: 6, daysPerWeek: 5, detection: 'auto', rules: { 'total-mismatch': 'error', mojibake: 'off' } } });
    assert.ok(parseConfig('{ "$schema": "x" }', RULES).ok);
  });

  it('says what is wrong and where', () => {
    assert.match(failure('{ "hoursPerDay": 8,'), /invalid JSON/);
    assert.match(failure('[]'), /^expected an object$/);
    assert.match(failure('{ "hoursPerday": 8 }'), /unknown option "hoursPerday"/);
    assert.match(failure('{ "rules": { "total-mismatchh": "error" } }'), /unknown rule "total-mismatchh"/);
    assert.match(failure('{ "rules": { "mojibake": "fatal" } }'), /rules\.mojibake: expected one of "error", "warning", "info", "hint", "off"/);
    assert.match(failure('{ "hoursPerDay": 0 }'), /hoursPerDay: must be greater than 0/);
    assert.match(failure('{ "hoursPerDay": "8" }'), /hoursPerDay: expected a number/);
    assert.match(failure('{ "detection": "sometimes" }'), /detection: expected one of "auto", "always", "never"/);
  });

  describe('finding the file', () => {
    const read = (files: Record<string, string>) => async (p: string) => {
      const hit = files[p];
      if (hit === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return new TextEncoder().encode(hit);
    };

    it('uses .planlens.json in the working folder when present', async () => {
      const result = await loadConfig({ cwd: '/w', readFile: read({ [path.resolve('/w/.planlens.json')]: '{ "hoursPerDay": 7 }' }) }, RULES);
      assert.ok(result.ok && result.options.hoursPerDay === 7);
    });

    it('falls back to the defaults when there is none', async () => {
      const result = await loadConfig({ cwd: '/w', readFile: read({}) }, RULES);
      assert.ok(result.ok && result.options.hoursPerDay === 8 && result.path === undefined);
    });

    it('fails when an explicit --config file is missing or invalid', async () => {
      const missing = await loadConfig({ cwd: '/w', readFile: read({}) }, RULES, 'cfg.json');
      assert.deepEqual(missing, { ok: false, message: 'cfg.json: no such file' });
      const bad = await loadConfig({ cwd: '/w', readFile: read({ [path.resolve('/w/cfg.json')]: '{ "daysPerWeek": -1 }' }) }, RULES, 'cfg.json');
      assert.deepEqual(bad, { ok: false, message: 'cfg.json: daysPerWeek: must be greater than 0' });
    });
  });
});
