// Builds what ships (the extension host adapter, the analysis worker, the CLI) and the bench.
// `vscode` is provided by the editor; everything else is bundled and minified, so the .vsix
// carries no node_modules.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

const builds = [
  { entryPoints: { extension: 'src/vscode/extension.ts' }, external: ['vscode'] },
  { entryPoints: { worker: 'src/vscode/worker.ts' } },
  { entryPoints: { cli: 'src/cli/bin.ts' }, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { bench: 'bench/bench.ts' }, minify: false },
];

import { existsSync } from 'node:fs';

for (const b of builds) {
  const entry = Object.values(b.entryPoints)[0];
  if (!existsSync(entry)) continue; // parts land one at a time
  const options = { ...common, ...b, outdir: 'dist' };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    const result = await esbuild.build(options);
    for (const [file, out] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`${file}  ${(out.bytes / 1024).toFixed(1)} KB`);
    }
  }
}
