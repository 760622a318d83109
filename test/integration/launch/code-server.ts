// Starts code-server on loopback with the flags the offline recipe found to work,
// and builds workbench URLs that load the extension under development.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { killGroup, poll, sleep, step, trackGroup, untrackGroup } from './common.js';
import { node24Env, type Tools } from './install.js';

export interface CodeServer {
  port: number;
  baseUrl: string;
  process: ChildProcess;
  logFile: string;
  exited: () => boolean;
  stop: () => Promise<void>;
}

export interface CodeServerOptions {
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
  logFile: string;
  /** Extra environment for the server and so for its extension host. */
  env?: NodeJS.ProcessEnv;
  /** Fixed port (demo); otherwise a free one is picked. */
  port?: number;
}

/** Ask the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startCodeServer(tools: Tools, options: CodeServerOptions): Promise<CodeServer> {
  const port = options.port ?? (await freePort());
  const args = [
    tools.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    // Without this the workbench ignores the `payload` URL parameter that carries
    // extensionDevelopmentPath and extensionTestsPath.
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', options.userDataDir,
    '--extensions-dir', options.extensionsDir,
    options.workspace,
  ];
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, 'w');
  step(`starting code-server on 127.0.0.1:${port} (log: ${options.logFile})`);
  const child = spawn(tools.node, args, {
    env: { ...node24Env(tools), ...options.env },
    stdio: ['ignore', log, log],
    detached: true, // own process group: stop() kills the extension host too
  });
  fs.closeSync(log);
  trackGroup(child.pid);
  let exited = false;
  child.on('exit', () => {
    exited = true;
    untrackGroup(child.pid);
  });
  const server: CodeServer = {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    process: child,
    logFile: options.logFile,
    exited: () => exited,
    stop: () => stopProcessGroup(child, () => exited),
  };
  await waitUntilHealthy(server);
  return server;
}

async function waitUntilHealthy(server: CodeServer): Promise<void> {
  await poll(async () => {
    if (server.exited()) throw new Error(`code-server exited during start-up; see ${server.logFile}`);
    try {
      const response = await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      return response.ok ? true : undefined;
    } catch {
      return undefined; // not listening yet
    }
  }, 60_000, 'code-server to answer /healthz');
  step(`code-server is up at ${server.baseUrl}`);
}

async function stopProcessGroup(child: ChildProcess, exited: () => boolean): Promise<void> {
  if (exited()) return;
  killGroup(child.pid, 'SIGTERM');
  for (let i = 0; i < 20 && !exited(); i++) await sleep(250);
  if (!exited()) killGroup(child.pid, 'SIGKILL');
}

/** A `vscode-remote://` URI for a path on the server, as the payload parameter wants. */
function remoteUri(server: CodeServer, fsPath: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${fsPath}`;
}

/**
 * Workbench URL opening `folder`, with the extension loaded from `extensionPath` and,
 * when `testsPath` is given, the test entry point that the extension host will run.
 */
export function workbenchUrl(server: CodeServer, folder: string, extensionPath: string, testsPath?: string): string {
  const payload: [string, string][] = [['extensionDevelopmentPath', remoteUri(server, extensionPath)]];
  if (testsPath) payload.push(['extensionTestsPath', remoteUri(server, testsPath)]);
  const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `${server.baseUrl}/?${query.toString()}`;
}
