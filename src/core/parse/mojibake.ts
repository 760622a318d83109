/**
 * Finds mojibake: runs of UTF-8 that were decoded as Windows-1252, Windows-1254 or Latin-1
 * ("âœ…" for "✅", "ðŸŽ¯" / "ğŸ“Š" for emoji, "Ã©" for "é", "â€”" for "—", "â\u0080\u0094"
 * for "—" in Latin-1), and repairs them by turning the run back into bytes with that code
 * page and decoding the bytes as UTF-8. A run garbled twice ("Ã¢Å“â€¦", the garbled "âœ…"
 * garbled again) is repaired through every layer, so one repair leaves no mojibake behind.
 *
 * Each run says how it was damaged (its code page and how many layers), which is what the
 * rule groups by: one finding per kind of damage.
 *
 * Precision over recall: a run is reported only when its bytes form complete, valid UTF-8
 * multi-byte sequences whose characters are plausible text (see `plausible`). U+FFFD is never
 * part of a run: once a byte was replaced, the original cannot be recovered, so there is
 * nothing to repair.
 */
import type { Mojibake } from '../model/schema';
import { LineIndex } from './text';

/** Windows-1252 bytes 0x80–0x9F. Undefined bytes decode to the C1 control of the same value, as WHATWG does. */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Windows-1254 (Turkish) differs from 1252 in two undefined C1 bytes and six Latin-1 letters. */
const CP1254_DIFFERENCES: [number, number][] = [
  [0x8e, 0x8e],
  [0x9e, 0x9e],
  [0xd0, 0x11e], // Ğ
  [0xdd, 0x130], // İ
  [0xde, 0x15e], // Ş
  [0xf0, 0x11f], // ğ
  [0xfd, 0x131], // ı
  [0xfe, 0x15f], // ş
];

export type CodePage = 'windows-1252' | 'windows-1254' | 'iso-8859-1';

/** byte → code point for 0x80–0xFF. Latin-1 maps every byte to the code point of the same value (0x80–0x9F to C1 controls). */
export function codePageTable(codePage: CodePage): number[] {
  const table: number[] = [];
  for (let b = 0x80; b <= 0xff; b++) table.push(b < 0xa0 && codePage !== 'iso-8859-1' ? CP1252_80_9F[b - 0x80] : b);
  if (codePage === 'windows-1254') for (const [b, cp] of CP1254_DIFFERENCES) table[b - 0x80] = cp;
  return table;
}

/** code point → byte, for characters that encode to 0x80–0xFF only (ASCII is never mojibake). */
function reverseTable(codePage: CodePage): Map<number, number> {
  const map = new Map<number, number>();
  codePageTable(codePage).forEach((cp, i) => map.set(cp, 0x80 + i));
  return map;
}

/**
 * In order of preference: a run that reads the same through several is put down to the first.
 * Each later code page can only find a longer run where the text holds a character the ones
 * before it lack (1254's Turkish letters, Latin-1's C1 controls), so without one it is skipped.
 */
const REVERSE: [CodePage, Map<number, number>, RegExp | undefined][] = [
  ['windows-1252', reverseTable('windows-1252'), undefined],
  ['windows-1254', reverseTable('windows-1254'), /[\u011e\u011f\u0130\u0131\u015e\u015f\u008e\u009e]/],
  ['iso-8859-1', reverseTable('iso-8859-1'), /[\u0080-\u009f]/],
];

/** A garbled run garbled again is repaired layer by layer, up to this many layers. */
const MAX_LAYERS = 3;

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Decodes one UTF-8 sequence at `bytes[i]`, or returns undefined when it is not valid (overlong, surrogate, truncated). */
function decodeSequence(bytes: number[], i: number): { codePoint: number; length: number } | undefined {
  const length = sequenceLength(bytes[i]);
  if (length === 0 || i + length > bytes.length) return undefined;
  let codePoint = bytes[i] & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const b = bytes[i + k];
    if ((b & 0xc0) !== 0x80) return undefined;
    codePoint = (codePoint << 6) | (b & 0x3f);
  }
  const min = [0, 0, 0x80, 0x800, 0x10000][length];
  if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return undefined;
  return { codePoint, length };
}

/**
 * Two-byte sequences are the weakest evidence ("É—" is a legitimate pair of characters that
 * happens to be valid UTF-8), so they count only when they decode into the blocks real
 * mojibake comes from: Latin-1 letters and symbols, Latin Extended-A (Turkish, Polish,
 * Czech…), Greek ("Î¼s" for "μs") and Cyrillic. Longer sequences hardly ever occur by
 * accident in real text.
 */
function plausible(codePoint: number, length: number): boolean {
  if (codePoint < 0xa0) return false; // C1 controls
  if (codePoint >= 0xfdd0 && codePoint <= 0xfdef) return false;
  if ((codePoint & 0xfffe) === 0xfffe) return false; // non-characters, U+FFFD's neighbours
  if (codePoint === 0xfffd) return false;
  if (codePoint === 0xfeff) return false; // a garbled BOM ("ï»¿"): its repair would be invisible
  if (length > 2) return true;
  return codePoint <= 0x17f || (codePoint >= 0x370 && codePoint <= 0x4ff);
}

