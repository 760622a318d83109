/**
 * What every model must satisfy whatever the input: it validates, every position's line and
 * column agree with its offset (lines end at \r\n, \n or a lone \r), and every range points
 * at what it claims to hold. Shared by the regression test over ../shared/robustness and the
 * fuzz test.
 */
import { strict as assert } from 'node:assert';
import { PlanModelSchema, type PlanModel, type Range } from '../../../src/core/model/schema';
import { buildModel } from '../../../src/core/parse/model-builder';
import { resolveOptions } from '../../../src/core/index';
import { LineIndex } from '../../../src/core/parse/text';
import { meant } from '../../../src/core/parse/mojibake';

const options = resolveOptions({});

/** Every `{ line, column, offset }` in the model, with where it was found. */
function positions(value: unknown, path: string, out: [string, { line: number; column: number; offset: number }][]): void {
  if (Array.isArray(value)) value.forEach((v, i) => positions(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.column === 'number' && typeof o.offset === 'number') out.push([path, o as never]);
    else for (const [k, v] of Object.entries(o)) positions(v, `${path}.${k}`, out);
  }
}

const at = (text: string, r: Range) => text.slice(r.start.offset, r.end.offset);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Source text as a reader sees it: character references decoded ("TAS&#65;K" reads "TASAK"). */
const decoded = (s: string) =>
  s.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED[name!.toLowerCase()] ?? whole;
  });
/** Letters and digits only, for comparing a title with the text it was read from. */
const letters = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

export function checkModel(text: string, model: PlanModel, label = ''): void {
  const parsed = PlanModelSchema.safeParse(model);
  assert.ok(parsed.success, `${label}: model fails the schema: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 2))}`);
  const lines = new LineIndex(text);
  const found: [string, { line: number; column: number; offset: number }][] = [];
  positions(model, 'model', found);
  for (const [path, p] of found) {
    assert.ok(p.offset >= 0 && p.offset <= text.length, `${label}: ${path} offset ${p.offset} outside the text`);
    const expected = lines.pos(p.offset);
    assert.deepEqual([p.line, p.column], [expected.line, expected.column], `${label}: ${path} line/column disagree with offset ${p.offset}`);
  }
  for (const item of model.items) {
    const where = `${label}: item ${item.index} "${item.title.slice(0, 40)}"`;
    assert.ok(item.range.start.offset <= item.range.end.offset, `${where}: range runs backwards`);
    if (item.checkbox) {
      const box = at(text, item.checkbox.range);
      assert.match(box, /^\[[ xX~!/?-]\]$/, `${where}: checkbox range holds ${JSON.stringify(box)}`);
      assert.equal(box[1], item.checkbox.mark, `${where}: checkbox mark`);
      assert.ok(item.range.start.line <= item.checkbox.range.start.line && item.checkbox.range.end.offset <= item.range.end.offset, `${where}: checkbox outside the item`);
    }
    if (item.estimate) assert.equal(at(text, item.estimate.range), item.estimate.text, `${where}: estimate range`);
    if (item.size) assert.equal(at(text, item.size.range), item.size.text, `${where}: size range`);
    // The title's first word: inline HTML and markup between words leave the title but not the source.
    const word = (/[\p{L}\p{N}]+/u.exec(item.title.normalize('NFC'))?.[0] ?? '').toLowerCase().slice(0, 12);
    if (word && item.mentionOf === undefined) {
      const source = letters(meant(decoded(at(text, item.titleRange))));
      assert.ok(source.includes(word) || letters(decoded(at(text, item.range))).includes(word), `${where}: title not found in its titleRange ${JSON.stringify(at(text, item.titleRange).slice(0, 80))}`);
    }
  }
  for (const d of model.declared) {
    const where = `${label}: declared ${d.index} "${d.label.slice(0, 40)}" valueRange`;
    // A capacity statement's value is its whole line, with markup cleaned from the text.
    if (d.kind === 'capacity') assert.equal(letters(at(text, d.valueRange)), letters(d.valueText), where);
    else assert.equal(at(text, d.valueRange), d.valueText, where);
  }
  for (const m of model.mojibake) assert.equal(at(text, m.range), m.text, `${label}: mojibake range`);
  for (const s of model.sections) {
    if (s.depth > 0) assert.ok(s.range.start.offset < s.range.end.offset && /\S/.test(at(text, s.range)), `${label}: section ${s.index} range is empty`);
  }
}

/** Chunking must never change what the document says. */
export function checkChunkedEqualsWhole(text: string, label = ''): void {
  const chunked = buildModel(text, options);
  const whole = buildModel(text, options, undefined, false);
  assert.deepEqual(chunked, whole, `${label}: chunked model differs from the whole-document parse`);
}
