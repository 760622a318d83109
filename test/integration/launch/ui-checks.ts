// UI checks as a person sees them: playwright drives the same code-server workbench
// (with the extension loaded, no test runner) and looks at the Plan view, the
// editor's cursor, code lenses and the Problems panel. Each check is one test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { workbenchUrl, type CodeServer } from './code-server.js';
import { extensionPath, poll, resultsDir, sleep, step } from './common.js';
import type { FixtureWorkspace } from './workspace.js';

export interface CheckResult {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  detail?: string;
  screenshot?: string;
}

interface Check {
  title: string;
  /** Needs the shared fixture plans (skipped with a message when ../shared is absent). */
  needsSharedPlans: boolean;
  /** Returns a short detail line for the report. */
  run: (ui: Ui) => Promise<string>;
}

const CHECK_TIME_LIMIT_MS = 90_000;
const PLAN_FILE = '004_bafbc14f0c5d7478.md';
const FINDINGS_FILE = '000_fd14e9535b42d3e4.md';
const PHASE_1 = 'Phase 1: Client Portal Fixes';

/** The workbench page plus the small vocabulary the checks are written in. */
class Ui {
  constructor(
    readonly page: Page,
    readonly workspace: FixtureWorkspace,
  ) {}

  get sidebar(): Locator {
    return this.page.locator('[id="workbench.parts.sidebar"]');
  }

  /** Run a command by its title through the command palette, as a person would. */
  /**
   * The workbench re-renders (tree refresh after an edit, a theme change) can close or replace
   * the palette between opening it and typing: each attempt has short timeouts, then Escape and
   * try again, up to three times.
   */
  async runCommand(title: string): Promise<void> {
    let last: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(`>${title}`, { timeout: 5_000 });
        await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
        await this.page.keyboard.press('Enter');
        return;
      } catch (err) {
        last = err;
        await this.page.keyboard.press('Escape').catch(() => undefined);
        await sleep(700);
      }
    }
    throw last;
  }

  /** Open a workspace file with Quick Open (Ctrl+P) and wait for its tab to be active. */
  async openFile(name: string): Promise<void> {
    const activeTab = this.page.locator('.tabs-container .tab.active', { hasText: name });
    if (await activeTab.isVisible()) return;
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(name, { timeout: 10_000 });
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Enter');
    await activeTab.waitFor({ timeout: 15_000 });
  }

  /** Show the Plan view: click its activity bar icon, or fall back to the palette. */
  async showPlanView(): Promise<void> {
    // The container's icon carries its title ("Plan Lens") as aria-label.
    const icon = this.page
      .locator('[id="workbench.parts.activitybar"] li.action-item')
      .filter({ has: this.page.locator('.action-label[aria-label^="Plan"]') })
      .first();
    if ((await icon.count()) === 0) await this.runCommand('Focus on Plan View');
    else if ((await icon.getAttribute('aria-selected')) !== 'true') await icon.click();
    await this.sidebar.locator('.monaco-list-row').first().waitFor({ timeout: 20_000 });
  }

  /** A row of the Plan view's tree, expanding collapsed top-level rows until it shows. */
  async treeRow(text: string): Promise<Locator> {
    const row = this.sidebar.locator('.monaco-list-row', { hasText: text }).first();
    return poll(async () => {
      if (await row.isVisible()) return row;
      const collapsed = this.sidebar.locator('.monaco-list-row[aria-expanded="false"]');
      if ((await collapsed.count()) > 0) await collapsed.first().click();
      return undefined;
    }, 30_000, `a Plan view row containing "${text}"`);
  }

  /** The editor cursor as the status bar shows it ("Ln 36, Col 1"). */
  async cursor(): Promise<{ line: number; column: number } | undefined> {
    const item = this.page.locator('[id="workbench.parts.statusbar"] .statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
    if (!(await item.isVisible())) return undefined;
    const match = /Ln (\d+), Col (\d+)/.exec(await item.innerText());
    return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
  }

  file(name: string): string {
    return path.join(this.workspace.dir, name);
  }
}

/** 1-based line of the first line containing `text`. */
function lineOf(file: string, text: string): number {
  const index = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`"${text}" not found in ${path.basename(file)}`);
  return index + 1;
}

