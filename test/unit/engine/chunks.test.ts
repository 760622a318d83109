/** Chunking must never change what the document says: chunked and whole parses agree. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitChunks } from '../../../src/core/parse/chunks';
import { buildModel, ChunkCache } from '../../../src/core/parse/model-builder';
import { PlanAnalyzer, analyzePlan, resolveOptions } from '../../../src/core/index';
import { PlanModelSchema } from '../../../src/core/model/schema';
import { ABSENT, CORPUS, PLANS, sharedFiles } from '../rules/shared-files';

const options = resolveOptions({});

function sameModel(text: string): void {
  const chunked = buildModel(text, options);
  const whole = buildModel(text, options, undefined, false);
  assert.deepEqual(chunked, whole);
}

describe('chunks', () => {
  it('splits at headings outside fences, HTML blocks and front matter', () => {
    const text = '---\ntitle: x\n---\n# A\ntext\n```\n# not a heading\n```\n## B\n<!--\n# not either\n-->\n````md\n```\n# inside a longer fence\n```\n````\n### C\n';
    assert.deepEqual(
      splitChunks(text).map((c) => [c.line, c.frontMatter, c.text.split('\n')[0]]),
      [
        [0, true, '---'],
        [3, false, '# A'],
        [8, false, '## B'],
        [17, false, "### C"],
      ],
    );
  });

  it('follows CommonMark: a ```json line inside a ``` fence is content, not a new fence', () => {
    const text = '# A\n```\nouter\n```json\n{}\n```\n# B\n';
    assert.deepEqual(splitChunks(text).map((c) => c.text.split('\n')[0]), ['# A', '# B']);
    sameModel(text);
  });

  it('keeps every character: chunks concatenate back to the text, CRLF and BOM included', () => {
    const text = '\uFEFF# A\r\n- [ ] a (1h)\r\n\r\n## B\r\n\t- [x] b (2h)\r\n';
    assert.equal(splitChunks(text).map((c) => c.text).join(''), text);
    sameModel(text);
  });

  it('gives link references used across chunks the same reading as the whole document', () => {
    sameModel('# Log\n\n## [Unreleased]\n\n- [ ] a (1h)\n\n## Links\n\n[Unreleased]: https://example.com\n');
  });

  it('re-parses only the chunk an edit touched', () => {
    const analyzer = new PlanAnalyzer();
    const text = '# A\n\n- [ ] one (1h)\n\n# B\n\n- [ ] two (2h)\n';
    analyzer.analyze(text);
    const cache = (analyzer as unknown as { cache: ChunkCache }).cache;
    assert.equal(cache.size, 2);
    analyzer.analyze(text.replace('two', 'three'));
    assert.equal(cache.size, 2, 'the edited chunk replaces its old entry');
  });

  describe('on the shared plans and corpus', () => {
    const files = [...sharedFiles(PLANS).map((f) => join(PLANS, f)), ...sharedFiles(CORPUS).map((f) => join(CORPUS, f))];
    if (files.length === 0) it(`skipped: ${ABSENT}`, function () {
      this.skip();
    });
    for (const file of files) {
      it(`${file.split('/').pop()}: chunked model equals the whole-document model, and validates`, () => {
        const text = readFileSync(file, 'utf8');
        sameModel(text);
        const { model } = analyzePlan(text);
        assert.ok(PlanModelSchema.safeParse(model).success);
      });
    }
  });
});
