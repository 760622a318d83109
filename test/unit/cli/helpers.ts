/** Builders for CLI tests: a stubbed analysis (no parser needed) and an in-memory host. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { Analysis, Finding, Item, PlanModel, Range, Rollup, Section } from '../../../src/core/index';
import type { CliHost } from '../../../src/cli/main';

export function range(line: number, column: number, endLine = line, endColumn = column + 1): Range {
  return { start: { line, column, offset: 0 }, end: { line: endLine, column: endColumn, offset: 0 } };
}

export function rollup(r: Partial<Rollup> = {}): Rollup {
  return { items: 0, done: 0, partial: 0, open: 0, unknown: 0, hours: { low: 0, high: 0 }, remainingHours: { low: 0, high: 0 }, unestimated: [], ...r };
}

function section(index: number, title: string, depth: number, line: number, s: Partial<Section> = {}): Section {
  return { index, title, depth, range: range(line, 0, line, title.length + depth + 1), bodyRange: range(line, 0), sections: [], items: [], checklist: false, ...s };
}

function item(index: number, title: string, line: number, i: Partial<Item> = {}): Item {
  return { index, title, kind: 'task', status: 'open', checklist: false, range: range(line, 0, line, 20), titleRange: range(line, 6), section: 0, children: [], ...i };
}

/** The text the stub model describes (the formatters only read it for fix positions). */
export const STUB_TEXT = '# Plan\n## Phase 1\n- [x] A (2h)\n- [ ] B (3h)\n## Phase 2\n### Sub\n- [ ] C (4-6h)\nTotal: 10 h\n';

/** A small plan: two phases, three tasks, priorities, one open-ended subtotal. */
export function stubAnalysis(findings: Finding[] = [], isPlan = true): Analysis {
  const estimate = (low: number, high: number, line: number) => ({ hours: { low, high }, unit: 'h' as const, text: `${low}h`, range: range(line, 8) });
  const model: PlanModel = {
    version: 1,
    isPlan,
    detection: { score: isPlan ? 5 : 0, reason: isPlan ? 'tasks with estimates' : 'no tasks, estimates or totals' },
    sections: [
      section(0, 'Plan', 1, 0, { sections: [1, 2] }),
      section(1, 'Phase 1', 2, 1, { parent: 0, items: [0, 1] }),
      section(2, 'Phase 2', 2, 4, { parent: 0, sections: [3] }),
      section(3, 'Sub', 3, 5, { parent: 2, items: [2] }),
    ],
    items: [
      item(0, 'A', 2, { id: 'T-1', status: 'done', section: 1, checkbox: { checked: true, mark: 'x', range: range(2, 2, 2, 5) }, estimate: estimate(2, 2, 2), priority: { rank: 0, label: 'P0', source: 'own' } }),
      item(1, 'B', 3, { status: 'open', section: 1, checkbox: { checked: false, mark: ' ', range: range(3, 2, 3, 5) }, estimate: estimate(3, 3, 3), priority: { rank: 1, label: 'High', source: 'section' } }),
      item(2, 'C', 6, { kind: 'bullet', section: 3, estimate: { ...estimate(4, 6, 6), text: '4-6h' } }),
    ],
    declared: [],
    mojibake: [],
    directives: [],
    eol: '\n',
    lineCount: 9,
  };
  const rollups = {
    document: rollup({ items: 3, done: 1, open: 2, hours: { low: 9, high: 11 }, remainingHours: { low: 7, high: 9 } }),
    sections: [
      rollup({ items: 3, done: 1, open: 2, hours: { low: 9, high: 11 }, remainingHours: { low: 7, high: 9 } }),
      rollup({ items: 2, done: 1, open: 1, hours: { low: 5, high: 5 }, remainingHours: { low: 3, high: 3 } }),
      rollup({ items: 1, open: 1, hours: { low: 4, high: 6 }, remainingHours: { low: 4, high: 6 } }),
      rollup({ items: 1, open: 1, hours: { low: 4, high: 6 }, remainingHours: { low: 4, high: 6 } }),
    ],
    byPriority: { P1: rollup({ items: 1, open: 1, hours: { low: 3, high: 3 }, remainingHours: { low: 3, high: 3 } }), P0: rollup({ items: 1, done: 1, hours: { low: 2, high: null }, remainingHours: { low: 0, high: 0 } }) },
  };
  return { model, rollups, findings };
}

/** A total-mismatch warning on line 8 ("Total: 10 h") with a fix replacing "10" by "9-11". */
export function stubFinding(f: Partial<Finding> = {}): Finding {
  const offset = STUB_TEXT.indexOf('10 h');
  return {
    rule: 'total-mismatch',
    messageId: 'mismatch',
    severity: 'warning',
    message: 'Declared 10 h, but the items add up to 9–11 h',
    range: range(7, 0, 7, 11),
    declared: '10 h',
    computed: '9–11 h',
    related: [{ range: range(6, 2, 6, 13), message: 'counted: C (4–6 h)' }],
    fix: { description: 'Write 9-11', edits: [{ start: offset, end: offset + 2, newText: '9-11' }] },
    ...f,
  };
}

export interface MemoryRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Files written, by absolute path. */
  written: Map<string, string>;
}

export const MEMORY_CWD = '/mem';

/**
 * Runs `main` over an in-memory file system. Keys are paths relative to MEMORY_CWD; a value of
 * `null` stands for a file that exists but cannot be read. Paths expand to themselves.
 */
export async function runInMemory(
  main: (host: CliHost) => Promise<number>,
  argv: string[],
  files: Record<string, string | Uint8Array | null>,
): Promise<MemoryRun> {
  const stored = new Map(Object.entries(files).map(([k, v]) => [path.resolve(MEMORY_CWD, k), v]));
  const written = new Map<string, string>();
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: MEMORY_CWD,
    readFile: async (p) => {
      const v = stored.get(p);
      if (v === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      if (v === null) throw Object.assign(new Error(`EACCES: ${p}`), { code: 'EACCES' });
      return typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
    writeFile: async (p, text) => void written.set(p, text),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    glob: async (args, cwd) => ({ files: args.map((a) => path.resolve(cwd, a)), problems: [] }),
  });
  return { code, stdout, stderr, written };
}

/** Validates against the SARIF 2.1.0 schema (draft-04) that @microsoft/jest-sarif ships. */
export function assertValidSarif(log: unknown): void {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
  ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')));
  assert.ok(ajv.validate(schema, log), ajv.errorsText(ajv.errors, { separator: '\n' }));
}
