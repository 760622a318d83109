import { strict as assert } from 'node:assert';
import { formatLike } from '../../../src/core/rules/format-like';
import { normaliseTitle, significantWords } from '../../../src/core/rules/item-identity';
import { agrees } from '../../../src/core/rules/total-mismatch';
import { proseOnly } from '../../../src/core/rules/prose';
import { scheduledRanges } from '../../../src/core/rules/unscheduled-item';

const h = (low: number, high: number | null = low) => ({ low, high });

describe('rule helpers', () => {
  describe('normaliseTitle', () => {
    const cases: [string, string][] = [
      ['14. GDPR Compliance', 'gdpr compliance'],
      ['**GDPR Compliance** (for EU users)', 'gdpr compliance'],
      ['✅ **Toast Notification System** (2h)', 'toast notification system'],
      ['1.2 [Export UI](docs/export.md)', 'export ui'],
      ['CP-001: Connector modal', 'connector modal'],
      ['Team Collaboration (Member Management)', 'team collaboration'],
    ];
    for (const [title, expected] of cases) {
      it(`${JSON.stringify(title)} → ${JSON.stringify(expected)}`, () => {
        assert.equal(normaliseTitle(title, title.startsWith('CP-') ? 'CP-001' : undefined), expected);
      });
    }

    it('reduces plurals but not words that only end in s', () => {
      assert.deepEqual(significantWords('concurrency controls for the status'), ['concurrency', 'control', 'status']);
      assert.deepEqual(significantWords('libraries and 3 sdks'), ['library', 'sdk']);
    });
  });

  describe('total comparison', () => {
    it('compares ranges bound by bound', () => {
      assert.equal(agrees(h(75, 105), h(75, 97), 0), false);
      assert.equal(agrees(h(75, 97), h(75, 97), 0), true);
    });
    it('accepts a point sum inside a declared range, and a declared point inside a summed range', () => {
      assert.equal(agrees(h(4, 5), h(5), 0), true);
      assert.equal(agrees(h(10), h(8, 12), 0), true);
      assert.equal(agrees(h(4, 5), h(6), 0), false);
    });
    it('leaves the upper bound unchecked when a part or the total is open-ended', () => {
      assert.equal(agrees(h(30, 40), h(30, null), 0), true);
      assert.equal(agrees(h(30, null), h(30, 50), 0), true);
      assert.equal(agrees(h(30, 40), h(25, null), 0), false);
    });
    it('allows a tolerance for approximate totals', () => {
      assert.equal(agrees(h(20), h(21, 22), 0.1), true);
      assert.equal(agrees(h(20), h(25, 26), 0.1), false);
    });
  });

  describe('formatLike', () => {
    it('keeps the plan\'s separator', () => {
      assert.equal(formatLike('75-105', h(75, 105), h(75, 97)), '75-97');
      assert.equal(formatLike('35–45', h(35, 45), h(34, 43)), '34–43');
      assert.equal(formatLike('20 to 25', h(20, 25), h(18, 22)), '18 to 22');
    });
    it('writes a point when the sum is one number, and a range after a point', () => {
      assert.equal(formatLike('10-12', h(10, 12), h(9)), '9');
      assert.equal(formatLike('10', h(10), h(9, 11)), '9-11');
    });
    it('keeps a decimal comma and the unit of the declared number', () => {
      assert.equal(formatLike('1,5', h(1.5), h(2.5)), '2,5');
      assert.equal(formatLike('2-3', h(16, 24), h(24, 32)), '3-4');
      assert.equal(formatLike('2', h(16), h(20)), '2.5');
    });
    it('refuses numbers nobody would write', () => {
      assert.equal(formatLike('3', h(24), h(25)), undefined); // 3.125 days
    });
  });

  describe('ID ranges', () => {
    it('reads the ways plans write them, prose only', () => {
      const text = [
        '- CP-001 to CP-009 (Discovery)',
        '- BT-004–BT-008',
        '- AD-010 – 014',
        '- FR-001〜FR-010',
        '- XP-001-XP-005 and MO-1..MO-3',
        '- CP-001-2 is not a range, nor 2025-10-31',
        '```',
        'TS-001 to TS-010',
        '```',
        '<!-- ZZ-001 to ZZ-002 -->',
      ].join('\n');
      assert.deepEqual(
        scheduledRanges(text).map((r) => `${r.prefix}:${r.from}-${r.to}`),
        ['CP:1-9', 'BT:4-8', 'AD:10-14', 'FR:1-10', 'XP:1-5', 'MO:1-3'],
      );
    });

    it('blanks code and comments without moving anything', () => {
      const text = 'a\r\n```js\r\nx ```y\r\n```\r\n<!--\r\nz -->b';
      const prose = proseOnly(text);
      assert.equal(prose.length, text.length);
      assert.equal(prose.replace(/ +/g, ' '), 'a\r\n```js\r\n \r\n```\r\n \r\n b');
    });
  });
});
