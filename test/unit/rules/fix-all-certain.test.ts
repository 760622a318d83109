/**
 * Issue 12, "fixes only when certain": on the shared plans and the dev set, no fix that "Fix
 * all" would apply rewrites a declared number that another listing in the same document agrees
 * with. Two independent witnesses of agreement:
 *   - a heading that names the same priority and lists exactly that many entries right below
 *     it (its table rows or list items, counted from the heading's own section);
 *   - another declared number of the same kind, the same priority and the same value that no
 *     rule reports.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { analyzePlan } from '../../../src/core';
import { findPriority } from '../../../src/core/parse/priority';
import type { Declared } from '../../../src/core/model/schema';
import { PLANS, SHARED, readShared, sharedFiles } from './shared-files';

const DEVSET = join(SHARED, 'devset');

function rankOf(text: string): number | undefined {
  return findPriority(text)?.rank;
}

function check(dir: string, name: string): string[] {
  const text = readShared(dir, name)!;
  const { model, findings } = analyzePlan(text);
  const reported = new Set(findings.map((f) => f.range.start.offset));
  const problems: string[] = [];
  for (const finding of findings.filter((f) => f.fix)) {
    for (const edit of finding.fix!.edits) {
      const declared = model.declared.find((d) => d.valueRange.start.offset === edit.start);
      if (!declared || declared.value.low !== declared.value.high) continue;
      const rank = rankOf(declared.label);
      if (rank === undefined) continue;
      const where = `${name}:${declared.range.start.line + 1} "${declared.label}"`;
      if (declared.kind === 'count') {
        for (const s of model.sections) {
          if (s.index !== declared.section && rankOf(s.title) === rank && s.items.length === declared.value.low) problems.push(`${where}: "${s.title}" lists ${s.items.length}`);
        }
      }
      const twin = (d: Declared) =>
        d !== declared && d.kind === declared.kind && rankOf(d.label) === rank && d.value.low === declared.value.low && d.value.high === declared.value.high && !reported.has(d.valueRange.start.offset);
      for (const d of model.declared.filter(twin)) problems.push(`${where}: line ${d.range.start.line + 1} "${d.label}" agrees`);
    }
  }
  return problems;
}

describe('Fix all changes no number another listing agrees with', () => {
  for (const [dir, label] of [
    [PLANS, 'shared plans'],
    [DEVSET, 'dev set'],
  ] as const) {
    it(label, function () {
      const files = sharedFiles(dir);
      if (files.length === 0) {
        console.log(`      skipped: no documents in ${dir}`);
        this.skip();
      }
      assert.deepEqual(files.flatMap((f) => check(dir, f)), []);
    });
  }
});