interface Candidate {
  start: number;
  end: number;
  fixed: string;
  codePage: CodePage;
  /** 1 for a single wrong decode; 2 when the repaired text is itself a whole garbled run. */
  layers: number;
}

/** Splits one run of code-page characters into maximal stretches of valid, plausible UTF-8. */
function decodeRun(bytes: number[], offsets: number[], runEnd: number, codePage: CodePage): Candidate[] {
  const found: Candidate[] = [];
  let current: Candidate | undefined;
  let i = 0;
  while (i < bytes.length) {
    const seq = decodeSequence(bytes, i);
    if (seq && plausible(seq.codePoint, seq.length)) {
      const end = i + seq.length < offsets.length ? offsets[i + seq.length] : runEnd;
      current ??= { start: offsets[i], end, fixed: '', codePage, layers: 1 };
      current.end = end;
      current.fixed += String.fromCodePoint(seq.codePoint);
      i += seq.length;
    } else {
      if (current) found.push(current);
      current = undefined;
      i++;
    }
  }
  if (current) found.push(current);
  return found;
}

/** All candidates for one code page: runs of characters that map to bytes 0x80–0xFF. */
function candidatesFor(text: string, codePage: CodePage, reverse: Map<number, number>): Candidate[] {
  const found: Candidate[] = [];
  let bytes: number[] = [];
  let offsets: number[] = [];
  const flush = (end: number) => {
    if (bytes.length >= 2) found.push(...decodeRun(bytes, offsets, end, codePage));
    bytes = [];
    offsets = [];
  };
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const byte = reverse.get(codePoint);
    if (byte === undefined) flush(i);
    else {
      bytes.push(byte);
      offsets.push(i);
    }
    i += width;
  }
  flush(text.length);
  return found;
}

/** Candidates from every code page; where they overlap, the longer repair wins (the earlier code page on ties). */
function pickCandidates(text: string, depth = 1): Candidate[] {
  // Every UTF-8 lead byte (0xC2–0xF4) reads as a SUSPECT character in every code page here:
  // text without one holds no mojibake.
  if (!SUSPECT.test(text)) return [];
  const all = REVERSE.flatMap(([codePage, reverse, needs]) => (!needs || needs.test(text) ? candidatesFor(text, codePage, reverse) : []));
  if (all.length === 0) return [];
  const chosen: Candidate[] = [];
  const byLength = all
    .map((c, order) => ({ c, order }))
    .sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.order - b.order);
  // Chosen runs never overlap, so marking the characters they cover answers "does this one
  // overlap a chosen run?" in its own length: linear overall (one code page's runs are disjoint).
  const taken = new Uint8Array(text.length);
  for (const { c } of byLength) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  if (depth < MAX_LAYERS) for (const c of chosen) peel(c, depth);
  return chosen.sort((a, b) => a.start - b.start);
}

/** At least two characters, each one some code page here gives a byte 0x80–0xFF: only such text can be a garbled run. */
function couldBeGarbled(text: string): boolean {
  if (text.length < 2) return false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!REVERSE.some(([, reverse]) => reverse.has(cp))) return false;
  }
  return true;
}

/**
 * A repair that is itself, as a whole, one garbled run was garbled twice: repair it again.
 * Only a whole-run match counts, so a repair that merely contains a pair of characters that
 * could be mojibake ("Ã©" quoted in a repaired sentence) is never touched.
 */
function peel(candidate: Candidate, depth: number): void {
  if (!couldBeGarbled(candidate.fixed)) return;
  const inner = pickCandidates(candidate.fixed, depth + 1);
  if (inner.length !== 1 || inner[0].start !== 0 || inner[0].end !== candidate.fixed.length) return;
  candidate.fixed = inner[0].fixed;
  candidate.layers += inner[0].layers;
}

export function findMojibake(text: string): Mojibake[] {
  const candidates = pickCandidates(text);
  if (candidates.length === 0) return [];
  const lines = new LineIndex(text);
  return candidates.map((c) => ({
    range: lines.range(c.start, c.end),
    text: text.slice(c.start, c.end),
    fixed: c.fixed,
    codePage: c.codePage,
    layers: c.layers,
  }));
}

/** The text with every mojibake run repaired (used to read statuses from "âœ…" as "✅"). */
export function repairMojibake(text: string): string {
  const candidates = pickCandidates(text);
  let out = '';
  let last = 0;
  for (const c of candidates) {
    out += text.slice(last, c.start) + c.fixed;
    last = c.end;
  }
  return out + text.slice(last);
}

// Characters a Windows-1252/1254 reading of UTF-8 leaves behind (Ã â ð Å Ä Œ Š Ÿ Ž Ğ İ Ş …):
// only strings holding one can be mojibake, so the others skip the repair entirely.
const SUSPECT = /[\u00c0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u011e\u011f\u0130\u0131\u015e\u015f]/;

/** Text as meant: "âœ… Done" reads as "✅ Done". Cheap for text that cannot be mojibake. */
export function meant(text: string): string {
  return SUSPECT.test(text) ? repairMojibake(text) : text;
}
