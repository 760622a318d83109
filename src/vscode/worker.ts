/**
 * Entry of `dist/worker.js`: the analysis runs here, off the extension host's thread, so
 * loading the parser and analysing a large plan never freeze the editor. Large answers
 * go out one part at a time, each when the host asks for it.
 */
import { parentPort } from 'node:worker_threads';
import { Analyzers } from './analysis/analyzers';
import { isLargeText } from './analysis/limits';
import type { AnswerMessage, Envelope, PlanAnalysis, TransferRequest } from './analysis/protocol';
import { SentAnswers, toMessages } from './analysis/transfer';

const analyzers = new Analyzers();
/** Text that came ahead of its request, by request id. */
const texts = new Map<number, string[]>();
/** Answers still being sent, by request id. */
const queued = new Map<number, Iterator<AnswerMessage>>();
/** Analyses sent, by document: the next answer is a delta against the one the host names. */
const sent = new SentAnswers();

function sendNext(id: number, messages: Iterator<AnswerMessage> | undefined): void {
  const next = messages?.next();
  if (!messages || !next || next.done) return void queued.delete(id);
  if (next.value.last) queued.delete(id);
  else queued.set(id, messages);
  parentPort?.postMessage(next.value);
}

function takeText(id: number, piece: string): void {
  const pieces = texts.get(id);
  if (pieces) pieces.push(piece);
  else texts.set(id, [piece]);
}

parentPort?.on('message', (message: Envelope | TransferRequest) => {
  if (message.kind === 'more') return sendNext(message.id, queued.get(message.id));
  if (message.kind === 'drop') return void queued.delete(message.id);
  if (message.kind === 'text') return takeText(message.id, message.piece);
  const text = texts.get(message.id);
  texts.delete(message.id);
  const request = text && 'text' in message ? { ...message, text: [...text, ...message.text] } : message;
  if (request.kind === 'forget') sent.forget(request.uri);
  const response = analyzers.handle(request);
  if (request.kind !== 'analyze' || !response.ok) return sendNext(message.id, toMessages(message.id, response));
  // A very large plan's answers are not kept: holding several would cost more than sending one.
  const large = isLargeText(request.text);
  const base = large ? undefined : sent.get(request.uri, request.base);
  if (large) sent.forget(request.uri);
  else sent.remember(request.uri, { id: message.id, analysis: response.result as PlanAnalysis });
  sendNext(message.id, toMessages(message.id, response, undefined, base));
});
