/**
 * The pure adapter modules must load in plain Node (that is what these unit tests rely on),
 * and the extension host's bundle must not reach the parser: it loads in every window
 * that opens markdown, and the parser belongs to the worker.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const vscodeDir = path.join(root, 'src/vscode');

const PURE = [
  'settings.ts',
  'item-match.ts',
  'open-tasks.ts',
  'analysis/limits.ts',
  'analysis/protocol.ts',
  'analysis/worker-client.ts',
  'analysis/analyzers.ts',
  'features/plan-nodes.ts',
  'features/code-lens-text.ts',
  'features/hover-text.ts',
  'features/status-text.ts',
  'features/diagnostic-data.ts',
  'features/suppress-edit.ts',
  'features/whole-edit.ts',
  'features/dashboard-html.ts',
];

function imports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)].filter((m) => !m[1]).map((m) => m[2]!);
}

/** Value imports reachable from `file` inside src/ (type-only imports are erased). */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of imports(file)) {
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const target = path.resolve(path.dirname(file), spec);
    const resolved = [`${target}.ts`, path.join(target, 'index.ts')].find((f) => fs.existsSync(f));
    if (resolved) reachable(resolved, seen);
  }
  return seen;
}

describe('vscode adapter layering', () => {
  for (const file of PURE) {
    it(`${file} does not import vscode`, () => {
      assert.ok(!reachable(path.join(vscodeDir, file)).has('vscode'));
    });
  }

  it('the extension host bundle never reaches the parser or the core entry', () => {
    const all = reachable(path.join(vscodeDir, 'extension.ts'));
    // The dashboard's burn-down reads diff lines with the engine's own line readers: plain
    // regular expressions with no imports, so they may ship in the host (the parser may not).
    const lineReaders = /[\\/]core[\\/]parse[\\/](?:estimate|status)\.ts$/;
    const forbidden = [...all].filter((f) => /unified|remark|micromark|[\\/]core[\\/]index\.ts$|[\\/]core[\\/]parse[\\/]/.test(f) && !lineReaders.test(f));
    assert.deepEqual(forbidden, []);
  });
});