/** Lines that differ between two versions of a file (same line count assumed for toggles). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  return b.filter((line, i) => line !== a[i]);
}

const CHECKS: Check[] = [
  {
    title: 'Plan view shows the sections of 004 (Phase 1: Client Portal Fixes)',
    needsSharedPlans: true,
    run: async (ui) => {
      await ui.openFile(PLAN_FILE);
      await ui.showPlanView();
      await ui.treeRow(PHASE_1);
      return `row "${PHASE_1}" visible`;
    },
  },
  {
    title: 'clicking a Plan view item moves the editor cursor there',
    needsSharedPlans: true,
    run: async (ui) => {
      await ui.openFile(PLAN_FILE);
      await ui.showPlanView();
      const expected = lineOf(ui.file(PLAN_FILE), `## ${PHASE_1}`);
      await (await ui.treeRow(PHASE_1)).locator('.label-name, .monaco-highlighted-label').first().click();
      const cursor = await poll(async () => {
        const c = await ui.cursor();
        return c?.line === expected ? c : undefined;
      }, 15_000, `the status bar to show Ln ${expected} (it shows ${JSON.stringify(await ui.cursor())})`);
      return `status bar shows Ln ${cursor.line}, Col ${cursor.column}`;
    },
  },
  {
    title: 'ticking a task checkbox in the Plan view changes the file on disk after save',
    needsSharedPlans: true,
    run: async (ui) => {
      await ui.openFile(PLAN_FILE);
      await ui.showPlanView();
      await ui.treeRow(PHASE_1);
      const file = ui.file(PLAN_FILE);
      const original = fs.readFileSync(file, 'utf8');
      const unticked = ui.page.locator('[role="checkbox"][aria-checked="false"]');
      const row = await poll(async () => {
        const rows = ui.sidebar.locator('.monaco-list-row').filter({ has: unticked });
        if ((await rows.count()) > 0 && (await rows.first().isVisible())) return rows.first();
        const collapsed = ui.sidebar.locator('.monaco-list-row[aria-expanded="false"]');
        if ((await collapsed.count()) > 0) await collapsed.first().click();
        return undefined;
      }, 30_000, 'an unticked task checkbox in the Plan view');
      const label = ((await row.getAttribute('aria-label')) ?? '').replace(/\s+/g, ' ').trim() || '(unlabelled row)';
      const index = await row.getAttribute('data-index');
      const checkbox = row.locator('[role="checkbox"]').first();
      try {
        await checkbox.click();
        const changed = await waitForDiskChange(ui, file, original);
        const lines = changedLines(original, changed);
        if (!lines.some((l) => /\[[xX]\]/.test(l))) throw new Error(`file changed, but no task was ticked: ${lines.join(' | ')}`);
        // Untick through the UI as well; the finally block is the safety net.
        // Re-query by position: the tree re-renders its rows after the edit.
        const ticked = ui.sidebar.locator(`.monaco-list-row[data-index="${index}"] [role="checkbox"]`).first();
        if ((await ticked.getAttribute('aria-checked')) === 'true') await ticked.click();
        const restored = await waitForDiskChange(ui, file, changed).then((now) => now === original, () => false);
        const how = restored ? 'unticked in the view' : 'restored by rewriting the file';
        return `ticked "${label}"; changed on disk: "${lines[0]?.trim()}"; ${how}`;
      } finally {
        // It is a temp copy, but keep later checks on the original text.
        if (fs.readFileSync(file, 'utf8') !== original) {
          fs.writeFileSync(file, original);
          await ui.runCommand('File: Revert File').catch(() => undefined);
        }
      }
    },
  },
  {
    title: 'a code lens with hours (" h") is visible in the editor, and follows the untick (0 done)',
    needsSharedPlans: true,
    run: async (ui) => {
      await ui.openFile(PLAN_FILE);
      // \s, not a space: the editor renders code lens text with non-breaking spaces.
      // Lenses scrolled out of view stay in the DOM, hidden: look at the visible ones only.
      // 004 is back to its original text (check 3 unticked what it ticked), so the lens must say
      // "0 done" once the editor has redrawn it (VS Code waits ~750 ms before asking for lenses).
      const lens = ui.page.locator('.monaco-editor .codelens-decoration', { hasText: /\s0\sdone\s.*\sh\b/ }).filter({ visible: true }).first();
      await lens.waitFor({ state: 'visible', timeout: 30_000 });
      return `code lens "${(await lens.innerText()).replace(/\s+/g, ' ').trim()}"`;
    },
  },
  {
    title: 'the Problems panel shows findings for 000',
    needsSharedPlans: true,
    run: async (ui) => {
      await ui.openFile(FINDINGS_FILE);
      await ui.runCommand('Focus on Problems View');
      const panel = ui.page.locator('.markers-panel');
      const fileRow = panel.locator('.monaco-list-row', { hasText: FINDINGS_FILE }).first();
      await fileRow.waitFor({ state: 'visible', timeout: 30_000 });
      const findings = await poll(async () => {
        const rows = await findingsUnder(panel, FINDINGS_FILE);
        return rows.length > 0 ? rows : undefined;
      }, 10_000, `findings listed under ${FINDINGS_FILE}`);
      return `${findings.length} finding(s) listed under ${FINDINGS_FILE}; first: "${findings[0]}"`;
    },
  },
  {
    title: 'the Plan view lists each item of a plan with a summary table once (gap-analysis.md: 9 items, 6 restated in its priority matrix)',
    needsSharedPlans: false,
    run: async (ui) => {
      const sample = 'gap-analysis.md';
      // The nine items Part 1 of the sample defines, read by hand; its "Priority Matrix" tables
      // restate six of them (SLA Timers, Auto-Assignment Rules, Single Sign-On for Customers,
      // Scheduled Email Reports, Dark Mode, Canned Reply Macros).
      const titles = [
        'SLA Timers',
        'Auto-Assignment Rules',
        'Canned Reply Macros',
        'Agent Performance Dashboard',
        'CSV Export',
        'Scheduled Email Reports',
        'Single Sign-On for Customers',
        'Ticket History Search',
        'Dark Mode',
      ];
      await ui.openFile(sample);
      await ui.showPlanView();
      await ui.treeRow(titles[0]);
      // The "Plan" pane only: the "Plans" pane beside it lists files, and may list their items too.
      // VS Code labels a view's header "<name> Section".
      const header = ui.sidebar.locator('.pane-header[aria-label="Plan Section"]').first();
      await header.waitFor({ timeout: 10_000 });
      const pane = ui.sidebar.locator('.pane').filter({ has: ui.page.locator('.pane-header[aria-label="Plan Section"]') }).last();
      await poll(async () => {
        const collapsed = pane.locator('.monaco-list-row[aria-expanded="false"]');
        if ((await collapsed.count()) === 0) return true;
        await collapsed.first().click();
        await sleep(200);
        return undefined;
      }, 30_000, 'every Plan view row expanded');
      const labels = (await pane.locator('.monaco-list-row .label-name').allInnerTexts()).map((l) => l.replace(/\s+/g, ' ').trim());
      const shot = path.join(resultsDir, 'plan-view-items-once.png');
      await ui.sidebar.screenshot({ path: shot });
      // Leave the pointer over the Plan view, whose title bar actions the next check clicks.
      await header.hover();
      const wrong = titles.map((t) => [t, labels.filter((l) => l === t).length] as const).filter(([, n]) => n !== 1);
      if (wrong.length > 0) throw new Error(`expected each item once; ${wrong.map(([t, n]) => `"${t}" ${n}×`).join(', ')} (rows: ${labels.join(' | ')})`);
      return `${titles.length} items, each once among ${labels.length} rows (${path.basename(shot)})`;
    },
  },
  {
    title: 'the dashboard opens beside the sample plan with its charts, in dark and light themes; a click on a mismatch moves the cursor there',
    needsSharedPlans: false,
    run: async (ui) => {
      const sample = 'gap-analysis.md';
      await ui.openFile(sample);
      // The Plan view's title bar button (the command itself is tested in the suite).
      await ui.showPlanView();
      await ui.page.locator('.pane-header .action-label[aria-label^="Open Dashboard"], .title-actions .action-label[aria-label^="Open Dashboard"]').first().click();
      const webview = ui.page.locator('iframe.webview.ready').last();
      const frame = ui.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      await frame.locator('#pl-priority svg').waitFor({ timeout: 30_000 });
      await frame.locator('#pl-progress svg').waitFor({ timeout: 10_000 });
      const shots: string[] = [];
      for (let i = 0; i < 2; i++) {
        if (i > 0) await ui.runCommand('Preferences: Toggle between Light/Dark Themes');
        await sleep(1500);
        const theme = ((await ui.page.locator('.monaco-workbench').getAttribute('class')) ?? '').includes('vs-dark') ? 'dark' : 'light';
        const box = await webview.boundingBox();
        const shot = path.join(resultsDir, `dashboard-${theme}.png`);
        await ui.page.screenshot({ path: shot, ...(box ? { clip: box } : {}) });
        shots.push(path.basename(shot));
      }
      await ui.runCommand('Preferences: Toggle between Light/Dark Themes');
      const button = frame.locator('button.pl-reveal').first();
      const expected = Number(await button.getAttribute('data-line')) + 1;
      await button.click();
      const cursor = await poll(async () => {
        const c = await ui.cursor();
        return c?.line === expected ? c : undefined;
      }, 15_000, `the status bar to show Ln ${expected} after the mismatch click (it shows ${JSON.stringify(await ui.cursor())})`);
      return `charts shown (${shots.join(', ')}); mismatch click put the cursor on Ln ${cursor.line}`;
    },
  },
];

/** Texts of the Problems panel rows listed under a file's row (its markers). */
async function findingsUnder(panel: Locator, fileName: string): Promise<string[]> {
  const rows = await panel.locator('.monaco-list-row').evaluateAll((elements) =>
    elements.map((e) => ({
      index: Number(e.getAttribute('data-index')),
      level: e.getAttribute('aria-level'),
      text: (e.textContent ?? '').trim(),
    })),
  );
  rows.sort((a, b) => a.index - b.index); // the list is virtual: DOM order is not row order
  const start = rows.findIndex((r) => r.level === '1' && r.text.includes(fileName));
  if (start < 0) return [];
  const found: string[] = [];
  for (const row of rows.slice(start + 1)) {
    if (row.level === '1') break;
    found.push(row.text);
  }
  return found;
}

