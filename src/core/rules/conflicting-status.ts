/**
 * Status that contradicts itself: the same item done in one place and still open in
 * another, or a section marked done over tasks that are not ticked.
 */
import type { Item, PlanModel, Section } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { groupSameItems } from './item-identity';

function where(item: Item): string {
  return item.statusSource === 'section' ? 'by its section' : 'here';
}

function checkRestatements(model: PlanModel, report: RuleContext['report']): void {
  const decided = model.items.filter((i) => (i.status === 'done' || i.status === 'open') && !i.checklist);
  for (const group of groupSameItems(model, decided)) {
    const statuses = new Set(group.map((i) => i.status));
    if (!statuses.has('done') || !statuses.has('open')) continue;
    const sorted = [...group].sort((a, b) => a.range.start.offset - b.range.start.offset);
    const last = sorted[sorted.length - 1];
    const others = sorted.slice(0, -1).filter((o) => o.status !== last.status);
    report({
      messageId: 'restated',
      range: last.titleRange,
      data: { title: last.title, here: last.status, there: others[0].status, where: where(last) },
      related: others.map((o) => ({ range: o.titleRange, message: `"${o.title}" is ${o.status} ${where(o)}` })),
    });
  }
}

/** Work items in a section and its subsections. */
function tasksUnder(model: PlanModel, section: Section): Item[] {
  const { start, end } = section.bodyRange;
  return model.items.filter(
    (i) => i.checkbox && !i.checklist && i.range.start.offset >= start.offset && i.range.end.offset <= end.offset,
  );
}

function checkDoneSections(model: PlanModel, report: RuleContext['report']): void {
  for (const section of model.sections) {
    if (section.status !== 'done' || section.checklist) continue;
    const open = tasksUnder(model, section).filter((i) => !i.checkbox!.checked);
    if (open.length === 0) continue;
    report({
      messageId: 'doneSection',
      range: section.range,
      data: { section: section.title, open: open.length },
      related: open.map((i) => ({ range: i.titleRange, message: `"${i.title}" is not ticked` })),
    });
  }
}

export const conflictingStatus: Rule = {
  meta: {
    id: 'conflicting-status',
    description: 'The same item is done in one place and open in another, or a done section holds open tasks.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      restated: '"{title}" is {here} {where} but {there} elsewhere (see related locations)',
      doneSection: '"{section}" is marked done but {open} of its tasks are not ticked (see related locations)',
    },
  },
  check({ model, report }) {
    checkRestatements(model, report);
    checkDoneSections(model, report);
  },
};
