/**
 * Find All References on an item ID ("CP-004"): every item with that ID in every plan of the
 * workspace, open or not — a gap analysis, the implementation plan and the sprint plan that
 * restate it.
 */
import * as vscode from 'vscode';
import { fullId } from '../../core/rules/item-identity';
import type { PlanStore } from '../analysis/plan-store';
import { toRange } from '../apply-edits';
import type { PlanIndex } from '../workspace/workspace-index-support';

/** An ID as plans write them (fields.ts's ID_RE without its anchors): "CP-004", "STORY-3.1". */
const ID_AT_CURSOR = /[A-Z][A-Z0-9]{0,11}(?:-[A-Z0-9]{1,8})*-\d{1,5}(?:\.\d{1,4})*[a-z]?/;

export function registerReferencesSupport(store: PlanStore, index: PlanIndex): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(
    { language: 'markdown' },
    {
      async provideReferences(document, position) {
        const range = document.getWordRangeAtPosition(position, ID_AT_CURSOR);
        if (!range) return undefined;
        const id = document.getText(range);
        await store.settled(document);
        return index.plans().flatMap((plan) =>
          plan.analysis.model.items.filter((item) => fullId(item) === id).map((item) => new vscode.Location(vscode.Uri.parse(plan.file), toRange(item.titleRange))),
        );
      },
    },
  );
}
