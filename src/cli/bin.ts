/** The `plan-lens` executable: `main` wired to the real file system and process. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { main } from './main';

// `plan-lens check … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  readFile: async (file) => {
    // Opening a FIFO blocks until a writer comes, maybe never: only regular files are read.
    const info = await stat(file);
    if (!info.isFile() && !info.isDirectory()) throw Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTREGULAR' });
    return readFile(file);
  },
  writeFile: (file, text) => writeFile(file, text, 'utf8'),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}).then(
  (code) => {
    // exitCode, not exit(): stdout may still be flushing a large report into a pipe.
    process.exitCode = code;
  },
  (error: unknown) => {
    // One line for the user; the stack only when asked for (PLAN_LENS_DEBUG=1), for a bug report.
    const detail = process.env.PLAN_LENS_DEBUG ? (error as Error)?.stack : (error as Error)?.message;
    process.stderr.write(`plan-lens: internal error: ${String(detail ?? error).replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '?')}\n`);
    process.exitCode = 2;
  },
);
