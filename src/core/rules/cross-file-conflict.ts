/**
 * Two plan files disagree about one item: the gap analysis says it is done, the
 * implementation plan says open; or they give it different priorities or estimates. The
 * item is the same when it has the same ID (and a title that does not name other work), or
 * the same title when neither file gives it a different ID.
 */
import type { Item } from '../model/schema';
import { formatHours, priorityCode } from '../model/format';
import type { CrossFileRule, CrossFileReport } from './types';
import { displayTitle, fullId } from './item-identity';
import { acrossFiles, byFile, differentItems, fileName, type Occurrence } from './cross-file-items';

interface Field {
  messageId: 'status' | 'priority' | 'estimate';
  /** The item's own value, as it reads in a message; undefined when the item states none. */
  value(item: Item): string | undefined;
  /** Whether two stated values agree (equal values, unless said otherwise). */
  agree?(a: Item, b: Item): boolean;
}

const FIELDS: Field[] = [
  {
    messageId: 'status',
    value: (i) => (i.status !== 'unknown' && (i.checkbox || i.statusSource === 'own') ? i.status : undefined),
  },
  { messageId: 'priority', value: (i) => (i.priority?.source === 'own' ? priorityCode(i.priority.rank) : undefined) },
  { messageId: 'estimate', value: (i) => (i.estimate && !i.estimate.per ? formatHours(i.estimate.hours) : undefined), agree: overlapping },
];

/** Estimates agree when their ranges meet: "4–6 h" and "5 h" say the same thing, "6 h" and "8 h" do not. */
function overlapping(a: Item, b: Item): boolean {
  const x = a.estimate!.hours;
  const y = b.estimate!.hours;
  return !((x.high !== null && x.high < y.low) || (y.high !== null && y.high < x.low));
}

/** The same item: one full ID (or none on either side), and no two occurrences that name different work. */
function sameItem(group: readonly Occurrence[]): boolean {
  const ids = new Set(group.map((o) => fullId(o.item)).filter((id) => id !== undefined));
  if (ids.size > 1) return false;
  return !group.some((a, i) => group.slice(i + 1).some((b) => a.plan.file !== b.plan.file && differentItems(a.identity, b.identity)));
}

function checkField(group: readonly Occurrence[], field: Field, seen: Set<string>, report: (r: CrossFileReport) => void): void {
  const agree = field.agree ?? ((a: Item, b: Item) => field.value(a) === field.value(b));
  const files = [...byFile(group)].map(([file, occ]) => ({ file, stated: occ.filter((o) => field.value(o.item) !== undefined) }));
  for (const here of files) {
    const first = here.stated[0];
    if (!first) continue;
    // Disagreeing means agreeing nowhere: a file that says both agrees in part.
    const others = files.filter((f) => f !== here && f.stated.length > 0 && !f.stated.some((o) => here.stated.some((h) => agree(h.item, o.item))));
    const key = `${field.messageId}\u0000${here.file}\u0000${first.item.index}`;
    if (others.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const there = others[0].stated[0];
    report({
      file: here.file,
      messageId: field.messageId,
      range: first.item.titleRange,
      data: { title: displayTitle(first.item), here: field.value(first.item)!, there: field.value(there.item)!, file: fileName(there.plan.file) },
      related: others.flatMap((f) =>
        f.stated.map((o) => ({ file: f.file, range: o.item.titleRange, message: `"${displayTitle(o.item)}" is ${field.value(o.item)} in ${fileName(f.file)}` })),
      ),
    });
  }
}

export const crossFileConflict: CrossFileRule = {
  meta: {
    id: 'cross-file-conflict',
    description: 'The same item has a different status, priority or estimate in another plan file.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      status: '"{title}" is {here} here but {there} in {file} (see related locations)',
      priority: '"{title}" is {here} here but {there} in {file} (see related locations)',
      estimate: '"{title}" is estimated at {here} here but {there} in {file} (see related locations)',
    },
  },
  checkAcross({ plans, report }) {
    const seen = new Set<string>();
    for (const group of acrossFiles(plans).values()) {
      if (!sameItem(group)) continue;
      for (const field of FIELDS) checkField(group, field, seen, report);
    }
  },
};
