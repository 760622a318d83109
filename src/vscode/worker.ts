/**
 * Entry of `dist/worker.js`: the analysis runs here, off the extension host's thread, so
 * loading the parser and analysing a large plan never freeze the editor. Large answers
 * go out one part at a time, each when the host asks for it.
 */
import { parentPort } from 'node:worker_threads';
import { Analyzers } from './analysis/analyzers';
import type { Envelope, TransferRequest, WorkerMessage } from './analysis/protocol';
import { toMessages } from './analysis/transfer';

const analyzers = new Analyzers();
/** Messages still to send, by request id. */
const queued = new Map<number, WorkerMessage[]>();

function sendNext(id: number, messages: WorkerMessage[]): void {
  const [next, ...rest] = messages;
  if (rest.length > 0) queued.set(id, rest);
  else queued.delete(id);
  if (next) parentPort?.postMessage(next);
}

parentPort?.on('message', (message: Envelope | TransferRequest) => {
  if (message.kind === 'more') return sendNext(message.id, queued.get(message.id) ?? []);
  if (message.kind === 'drop') return void queued.delete(message.id);
  sendNext(message.id, toMessages(analyzers.handle(message)));
});
