/**
 * Ticking and unticking tasks, from the tree's checkboxes or the "Toggle Task" command.
 * The edit is computed by the core against the text the model was built from; when the
 * document has moved on, the tasks are looked up again in a fresh analysis, and when that
 * fails nothing is written: a tick must never land on the wrong line.
 */
import * as vscode from 'vscode';
import { setTaskEdit, toggleTaskEdit } from '../core/edits/toggle';
import type { TextEdit } from '../core/model/finding';
import type { Item } from '../core/model/schema';
import type { PlanEntry, PlanStore } from './analysis/plan-store';
import { applyCoreEdits, openDocument } from './apply-edits';
import { matchItem } from './item-match';

export interface TaskChange {
  item: Item;
  /** The state wanted; undefined flips it. */
  checked?: boolean;
}

/** Attempts against a document that keeps changing under us before giving up. */
const ATTEMPTS = 2;

export async function changeTasks(store: PlanStore, entry: PlanEntry, changes: readonly TaskChange[]): Promise<boolean> {
  const document = openDocument(entry.uri);
  if (!document) return refuse('the document was closed');
  let current: PlanEntry | undefined = entry;
  let wanted = changes;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!current || document.version !== current.version) {
      current = await store.current(document);
      if (!current) return refuse('the document changed and could not be read again');
      wanted = rematch(changes, current);
      if (wanted.length !== changes.length) return refuse('the task is no longer in the document');
    }
    const edits = editsFor(document.getText(), wanted);
    if (!edits) return refuse('the text at the task is no longer a checkbox');
    if (edits.length === 0) return true;
    const outcome = await applyCoreEdits(document, current.version, edits);
    if (outcome === 'applied') return true;
    if (outcome === 'closed') return refuse('the document was closed');
    current = undefined; // changed (or VS Code refused): read it again
  }
  return refuse('the document kept changing');
}

/** All edits or none: a partial tick of a multi-selection would be a surprise. */
function editsFor(text: string, changes: readonly TaskChange[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const { item, checked } of changes) {
    if (!toggleTaskEdit(text, item)) return undefined;
    const edit = checked === undefined ? toggleTaskEdit(text, item) : setTaskEdit(text, item, checked);
    if (edit) edits.push(edit);
  }
  return edits;
}

function rematch(changes: readonly TaskChange[], entry: PlanEntry): TaskChange[] {
  return changes.flatMap(({ item, checked }) => {
    const found = matchItem(item, entry.analysis.model.items);
    return found?.checkbox ? [{ item: found, checked }] : [];
  });
}

function refuse(why: string): false {
  void vscode.window.showWarningMessage(`Plan Lens did not change the task: ${why}.`);
  return false;
}
