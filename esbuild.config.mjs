// Builds what ships (the extension host adapter, the analysis worker, the CLI) and the bench.
// `vscode` is provided by the editor; everything else is bundled and minified, so the .vsix
// carries no node_modules.
import * as esbuild from 'esbuild';
import { cpSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';

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

// The worker and the CLI both need the engine (the parser is most of it): it ships once, as
// dist/core.js, and both require it instead of each bundling a copy.
const coreEntry = path.resolve('src/core/index.ts');
const shareCore = {
  name: 'share-core',
  setup(build) {
    build.onResolve({ filter: /[\\/]core(?:[\\/]index)?$/ }, (args) =>
      path.resolve(args.resolveDir, args.path) + (args.path.endsWith('index') ? '.ts' : '/index.ts') === coreEntry ? { path: './core.js', external: true } : undefined,
    );
  },
};

// zod ships once too, as dist/zod.js, required by each bundle that validates (the extension
// host cannot share core.js: loading it would load the parser).
const shareZod = {
  name: 'share-zod',
  setup(build) {
    build.onResolve({ filter: /^zod\/mini$/ }, () => ({ path: './zod.js', external: true }));
  },
};

/** What ships in the .vsix (and the CLI); the bench is built for `npm run bench` only. */
export const shippedBuilds = [
  { entryPoints: { zod: 'src/shared/zod.ts' } },
  { entryPoints: { extension: 'src/vscode/extension.ts' }, external: ['vscode'], plugins: [shareZod] },
  { entryPoints: { core: 'src/core/index.ts' }, plugins: [shareZod] },
  { entryPoints: { worker: 'src/vscode/worker.ts' }, plugins: [shareCore, shareZod] },
  { entryPoints: { cli: 'src/cli/bin.ts' }, banner: { js: '#!/usr/bin/env node' }, plugins: [shareCore, shareZod] },
].map((b) => ({ ...common, ...b }));

const builds = [...shippedBuilds, { ...common, entryPoints: { bench: 'bench/bench.ts', 'index-bench': 'bench/index-bench.ts' }, minify: false }];

async function main() {
  // Rule docs ship beside the code: diagnostics link to dist/rules/<rule-id>.md.
  for (const doc of readdirSync('src/core/rules').filter((f) => f.endsWith('.md'))) {
    cpSync(path.join('src/core/rules', doc), path.join('dist/rules', doc));
  }
  for (const b of builds) {
    const options = { ...b, outdir: 'dist' };
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
}

// Imported by the bundle-size test; run by `npm run build`.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) await main();
