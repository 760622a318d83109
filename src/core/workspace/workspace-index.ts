/**
 * Every plan in the workspace, kept up to date as files change. Markdown files are listed and
 * read by the host; the host's `analyze` screens each text with the line-scan prefilter
 * (`analyzeIfPlan`) and analyses only those that may be plans — in VS Code, in the worker.
 * The editor's analysis of an open file stands in for the one from disk, so cross-file
 * findings follow unsaved edits. The cross-file rules run (by the host, over every plan)
 * after each change. Nothing here loads the parser: the extension host bundles this file.
 */
import type { Analysis } from '../index';
import type { Finding } from '../model/finding';
import type { PlanFile } from '../rules/types';
import { isInDependencies, type Disposable, type FileChange, type PlanWorkspace } from './workspace';

export interface WorkspaceIndexHost<A extends Analysis> {
  workspace: PlanWorkspace;
  /**
   * Analyses a file's text when it may be a plan (`analyzeIfPlan`); undefined when it cannot
   * be. `forced` when settings make it a plan whatever it looks like.
   */
  analyze(file: string, text: string, forced: boolean): Promise<A | undefined>;
  /** The file left the index: drop what the analyser keeps for it. */
  forget?(file: string): void;
  /** The cross-file rules over these plans (`runCrossFileRules`), by file. */
  crossFile(plans: PlanFile[]): Promise<Map<string, Finding[]>>;
  /** `planLens.files`: plans whatever they look like. */
  isForced?(file: string): boolean;
  /** How many files are read at once during a scan. */
  concurrency?: number;
  onError?(file: string, error: unknown): void;
}

export interface IndexedPlan<A extends Analysis> {
  file: string;
  analysis: A;
  /** The analysis is the editor's (the file is open), not the one from disk. */
  open: boolean;
}

export interface ScanStats {
  files: number;
  /** Files the prefilter passed (or settings forced), which were analysed. */
  analysed: number;
  plans: number;
  ms: number;
}

interface Entry<A> {
  /** Bumped by every read, so a slower earlier read never overwrites a later one. */
  seq: number;
  analysis?: A;
}

export class WorkspaceIndex<A extends Analysis> implements Disposable {
  private readonly entries = new Map<string, Entry<A>>();
  private readonly editors = new Map<string, A>();
  private readonly listeners = new Set<(files: string[]) => void>();
  private readonly crossListeners = new Set<() => void>();
  private cross = new Map<string, Finding[]>();
  private crossDirty = false;
  private crossJob: Promise<void> | undefined;
  private readonly reading = new Set<Promise<unknown>>();
  private watcher: Disposable | undefined;
  private nextSeq = 0;

  constructor(private readonly host: WorkspaceIndexHost<A>) {}

