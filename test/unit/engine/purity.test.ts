/** The core never reaches the editor: nothing under src/core imports `vscode`. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('core purity', () => {
  it('no file under src/core imports vscode or anything under src/vscode', () => {
    const core = resolve(__dirname, '../../../src/core');
    const offenders = files(core).filter((f) => /from\s+['"](?:vscode|[^'"]*\/vscode\/[^'"]*)['"]|require\(\s*['"]vscode['"]\s*\)/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
