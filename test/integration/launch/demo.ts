// `npm run demo`: a real VS Code with the extension loaded on media/samples/.
// Desktop VS Code when `code` is on PATH; otherwise code-server on 127.0.0.1, whose
// URL is printed. Stays up until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildAll } from './build-all.js';
import { freePort, startCodeServer, workbenchUrl } from './code-server.js';
import { cacheDir, extensionPath, samplesDir, step } from './common.js';
import { ensureTools } from './install.js';

function hasDesktopCode(): boolean {
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
}

async function portToUse(): Promise<number> {
  const wanted = Number(process.env.PLAN_LENS_DEMO_PORT ?? '0');
  return wanted > 0 ? wanted : freePort();
}

async function demoInDesktopCode(): Promise<void> {
  step(`opening ${samplesDir} in desktop VS Code with the extension under development`);
  const child = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${extensionPath}`, samplesDir], { stdio: 'inherit' });
  await new Promise<void>((resolve) => child.on('exit', () => resolve()));
}

async function demoInCodeServer(): Promise<void> {
  const tools = await ensureTools();
  // Kept between demos, so settings and opened editors survive a restart.
  const home = path.join(cacheDir, 'demo');
  const server = await startCodeServer(tools, {
    userDataDir: path.join(home, 'user-data'),
    extensionsDir: path.join(home, 'extensions'),
    workspace: samplesDir,
    logFile: path.join(home, 'code-server.log'),
    port: await portToUse(),
  });
  const url = workbenchUrl(server, samplesDir, extensionPath);
  console.log(`\nPlan Lens demo (code-server, VS Code in the browser). Open this URL:\n\n  ${url}\n\nPress Ctrl-C to stop.\n`);
  // Stay up until Ctrl-C; common.ts kills code-server's process group on exit.
  await new Promise<void>((resolve) => server.process.on('exit', () => resolve()));
  step('code-server stopped');
}

async function main(): Promise<void> {
  await buildAll();
  fs.mkdirSync(samplesDir, { recursive: true });
  if (fs.readdirSync(samplesDir).length === 0) step(`NOTE: ${samplesDir} is empty; open any markdown plan there`);
  if (hasDesktopCode()) await demoInDesktopCode();
  else await demoInCodeServer();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
