// Builds what a VS Code run needs: the extension (the project's own build) and the
// compiled integration tests.
import * as path from 'node:path';
import { repoRoot, run, step } from './common.js';

export async function buildAll(): Promise<void> {
  if (process.env.PLAN_LENS_SKIP_BUILD === '1') {
    step('skipping npm run build (PLAN_LENS_SKIP_BUILD=1)');
  } else {
    step('building the extension: npm run build');
    await run('npm', ['run', 'build'], { timeoutMs: 5 * 60_000 });
  }
  step('compiling the integration tests: test/integration/build.mjs');
  await run(process.execPath, [path.join(repoRoot, 'test/integration/build.mjs')], { timeoutMs: 2 * 60_000 });
}
