// Builds what ships (the extension host adapter, the analysis worker, the CLI) and the bench.
// `vscode` is provided by the editor; everything else is bundled and minified, so the .vsix
// carries no node_modules.
import * as esbuild from 'esbuild';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * Three edits to the parser's code as it is bundled, each measured (cold analyses ~20% faster,
 * models identical: test/unit/build/parser-patches.test.ts parses every shared and fixture
 * document with and without them). The engine parses a plan chunk by chunk, so the parser's
 * set-up runs once per chunk, and mdast-util-from-markdown copies its whole compile context
 * into a new object for every micromark event (a third of a parse's garbage):
 *   - micromark's `parse` combines its syntax extensions once per extension list, not per call;
 *   - mdast-util-from-markdown's compiler is made once per extension list (its `data` stays
 *     per document, made by each compile);
 *   - each handler gets the one compile context with its token's `sliceSerialize` set on it.
 * Each edit must match its dependency's code exactly once, or the build fails: a new version
 * of either package is then checked by hand, never silently left unpatched.
 */
const PARSER_PATCHES = [
  {
    file: /[\\/]node_modules[\\/]micromark[\\/]lib[\\/]parse\.js$/,
    edits: [
      [
        'export function parse(options) {\n  const settings = options || {};\n  const constructs = /** @type {FullNormalizedExtension} */\n  combineExtensions([defaultConstructs, ...(settings.extensions || [])]);',
        'const combined = new WeakMap();\nexport function parse(options) {\n  const settings = options || {};\n  const extensions = settings.extensions || [];\n  let constructs = combined.get(extensions);\n  if (!constructs) combined.set(extensions, (constructs = combineExtensions([defaultConstructs, ...extensions])));',
      ],
    ],
  },
  {
    file: /[\\/]node_modules[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/,
    edits: [
      [
        '  return compiler(options)(postprocess(',
        '  const extensions = (options || {}).mdastExtensions || [];\n  let compile = compilers.get(extensions);\n  if (!compile) compilers.set(extensions, (compile = compiler(options)));\n  return compile(postprocess(',
      ],
      ['export function fromMarkdown(', 'const compilers = new WeakMap();\nexport function fromMarkdown('],
      ['  const data = {};\n  return compile;\n', '  return compile;\n'],
      ['      resume,\n      data\n    };', '      resume,\n      data: {},\n      sliceSerialize: undefined\n    };'],
      ['callListeners(config.beforeEnter, {\n          ...context,\n          sliceSerialize: events[index][2].sliceSerialize\n        }, events[index][1]);', 'context.sliceSerialize = events[index][2].sliceSerialize;\n        callListeners(config.beforeEnter, context, events[index][1]);'],
      ['handler[events[index][1].type].call({\n          ...context,\n          sliceSerialize: events[index][2].sliceSerialize\n        }, events[index][1]);', 'context.sliceSerialize = events[index][2].sliceSerialize;\n        handler[events[index][1].type].call(context, events[index][1]);'],
      ['callListeners(config.afterExit, {\n          ...context,\n          sliceSerialize: events[index][2].sliceSerialize\n        }, events[index][1]);', 'context.sliceSerialize = events[index][2].sliceSerialize;\n        callListeners(config.afterExit, context, events[index][1]);'],
    ],
  },
];

/** Applies PARSER_PATCHES to the bundled parser (see above). */
export const parserPatches = {
  name: 'parser-patches',
  setup(build) {
    for (const { file, edits } of PARSER_PATCHES) {
      build.onLoad({ filter: file }, (args) => {
        let contents = readFileSync(args.path, 'utf8');
        for (const [from, to] of edits) {
          const at = contents.indexOf(from);
          if (at < 0 || contents.indexOf(from, at + 1) >= 0) {
            throw new Error(`parser-patches: ${args.path} no longer has exactly one "${from.split('\n')[0]}"; check the new version by hand`);
          }
          contents = contents.slice(0, at) + to + contents.slice(at + from.length);
        }
        return { contents, loader: 'js' };
      });
    }
  },
};

/** What ships in the .vsix (and the CLI); the bench is built for `npm run bench` only. */
export const shippedBuilds = [
  { entryPoints: { zod: 'src/shared/zod.ts' } },
  { entryPoints: { extension: 'src/vscode/extension.ts' }, external: ['vscode'], plugins: [shareZod] },
  { entryPoints: { core: 'src/core/index.ts' }, plugins: [shareZod, parserPatches] },
  { entryPoints: { worker: 'src/vscode/worker.ts' }, plugins: [shareCore, shareZod] },
  { entryPoints: { cli: 'src/cli/bin.ts' }, banner: { js: '#!/usr/bin/env node' }, plugins: [shareCore, shareZod] },
].map((b) => ({ ...common, ...b }));

const builds = [...shippedBuilds, { ...common, entryPoints: { bench: 'bench/bench.ts', 'index-bench': 'bench/index-bench.ts' }, minify: false, plugins: [shareCore] }];

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
