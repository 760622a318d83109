/**
 * The shipped JavaScript stays small (every dependency ships to every user), and the
 * extension host's bundle never carries the parser: activation must not load it.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
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

  it('ships zod once, in zod.js, and it exports every zod function the code calls', () => {
    const byName = Object.fromEntries(built.map((b) => [b.name, b]));
    for (const name of ['extension.js', 'core.js', 'worker.js', 'cli.js']) {
      assert.deepEqual(byName[name].inputs.filter((i) => i.includes('node_modules/zod/')), [], `${name} carries its own zod`);
    }
    const entry = fs.readFileSync(path.resolve(__dirname, '../../../src/shared/zod.ts'), 'utf8');
    const exported = new Set(/export \{([^}]*)\} from 'zod\/mini'/.exec(entry)![1].split(',').map((n) => n.trim()));
    const used = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) {
          const text = fs.readFileSync(file, 'utf8').replace(/z\.infer<|z\.input<|z\.output<|z\.ZodMiniType\b/g, '');
          for (const m of text.matchAll(/\bz\.([A-Za-z_]\w*)\s*\(/g)) used.add(m[1]);
        }
      }
    };
    walk(path.resolve(__dirname, '../../../src'));
    assert.ok(used.size > 5);
    assert.deepEqual([...used].filter((n) => !exported.has(n)), []);
  });
});
