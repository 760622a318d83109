/**
 * The plan's history as one `git log --first-parent -p` prints it: per commit, its date and
 * the lines it added and removed. First-parent keeps a merge as one step (its diff against
 * the branch it landed on), and `--follow` carries the history across renames; the rename
 * shows in the diff header, which is how a commit's path is known.
 */

export interface CommitChange {
  hash: string;
  /** The committer's calendar day, in the committer's own time zone ("2026-11-03"). */
  date: string;
  /** The file's name in this commit, from the diff header. */
  path?: string;
  /** The path it was renamed from, when this commit renamed it. */
  renamedFrom?: string;
  added: string[];
  removed: string[];
}

const FORMAT = '%x00%H%x09%cI';

/** Arguments for the one `git log` over a file; `since` limits it to commits after that one. */
export function gitLogArgs(file: string, since?: string): string[] {
  return [
    '-c', 'core.quotePath=false',
    'log', '--first-parent', '--diff-merges=first-parent', '--follow', '-M', '-p', '-U0',
    '--no-color', '--no-ext-diff', '--no-textconv', `--format=${FORMAT}`,
    ...(since ? [`${since}..HEAD`] : []), '--', file,
  ];
}

/** Newest first, as git prints them. */
export function parseGitLog(output: string): CommitChange[] {
  const commits: CommitChange[] = [];
  for (const record of output.split('\0')) {
    if (!record) continue;
    const newline = record.indexOf('\n');
    const head = newline < 0 ? record : record.slice(0, newline);
    const [hash, iso] = head.split('\t');
    if (!/^[0-9a-f]{7,64}$/.test(hash ?? '') || !iso) continue;
    const commit: CommitChange = { hash, date: iso.slice(0, 10), added: [], removed: [] };
    if (newline >= 0) readDiff(record.slice(newline + 1), commit);
    commits.push(commit);
  }
  return commits;
}

function readDiff(diff: string, commit: CommitChange): void {
  let inHunk = false;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      inHunk = false;
      const m = / b\/(.*)$/.exec(line);
      if (m) commit.path = m[1];
    } else if (!inHunk) {
      if (line.startsWith('rename from ')) commit.renamedFrom = line.slice('rename from '.length);
      else if (line.startsWith('@@')) inHunk = true;
    } else if (line.startsWith('+')) commit.added.push(line.slice(1));
    else if (line.startsWith('-')) commit.removed.push(line.slice(1));
    else if (line.startsWith('@@')) inHunk = true;
  }
}
