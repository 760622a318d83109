// Compiles test/integration/**/*.ts into out/test/integration/** for the extension host.
// One output file per test file. The project's own modules (src/, helpers) are bundled
// in, so tests may import src/ TypeScript; packages (mocha, vscode, ...) stay external
// and are required from node_modules at run time, as the extension host expects.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const outdir = path.join(root, 'out/test/integration');

function filesEndingWith(dir, ending) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ending) && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

const entryPoints = filesEndingWith(here, '.ts');
await esbuild.build({
  entryPoints,
  outbase: here,
  outdir,
  bundle: true,
  packages: 'external',
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});
// Stale outputs (a deleted test) must not keep running. Only those are removed, not
// the whole folder: another run in the same tree may be loading these files now.
const expected = new Set(entryPoints.map((f) => path.relative(here, f).replace(/\.ts$/, '.js')));
for (const f of filesEndingWith(outdir, '.js')) if (!expected.has(path.relative(outdir, f))) fs.rmSync(f);
console.log(`[build-tests] compiled ${entryPoints.length} file(s) into ${path.relative(root, outdir)}`);
