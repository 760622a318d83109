/**
 * After an edit the splitter walks only from the edited chunk to where the last split goes on
 * unchanged (`splitChunks` remembers the last text). Whatever the edit, the chunks must be
 * exactly those of a split from scratch: text, offset, line and front matter.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { splitChunks, type Chunk } from '../../../src/core/parse/chunks';
import { forgetTexts } from '../../../src/core/rules/text-memo';
import { PlanAnalyzer } from '../../../src/core/index';
import type { ChunkCache } from '../../../src/core/parse/model-builder';
import { MUTATIONS, rng } from '../robustness/mutate';
import { ABSENT, CORPUS, PLANS, SHARED, markdownFilesUnder, sharedFiles } from '../rules/shared-files';

const plain = (chunks: readonly Chunk[]) => chunks.map((c) => ({ ...c }));

function fromScratch(text: string): ReturnType<typeof plain> {
  forgetTexts();
  return plain(splitChunks(text));
}

/** The chunks of `after` split right after `before`, against a split from scratch. */
function check(before: string, after: string, label: string): void {
  const expected = fromScratch(after);
  fromScratch(before);
  assert.deepEqual(plain(splitChunks(after)), expected, label);
}

const SMALL = [
  '# A\n\ntext\n\n## B\n\n- [ ] one (1h)\n\n## C\n\n```\n# not a heading\n```\n\n## D\n\nend\n',
  '---\ntitle: x\n---\n# A\r\n- [ ] a (1h)\r\n\r\n## B\r\n\t- [x] b (2h)\r\n## C\r\n',
  '# A\rtext\r## B\r<div>\r# inside html\r</div>\r\r## C\rtail',
  '\uFEFF# A\n\n- item\n\n  ```\n  # in an indented fence\n\n# B\n\n~~~\nx\n~~~\n# C\n',
];

/** Edits that change what the splitter sees: fences, HTML blocks, headings, line breaks, front matter. */
const EDITS: [string, string][] = [
  ['## C', 'C'],
  ['## B', '##B'],
  ['text', '```\ntext'],
  ['# not a heading\n```', '# not a heading'],
  ['\n## B', '\r## B'],
  ['- [ ] one', '<div>\n- [ ] one'],
  ['# A', '---\nx: 1\n---\n# A'],
  ['---\ntitle: x\n---\n', ''],
  ['\r\n## B', '\n## B'],
  ['</div>', '</section>'],
  ['~~~\nx\n~~~', '~~~\nx'],
  ['end\n', 'end\n# E\n'],
];

describe('splitting after an edit', () => {
  it('keeps the chunks before the edit as they were and moves the ones after it', () => {
    const text = SMALL[0];
    const before = splitChunks(text);
    const after = splitChunks(text.replace('one (1h)', 'one more (1h)'));
    assert.equal(after[0], before[0], 'the chunk before the edit is the same object');
    assert.equal(after.length, before.length);
    assert.deepEqual({ ...after[3] }, { ...before[3], offset: before[3].offset + 5 });
  });

  it('splits each document from its own last split, whatever other documents were analysed in between', () => {
    const [a, b] = [SMALL[0], SMALL[3]];
    const [first, second] = [new PlanAnalyzer(), new PlanAnalyzer()];
    const splitOf = (analyzer: PlanAnalyzer) => (analyzer as unknown as { cache: ChunkCache }).cache.lastSplit!.chunks;
    first.analyze(a);
    const before = splitOf(first);
    second.analyze(b);
    const edited = a.replace('one (1h)', 'one more (1h)');
    first.analyze(edited);
    assert.equal(splitOf(first)[0], before[0], 'the chunk before the edit is the one split before it');
    assert.deepEqual(plain(splitOf(first)), fromScratch(edited));
  });

  it('matches a split from scratch for edits that open or close fences and HTML blocks, change headings, line breaks or front matter', () => {
    for (const text of SMALL) {
      for (const [from, to] of EDITS) if (text.includes(from)) check(text, text.replace(from, to), `${JSON.stringify(text.slice(0, 20))}: ${from} → ${to}`);
    }
  });

  it('splits again up to the last change when one edit changes two places (a replace-all, a paste)', () => {
    const text = '# Z\n# A\nx\n# B\nfoo\n# C\nbar\n# D\n';
    check(text, text.replace('x', 'y').replace('bar', 'baz'), 'same length, two places');
    check(text, text.replace('x', 'yy').replace('bar', 'ba'), 'two places, the length unchanged overall');
  });

  it('matches a split from scratch for seeded random edits of the bundled samples', () => {
    const dir = resolve(__dirname, '../../../media/samples');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8'));
    const r = rng(7);
    for (let seed = 0; seed < 300; seed++) {
      const text = [...texts, ...SMALL][seed % (texts.length + SMALL.length)];
      const edited = MUTATIONS[Math.floor(r() * MUTATIONS.length)](text, r);
      check(text, edited, `seed ${seed}`);
    }
  });

  it('an editing session through one analyzer reads every version as an analysis from scratch does', () => {
    const dir = resolve(__dirname, '../../../media/samples');
    const r = rng(5);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      let text = readFileSync(join(dir, file), 'utf8');
      const session = new PlanAnalyzer();
      session.analyze(text);
      for (let k = 0; k < 25; k++) {
        text = MUTATIONS[Math.floor(r() * 3)](text, r); // insertions, deletions, repeated lines: what typing does
        const edited = session.analyze(text);
        forgetTexts();
        assert.deepEqual(edited, new PlanAnalyzer().analyze(text), `${file}, edit ${k}`);
      }
    }
  });

  describe('on the shared documents', () => {
    const files = [...sharedFiles(PLANS).map((f) => join(PLANS, f)), ...sharedFiles(CORPUS).map((f) => join(CORPUS, f)), ...markdownFilesUnder(join(SHARED, 'devset')), ...markdownFilesUnder(join(SHARED, 'robustness'))];
    before(function () {
      if (files.length === 0) this.skip();
    });
    it(`matches a split from scratch for seeded random edits (${files.length === 0 ? ABSENT : `${files.length} documents`})`, () => {
      const r = rng(11);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (let k = 0; k < 8; k++) {
          const edited = MUTATIONS[Math.floor(r() * MUTATIONS.length)](text, r);
          check(text, edited, `${file} edit ${k}`);
        }
      }
    });
  });
});
