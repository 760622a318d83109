// The dashboard in a real VS Code: it opens from the command beside the sample plan, shows
// its charts, follows a tick made in the editor, and a click on a mismatch (the message the
// page sends) reveals that line. The workspace is not a git repository, so the burn-down
// must say so instead of failing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, skipBecause, waitFor, workspaceRoot } from './helpers.js';

interface DashboardState {
  open: boolean;
  uri?: string;
  version?: number;
  title: string;
  html: string;
}

const SAMPLE = 'roadmap.md';

async function dashboardFor(document: vscode.TextDocument): Promise<DashboardState> {
  let state: DashboardState | undefined;
  await waitFor(
    async () => {
      state = await vscode.commands.executeCommand<DashboardState>('planLens._test.dashboard');
      return state.open && state.uri === document.uri.toString() && state.version === document.version;
    },
    60_000,
    `the dashboard to show ${path.basename(document.uri.fsPath)} v${document.version}`,
  );
  return state!;
}

function doneCount(html: string): { done: number; items: number } {
  const m = /(\d+) of (\d+) items done/.exec(html);
  assert.ok(m, 'the progress chart describes done and items');
  return { done: Number(m[1]), items: Number(m[2]) };
}

suite('Dashboard', () => {
  suiteSetup(async function () {
    this.timeout(120_000);
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opens beside the sample plan with its charts, follows a tick, and a mismatch click reveals its line', async function () {
    this.timeout(180_000);
    const file = path.join(workspaceRoot(), SAMPLE);
    if (!fs.existsSync(file)) skipBecause(this, `${SAMPLE} is not in the test workspace`);
    const original = fs.readFileSync(file, 'utf8');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    try {
      await vscode.commands.executeCommand('planLens.openDashboard');
      const state = await dashboardFor(document);
      assert.equal(state.title, `Plan Lens Dashboard: ${SAMPLE}`);
      for (const title of ['Hours by priority', 'Hours by section', 'Progress by section', "Declared numbers that don't add up"]) {
        assert.ok(state.html.includes(`>${title}</h2>`), `the dashboard has "${title}"`);
      }
      assert.match(state.html, /<svg class="pl-svg"[^>]*role="img"/);
      assert.match(state.html, /not in a git repository/, 'the burn-down says why there is none');

      // A tick in the editor shows up as one more item done.
      const before = doneCount(state.html);
      const line = document.getText().split('\n').findIndex((l) => /^\s*[-*] \[ \] /.test(l));
      assert.ok(line >= 0, 'the sample has an open task');
      const box = document.lineAt(line).text.indexOf('[ ]');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(line, box, line, box + 3), '[x]');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const after = doneCount((await dashboardFor(document)).html);
      assert.deepEqual(after, { done: before.done + 1, items: before.items });

      // The page's click on a mismatch: the editor selects that line.
      const shown = await dashboardFor(document);
      const target = /class="pl-reveal" data-line="(\d+)"/.exec(shown.html);
      assert.ok(target, 'the sample has a declared number that does not add up');
      const mismatchLine = Number(target[1]);
      assert.equal(await vscode.commands.executeCommand('planLens._test.dashboardMessage', { type: 'reveal', line: mismatchLine }), true);
      await waitFor(() => vscode.window.activeTextEditor?.selection.start.line === mismatchLine, 10_000, `the cursor on line ${mismatchLine + 1}`);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
      // Anything else the page might send is ignored.
      assert.equal(await vscode.commands.executeCommand('planLens._test.dashboardMessage', { type: 'reveal', line: -1 }), false);
      assert.equal(await vscode.commands.executeCommand('planLens._test.dashboardMessage', { type: 'openFile', path: '/etc/passwd' }), false);
    } finally {
      await vscode.window.showTextDocument(document);
      fs.writeFileSync(file, original);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
