/**
 * `npm run eval`: how right the checks are on every annotated set it finds. A script, not a
 * test: it prints, it never fails on a number.
 *
 *   - ../shared/devset/expectations.tsv (paths relative to ../shared/): a `yes` row wants a
 *     finding of its rule (`*` = any rule) overlapping its lines; a `no` row wants no warning or
 *     error of its rule there.
 *   - our own fixtures (test/fixtures/rules/**) with their inline `<!-- expect -->` blocks: every
 *     expected finding is a hit or a miss, every other finding a false alarm.
 *
 * It prints precision and recall per rule and overall, each miss and each false alarm
 * (file:line rule message), and how many findings by severity each ../shared/corpus and
 * ../shared/fixtures/plans document gets, so noise is visible. `--list` also prints every
 * warning and error on those documents (for judging them by hand).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyzePlan } from '../src/core/index';
import type { Finding } from '../src/core/model/finding';
import { FIXTURES, fixtureFiles, readExpectations, readOptions } from '../test/unit/rules/expectations';

const ROOT = resolve(__dirname, '..');
const SHARED = resolve(ROOT, '../shared');
const LIST = process.argv.includes('--list');

interface Tally {
  hits: number;
  misses: number;
  falseAlarms: number;
  silentAsWanted: number;
}

const tallies = new Map<string, Tally>();
const misses: string[] = [];
const falseAlarms: string[] = [];

function tally(rule: string): Tally {
  let t = tallies.get(rule);
  if (!t) tallies.set(rule, (t = { hits: 0, misses: 0, falseAlarms: 0, silentAsWanted: 0 }));
  return t;
}

function describe(file: string, f: Finding): string {
  return `${file}:${f.range.start.line + 1} ${f.rule} [${f.severity}] ${f.message}`;
}

const serious = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

function findingsOf(path: string, options: Record<string, unknown> = {}): Finding[] {
  return analyzePlan(readFileSync(path, 'utf8'), options).findings;
}

/** 1-based inclusive line ranges "5", "11-13". */
function parseLines(spec: string): [number, number] {
  const [a, b] = spec.split('-').map(Number);
  return [a, b ?? a];
}

function overlaps(f: Finding, [from, to]: [number, number]): boolean {
  const start = f.range.start.line + 1;
  const end = f.range.end.line + 1;
  return start <= to && end >= from;
}

function evalDevset(): number {
  const tsv = join(SHARED, 'devset', 'expectations.tsv');
  if (!existsSync(tsv)) {
    console.log(`devset: ${tsv} not found, skipped`);
    return 0;
  }
  const cache = new Map<string, Finding[]>();
  let rows = 0;
  for (const line of readFileSync(tsv, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [file, rule, lines, want, note] = line.split('\t');
    const path = join(SHARED, file);
    if (!existsSync(path)) continue;
    rows++;
    if (!cache.has(file)) cache.set(file, findingsOf(path));
    const range = parseLines(lines);
    const there = cache.get(file)!.filter((f) => (rule === '*' || f.rule === rule) && overlaps(f, range));
    const row = `${file}:${lines} ${rule} (${note})`;
    if (want === 'yes') {
      if (there.length > 0) tally(there[0].rule).hits++;
      else {
        tally(rule).misses++;
        misses.push(`MISS ${row}`);
      }
    } else {
      const loud = there.filter(serious);
      if (loud.length === 0) tally(rule).silentAsWanted++;
      for (const f of loud) {
        tally(f.rule).falseAlarms++;
        falseAlarms.push(`FALSE ALARM ${describe(file, f)}  (devset 'no' row ${lines}: ${note})`);
      }
    }
  }
  return rows;
}

function evalFixtures(): number {
  let expectations = 0;
  const folders = existsSync(FIXTURES) ? readdirSync(FIXTURES).sort() : [];
  for (const folder of folders) {
    for (const name of fixtureFiles(folder)) {
      const path = join(FIXTURES, folder, name);
      const shown = relative(ROOT, path);
      const text = readFileSync(path, 'utf8');
      const findings = analyzePlan(text, { detection: 'always', ...readOptions(text) }).findings;
      const unmatched = [...findings];
      for (const want of readExpectations(text)) {
        expectations++;
        const i = unmatched.findIndex((f) => f.rule === want.rule && f.range.start.line === want.line && (!want.severity || f.severity === want.severity));
        if (i >= 0) {
          tally(want.rule).hits++;
          unmatched.splice(i, 1);
        } else {
          tally(want.rule).misses++;
          misses.push(`MISS ${shown}:${want.line + 1} ${want.rule} (expects "${want.anchor}")`);
        }
      }
      for (const f of unmatched) {
        tally(f.rule).falseAlarms++;
        falseAlarms.push(`FALSE ALARM ${describe(shown, f)}  (fixture expects nothing here)`);
      }
    }
  }
  return expectations;
}

function pct(n: number, d: number): string {
  return d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

function printTable(): void {
  const total: Tally = { hits: 0, misses: 0, falseAlarms: 0, silentAsWanted: 0 };
  console.log('\nrule                    hits  misses  false-alarms  silent-ok  precision  recall');
  const row = (name: string, t: Tally) =>
    console.log(
      `${name.padEnd(22)} ${String(t.hits).padStart(5)} ${String(t.misses).padStart(7)} ${String(t.falseAlarms).padStart(13)} ${String(t.silentAsWanted).padStart(10)}  ${pct(t.hits, t.hits + t.falseAlarms).padStart(9)} ${pct(t.hits, t.hits + t.misses).padStart(7)}`,
    );
  for (const [rule, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    row(rule, t);
    total.hits += t.hits;
    total.misses += t.misses;
    total.falseAlarms += t.falseAlarms;
    total.silentAsWanted += t.silentAsWanted;
  }
  row('OVERALL', total);
}

function printNoise(): void {
  for (const dir of ['corpus', 'devset', join('fixtures', 'plans')]) {
    const folder = join(SHARED, dir);
    if (!existsSync(folder)) continue;
    console.log(`\nfindings per document in ../shared/${dir} (error/warning/info/hint):`);
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.md')).sort()) {
      const findings = findingsOf(join(folder, name));
      const by = (s: string) => findings.filter((f) => f.severity === s).length;
      console.log(`  ${name.padEnd(48)} ${by('error')}/${by('warning')}/${by('info')}/${by('hint')}`);
      if (LIST) for (const f of findings.filter(serious)) console.log(`      ${describe(`${dir}/${name}`, f)}`);
    }
  }
}

const devRows = evalDevset();
const fixtureExpectations = evalFixtures();
console.log(`annotated: ${devRows} devset rows, ${fixtureExpectations} fixture expectations (plus every fixture's silence)`);
printTable();
console.log('');
for (const m of misses) console.log(m);
for (const f of falseAlarms) console.log(f);
printNoise();
