import { strict as assert } from 'node:assert';
import { globDepth, globToRegExp, isGlob, splitGlob } from '../../../src/cli/glob';

describe('cli/glob', () => {
  it('tells globs from paths', () => {
    assert.ok(isGlob('docs/*.md'));
    assert.ok(isGlob('plan-{a,b}.md'));
    assert.ok(!isGlob('docs/plan.md'));
  });

  it('splits off the fixed folder to walk from', () => {
    assert.deepEqual(splitGlob('docs/plans/**/*.md'), { base: 'docs/plans', rest: '**/*.md' });
    assert.deepEqual(splitGlob('*.md'), { base: '.', rest: '*.md' });
    assert.deepEqual(splitGlob('docs\\*.md'), { base: 'docs', rest: '*.md' });
  });

  const cases: [string, string[], string[]][] = [
    ['*.md', ['a.md', 'plan.v2.md'], ['a/b.md', 'a.mdx', 'amd']],
    ['**/*.md', ['a.md', 'x/a.md', 'x/y/z.md'], ['a.markdown', 'x/a.txt']],
    ['x/**', ['x/a', 'x/y/z'], ['y/a']],
    ['?.md', ['a.md'], ['ab.md']],
    ['[ab].md', ['a.md', 'b.md'], ['c.md']],
    ['[!ab].md', ['c.md'], ['a.md']],
    ['*.{md,markdown}', ['a.md', 'a.markdown'], ['a.txt']],
    ['plan (1)+.md', ['plan (1)+.md'], ['plan 1.md']],
  ];
  for (const [glob, yes, no] of cases) {
    it(`matches ${glob}`, () => {
      const re = globToRegExp(glob);
      for (const p of yes) assert.ok(re.test(p), `${glob} should match ${p}`);
      for (const p of no) assert.ok(!re.test(p), `${glob} should not match ${p}`);
    });
  }

  it('bounds the walk when there is no **', () => {
    assert.equal(globDepth('*/*.md'), 2);
    assert.equal(globDepth('**/*.md'), Infinity);
  });
});
