/**
 * The analyses of open markdown documents, keyed by URI and version. Every feature reads
 * from here; only this class talks to the worker. Typing is debounced, one request per
 * document is in flight at a time, and a result for a version the document has moved past
 * is dropped rather than shown at the wrong lines.
 */
import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../../core/model/schema';
import type { SettingsService } from '../settings-service';
import type { PlanAnalysis } from './protocol';
import { DroppedAnswer, OverBudget, type WorkerClient } from './worker-client';
import { isLargeText, LARGE_TYPING_DELAY_MS, MAX_ANALYSED_CHARS, shouldAnalyze, TEXT_PART_LINES, TYPING_DELAY_MS } from './limits';

export interface PlanEntry {
  readonly uri: vscode.Uri;
  /** The document version the analysis was computed for; edits are applied only to it. */
  readonly version: number;
  readonly analysis: PlanAnalysis;
  /** Decorate it: the engine read it as a plan (or the user's `planLens.files` globs said so). */
  readonly isPlan: boolean;
  /** Too large to serve every feature well: code lenses are off. */
  readonly large: boolean;
}

interface Job {
  version: number;
  generation: number;
  promise: Promise<PlanEntry | undefined>;
}

export class PlanStore implements vscode.Disposable {
  private readonly entries = new Map<string, PlanEntry & { generation: number }>();
  private readonly jobs = new Map<string, Job>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly jobEnded = new vscode.EventEmitter<string>();
  /**
   * Documents whose analysis ran past the worker's budget (or that are too large to send):
   * not analysed again until the user asks (Refresh) or reopens them, so one bad input does
   * not stall the worker on every keystroke. By URI, with what the user was told.
   */
  private readonly stopped = new Map<string, string>();
  /** Fires when a document's entry changes or goes away. */
  readonly onDidChange = this.changed.event;
  /** Bumped when settings change, so cached entries are recomputed with the new options. */
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly worker: WorkerClient,
    private readonly settings: SettingsService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document, this.typingDelay(e.document));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      settings.onDidChange(() => this.refresh()),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** The latest analysis of `uri`, possibly for an older version than the document's. */
  get(uri: vscode.Uri): PlanEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** The analysis of `document` as it is now, analysing it now if needed. */
  async current(document: vscode.TextDocument): Promise<PlanEntry | undefined> {
    if (!shouldAnalyze(document) || this.stopped.has(document.uri.toString())) return undefined;
    this.cancelTimer(document.uri);
    const key = document.uri.toString();
    for (;;) {
      if (document.isClosed) return undefined;
      const entry = this.fresh(document);
      if (entry) return entry;
      const job = this.jobs.get(key);
      if (job && job.version === document.version && job.generation === this.generation) return job.promise;
      if (!job) return this.start(document);
      await job.promise.catch(() => undefined); // one request per document at a time; then look again
    }
  }

  /**
   * The analysis of `document` as it is now, without cutting the typing delay short: what
   * providers VS Code calls on every keystroke (lenses, hovers, code actions) wait on.
   */
  settled(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<PlanEntry | undefined> {
    const entry = this.fresh(document);
    if (entry || !this.timers.has(document.uri.toString())) return entry ? Promise.resolve(entry) : this.current(document);
    return new Promise((resolve) => {
      const done = (value: PlanEntry | undefined) => {
        listener.dispose();
        cancel?.dispose();
        resolve(value);
      };
      const key = document.uri.toString();
      // Every finished job is a chance: the answer came, or failed and nothing else is coming.
      const listener = this.jobEnded.event((ended) => {
        if (ended !== key) return;
        const entry = this.fresh(document);
        if (entry || document.isClosed || !(this.timers.has(key) || this.jobs.has(key))) done(entry);
      });
      const cancel = token?.onCancellationRequested(() => done(undefined));
    });
  }

  /** Analyse again after `delayMs` (typing), restarting the wait on every call. */
  schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!shouldAnalyze(document) || this.stopped.has(document.uri.toString())) return;
    this.cancelTimer(document.uri);
    const timer = setTimeout(() => {
      this.timers.delete(document.uri.toString());
      this.current(document).catch((e) => this.log.error(`Analysis of ${document.uri} failed: ${String(e)}`));
    }, delayMs);
    this.timers.set(document.uri.toString(), timer);
  }

  /** Why `uri` is not analysed (it ran past the budget, or is too large), if it is not. */
  stoppedReason(uri: vscode.Uri): string | undefined {
    return this.stopped.get(uri.toString());
  }

  /** Forget every result (settings changed, or the user asked) and analyse open documents again. */
  refresh(): void {
    this.generation++;
    this.stopped.clear();
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
    this.jobEnded.dispose();
  }

  /** The entry, when it is for the document's current version and settings. */
  private fresh(document: vscode.TextDocument): PlanEntry | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry && entry.version === document.version && entry.generation === this.generation ? entry : undefined;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.stopped.delete(key);
    this.cancelTimer(uri);
    this.jobs.delete(key);
    this.worker.forget(key);
    if (this.entries.delete(key)) this.changed.fire(uri);
    this.jobEnded.fire(key);
  }

  private start(document: vscode.TextDocument): Promise<PlanEntry | undefined> {
    const key = document.uri.toString();
    const job: Job = { version: document.version, generation: this.generation, promise: Promise.resolve(undefined) };
    job.promise = this.analyze(document, job).finally(() => {
      if (this.jobs.get(key) === job) this.jobs.delete(key);
      this.jobEnded.fire(key);
    });
    this.jobs.set(key, job);
    return job.promise;
  }

  /** The CLI's summary text of the document as it is now (undefined if it changed while being read). */
  async summary(document: vscode.TextDocument, path: string): Promise<string | undefined> {
    const { uri, version } = document;
    const text = await readText(document, version);
    return text && this.worker.request({ kind: 'summary', uri: uri.toString(), version, text, options: this.optionsFor(document), path });
  }

  /** The user's options; `planLens.files` globs make a document a plan whatever it looks like. */
  private optionsFor(document: vscode.TextDocument): AnalyzeOptions {
    const { options, files } = this.settings.current;
    return matchesFiles(document, files) ? { ...options, detection: 'always' } : options;
  }

  private async analyze(document: vscode.TextDocument, job: Job): Promise<PlanEntry | undefined> {
    // The document moved on (or closed) while it was read or analysed: positions would be wrong.
    const wanted = () => !document.isClosed && document.version === job.version && job.generation === this.generation;
    const size = document.offsetAt(new vscode.Position(document.lineCount, 0));
    if (size > MAX_ANALYSED_CHARS) return this.stop(document, `it is larger than ${MAX_ANALYSED_CHARS / (1024 * 1024)} MB`);
    const text = await readText(document, job.version);
    if (!text || !wanted()) return undefined;
    const options = this.optionsFor(document);
    const analysis = await this.worker.request({ kind: 'analyze', uri: document.uri.toString(), version: job.version, text, options }, wanted).catch((e) => {
      if (e instanceof DroppedAnswer) return undefined;
      if (e instanceof OverBudget) return this.stop(document, `analysing it took longer than ${Math.round(e.budgetMs / 1000)} s`);
      throw e;
    });
    if (!analysis || !wanted()) return undefined;
    const entry = { uri: document.uri, version: job.version, analysis, isPlan: analysis.model.isPlan, large: isLargeText(text), generation: job.generation };
    this.entries.set(document.uri.toString(), entry);
    this.log.debug(`Analysed ${document.uri} v${job.version} in ${this.worker.lastMs.toFixed(1)} ms (plan: ${entry.isPlan})`);
    this.changed.fire(document.uri);
    return entry;
  }

  /**
   * Gives up on `document` until Refresh or reopening: its entry goes (so no stale findings,
   * lenses or tree stay up), and the user is told why.
   */
  private stop(document: vscode.TextDocument, why: string): undefined {
    const key = document.uri.toString();
    const name = document.uri.path.split('/').pop();
    const message = `Plan Lens stopped analysing ${name}: ${why}. Its findings are cleared; run "Plan Lens: Refresh" to try again.`;
    this.stopped.set(key, message);
    this.log.warn(message);
    if (this.entries.delete(key)) this.changed.fire(document.uri);
    void vscode.window.showWarningMessage(message);
    return undefined;
  }

  private typingDelay(document: vscode.TextDocument): number {
    const entry = this.get(document.uri);
    return entry?.large ? LARGE_TYPING_DELAY_MS : TYPING_DELAY_MS;
  }

  private cancelTimer(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }
}

/**
 * The document's text in slices of whole lines, yielding to other work between slices;
 * undefined when the document changes meanwhile (the reading would mix two versions).
 */
async function readText(document: vscode.TextDocument, version: number): Promise<string[] | undefined> {
  const parts: string[] = [];
  for (let line = 0; line < document.lineCount; line += TEXT_PART_LINES) {
    if (line > 0) await new Promise((resolve) => setImmediate(resolve));
    if (document.isClosed || document.version !== version) return undefined;
    // A range ending at the start of the next line keeps each slice's line break; past the end it is clamped.
    parts.push(document.getText(new vscode.Range(line, 0, line + TEXT_PART_LINES, 0)));
  }
  return parts;
}

/** `planLens.files` globs: relative ones are read against each workspace folder. */
function matchesFiles(document: vscode.TextDocument, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const folders = vscode.workspace.workspaceFolders ?? [];
  const selector = globs.flatMap((glob): vscode.DocumentFilter[] =>
    glob.startsWith('**') || glob.startsWith('/') || folders.length === 0
      ? [{ pattern: glob }]
      : folders.map((folder) => ({ pattern: new vscode.RelativePattern(folder, glob) })),
  );
  return vscode.languages.match(selector, document) > 0;
}
