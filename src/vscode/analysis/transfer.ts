/**
 * Cutting an answer into messages and putting it back together. Pure (no `vscode`, no
 * worker). Receiving a message costs the extension host's thread as long as it takes to
 * rebuild every object in it (~100 ms for the analysis of a 1 MB plan), so a large answer
 * travels in parts, each capped by its size in bytes, not by how many values it holds: one
 * finding can outweigh a thousand items.
 *
 * The worker serialises each part itself (`v8.serialize`, the same format `postMessage`
 * uses), so it knows a part's size without serialising it twice; the host deserialises
 * each part on its own turn.
 *
 * After an edit most of an analysis is what the host already holds: a keystroke changes one
 * item, and every value after it only moves (same line, a few characters on; or a few lines
 * down). So an analysis of a document the host has an answer for travels as a delta against
 * that answer (its `base`): each value equal to the base's value at the same position, up to
 * a shift of every position in it by the same lines and characters, is a copy instruction,
 * and the host rebuilds it from its own copy. Only changed values cross.
 */
import { deserialize, serialize } from 'node:v8';
import type { AnswerMessage, PlanAnalysis, WorkerResponse } from './protocol';

export interface TransferLimits {
  /** No message is larger than this. */
  maxBytes: number;
  /** What a part aims at: small enough to receive in a few milliseconds. */
  partBytes: number;
}

export const TRANSFER_LIMITS: TransferLimits = { maxBytes: 1024 * 1024, partBytes: 256 * 1024 };

/** The long arrays of an analysis: each travels in slices; everything else with the last part. */
const LONG = ['items', 'sections', 'declared', 'findings', 'declaredParts', 'sectionRollups'] as const;
type Long = (typeof LONG)[number];
type Slices = Partial<Record<Long, unknown[]>>;

/** What one message's bytes (joined with those of the messages before it marked `more`) hold. */
interface Payload {
  slices?: Slices;
  /** The answer, its long arrays emptied when slices carried them; only in the last part. */
  response?: WorkerResponse;
  /** The request id of the answer the slices are a delta against; only in the last part. */
  base?: number;
}

/** An answer the other side holds, by the id of the request it answered. */
export interface Base {
  id: number;
  analysis: PlanAnalysis;
}

/** In a delta: the next `count` values are the base's values at the same positions, every position in them moved by `line` and `offset`. */
const COPY = '\u0000copy';
interface CopyRun {
  [COPY]: number;
  line: number;
  offset: number;
}

function isCopy(value: unknown): value is CopyRun {
  return typeof value === 'object' && value !== null && COPY in value;
}

/** How many own enumerable keys an object has (no array made). */
function keyCount(value: object): number {
  let n = 0;
  // Answers are plain data (structured-clone shapes): nothing enumerable is inherited.
  for (const _ in value) n++;
  return n;
}

/** A `Position` of the model: exactly a line, a column and an offset. */
function isPosition(value: object): value is { line: number; column: number; offset: number } {
  const v = value as Record<string, unknown>;
  return typeof v.offset === 'number' && typeof v.line === 'number' && typeof v.column === 'number' && keyCount(value) === 3;
}

interface Shift {
  set: boolean;
  line: number;
  offset: number;
}

/**
 * `a` equals `b` but for every position in it moved by one shift (learnt from the first
 * position met). Runs over every value of an answer after each edit, so it makes no arrays.
 */
function sameShifted(a: unknown, b: unknown, shift: Shift): boolean {
  // Most values are equal strings and numbers: done with at once. An object is walked even
  // when it is the same object, so every position in it is checked against the shift.
  if (a === b && (typeof a !== 'object' || a === null)) return true;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a !== a && b !== b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameShifted(a[i], b[i], shift)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  if (isPosition(a)) {
    if (!isPosition(b) || a.column !== b.column) return false;
    const line = a.line - b.line;
    const offset = a.offset - b.offset;
    if (!shift.set) {
      shift.set = true;
      shift.line = line;
      shift.offset = offset;
    }
    return line === shift.line && offset === shift.offset;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    keys++;
    const value = x[key];
    if (value === y[key] && (typeof value !== 'object' || value === null)) {
      if (value === undefined && !(key in y)) return false;
      continue;
    }
    if (!(key in y) || !sameShifted(value, y[key], shift)) return false;
  }
  return keys === keyCount(y);
}

