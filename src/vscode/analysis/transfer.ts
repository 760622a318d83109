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
export function* toMessages(id: number, response: WorkerResponse, limits: TransferLimits = TRANSFER_LIMITS): Generator<AnswerMessage> {
  if (!response.ok || !isAnalysis(response.result)) return yield* pieces(id, serialize({ response } satisfies Payload), limits.maxBytes, true);
  const arrays = longArrays(response.result);
  const rest: WorkerResponse = { ...response, result: withArrays(response.result, EMPTY) };
  let name = 0;
  let at = 0;
  let bytesPerValue = 500; // an item, roughly; corrected by each part measured
  for (;;) {
    while (name < LONG.length && at >= arrays[LONG[name]].length) [name, at] = [name + 1, 0];
    if (name === LONG.length) return yield* pieces(id, serialize({ response: rest } satisfies Payload), limits.maxBytes, true);
    let count = Math.max(1, Math.floor(limits.partBytes / bytesPerValue));
    for (;;) {
      const { slices, end } = take(arrays, name, at, count);
      const last = end.name === LONG.length;
      const bytes = serialize((last ? { slices, response: rest } : { slices }) satisfies Payload);
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
    const joined = Object.fromEntries(LONG.map((name) => [name, this.arrays[name].flat()])) as Record<Long, unknown[]>;
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

function isAnalysis(result: unknown): result is PlanAnalysis {
  return typeof result === 'object' && result !== null && 'model' in result && 'findings' in result && 'declaredParts' in result;
}
