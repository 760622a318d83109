/**
 * Status that contradicts itself: the same item done in one place and still open in
 * another, an item whose own heading further on holds the opposite ticks, or a section
 * marked done over tasks that are not ticked.
 */
import type { Item, PlanModel, Section } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { displayTitle, groupSameItems, identityIn, normaliseTitle, significantWords } from './item-identity';
import { fromHeading } from './provenance';
import { groupBy } from './group-by';
import { TextMemo } from './text-memo';

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
      data: { title: displayTitle(last), here: last.status + fromHeading(model, last, 'status'), there: others[0].status },
      related: others.map((o) => ({ range: o.titleRange, message: `"${displayTitle(o)}" is ${o.status}${fromHeading(model, o, 'status')}` })),
    });
  }
}

/** All of a section's own tasks ticked, or none; undefined when mixed, or when the heading states a status itself. */
function tickedState(model: PlanModel, section: Section): 'done' | 'open' | undefined {
  if (section.status || section.checklist || section.sections.length > 0) return undefined;
  const tasks = section.items.map((i) => model.items[i]).filter((i) => i?.checkbox && !i.checklist);
  if (tasks.length === 0) return undefined;
  const ticked = tasks.filter((t) => t.checkbox!.checked).length;
  return ticked === tasks.length ? 'done' : ticked === 0 ? 'open' : undefined;
}

/** A section title as an item title to match, remembered by title (an edit re-reads every heading). */
const matchTitles = new TextMemo<string | undefined>();

function matchTitle(title: string): string | undefined {
  return matchTitles.get(title, (t) => {
    const normalised = normaliseTitle(t);
    return significantWords(normalised).length >= 2 ? normalised : undefined;
  });
}

/**
 * "| Newsletter signup | ✅ Done |" in a summary table, and "### Newsletter signup" further
 * on with none of its tasks ticked. Matched by exact title (at least two significant
 * words), never by similarity: a heading is a weaker restatement than an item.
 */
function checkItemsAgainstTheirSections(model: PlanModel, report: RuleContext['report']): void {
  const sections = groupBy(
    model.sections.filter((s) => tickedState(model, s)),
    (s) => matchTitle(s.title),
  );
  for (const item of model.items) {
    if ((item.status !== 'done' && item.status !== 'open') || item.checklist) continue;
    const identity = identityIn(model, item);
    const matches = identity.words.length >= 2 ? (sections.get(identity.title) ?? []) : [];
    const section = matches.length === 1 && matches[0].index !== item.section ? matches[0] : undefined;
    if (!section || tickedState(model, section) === item.status) continue;
    report({
      messageId: item.status === 'done' ? 'doneButTasksOpen' : 'openButTasksDone',
      range: item.titleRange,
      data: { title: displayTitle(item), line: section.range.start.line + 1 },
      related: [{ range: section.range, message: `"${section.title}": ${item.status === 'done' ? 'no task ticked' : 'every task ticked'}` }],
    });
  }
}

/**
 * Unticked tasks by the section whose status speaks for them: the nearest one at or above
 * the task's own section that states a status. A subsection with its own status speaks for
 * its tasks instead of the section above it.
 */
function openTasksByOwner(model: PlanModel): Map<number, Item[]> {
  const owners = new Map<number, number | undefined>();
  const ownerOf = (section: number): number | undefined => {
    if (!owners.has(section)) {
      const s = model.sections[section];
      owners.set(section, s?.status ? section : s?.parent === undefined ? undefined : ownerOf(s.parent));
    }
    return owners.get(section);
  };
  const open = model.items.filter((i) => i.checkbox && !i.checkbox.checked && !i.checklist);
  return groupBy(open, (item) => ownerOf(item.section));
}

/** The document's own title and preamble say how the document stands ("Analysis complete"), not the work. */
function checkDoneSections(model: PlanModel, report: RuleContext['report']): void {
  const openByOwner = openTasksByOwner(model);
  for (const section of model.sections) {
    if (section.status !== 'done' || section.checklist || section.depth <= 1) continue;
    const open = openByOwner.get(section.index) ?? [];
    if (open.length === 0) continue;
    report({
      messageId: 'doneSection',
      range: section.range,
      data: { section: section.title, open: open.length },
      related: open.map((i) => ({ range: i.titleRange, message: `"${displayTitle(i)}" is not ticked` })),
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
      restated: '"{title}" is {here} here but {there} elsewhere (see related locations)',
      doneButTasksOpen: '"{title}" is marked done, but none of the tasks under its heading (line {line}) is ticked',
      openButTasksDone: '"{title}" is marked open, but every task under its heading (line {line}) is ticked',
      doneSection: '"{section}" is marked done, but tasks under it are not ticked ({open}; see related locations)',
    },
  },
  check({ model, report }) {
    checkRestatements(model, report);
    checkItemsAgainstTheirSections(model, report);
    checkDoneSections(model, report);
  },
};
