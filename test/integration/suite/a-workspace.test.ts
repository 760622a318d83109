// Named to run first: it must not wait behind the 5 MB plan of the Features suite, which keeps the one analysis worker busy for minutes on a loaded machine.
// The workspace index in a real VS Code: plans that are not open get their problems with
// planLens.problems.scope = workspace, cross-file findings land in both files, edits on disk
// (not in an editor) update them, and node_modules is never scanned.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, workspaceRoot } from './helpers.js';

const RULE = 'cross-file-conflict';

function plan(title: string, ledgerBox: ' ' | 'x'): string {
  return [
    `# ${title}`,
    '',
    '## Work',
    '',
    `- [${ledgerBox}] **ZX-101**: Ledger reconciliation export (P1, 6h)`,
    '- [ ] **ZX-102**: Vendor onboarding checklist (P2, 4h)',
    '- [ ] **ZX-103**: Quarterly tax summary (P1, 8h)',
    '',
  ].join('\n');
}

function crossFileDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => typeof d.code === 'object' && d.code.value === RULE);
}

suite('Workspace index', () => {
  let dir: string;
  let gap: vscode.Uri;
  let impl: vscode.Uri;
  let dependency: vscode.Uri;

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    dir = path.join(workspaceRoot(), 'index-test');
    fs.mkdirSync(path.join(dir, 'node_modules', 'ledger-kit'), { recursive: true });
    gap = vscode.Uri.file(path.join(dir, 'gap-analysis.md'));
    impl = vscode.Uri.file(path.join(dir, 'implementation-plan.md'));
    dependency = vscode.Uri.file(path.join(dir, 'node_modules', 'ledger-kit', 'README.md'));
    // A package README that would disagree with both plans, were it ever read.
    fs.writeFileSync(dependency.fsPath, plan('Ledger Kit Roadmap', ' ').replace('(P1, 6h)', '(P0, 20h)'));
    fs.writeFileSync(gap.fsPath, plan('Gap Analysis', 'x'));
    fs.writeFileSync(impl.fsPath, plan('Implementation Plan', ' '));
    await vscode.workspace.getConfiguration('planLens').update('problems.scope', 'workspace', vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('planLens').update('problems.scope', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('two closed plans that disagree about one item both show the finding in Problems, pointing at each other', async () => {
    await waitFor(() => crossFileDiagnostics(gap).length > 0 && crossFileDiagnostics(impl).length > 0, 30_000, 'cross-file findings in both plans');
    const open = vscode.workspace.textDocuments.map((d) => d.uri.toString());
    assert.ok(!open.includes(gap.toString()) && !open.includes(impl.toString()), 'neither plan may be open in an editor');
    for (const [here, there] of [
      [gap, impl],
      [impl, gap],
    ] as const) {
      const found = crossFileDiagnostics(here);
      assert.equal(found.length, 1, `${path.basename(here.fsPath)}: ${found.map((d) => d.message).join('; ')}`);
      assert.match(found[0]!.message, /Ledger reconciliation export/);
      assert.equal(found[0]!.range.start.line, 4);
      assert.ok(found[0]!.relatedInformation?.some((r) => r.location.uri.toString() === there.toString() && r.location.range.start.line === 4));
    }
  });

  test('editing one plan on disk, not in an editor, updates the findings in both', async () => {
    fs.writeFileSync(impl.fsPath, plan('Implementation Plan', 'x'));
    await waitFor(() => crossFileDiagnostics(gap).length === 0 && crossFileDiagnostics(impl).length === 0, 30_000, 'the findings to clear after the disk edit');
    fs.writeFileSync(impl.fsPath, plan('Implementation Plan', 'x').replace('(P1, 8h)', '(P3, 8h)'));
    await waitFor(() => crossFileDiagnostics(gap).some((d) => /Quarterly tax summary/.test(d.message)) && crossFileDiagnostics(impl).length === 1, 30_000, 'a priority conflict after the second disk edit');
  });

  test('a package README under node_modules is never scanned', () => {
    assert.deepEqual(vscode.languages.getDiagnostics(dependency), []);
    for (const uri of [gap, impl]) {
      for (const d of vscode.languages.getDiagnostics(uri)) {
        assert.ok(!d.relatedInformation?.some((r) => r.location.uri.path.includes('/node_modules/')), d.message);
      }
    }
  });

  test('with the scope back to open, closed plans have no problems', async () => {
    await vscode.workspace.getConfiguration('planLens').update('problems.scope', 'open', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => vscode.languages.getDiagnostics(gap).length === 0 && vscode.languages.getDiagnostics(impl).length === 0, 15_000, 'closed plans to lose their problems');
  });

  test('Find All References on an item ID lists the item in both plans', async () => {
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', gap, new vscode.Position(4, 10));
    const files = (refs ?? []).map((r) => `${path.basename(r.uri.fsPath)}:${r.range.start.line}`).sort();
    assert.deepEqual(files, ['gap-analysis.md:4', 'implementation-plan.md:4']);
  });
});
