/** Text garbled by a wrong decode ("âœ…" for "✅"); the fix restores the original characters. */
import type { Rule } from './types';

export const mojibake: Rule = {
  meta: {
    id: 'mojibake',
    description: 'Text that is UTF-8 read with the wrong encoding (Windows-1252/1254).',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      garbled: '"{text}" is UTF-8 read with the wrong encoding; it should read "{fixed}"',
    },
  },
  check({ model, report }) {
    for (const run of model.mojibake) {
      report({
        messageId: 'garbled',
        range: run.range,
        data: { text: run.text, fixed: run.fixed },
        fix: {
          description: `Replace "${run.text}" with "${run.fixed}"`,
          edits: [{ start: run.range.start.offset, end: run.range.end.offset, newText: run.fixed }],
        },
      });
    }
  },
};