/** Save everything (the extension may leave the edit unsaved) and wait for the file to differ from `from`. */
async function waitForDiskChange(ui: Ui, file: string, from: string): Promise<string> {
  await sleep(500);
  await ui.runCommand('File: Save All');
  return poll(() => {
    const now = fs.readFileSync(file, 'utf8');
    return now !== from ? now : undefined;
  }, 15_000, `${path.basename(file)} to change on disk`);
}

function withTimeLimit<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`check took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

async function runCheck(ui: Ui, check: Check, index: number): Promise<CheckResult> {
  if (check.needsSharedPlans && !ui.workspace.hasSharedPlans) {
    return { title: check.title, state: 'skipped', detail: 'skipped: ../shared/fixtures/plans is absent' };
  }
  const screenshot = path.join(resultsDir, `ui-${String(index + 1).padStart(2, '0')}.png`);
  step(`UI check ${index + 1}/${CHECKS.length}: ${check.title}`);
  try {
    const detail = await withTimeLimit(check.run(ui), CHECK_TIME_LIMIT_MS);
    await ui.page.screenshot({ path: screenshot });
    return { title: check.title, state: 'passed', detail, screenshot };
  } catch (err) {
    await ui.page.screenshot({ path: screenshot }).catch(() => undefined);
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    // Close any quick input left open so the next check starts clean.
    await ui.page.keyboard.press('Escape').catch(() => undefined);
    return { title: check.title, state: 'failed', detail: `${message} (screenshot ${path.basename(screenshot)})`, screenshot };
  }
}

/** Open the workbench with the extension loaded and wait until it is usable. */
async function openWorkbench(browser: Browser, server: CodeServer, workspace: FixtureWorkspace): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const consoleLog = fs.createWriteStream(path.join(resultsDir, 'ui-console.log'));
  page.on('console', (msg) => consoleLog.write(`[${msg.type()}] ${msg.text()}\n`));
  page.on('close', () => consoleLog.end());
  step('opening the workbench for the UI checks');
  await page.goto(workbenchUrl(server, workspace.dir, extensionPath), { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The explorer lists the workspace once the remote connection is up.
  await page.locator('[id="workbench.parts.statusbar"]').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return page;
}

export async function runUiChecks(browser: Browser, server: CodeServer, workspace: FixtureWorkspace): Promise<CheckResult[]> {
  if (CHECKS.every((c) => c.needsSharedPlans) && !workspace.hasSharedPlans) {
    return CHECKS.map((c) => ({ title: c.title, state: 'skipped', detail: 'skipped: ../shared/fixtures/plans is absent' }));
  }
  let page: Page;
  try {
    page = await openWorkbench(browser, server, workspace);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return CHECKS.map((c) => ({ title: c.title, state: 'failed', detail: `workbench did not open: ${message}` }));
  }
  const ui = new Ui(page, workspace);
  const results: CheckResult[] = [];
  for (const [i, check] of CHECKS.entries()) results.push(await runCheck(ui, check, i));
  await takeOverview(ui).catch((err) => step(`overview screenshot not taken: ${err instanceof Error ? err.message.split('\n')[0] : err}`));
  await page.close().catch(() => undefined);
  return results;
}

/**
 * One picture of everything at once, for the README: the Plan view, section and total lenses
 * and the Problems panel, on the project's own sample gap analysis (not on others' plans).
 * Not a check: a failure here only skips the picture.
 */
async function takeOverview(ui: Ui): Promise<void> {
  const sample = 'gap-analysis.md';
  if (!fs.existsSync(ui.file(sample))) return;
  await ui.runCommand('View: Close All Editors');
  await ui.openFile(sample);
  await ui.showPlanView();
  await ui.runCommand('Focus on Problems View');
  await ui.runCommand('View: Focus Active Editor Group');
  await ui.runCommand('Go to Line/Column...');
  await ui.page.keyboard.type(String(lineOf(ui.file(sample), '### 2. Reporting') + 12));
  await ui.page.keyboard.press('Enter');
  await ui.page.locator('.monaco-editor .codelens-decoration', { hasText: /Parts add to/ }).filter({ visible: true }).first().waitFor({ timeout: 20_000 });
  await sleep(1000);
  await ui.page.screenshot({ path: path.join(resultsDir, 'overview.png') });
  step(`overview screenshot: ${path.join(resultsDir, 'overview.png')}`);
}

