/**
 * What package.json promises the editor must match the code: every command a menu or key
 * names is contributed, every setting the extension reads is declared with its default,
 * and the per-rule severity setting lists exactly the registered rules.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMetas } from '../../../src/core/rules/registry';
import { readSettings, SECTION, SETTING_KEYS } from '../../../src/vscode/settings';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;
const properties: Record<string, { default: unknown; description?: string; markdownDescription?: string; properties?: Record<string, unknown> }> = contributes.configuration.properties;

/** Every `registerCommand('planLens.…')` in src/vscode. */
function registeredCommands(): string[] {
  const dir = path.join(root, 'src/vscode');
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const source = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  const constants = new Map([...source.matchAll(/const (\w+) = '(planLens\.[\w.]+)'/g)].map((m) => [m[1]!, m[2]!]));
  return [...source.matchAll(/registerCommand\(\s*(?:'(planLens\.[\w.]+)'|(\w+))/g)].map((m) => m[1] ?? constants.get(m[2]!) ?? m[2]!);
}

describe('package.json contributions', () => {
  const contributed = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));

  it('activates on markdown only, never on startup', () => {
    assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown']);
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('keeps engines.vscode within what we test on', () => {
    const [, minor] = /\^1\.(\d+)\./.exec(pkg.engines.vscode)!;
    assert.ok(Number(minor) <= 139);
  });

  it('contributes every command that is registered (test hooks aside), under the Plan Lens category', () => {
    const registered = registeredCommands().filter((c) => !c.startsWith('planLens._test.'));
    assert.deepEqual([...contributed].sort(), [...new Set(registered)].sort());
    for (const c of contributes.commands) assert.equal(c.category, 'Plan Lens', c.command);
  });

  it('names only contributed commands in menus and keybindings', () => {
    const named = [...Object.values(contributes.menus).flat(), ...contributes.keybindings].map((m) => (m as { command: string }).command);
    for (const command of named) assert.ok(contributed.has(command), command);
  });

  it('declares the view container, view and welcome the harness expects', () => {
    assert.equal(contributes.viewsContainers.activitybar[0].id, 'planLens');
    assert.ok(fs.existsSync(path.join(root, contributes.viewsContainers.activitybar[0].icon)));
    assert.deepEqual(contributes.views.planLens.map((v: { id: string; name: string }) => [v.id, v.name]), [['planLens.plan', 'Plan'], ['planLens.plans', 'Plans']]);
    const welcome = (view: string) => contributes.viewsWelcome.find((w: { view: string }) => w.view === view)?.contents ?? '';
    assert.match(welcome('planLens.plan'), /command:planLens\.openSample/);
  });

  it('declares every setting the extension reads, with a description and the default it falls back to', () => {
    const declared = Object.keys(properties).sort();
    assert.deepEqual(declared, SETTING_KEYS.map((k) => `${SECTION}.${k}`).sort());
    const { settings } = readSettings({});
    const defaults = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k.slice(SECTION.length + 1), v.default]));
    assert.deepEqual(readSettings(defaults).settings, settings);
    for (const [key, value] of Object.entries(properties)) assert.ok(value.description ?? value.markdownDescription, `${key} has no description`);
  });

  it('lists exactly the registered rules in planLens.rules, with their descriptions', () => {
    const listed = properties['planLens.rules']!.properties as Record<string, { description: string }>;
    assert.deepEqual(Object.keys(listed), allRuleMetas.map((m) => m.id));
    for (const meta of allRuleMetas) assert.equal(listed[meta.id]!.description, meta.description);
  });

  it('points at samples that exist', async () => {
    const { SAMPLES } = await import('../../../src/vscode/commands/open-sample').catch(() => ({ SAMPLES: undefined }));
    // open-sample.ts imports vscode; read the file names from its source instead when it cannot load.
    const names = SAMPLES?.map((s: { file: string }) => s.file) ?? [...fs.readFileSync(path.join(root, 'src/vscode/commands/open-sample.ts'), 'utf8').matchAll(/file: '([^']+)'/g)].map((m) => m[1]);
    assert.ok(names.length >= 2);
    for (const name of names) assert.ok(fs.existsSync(path.join(root, 'media/samples', name!)), name);
  });
});
