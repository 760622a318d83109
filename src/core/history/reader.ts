/**
 * Reads a plan's history through an injected git runner (the CLI and the extension spawn
 * git; tests can fake it): one `git log` over the file, cached by HEAD, and on a new HEAD
 * only the commits since the cached one are read and put in front.
 */
import { gitLogArgs, parseGitLog, type CommitChange } from './git-log';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs git with `args` in `cwd`; rejects (ENOENT) when there is no git to run. */
export type GitRunner = (args: string[], cwd: string) => Promise<GitResult>;

export type PlanHistory =
  | { ok: true; head: string; commits: CommitChange[]; /** The file as committed at HEAD. */ headText: string | undefined }
  | { ok: false; reason: string };

interface Cached {
  head: string;
  commits: CommitChange[];
  headText: string | undefined;
}

export class HistoryReader {
  private readonly cache = new Map<string, Cached>();
  /** git log calls made, for tests of the cache. */
  logCalls = 0;

  constructor(private readonly run: GitRunner) {}

  /** `dir` is the plan's folder and `file` its name there. */
  async read(dir: string, file: string): Promise<PlanHistory> {
    let head: GitResult;
    try {
      head = await this.run(['rev-parse', '--verify', '-q', 'HEAD'], dir);
    } catch (error) {
      return { ok: false, reason: `No burn-down: git could not be run (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
    }
    if (head.code !== 0) {
      const inside = await this.run(['rev-parse', '--is-inside-work-tree'], dir).catch(() => undefined);
      return { ok: false, reason: inside?.code === 0 ? 'No burn-down: the repository has no commits yet.' : 'No burn-down: the plan is not in a git repository.' };
    }
    const hash = head.stdout.trim();
    const key = `${dir}\0${file}`;
    const cached = this.cache.get(key);
    if (cached?.head === hash) return { ok: true, ...cached };
    // Only when the cached HEAD is still in the history (not after a rebase or an amend).
    const extends_ = cached && (await this.run(['merge-base', '--is-ancestor', cached.head, hash], dir)).code === 0;
    const newer = extends_ ? await this.log(dir, file, cached.head) : undefined;
    const commits = newer ? [...newer, ...cached!.commits] : await this.log(dir, file);
    if (!commits) return { ok: false, reason: 'No burn-down: git log failed on the plan.' };
    if (commits.length === 0) return { ok: false, reason: 'No burn-down yet: the plan has no commits in git.' };
    const show = await this.run(['show', `HEAD:./${file}`], dir);
    const entry = { head: hash, commits, headText: show.code === 0 ? show.stdout : undefined };
    this.cache.set(key, entry);
    return { ok: true, ...entry };
  }

  private async log(dir: string, file: string, since?: string): Promise<CommitChange[] | undefined> {
    this.logCalls++;
    const result = await this.run(gitLogArgs(file, since), dir);
    return result.code === 0 ? parseGitLog(result.stdout) : undefined;
  }
}
