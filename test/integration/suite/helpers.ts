// Small helpers shared by the integration tests (not a test file itself).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'plan-lens.plan-lens';

/** The three plans the launchers copy from ../shared/fixtures/plans when it exists. */
export const SHARED_FIXTURES = [
  '000_fd14e9535b42d3e4.md',
  '001_962a7f0fd3c318ed.md',
  '004_bafbc14f0c5d7478.md',
] as const;

/**
 * Why a test was skipped, by full title, so the results file can say it. Kept on
 * globalThis because each test file is bundled with its own copy of this module.
 */
const registry = globalThis as typeof globalThis & { planLensSkipReasons?: Map<string, string> };
export const skipReasons: Map<string, string> = (registry.planLensSkipReasons ??= new Map<string, string>());

/** Skip the running test and record a reason a person can act on. */
export function skipBecause(ctx: Mocha.Context, reason: string): never {
  const title = ctx.test?.fullTitle() ?? '(unknown test)';
  skipReasons.set(title, reason);
  console.log(`[plan-lens tests] skipping "${title}": ${reason}`);
  ctx.skip();
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration tests need a workspace folder to be open.');
  return folder.uri.fsPath;
}

/** Path of a shared fixture inside the test workspace, or undefined when shared/ was absent. */
export function sharedFixture(name: (typeof SHARED_FIXTURES)[number]): string | undefined {
  const file = path.join(workspaceRoot(), name);
  return fs.existsSync(file) ? file : undefined;
}

/** Any markdown file in the workspace root, creating one when the folder has none. */
export function anyMarkdownFile(): string {
  const root = workspaceRoot();
  const existing = fs.readdirSync(root).filter((f) => f.endsWith('.md')).sort();
  if (existing.length > 0) return path.join(root, existing[0]!);
  const file = path.join(root, 'smoke-plan.md');
  fs.writeFileSync(file, '# Smoke plan\n\n## Phase 1\n\n- [ ] Do a thing (2 h)\n');
  return file;
}

/** Poll `check` until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
}
