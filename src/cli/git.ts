/** Runs git as a child process (no shell), for the history reader. Shared by the CLI and the extension. */
import { execFile } from 'node:child_process';
import type { GitRunner } from '../core/history/reader';

const MAX_OUTPUT = 512 * 1024 * 1024;

export function spawnGit(gitPath = 'git'): GitRunner {
  return (args, cwd) =>
    new Promise((resolve, reject) => {
      execFile(gitPath, args, { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } }, (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (typeof code === 'string') return reject(error); // ENOENT: no git; ERR_CHILD_PROCESS_STDIO_MAXBUFFER
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
}

/** Today's calendar day where the user is ("2026-11-03"). */
export function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
