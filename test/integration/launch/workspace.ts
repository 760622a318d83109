// Builds a throw-away workspace folder for a run: copies of the shared fixture plans
// (when ../shared exists) plus the project's own samples, so tests may edit files freely.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { samplesDir, sharedPlansDir, step } from './common.js';

export const SHARED_PLANS = ['000_fd14e9535b42d3e4.md', '001_962a7f0fd3c318ed.md', '004_bafbc14f0c5d7478.md'];

export interface FixtureWorkspace {
  dir: string;
  hasSharedPlans: boolean;
}

function copyMarkdownFiles(from: string, to: string): string[] {
  if (!fs.existsSync(from)) return [];
  const copied: string[] = [];
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) {
      fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
      copied.push(entry.name);
    }
  }
  return copied;
}

export function makeFixtureWorkspace(parent: string = os.tmpdir()): FixtureWorkspace {
  const dir = fs.mkdtempSync(path.join(parent, 'plan-lens-workspace-'));
  const shared = SHARED_PLANS.filter((name) => fs.existsSync(path.join(sharedPlansDir, name)));
  for (const name of shared) fs.copyFileSync(path.join(sharedPlansDir, name), path.join(dir, name));
  const samples = copyMarkdownFiles(samplesDir, dir);
  // Keep the chat side bar closed so screenshots show the editor and the Plan view.
  fs.mkdirSync(path.join(dir, '.vscode'));
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true }, null, 2));
  const hasSharedPlans = shared.length === SHARED_PLANS.length;
  if (!hasSharedPlans) step(`NOTE: ${sharedPlansDir} is absent; tests that need the shared plans will be skipped`);
  step(`fixture workspace ${dir}: ${shared.length} shared plan(s), ${samples.length} sample(s)`);
  return { dir, hasSharedPlans };
}
