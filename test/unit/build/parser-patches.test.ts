/**
 * The parser ships with three edits made as it is bundled (esbuild.config.mjs, PARSER_PATCHES):
 * set-up made once per extension list, and one compile context instead of a copy per event.
 * They must change nothing the engine reads: the engine bundled with them analyses every
 * document here exactly as the source (unpatched parser) does, documents parsed one after
 * another by the same shared compiler.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import * as source from '../../../src/core/index';
import { markdownFilesUnder, SHARED } from '../rules/shared-files';

const root = resolve(__dirname, '../../..');

describe('parser patches', function () {
  this.timeout(120_000);
  let patched: typeof source;
  let dir: string;

  before(async () => {
    const config = (await import(pathToFileURL(join(root, 'esbuild.config.mjs')).href)) as { parserPatches: esbuild.Plugin };
    dir = mkdtempSync(join(tmpdir(), 'plan-lens-patches-'));
    const result = await esbuild.build({
      entryPoints: [join(root, 'src/core/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      logLevel: 'silent',
      metafile: true,
      plugins: [config.parserPatches],
    });
    // The patched modules are in this bundle (the plugin fails the build when an edit no longer applies).
    assert.ok(Object.keys(result.metafile.inputs).some((i) => /mdast-util-from-markdown[\\/]lib[\\/]index\.js$/.test(i)));
    const file = join(dir, 'core.js');
    writeFileSync(file, result.outputFiles[0].contents);
    assert.ok(/compilers\.get\(/.test(result.outputFiles[0].text), 'the compile context patch is in the bundle');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    patched = require(file) as typeof source;
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the bundled engine reads every shared document and every fixture exactly as the source does', function () {
    const files = [
      ...['fixtures/plans', 'corpus', 'devset', 'robustness'].flatMap((d) => markdownFilesUnder(join(SHARED, d))),
      ...markdownFilesUnder(join(root, 'test/fixtures')),
      ...markdownFilesUnder(join(root, 'media/samples')),
    ];
    if (files.length === 0) this.skip();
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // Each document twice through the patched bundle, with others between: nothing carries over.
      const once = patched.analyzePlan(text, { detection: 'always' });
      const expected = source.analyzePlan(text, { detection: 'always' });
      assert.deepEqual(once.model, expected.model, file);
      assert.deepEqual(once.findings, expected.findings, file);
      compared++;
    }
    const first = readFileSync(files[0], 'utf8');
    assert.deepEqual(patched.analyzePlan(first).model, source.analyzePlan(first).model);
    assert.ok(compared >= 10, `${compared} documents compared`);
  });
});
