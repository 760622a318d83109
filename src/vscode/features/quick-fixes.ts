/**
 * Quick fixes for findings: the rule's own fix, "Fix all" (also as `source.fixAll.planLens`
 * for code actions on save), and a comment that disables the rule for one line. Every action
 * is one undoable edit computed against the analysed version, and applied only while the
 * document is still at that version, so a stale fix never lands on moved text.
 */
import * as vscode from 'vscode';
import { applyFixes } from '../../core/edits/apply';
import type { TextEdit } from '../../core/model/finding';
import type { PlanEntry, PlanStore } from '../analysis/plan-store';
import { APPLY_FIX } from '../commands/apply-fix';
import { DIAGNOSTIC_SOURCE, sameSpot } from './diagnostic-data';
import { disableCommentEdit } from './suppress-edit';
import { singleEdit } from './whole-edit';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('planLens');
const FIX_ALL_TITLE = 'Fix all Plan Lens problems in this file';

class PlanQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly store: PlanStore) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const entry = await this.store.settled(document, token);
    if (!entry?.isPlan || entry.version !== document.version) return [];
    if (context.only && FIX_ALL_KIND.contains(context.only)) return fixAll(document, entry, FIX_ALL_KIND);
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const actions = context.diagnostics
      .filter((d) => d.source === DIAGNOSTIC_SOURCE && range.intersection(d.range))
      .flatMap((d) => forDiagnostic(document, entry, d));
    if (actions.length > 0) actions.push(...fixAll(document, entry, vscode.CodeActionKind.QuickFix));
    return actions;
  }
}

function forDiagnostic(document: vscode.TextDocument, entry: PlanEntry, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const rule = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
  const finding = entry.analysis.findings.find((f) => sameSpot(f, rule, diagnostic.range.start));
  if (!finding) return [];
  const actions: vscode.CodeAction[] = [];
  if (finding.fix) actions.push(action(finding.fix.description, vscode.CodeActionKind.QuickFix, entry, finding.fix.edits, diagnostic, true));
  const disable = disableCommentEdit(document.getText(), finding.range.start, finding.rule, entry.analysis.model.eol);
  actions.push(action(`Disable ${rule} for this line`, vscode.CodeActionKind.QuickFix, entry, [disable], diagnostic));
  return actions;
}

/**
 * Every fix that does not collide with another; none when nothing is fixable. Chosen from the
 * light bulb, a "Fix all" that changes more than one place opens VS Code's refactor preview
 * (each change listed, each can be unticked); on save (`source.fixAll.planLens`, which the user
 * opted into) it is one edit.
 */
function fixAll(document: vscode.TextDocument, entry: PlanEntry, kind: vscode.CodeActionKind): vscode.CodeAction[] {
  const fixable = entry.analysis.findings.filter((f) => f.fix);
  if (fixable.length === 0) return [];
  const text = document.getText();
  const fixed = applyFixes(text, fixable);
  if (fixed.applied === 0) return [];
  // Counted in places changed, not fixes: one fix (a mojibake repair) can change many.
  if (fixed.edits.length > 1 && kind.value === vscode.CodeActionKind.QuickFix.value) {
    return [action(FIX_ALL_TITLE, kind, entry, fixed.edits, undefined, false, FIX_ALL_TITLE)];
  }
  return [action(FIX_ALL_TITLE, kind, entry, [singleEdit(text, fixed.text)])];
}

/** Applied through a command that checks the version the edits were computed for. */
function action(title: string, kind: vscode.CodeActionKind, entry: PlanEntry, edits: TextEdit[], diagnostic?: vscode.Diagnostic, preferred = false, confirm?: string): vscode.CodeAction {
  const result = new vscode.CodeAction(title, kind);
  result.command = { title, command: APPLY_FIX, arguments: confirm === undefined ? [entry.uri, entry.version, edits] : [entry.uri, entry.version, edits, confirm] };
  if (diagnostic) result.diagnostics = [diagnostic];
  result.isPreferred = preferred;
  return result;
}

export function registerQuickFixSupport(store: PlanStore): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new PlanQuickFixes(store), PlanQuickFixes.metadata);
}