/** `value` with every position in it moved; the value itself when nothing moves (answers are never mutated). */
function shifted<T>(value: T, line: number, offset: number): T {
  if ((line === 0 && offset === 0) || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => shifted(v, line, offset)) as T;
  if (isPosition(value)) return { line: value.line + line, column: value.column, offset: value.offset + offset } as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = shifted((value as Record<string, unknown>)[key], line, offset);
  return out as T;
}

/** `values` as a delta against `base`: runs of values the base holds (moved alike) become copy instructions. */
export function deltaOf(values: readonly unknown[], base: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  let run: CopyRun | undefined;
  for (let i = 0; i < values.length; i++) {
    const shift: Shift = { set: false, line: 0, offset: 0 };
    if (i < base.length && sameShifted(values[i], base[i], shift)) {
      if (run && run.line === shift.line && run.offset === shift.offset) run[COPY]++;
      else out.push((run = { [COPY]: 1, line: shift.line, offset: shift.offset }));
    } else {
      out.push(values[i]);
      run = undefined;
    }
  }
  return out;
}

/** The values a delta stands for, rebuilt from the base. */
export function applyDelta(delta: readonly unknown[], base: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const value of delta) {
    if (!isCopy(value)) {
      out.push(value);
      continue;
    }
    const end = out.length + value[COPY];
    if (end > base.length) throw new Error('Plan Lens analysis: a delta reaches past the answer it builds on.');
    while (out.length < end) out.push(shifted(base[out.length], value.line, value.offset));
  }
  return out;
}

function longArrays(a: PlanAnalysis): Record<Long, unknown[]> {
  return { items: a.model.items, sections: a.model.sections, declared: a.model.declared, findings: a.findings, declaredParts: a.declaredParts, sectionRollups: a.rollups.sections };
}

function withArrays(a: PlanAnalysis, v: Record<Long, unknown[]>): PlanAnalysis {
  return {
    ...a,
    model: { ...a.model, items: v.items as PlanAnalysis['model']['items'], sections: v.sections as PlanAnalysis['model']['sections'], declared: v.declared as PlanAnalysis['model']['declared'] },
    findings: v.findings as PlanAnalysis['findings'],
    declaredParts: v.declaredParts as PlanAnalysis['declaredParts'],
    rollups: { ...a.rollups, sections: v.sectionRollups as PlanAnalysis['rollups']['sections'] },
  };
}

const EMPTY: Record<Long, unknown[]> = { items: [], sections: [], declared: [], findings: [], declaredParts: [], sectionRollups: [] };

/**
 * The messages that carry `response`, made one at a time as the host asks for them (a
 * dropped answer costs nothing more). Slices of the long arrays come first, sized from the
 * bytes per value measured so far; a slice that comes out too large is cut again, and a
 * single value larger than a message travels as consecutive byte pieces.
 */
export function* toMessages(id: number, response: WorkerResponse, limits: TransferLimits = TRANSFER_LIMITS, base?: Base): Generator<AnswerMessage> {
  if (!response.ok || !isAnalysis(response.result)) return yield* pieces(id, serialize({ response } satisfies Payload), limits.maxBytes, true);
  let arrays = longArrays(response.result);
  if (base) {
    const before = longArrays(base.analysis);
    arrays = Object.fromEntries(LONG.map((name) => [name, deltaOf(arrays[name], before[name])])) as Record<Long, unknown[]>;
  }
  const rest: WorkerResponse = { ...response, result: withArrays(response.result, EMPTY) };
  const ending: Payload = base ? { response: rest, base: base.id } : { response: rest };
  let name = 0;
  let at = 0;
  let bytesPerValue = 500; // an item, roughly; corrected by each part measured
  for (;;) {
    while (name < LONG.length && at >= arrays[LONG[name]].length) [name, at] = [name + 1, 0];
    if (name === LONG.length) return yield* pieces(id, serialize(ending), limits.maxBytes, true);
    let count = Math.max(1, Math.floor(limits.partBytes / bytesPerValue));
    for (;;) {
      const { slices, end } = take(arrays, name, at, count);
      const last = end.name === LONG.length;
      const bytes = serialize((last ? { ...ending, slices } : { slices }) satisfies Payload);
      bytesPerValue = Math.max(1, bytes.length / count);
      if (bytes.length > limits.maxBytes && count > 1) {
        count = Math.max(1, Math.floor(count / 2));
        continue;
      }
      yield* pieces(id, bytes, limits.maxBytes, last);
      if (last) return;
      [name, at] = [end.name, end.at];
      break;
    }
  }
}

