/**
 * The burn-down: remaining items and hours at the end of each day, replayed backwards from
 * today's model. Each commit's removed and added item lines are paired by title, so a tick
 * (open → done) is one item closed, an edited estimate is a change of hours, and unpaired
 * lines are items added or removed.
 */
import type { Rollup } from '../model/rollup-types';
import type { UnitSettings } from '../parse/estimate';
import type { CommitChange } from './git-log';
import { readItemLine, type LineItem } from './lines';

export interface Delta {
  /** Change in items not done. */
  remainingItems: number;
  /** Change in hours of items not done (low ends). */
  remainingHours: number;
  /** Items that went from not done to done. */
  closed: number;
  /** Items that appeared or went away (not paired with a line of the same title). */
  added: number;
  removed: number;
}

export interface BurnDownDay {
  /** Calendar day ("2026-11-03"). */
  date: string;
  /** At the end of the day. */
  remainingItems: number;
  remainingHours: number;
  closed: number;
  added: number;
  removed: number;
  /** Commits of the day that touched the plan. */
  commits: number;
}

export interface BurnDown {
  /** Commits that touched the plan. */
  commits: number;
  /** Days with a change, oldest first, ending with today. */
  days: BurnDownDay[];
  /** Paths the plan had before (renames), newest first. */
  renamedFrom: string[];
}

const notDone = (i: LineItem) => i.status !== 'done';

export function lineDelta(removedLines: readonly string[], addedLines: readonly string[], units: UnitSettings): Delta {
  const removed = removedLines.map((l) => readItemLine(l, units)).filter((i): i is LineItem => i !== undefined);
  const added = addedLines.map((l) => readItemLine(l, units)).filter((i): i is LineItem => i !== undefined);
  const delta: Delta = { remainingItems: 0, remainingHours: 0, closed: 0, added: 0, removed: 0 };
  for (const [lines, sign] of [[removed, -1], [added, 1]] as const) {
    for (const i of lines.filter(notDone)) {
      delta.remainingItems += sign;
      delta.remainingHours += sign * i.hours;
    }
  }
  const unpaired = new Map<string, LineItem[]>();
  for (const i of removed) unpaired.set(i.key, [...(unpaired.get(i.key) ?? []), i]);
  for (const i of added) {
    const before = unpaired.get(i.key)?.shift();
    if (!before) delta.added++;
    else if (notDone(before) && !notDone(i)) delta.closed++;
  }
  for (const rest of unpaired.values()) delta.removed += rest.length;
  delta.remainingHours = round(delta.remainingHours);
  return delta;
}

/** Lines of `before` not in `after` and the other way round, as multisets (for unsaved or uncommitted edits). */
export function lineChanges(before: string, after: string): { removed: string[]; added: string[] } {
  const count = new Map<string, number>();
  for (const l of before.split('\n')) count.set(l, (count.get(l) ?? 0) + 1);
  const added: string[] = [];
  for (const l of after.split('\n')) {
    const n = count.get(l) ?? 0;
    if (n > 0) count.set(l, n - 1);
    else added.push(l);
  }
  const removed = [...count].flatMap(([l, n]) => Array<string>(n).fill(l));
  return { removed, added };
}

export interface ReplayInput {
  /** Newest first, as `git log` lists them. */
  commits: readonly CommitChange[];
  /** Today's model of the plan (the editor's text, saved or not). */
  now: Pick<Rollup, 'items' | 'done' | 'remainingHours'>;
  /** What changed since the last commit (the working tree or the editor buffer against HEAD). */
  uncommitted?: { removed: string[]; added: string[] };
  /** Today's calendar day. */
  today: string;
  units: UnitSettings;
}

export function replay({ commits, now, uncommitted, today, units }: ReplayInput): BurnDown {
  let items = now.items - now.done;
  let hours = now.remainingHours.low;
  const days = new Map<string, BurnDownDay>();
  const day = (date: string) => {
    let d = days.get(date);
    if (!d) days.set(date, (d = { date, remainingItems: clamp(items), remainingHours: clamp(round(hours)), closed: 0, added: 0, removed: 0, commits: 0 }));
    return d;
  };
  day(today);
  if (uncommitted) {
    const u = lineDelta(uncommitted.removed, uncommitted.added, units);
    count(day(today), u);
    items -= u.remainingItems;
    hours -= u.remainingHours;
  }
  for (const c of commits) {
    const d = day(c.date); // the first (newest) commit of a day sets its end-of-day state
    const delta = lineDelta(c.removed, c.added, units);
    count(d, delta);
    d.commits++;
    items -= delta.remainingItems;
    hours -= delta.remainingHours;
  }
  const renamedFrom = commits.flatMap((c) => (c.renamedFrom ? [c.renamedFrom] : []));
  return { commits: commits.length, days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)), renamedFrom };
}

function count(d: BurnDownDay, delta: Delta): void {
  d.closed += delta.closed;
  d.added += delta.added;
  d.removed += delta.removed;
}

function clamp(n: number): number {
  return Math.max(0, n);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
