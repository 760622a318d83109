import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/edits/apply';
import { disableCommentEdit } from '../../../src/vscode/features/suppress-edit';

/** Disable `rule` for the line that starts with `lineText`, and return the new text. */
function disable(text: string, lineText: string, eol: '\n' | '\r\n' = '\n'): string {
  const offset = text.indexOf(lineText);
  const line = text.slice(0, offset).split('\n').length - 1;
  const column = offset - (text.lastIndexOf('\n', offset - 1) + 1);
  // Findings may start mid-line: report from a column inside the line.
  return applyEdits(text, [disableCommentEdit(text, { line, column: column + 2, offset: offset + 2 }, 'total-mismatch', eol)]);
}

describe('vscode/features/suppress-edit', () => {
  it('puts a disable-next-line comment above a line after a blank line, same indentation', () => {
    const text = '# Plan\n\n  **Total**: 35-45 hours\n';
    assert.equal(disable(text, '**Total**'), '# Plan\n\n  <!-- plan-lens-disable-next-line total-mismatch -->\n  **Total**: 35-45 hours\n');
  });

  it('keeps CRLF and tabs', () => {
    const text = '# Plan\r\n\r\n\t**Total**: 35-45 hours\r\n';
    assert.equal(disable(text, '**Total**', '\r\n'), '# Plan\r\n\r\n\t<!-- plan-lens-disable-next-line total-mismatch -->\r\n\t**Total**: 35-45 hours\r\n');
  });

  it('indents to a list item content, so the list is not split', () => {
    const text = '1. **Stripe**\n   - **Priority**: P0\n   - **Estimated Time**: 12-15 hours\n';
    assert.equal(
      disable(text, '- **Estimated Time**'),
      '1. **Stripe**\n   - **Priority**: P0\n     <!-- plan-lens-disable-next-line total-mismatch -->\n   - **Estimated Time**: 12-15 hours\n',
    );
  });

  it('goes above a heading', () => {
    const text = 'Intro text\n### 9. Billing: 4 features\n';
    assert.equal(disable(text, '### 9.'), 'Intro text\n<!-- plan-lens-disable-next-line total-mismatch -->\n### 9. Billing: 4 features\n');
  });

  it('goes at the end of a table row, which a line of its own would cut off', () => {
    const text = '| Phase | Hours |\n|---|---|\n| Total | 75-97 |\r\n';
    assert.equal(disable(text, '| Total'), '| Phase | Hours |\n|---|---|\n| Total | 75-97 | <!-- plan-lens-disable-line total-mismatch -->\r\n');
  });

  it('goes at the end of a line that continues a paragraph', () => {
    const text = 'Work remaining is large.\n**Total**: 35-45 hours\n';
    assert.equal(disable(text, '**Total**'), 'Work remaining is large.\n**Total**: 35-45 hours <!-- plan-lens-disable-line total-mismatch -->\n');
  });

  it('handles the first line and a blank first line', () => {
    assert.equal(disable('**Total**: 3 hours', '**Total**'), '<!-- plan-lens-disable-next-line total-mismatch -->\n**Total**: 3 hours');
    assert.equal(disable('\n**Total**: 3 hours', '**Total**'), '\n<!-- plan-lens-disable-next-line total-mismatch -->\n**Total**: 3 hours');
  });
});
