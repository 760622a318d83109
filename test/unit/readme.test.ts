/**
 * The README's rule, settings and command tables are checked against the code, so they
 * cannot drift: the rule registry's metadata and package.json's contributions are the source.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allRuleMetas } from '../../src/core/rules/registry';

const root = resolve(__dirname, '../..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

/** Rows of the markdown table that follows a heading, as arrays of trimmed cells. */
function table(heading: string): string[][] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `README has no "## ${heading}" section`);
  const section = readme.slice(start + 1).split(/\n## /)[0];
  return section
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|[-| ]+\|$/.test(l))
    .slice(1)
    .map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));
}

describe('README', () => {
  it('lists every rule with its default severity and fixability, and nothing else', () => {
    const rows = table('Rules').map(([id, severity, fix]) => [id.replace(/`/g, ''), severity, fix === 'yes']);
    const expected = allRuleMetas.map((m) => [m.id, m.defaultSeverity, m.fixable]);
    assert.deepEqual(rows, expected);
  });

  it('lists every rule doc that exists beside its rule', () => {
    for (const m of allRuleMetas) assert.ok(existsSync(resolve(root, 'src/core/rules', `${m.id}.md`)), m.id);
  });

  it('lists every setting with its default, and nothing else', () => {
    const rows = table('Settings').map(([key, value]) => [key.replace(/`/g, ''), JSON.parse(value.replace(/`/g, ''))]);
    const properties = pkg.contributes.configuration.properties as Record<string, { default: unknown }>;
    assert.deepEqual(rows, Object.entries(properties).map(([key, p]) => [key, p.default]));
  });

  it('names every command a user can run from the palette', () => {
    const hidden = new Set((pkg.contributes.menus.commandPalette as { command: string; when?: string }[]).filter((m) => m.when === 'false').map((m) => m.command));
    const commands = (pkg.contributes.commands as { command: string; title: string; category?: string }[]).filter((c) => !hidden.has(c.command));
    const text = table('Commands').map(([name]) => name).join(' / ');
    for (const c of commands) {
      assert.equal(c.category, 'Plan Lens', `${c.command} is not in the Plan Lens category`);
      assert.ok(text.includes(c.title), `README does not name "${c.title}" (${c.command})`);
    }
  });

  it('documents the keybinding package.json contributes', () => {
    for (const k of pkg.contributes.keybindings as { key: string }[]) {
      const shown = k.key.replace(/\b\w/g, (c) => c.toUpperCase()).replace(/\+/g, '+');
      assert.ok(readme.includes(shown), `README does not show the keybinding ${shown}`);
    }
  });

  it('gives the quick start and test commands the issue asks for', () => {
    assert.ok(readme.includes('npm install && npm run demo'));
    assert.ok(readme.includes('npm install && npm test'));
    assert.ok(pkg.scripts.demo && pkg.scripts.test);
  });
});
