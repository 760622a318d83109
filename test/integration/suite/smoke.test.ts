// Smoke test: the extension loads in a real VS Code and wires up its basics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, anyMarkdownFile, sharedFixture, waitFor } from './helpers.js';

/**
 * Open a plan and wait until the extension is active. Activation must come from opening
 * the file (the extension's activation events), so the test never calls `activate()`.
 */
async function openPlanAndWaitForActivation(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} not found`);
  // Prefer the real-world fixture; fall back to any markdown file in the workspace.
  const file = sharedFixture('004_bafbc14f0c5d7478.md') ?? anyMarkdownFile();
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'markdown');
  await waitFor(() => ext.isActive, 30_000, `${EXTENSION_ID} to activate`);
}

suite('Smoke', () => {
  test('prints the VS Code version, which is 1.139 under code-server', () => {
    console.log(`[plan-lens tests] vscode.version = ${vscode.version}, appName = ${vscode.env.appName}`);
    if (process.env.PLAN_LENS_HOST === 'code-server') {
      assert.ok(vscode.version.startsWith('1.139'), `expected 1.139.x under code-server, got ${vscode.version}`);
    }
  });

  test('the extension is installed', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `extension ${EXTENSION_ID} not found`);
  });

  test('opening a markdown plan activates the extension', async () => {
    await openPlanAndWaitForActivation();
  });

  test('the command planLens.refresh exists after activation', async () => {
    await openPlanAndWaitForActivation();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('planLens.refresh'), 'planLens.refresh is not registered');
  });
});
