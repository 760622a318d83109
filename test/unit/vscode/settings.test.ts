import { strict as assert } from 'node:assert';
import { readSettings } from '../../../src/vscode/settings';

describe('vscode/settings', () => {
  it('uses the defaults when nothing is set', () => {
    const { settings, problems } = readSettings({});
    assert.deepEqual(settings.options, { hoursPerDay: 8, daysPerWeek: 5, detection: 'auto', rules: {} });
    assert.deepEqual(settings.files, []);
    assert.equal(settings.codeLensEnabled, true);
    assert.equal(settings.followCursor, true);
    assert.equal(settings.hideDone, false);
    assert.equal(settings.groupBy, 'section');
    assert.deepEqual(problems, []);
  });

  it('passes valid values through', () => {
    const { settings, problems } = readSettings({
      hoursPerDay: 6,
      daysPerWeek: 4,
      detection: 'always',
      files: ['docs/plans/*.md'],
      rules: { 'count-mismatch': 'error', mojibake: 'off' },
      'codeLens.enabled': false,
      'tree.followCursor': false,
      'tree.hideDone': true,
      'tree.groupBy': 'priority',
    });
    assert.deepEqual(settings.options, { hoursPerDay: 6, daysPerWeek: 4, detection: 'always', rules: { 'count-mismatch': 'error', mojibake: 'off' } });
    assert.deepEqual(settings.files, ['docs/plans/*.md']);
    assert.equal(settings.codeLensEnabled, false);
    assert.equal(settings.groupBy, 'priority');
    assert.deepEqual(problems, []);
  });

  it('falls back per setting, naming the setting and the value used', () => {
    const { settings, problems } = readSettings({ hoursPerDay: -2, daysPerWeek: 'five', detection: 'sometimes', 'tree.hideDone': 'yes' });
    assert.equal(settings.options.hoursPerDay, 8);
    assert.equal(settings.options.daysPerWeek, 5);
    assert.equal(settings.options.detection, 'auto');
    assert.equal(settings.hideDone, false);
    assert.deepEqual(problems.map((p) => p.key), ['planLens.hoursPerDay', 'planLens.daysPerWeek', 'planLens.detection', 'planLens.tree.hideDone']);
    assert.match(problems[0]!.message, /"planLens\.hoursPerDay".*-2.*Using 8 instead/);
    assert.match(problems[2]!.message, /"sometimes".*Using "auto" instead/);
  });

  it('drops only the bad entries of planLens.rules', () => {
    const { settings, problems } = readSettings({ rules: { 'count-mismatch': 'loud', 'total-mismatch': 'hint' } });
    assert.deepEqual(settings.options.rules, { 'total-mismatch': 'hint' });
    assert.deepEqual(problems.map((p) => p.key), ['planLens.rules.count-mismatch']);
    assert.match(problems[0]!.message, /"loud".*error, warning, info, hint, off.*the rule's default/);
  });

  it('rejects a rules value that is not an object', () => {
    for (const value of ['error', ['count-mismatch'], 3]) {
      const { settings, problems } = readSettings({ rules: value });
      assert.deepEqual(settings.options.rules, {});
      assert.equal(problems.length, 1);
    }
  });

  it('shortens long values in messages', () => {
    const { problems } = readSettings({ files: 'x'.repeat(200) });
    assert.ok(problems[0]!.message.length < 250);
    assert.match(problems[0]!.message, /\.\.\./);
  });
});
