/**
 * The extension host's end of the analysis worker. Plain Node (no `vscode`), so it can be
 * exercised from a unit test or a bench against the built `dist/worker.js`.
 *
 * The worker starts on the first request, not at activation: starting it loads the parser
 * (~125 ms), which must never sit on the extension host's thread.
 */
import { Worker } from 'node:worker_threads';
import type { AnalysisPart, PlanAnalysis, TransferRequest, WorkerMessage, WorkerRequest, WorkerResults } from './protocol';
import { fromParts, isPart } from './transfer';

/** The answer was still coming in when it stopped being wanted (the document moved on). */
export class DroppedAnswer extends Error {
  constructor() {
    super('The analysis was dropped: the document changed while it was on its way.');
  }
}

interface Pending {
  resolve(result: unknown): void;
  reject(e: Error): void;
  /** Asked between the parts of a large answer; false stops the transfer. */
  wanted?: () => boolean;
  parts: AnalysisPart[];
}

export class WorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Worker time of the last answer, for the log and benchmarks. */
  lastMs = 0;

  constructor(private readonly script: string) {}

  request<R extends WorkerRequest>(request: R, wanted?: () => boolean): Promise<WorkerResults[R['kind']]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, wanted, parts: [] });
      const worker = this.start();
      worker.ref(); // an answer is owed: keep the process up for it
      worker.postMessage({ ...request, id });
    });
  }

  /** Fire and forget: nothing to wait for, and no worker to start just to forget. */
  forget(uri: string): void {
    if (this.worker) void this.request({ kind: 'forget', uri }).catch(() => undefined);
  }

  dispose(): void {
    this.failAll(new Error('Plan Lens analysis stopped.'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (m: WorkerMessage) => (isPart(m) ? this.receivePart(m) : this.settle(m)));
    // A crash rejects what was waiting; the next request starts a fresh worker.
    worker.on('error', (e) => this.stop(worker, e));
    worker.on('exit', (code) => this.stop(worker, new Error(`Plan Lens analysis worker exited (${code}).`)));
    this.worker = worker;
    return worker;
  }

  private receivePart(part: AnalysisPart): void {
    const waiting = this.pending.get(part.id);
    if (!waiting) return;
    if (waiting.wanted && !waiting.wanted()) {
      this.control({ kind: 'drop', id: part.id });
      this.finish(part.id)?.reject(new DroppedAnswer());
      return;
    }
    waiting.parts.push(part);
    // Ask for the next part only after this turn: other work runs between parts.
    setImmediate(() => this.control({ kind: 'more', id: part.id }));
  }

  private settle(message: Exclude<WorkerMessage, AnalysisPart>): void {
    const waiting = this.finish(message.id);
    if (!waiting) return;
    if (!message.ok) return waiting.reject(new Error(message.message));
    this.lastMs = message.ms;
    waiting.resolve(waiting.parts.length > 0 ? fromParts(message.result as PlanAnalysis, waiting.parts) : message.result);
  }

  private finish(id: number): Pending | undefined {
    const waiting = this.pending.get(id);
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
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
