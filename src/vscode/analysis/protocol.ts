/**
 * Messages between the extension host and the analysis worker. Types only: the main bundle
 * must not pull the parser in, so nothing here has a value that lives in the core.
 */
import type { Analysis, ChunkStats, Finding } from '../../core/index';
import type { AnalyzeOptionsInput, Hours } from '../../core/model/schema';

interface DocumentText {
  uri: string;
  version: number;
  /** The text in slices, read a few thousand lines at a time (the worker joins them). */
  text: string[];
  options: AnalyzeOptionsInput;
}

export interface AnalyzeRequest extends DocumentText {
  kind: 'analyze';
  /**
   * The request id of this document's latest answer the host received whole: the worker may
   * answer with a delta against it (transfer.ts). Set by the worker client, not by callers.
   */
  base?: number;
}

/** The CLI's outline of the plan, for "Show Plan Summary". */
export interface SummaryRequest extends DocumentText {
  kind: 'summary';
  /** How the document is named in the summary's first line. */
  path: string;
}

/** The document closed: drop its chunk cache. */
export interface ForgetRequest {
  kind: 'forget';
  uri: string;
}

/** A workspace file read from disk: analysed if it may be a plan (the line scan decides first), else null. */
export interface IndexFileRequest {
  kind: 'indexFile';
  uri: string;
  /** In slices, as every request's text (the client sends it ahead in pieces). */
  text: string[];
  options: AnalyzeOptionsInput;
  /** `planLens.files` makes it a plan whatever it looks like. */
  forced: boolean;
}

/** The file left the workspace index. */
export interface IndexForgetRequest {
  kind: 'indexForget';
  uri: string;
}

/** The cross-file rules over every plan the worker holds (open documents' analyses over the disk's). */
export interface CrossFileRequest {
  kind: 'crossFile';
  options: AnalyzeOptionsInput;
}

export type WorkerRequest = AnalyzeRequest | SummaryRequest | ForgetRequest | IndexFileRequest | IndexForgetRequest | CrossFileRequest;

export interface WorkerResults {
  analyze: PlanAnalysis;
  summary: string;
  forget: null;
  indexFile: PlanAnalysis | null;
  indexForget: null;
  /** Findings by URI. */
  crossFile: [string, Finding[]][];
}

export type Envelope<R extends WorkerRequest = WorkerRequest> = R & { id: number };

export type WorkerResponse =
  | { id: number; ok: true; result: WorkerResults[WorkerRequest['kind']]; ms: number }
  | { id: number; ok: false; message: string };

/**
 * Every answer travels as serialised bytes (see transfer.ts), a large one in several
 * messages, each sent when the extension host asks for the next (`more`), so that no single
 * message takes long to receive; `drop` stops it when the document has moved on and the rest
 * is not wanted.
 */
export interface AnswerMessage {
  id: number;
  bytes: Uint8Array;
  /** These bytes continue in the next message (one value larger than a message). */
  continues: boolean;
  /** The answer's last message. */
  last: boolean;
}

/**
 * A request's text goes ahead of it in pieces (transfer.ts `textPieces`), each its own
 * message (`text`), so no message to the worker is large either; the request follows with
 * its `text` empty.
 */
export type TransferRequest = { kind: 'more'; id: number } | { kind: 'drop'; id: number } | { kind: 'text'; id: number; piece: string };

/** What the parts of a declared count or total really add up to. */
export interface DeclaredParts {
  /** The items the statement speaks about (indices into `model.items`). */
  items: number[];
  done: number;
  hours: Hours;
  remainingHours: Hours;
  /** How many parts have no estimate (all of them when none has). */
  unestimated: number;
  /** For a total of totals: the declared totals it adds up (indices into `model.declared`). */
  declared: number[];
}

/** What the views read: the core's analysis plus what each declared statement's parts add to. */
export interface PlanAnalysis extends Analysis {
  /** By declared index. */
  declaredParts: DeclaredParts[];
  /** What the analysis cost: the document's chunks, and how many were parsed (not cached). */
  chunks: ChunkStats;
}
