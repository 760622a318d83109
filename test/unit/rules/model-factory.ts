/** Small hand-built plan models, for testing rule logic apart from the model builder. */
import { AnalyzeOptionsSchema, type AnalyzeOptionsInput, type Declared, type Item, type PlanModel, type Range, type Section } from '../../../src/core/model/schema';
import { computeRollups } from '../../../src/core/model/rollups';
import type { RunContext } from '../../../src/core/rules/runner';

/** A range on one line; offsets are line * 100 + column so they stay ordered. */
export function at(line: number, column = 0, length = 1): Range {
  return {
    start: { line, column, offset: line * 100 + column },
    end: { line, column: column + length, offset: line * 100 + column + length },
  };
}

export function emptyModel(): PlanModel {
  const section: Section = {
    index: 0, title: '', depth: 0, range: at(0), bodyRange: { start: at(0).start, end: at(999).end },
    sections: [], items: [], checklist: false,
  };
  return {
    version: 1, isPlan: true, detection: { score: 1, reason: 'test' }, sections: [section], items: [],
    declared: [], mojibake: [], directives: [], eol: '\n', lineCount: 1000,
  };
}

export function addItem(model: PlanModel, line: number, fields: Partial<Item> & { title: string }): Item {
  const item: Item = {
    index: model.items.length, kind: 'list', status: 'unknown', checklist: false, range: at(line, 0, 40),
    titleRange: at(line, 2, fields.title.length), section: 0, children: [], ...fields,
  };
  model.items.push(item);
  return item;
}

export function addDeclared(model: PlanModel, line: number, fields: Partial<Declared> & Pick<Declared, 'kind' | 'value' | 'valueText'>): Declared {
  const declared: Declared = {
    index: model.declared.length, label: 'Total', range: at(line, 0, 40), valueRange: at(line, 10, fields.valueText.length),
    where: 'paragraph', scope: { kind: 'document', items: [] }, section: 0, ...fields,
  };
  model.declared.push(declared);
  return declared;
}

export function hours(low: number, high: number | null = low, text = `${low}h`, line = 0) {
  return { hours: { low, high }, unit: 'h' as const, text, range: at(line, 30, text.length) };
}

export function contextFor(model: PlanModel, text = '', options: AnalyzeOptionsInput = {}): RunContext {
  return { text, model, rollups: computeRollups(model), options: AnalyzeOptionsSchema.parse(options) };
}