  /** Lists, reads and analyses every markdown file afresh. */
  async scan(): Promise<ScanStats> {
    const started = performance.now();
    const files = (await this.host.workspace.findMarkdownFiles()).filter((f) => !isInDependencies(f));
    const listed = new Set(files);
    for (const file of [...this.entries.keys()]) if (!listed.has(file)) this.drop(file);
    let analysed = 0;
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const file = files[next++];
        if (await this.read(file)) analysed++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.host.concurrency ?? 8) }, worker));
    this.changed(files);
    return { files: files.length, analysed, plans: this.plans().length, ms: performance.now() - started };
  }

  /** Reads one file again (it changed on disk, or was created). */
  async update(file: string): Promise<void> {
    if (isInDependencies(file)) return;
    await this.read(file);
    this.changed([file]);
  }

  /** The file is gone. */
  delete(file: string): void {
    if (this.drop(file)) this.changed([file]);
  }

  /** Follows the host's watcher until disposed. */
  watch(): Disposable {
    this.watcher?.dispose();
    this.watcher = this.host.workspace.watchMarkdownFiles((change) => this.apply(change));
    return { dispose: () => this.watcher?.dispose() };
  }

  /** The editor's analysis of an open file stands in for the disk's; undefined when it closes. */
  setEditorAnalysis(file: string, analysis: A | undefined): void {
    if (analysis) this.editors.set(file, analysis);
    else if (!this.editors.delete(file)) return;
    this.changed([file]);
  }

  /** The analysis the index holds for a file (the editor's when open), plan or not. */
  analysisOf(file: string): A | undefined {
    return this.editors.get(file) ?? this.entries.get(file)?.analysis;
  }

  isOpen(file: string): boolean {
    return this.editors.has(file);
  }

  /** Every plan: files on disk and open files, the editor's analysis first. */
  plans(): IndexedPlan<A>[] {
    const files = new Set([...this.editors.keys(), ...this.entries.keys()]);
    const plans: IndexedPlan<A>[] = [];
    for (const file of files) {
      const analysis = this.analysisOf(file);
      if (analysis?.model.isPlan) plans.push({ file, analysis, open: this.editors.has(file) });
    }
    return plans;
  }

  /** The cross-file findings in one file, as last computed. */
  crossFileFindings(file: string): Finding[] {
    return this.cross.get(file) ?? [];
  }

  /** Files that have cross-file findings now. */
  filesWithCrossFileFindings(): string[] {
    return [...this.cross.keys()];
  }

  /** Fires with the files whose analysis changed. */
  onDidChange(listener: (files: string[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Fires when the cross-file findings have been computed again. */
  onDidChangeCrossFile(listener: () => void): Disposable {
    this.crossListeners.add(listener);
    return { dispose: () => this.crossListeners.delete(listener) };
  }

  /** Settings changed: cross-file findings are computed again with the new options. */
  optionsChanged(): void {
    this.changed([]);
  }

  /** Resolves when no read and no cross-file run is pending (tests, the bench). */
  async idle(): Promise<void> {
    while (this.reading.size > 0 || this.crossJob) {
      await Promise.all([...this.reading, this.crossJob]);
    }
  }

  dispose(): void {
    this.watcher?.dispose();
    this.listeners.clear();
    this.crossListeners.clear();
  }

  /** One cross-file run at a time; changes meanwhile make one more run, not one each. */
  private scheduleCross(): void {
    this.crossDirty = true;
    this.crossJob ??= (async () => {
      try {
        while (this.crossDirty) {
          this.crossDirty = false;
          const plans = this.plans().map((p) => ({ file: p.file, model: p.analysis.model }));
          this.cross = await this.host.crossFile(plans).catch((e) => {
            this.host.onError?.('(cross-file rules)', e);
            return this.cross;
          });
        }
      } finally {
        this.crossJob = undefined;
      }
      for (const listener of [...this.crossListeners]) listener();
    })();
  }

  private apply(change: FileChange): void {
    if (change.kind === 'deleted') return this.delete(change.file);
    const job = this.update(change.file).catch((e) => this.host.onError?.(change.file, e));
    this.reading.add(job);
    void job.finally(() => this.reading.delete(job));
  }

  /** True when the file was analysed. */
  private async read(file: string): Promise<boolean> {
    const seq = ++this.nextSeq;
    const entry = this.entries.get(file) ?? { seq };
    entry.seq = seq;
    this.entries.set(file, entry);
    try {
      const text = await this.host.workspace.readFile(file);
      const forced = this.host.isForced?.(file) ?? false;
      const analysis = text === undefined ? undefined : await this.host.analyze(file, text, forced);
      if (this.entries.get(file)?.seq !== seq) return false; // a later read (or a delete) won
      entry.analysis = analysis;
      if (!analysis) this.host.forget?.(file);
      return analysis !== undefined;
    } catch (e) {
      this.host.onError?.(file, e);
      return false;
    }
  }

  private drop(file: string): boolean {
    const had = this.entries.delete(file);
    if (had) this.host.forget?.(file);
    return had;
  }

  private changed(files: string[]): void {
    this.scheduleCross();
    for (const listener of [...this.listeners]) listener(files);
  }
}
