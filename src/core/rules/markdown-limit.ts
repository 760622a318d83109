/**
 * Text the parser was not shown as markdown (see parse/guard.ts): blocks nested past the
 * limit on one line, or a paragraph with more brackets, emphasis marks or backticks than a
 * parser can take in linear time. Reading it as plain text keeps analysis fast; this says so.
 */
import type { Rule } from './types';
import { MAX_MARKS, MAX_NESTING } from '../parse/guard';

export const markdownLimit: Rule = {
  meta: {
    id: 'markdown-limit',
    description: 'Markdown nested or marked up past what can be read quickly is read as plain text.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      nesting: 'Blocks nest more than {limit} deep on this line: the deeper markers are read as plain text.',
      brackets: "More than {limit} '[' or ']' in one paragraph: the rest are read as plain text, not links or tasks.",
      emphasis: "More than {limit} emphasis marks ('*', '_', '~') in one paragraph: the rest are read as plain text.",
      code: 'More than {limit} backticks in one paragraph: the rest are read as plain text.',
    },
  },
  check({ model, report }) {
    for (const notice of model.notices ?? []) {
      report({ messageId: notice.kind, range: notice.range, data: { limit: notice.kind === 'nesting' ? MAX_NESTING : MAX_MARKS } });
    }
  },
};
