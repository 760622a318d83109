/**
 * Fixture plans carry their expected findings in an HTML comment, anchored by text rather
 * than line numbers so fixtures can be edited freely:
 *
 *     <!-- expect
 *     total-mismatch: **Total P0 Effort**
 *     count-mismatch: P0 Critical Gaps
 *     -->
 *
 * Each line names a rule and a piece of text that occurs on exactly one line of the plan
 * (outside the comment); a finding of that rule must start on that line. List a rule twice
 * for two findings on one line. No block means the plan must produce no finding at all.
 * `count-mismatch (info): …` also wants that severity (an unsure reading shown at info).
 * `<!-- options {"hoursPerDay": 6} -->` passes analysis options.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(__dirname, '../../fixtures/rules');

export function fixtureFiles(rule: string): string[] {
  const dir = join(FIXTURES, rule);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [];
}

export interface Expectation {
  rule: string;
  line: number;
  anchor: string;
  severity?: string;
}

const BLOCK = /<!--\s*expect\b([\s\S]*?)-->/g;
const OPTIONS = /<!--\s*options\s*(\{[\s\S]*?\})\s*-->/;

/** Lines inside comment blocks, which anchors must not match. */
function blockLines(text: string): Set<number> {
  const lines = new Set<number>();
  for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) {
    const first = text.slice(0, m.index).split('\n').length - 1;
    const count = m[0].split('\n').length;
    for (let i = 0; i < count; i++) lines.add(first + i);
  }
  return lines;
}

function lineOfAnchor(lines: string[], excluded: Set<number>, anchor: string): number {
  const hits = lines.flatMap((line, i) => (!excluded.has(i) && line.includes(anchor) ? [i] : []));
  if (hits.length !== 1) throw new Error(`expect anchor "${anchor}" matches ${hits.length} lines (needs exactly 1)`);
  return hits[0];
}

export function readExpectations(text: string): Expectation[] {
  const lines = text.split('\n');
  const excluded = blockLines(text);
  const expected: Expectation[] = [];
  for (const block of text.matchAll(BLOCK)) {
    for (const raw of block[1].split('\n')) {
      const entry = /^\s*([a-z][a-z0-9-]*)(?:\s*\((error|warning|info|hint)\))?\s*:\s*(.+?)\s*$/.exec(raw);
      if (!entry) {
        if (raw.trim()) throw new Error(`unreadable expect line: ${raw}`);
        continue;
      }
      const expectation: Expectation = { rule: entry[1], anchor: entry[3], line: lineOfAnchor(lines, excluded, entry[3]) };
      if (entry[2]) expectation.severity = entry[2];
      expected.push(expectation);
    }
  }
  return expected;
}

export function readOptions(text: string): Record<string, unknown> {
  const m = OPTIONS.exec(text);
  return m ? (JSON.parse(m[1]) as Record<string, unknown>) : {};
}

/** "rule@line" keys, 1-based, sorted: what the fixture test compares. */
export function keys(findings: { rule: string; line: number }[]): string[] {
  return findings.map((f) => `${f.rule}@${f.line + 1}`).sort();
}
