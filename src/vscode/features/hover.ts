/**
 * Hover over an estimate, a declared total or a declared count: how Plan Lens read it and
 * what its parts add up to. The markdown carries document text, so it is never trusted,
 * renders no HTML and no theme icons, and all document text in it is escaped.
 */
import * as vscode from 'vscode';
import type { Range } from '../../core/model/schema';
import type { PlanAnalysis } from '../analysis/protocol';
import type { PlanStore } from '../analysis/plan-store';
import { toRange } from '../apply-edits';
import { explainOne } from '../../core/explain';
import { declaredHover, estimateHover, sizeHover } from './hover-text';

class PlanHover implements vscode.HoverProvider {
  constructor(private readonly store: PlanStore) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const entry = await this.store.settled(document, token);
    if (!entry?.isPlan) return undefined;
    const found = hoverAt(entry.analysis, position);
    if (!found) return undefined;
    const markdown = new vscode.MarkdownString(found.markdown, false);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, toRange(found.range));
  }
}

function hoverAt(analysis: PlanAnalysis, position: vscode.Position): { markdown: string; range: Range } | undefined {
  const { model, declaredParts } = analysis;
  const inside = (r: Range) => toRange(r).contains(position);
  for (const declared of model.declared) {
    if (declared.kind !== 'capacity' && inside(declared.range)) {
      return { markdown: declaredHover(declared, declaredParts[declared.index], explainOne(analysis, declared)), range: declared.valueRange };
    }
  }
  const item = model.items.find((i) => i.estimate && inside(i.estimate.range));
  if (item?.estimate) return { markdown: estimateHover(item.estimate, item), range: item.estimate.range };
  const sized = model.items.find((i) => i.size && inside(i.size.range));
  if (sized?.size) return { markdown: sizeHover(sized.size, sized), range: sized.size.range };
  return undefined;
}

export function registerHoverSupport(store: PlanStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'markdown' }, new PlanHover(store));
}