/** The next `count` values, across arrays, from array `name` at index `at`. */
function take(arrays: Record<Long, unknown[]>, name: number, at: number, count: number): { slices: Slices; end: { name: number; at: number } } {
  const slices: Slices = {};
  while (count > 0 && name < LONG.length) {
    const values = arrays[LONG[name]];
    const n = Math.min(count, values.length - at);
    if (n > 0) slices[LONG[name]] = values.slice(at, at + n);
    count -= n;
    at += n;
    if (at >= values.length) [name, at] = [name + 1, 0];
  }
  return { slices, end: { name, at } };
}

function* pieces(id: number, bytes: Uint8Array, maxBytes: number, last: boolean): Generator<AnswerMessage> {
  for (let at = 0; ; at += maxBytes) {
    const end = Math.min(bytes.length, at + maxBytes);
    const continues = end < bytes.length;
    yield { id, bytes: bytes.subarray(at, end), continues, last: last && !continues };
    if (!continues) return;
  }
}

/** The host's side: collects messages of one answer until it is whole. */
export class Assembly {
  private readonly pending: Uint8Array[] = [];
  private readonly arrays: Record<Long, unknown[][]> = { items: [], sections: [], declared: [], findings: [], declaredParts: [], sectionRollups: [] };

  /** @param base the answer the request names as its base: the worker may send a delta against it. */
  constructor(private readonly base?: Base) {}

  get baseId(): number | undefined {
    return this.base?.id;
  }

  /** Takes one message; returns the answer with its last message. */
  add(message: AnswerMessage): WorkerResponse | undefined {
    this.pending.push(message.bytes);
    if (message.continues) return undefined;
    const bytes = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    this.pending.length = 0;
    const payload = deserialize(bytes) as Payload;
    for (const name of LONG) if (payload.slices?.[name]) this.arrays[name].push(payload.slices[name]);
    const response = payload.response;
    if (!response?.ok || !isAnalysis(response.result)) return response;
    let joined = Object.fromEntries(LONG.map((name) => [name, this.arrays[name].flat()])) as Record<Long, unknown[]>;
    if (payload.base !== undefined) {
      if (payload.base !== this.base?.id) throw new Error('Plan Lens analysis: an answer arrived as a delta against an answer this side does not hold.');
      const before = longArrays(this.base.analysis);
      joined = Object.fromEntries(LONG.map((name) => [name, applyDelta(joined[name], before[name])])) as Record<Long, unknown[]>;
    }
    return { ...response, result: withArrays(response.result, joined) };
  }
}

/** 256 Ki UTF-16 units: at most 512 KiB serialised. */
const TEXT_PIECE_CHARS = 256 * 1024;

/**
 * A document's text (already in slices of lines) cut so that no piece is larger than a
 * message should be. Any cut will do (the worker joins them), except inside a surrogate pair.
 */
export function textPieces(slices: readonly string[], maxChars = TEXT_PIECE_CHARS): string[] {
  const out: string[] = [];
  for (const slice of slices) {
    for (let at = 0; at < slice.length; ) {
      let end = Math.min(slice.length, at + maxChars);
      if (end < slice.length && isHighSurrogate(slice.charCodeAt(end - 1))) end += end - 1 > at ? -1 : 1;
      out.push(slice.slice(at, end));
      at = end;
    }
  }
  return out;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The worker's record of the answers it sent, by document, so the next answer can be a delta
 * against whichever of them the host names (the latest it received whole). A few per
 * document: the host may have dropped the latest ones half-way.
 */
export class SentAnswers {
  private readonly byUri = new Map<string, Base[]>();

  constructor(private readonly keep = 3) {}

  get(uri: string, id: number | undefined): Base | undefined {
    return id === undefined ? undefined : this.byUri.get(uri)?.find((b) => b.id === id);
  }

  remember(uri: string, base: Base): void {
    const list = this.byUri.get(uri) ?? [];
    list.push(base);
    this.byUri.set(uri, list.slice(-this.keep));
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}

function isAnalysis(result: unknown): result is PlanAnalysis {
  return typeof result === 'object' && result !== null && 'model' in result && 'findings' in result && 'declaredParts' in result;
}
