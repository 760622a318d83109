/** The `plan-lens` executable: `main` wired to the real file system and process. */
import { readFile, writeFile } from 'node:fs/promises';
import { main } from './main';

// `plan-lens check … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  readFile: (file) => readFile(file),
  writeFile: (file, text) => writeFile(file, text, 'utf8'),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}).then(
  (code) => {
    // exitCode, not exit(): stdout may still be flushing a large report into a pipe.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`plan-lens: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
