/** An estimate field whose value is not an estimate ("**Estimate:** TBD"): the item adds nothing to the totals. */
import type { Rule } from './types';

/**
 * T-shirt sizes ("M", "XL — …"), word sizes ("MEDIUM", "Low-Medium (one file)", "small") and
 * quantities in another measure ("13 pts", "1 new file (~120 lines)") are sizing chosen on
 * purpose, not a missing estimate.
 */
const SIZING_SCHEME =
  /^(?:(?:X{0,3}[SL]|M)\b|[~≈]?\s*\d|(?:very\s+)?(?:trivial|tiny|small|medium|moderate|large|huge|low|high|big|minor|major)(?:\s*[-–/]\s*(?:trivial|tiny|small|medium|moderate|large|huge|low|high|big|minor|major))?\b)/i;

export const unreadableEstimate: Rule = {
  meta: {
    id: 'unreadable-estimate',
    description: 'An estimate field that cannot be read as effort, so the item is left out of every sum.',
    defaultSeverity: 'info',
    fixable: false,
    messages: {
      unreadable: 'The estimate of "{title}" reads "{text}", which is not an effort; it is left out of the totals',
    },
  },
  check({ model, report }) {
    for (const item of model.items) {
      if (!item.unreadableEstimate || SIZING_SCHEME.test(item.unreadableEstimate.text.trim())) continue;
      report({
        messageId: 'unreadable',
        range: item.unreadableEstimate.range,
        data: { title: item.title, text: item.unreadableEstimate.text },
      });
    }
  },
};
