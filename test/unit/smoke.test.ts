import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
describe('toolchain', () => {
  it('parses gfm', () => {
    const tree = unified().use(remarkParse).use(remarkGfm).parse('- [ ] a\n');
    assert.equal(tree.children[0].type, 'list');
  });
});
