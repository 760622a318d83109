/**
 * The shipped JavaScript stays small (every dependency ships to every user), and the
 * extension host's bundle never carries the parser: activation must not load it.
 */
import { strict as assert } from 'node:assert';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const BUDGET_BYTES = 400 * 1024;
const root = resolve(__dirname, '../../..');

interface Built {
  name: string;
  bytes: number;
  inputs: string[];
}

async function buildShipped(): Promise<Built[]> {
  const config = (await import(pathToFileURL(resolve(root, 'esbuild.config.mjs')).href)) as { shippedBuilds: esbuild.BuildOptions[] };
  const built: Built[] = [];
  for (const options of config.shippedBuilds) {
    const result = await esbuild.build({ ...options, absWorkingDir: root, outdir: resolve(root, 'out/bundle-test'), write: false, logLevel: 'silent' });
    for (const [file, out] of Object.entries(result.metafile!.outputs)) {
      if (file.endsWith('.js')) built.push({ name: file.split('/').pop()!, bytes: out.bytes, inputs: Object.keys(out.inputs) });
    }
  }
  return built;
}

describe('bundle', function () {
  this.timeout(60_000);
  let built: Built[];
  before(async () => {
    built = await buildShipped();
  });

  it(`ships under ${BUDGET_BYTES / 1024} KB of minified JavaScript in all`, () => {
    const total = built.reduce((sum, b) => sum + b.bytes, 0);
    console.log(`      ${built.map((b) => `${b.name} ${(b.bytes / 1024).toFixed(1)} KB`).join(', ')}; total ${(total / 1024).toFixed(1)} KB`);
    assert.ok(total < BUDGET_BYTES, `${total} bytes`);
  });

  it('keeps the parser out of the extension host, worker and CLI bundles: the engine ships once, in core.js', () => {
    const byName = Object.fromEntries(built.map((b) => [b.name, b]));
    const heavy = (b: Built) => b.inputs.filter((i) => /node_modules\/(micromark|mdast-util-from-markdown|unified|remark-)/.test(i));
    assert.deepEqual(heavy(byName['extension.js']), []);
    assert.deepEqual(heavy(byName['worker.js']), []);
    assert.deepEqual(heavy(byName['cli.js']), []);
    assert.ok(heavy(byName['core.js']).length > 0);
  });
});
