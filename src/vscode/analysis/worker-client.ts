/**
 * The extension host's end of the analysis worker. Plain Node (no `vscode`), so it can be
 * exercised from a unit test or a bench against the built `dist/worker.js`.
 *
 * The worker starts on the first request, not at activation: starting it loads the parser
 * (~125 ms), which must never sit on the extension host's thread.
 */
import { Worker } from 'node:worker_threads';
import type { AnswerMessage, TransferRequest, WorkerRequest, WorkerResponse, WorkerResults } from './protocol';
import { Assembly, textPieces, type Base } from './transfer';
import { ANALYSIS_BUDGET_MS } from './limits';

/** The answer was still coming in when it stopped being wanted (the document moved on). */
export class DroppedAnswer extends Error {
  constructor() {
    super('The analysis was dropped: the document changed while it was on its way.');
  }
}

/**
 * The analysis ran past its time budget: the worker was stopped (and a fresh one serves the
 * other documents). Analysing this text again would only stop again.
 */
export class OverBudget extends Error {
  constructor(readonly budgetMs: number) {
    super(`The analysis took longer than ${Math.round(budgetMs / 1000)} s and was stopped.`);
  }
}

interface Pending {
  request: WorkerRequest;
  resolve(result: unknown): void;
  reject(e: Error): void;
  /** Asked between the parts of a large answer; false stops the transfer. */
  wanted?: () => boolean;
  answer: Assembly;
  /** Bytes received so far for this answer. */
  bytes: number;
  /** Fires when the request has run past the budget; cleared by its first message. */
  timer?: ReturnType<typeof setTimeout>;
}

export class WorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Worker time of the last answer, for the log and benchmarks. */
  lastMs = 0;
  /** The largest message received so far, in bytes (benchmarks check it stays small). */
  largestMessage = 0;
  /** Bytes of the last answer received whole, all its messages together. */
  lastAnswerBytes = 0;
  /** Each document's latest analysis received whole: the worker may answer the next as a delta against it. */
  private readonly bases = new Map<string, Base>();

  /**
   * @param budgetMs how long one analysis may run before the worker is stopped and restarted
   *   (the time counts from when the worker can start on it: after the requests before it).
   */
  constructor(
    private readonly script: string,
    private readonly budgetMs = ANALYSIS_BUDGET_MS,
  ) {}

  request<R extends WorkerRequest>(request: R, wanted?: () => boolean): Promise<WorkerResults[R['kind']]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { request, resolve: resolve as (r: unknown) => void, reject, wanted, answer: new Assembly(this.baseFor(request)), bytes: 0 });
      this.post(id);
    });
  }

  private post(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    const { request } = pending;
    const worker = this.start();
    worker.ref(); // an answer is owed: keep the process up for it
    if ('text' in request) {
      for (const piece of textPieces(request.text)) this.control({ kind: 'text', id, piece });
      const base = pending.answer.baseId;
      worker.postMessage({ ...request, text: [], id, ...(base === undefined ? {} : { base }) });
    } else {
      worker.postMessage({ ...request, id });
    }
    this.arm(id);
  }

  /**
   * Starts the request's budget. The worker answers in order, so a request waiting behind
   * another is not yet running: its clock starts again until it is the oldest one waiting.
   */
  private arm(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.timer = setTimeout(() => {
      const oldest = this.pending.keys().next().value;
      if (oldest === id) this.overBudget(id);
      else this.arm(id);
    }, this.budgetMs);
    pending.timer.unref?.();
  }

  /** Stops the worker mid-analysis, fails that one request, and re-sends the others to a fresh worker. */
  private overBudget(id: number): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.finish(id)?.reject(new OverBudget(this.budgetMs));
    // A fresh worker holds no earlier answers: everything is sent whole again.
    this.bases.clear();
    for (const [other, pending] of this.pending) {
      pending.answer = new Assembly();
      pending.bytes = 0;
      this.post(other);
    }
  }

  /** Fire and forget: nothing to wait for, and no worker to start just to forget. */
  forget(uri: string): void {
    this.bases.delete(uri);
    if (this.worker) void this.request({ kind: 'forget', uri }).catch(() => undefined);
  }

  /** What an analysis request may be answered against: the document's latest whole answer. */
  private baseFor(request: WorkerRequest): Base | undefined {
    return request.kind === 'analyze' ? this.bases.get(request.uri) : undefined;
  }

  dispose(): void {
    this.failAll(new Error('Plan Lens analysis stopped.'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (m: AnswerMessage) => this.receive(m));
    // A crash rejects what was waiting; the next request starts a fresh worker.
    worker.on('error', (e) => this.stop(worker, e));
    worker.on('exit', (code) => this.stop(worker, new Error(`Plan Lens analysis worker exited (${code}).`)));
    this.worker = worker;
    return worker;
  }

  private receive(message: AnswerMessage): void {
    this.largestMessage = Math.max(this.largestMessage, message.bytes.byteLength);
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    clearTimeout(waiting.timer); // analysed: what is left is the transfer
    waiting.bytes += message.bytes.byteLength;
    if (!message.last && waiting.wanted && !waiting.wanted()) {
      this.control({ kind: 'drop', id: message.id });
      this.finish(message.id)?.reject(new DroppedAnswer());
      return;
    }
    let response: WorkerResponse | undefined;
    try {
      response = waiting.answer.add(message);
    } catch (e) {
      this.control({ kind: 'drop', id: message.id });
      this.finish(message.id)?.reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    if (message.last) return this.settle(message.id, response);
    // Ask for the next part only after this turn: other work runs between parts.
    setImmediate(() => this.control({ kind: 'more', id: message.id }));
  }

  private settle(id: number, response: WorkerResponse | undefined): void {
    const waiting = this.finish(id);
    if (!waiting) return;
    if (!response) return waiting.reject(new Error('Plan Lens analysis: an answer arrived incomplete.'));
    if (!response.ok) return waiting.reject(new Error(response.message));
    this.lastMs = response.ms;
    this.lastAnswerBytes = waiting.bytes;
    const { request } = waiting;
    if (request.kind === 'analyze') this.bases.set(request.uri, { id, analysis: response.result as WorkerResults['analyze'] });
    waiting.resolve(response.result);
  }

  private finish(id: number): Pending | undefined {
    const waiting = this.pending.get(id);
    clearTimeout(waiting?.timer);
    this.pending.delete(id);
    // Idle, the worker must not keep the extension host (or a test) alive on shutdown.
    if (this.pending.size === 0) this.worker?.unref();
    return waiting;
  }

  private control(message: TransferRequest): void {
    this.worker?.postMessage(message);
  }

  private stop(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.bases.clear();
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
  }
}
