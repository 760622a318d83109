import type { Hours } from './schema';

/** Counts and effort for one scope: a section (with its subsections), a priority, or the document. */
export interface Rollup {
  /** Work items counted (checklist outcomes and breakdown lines are not). */
  items: number;
  done: number;
  partial: number;
  open: number;
  unknown: number;
  /** Sum of estimates; `high` null when any part is open-ended. */
  hours: Hours;
  /** Sum over items not done. */
  remainingHours: Hours;
  /** Work items with no estimate (indices into `PlanModel.items`). */
  unestimated: number[];
  /** Story points summed apart from hours ("5 SP", "Story Points: 13"); absent when no item has any. */
  points?: number;
  /** How the counted estimates were written: in days or weeks, or in hours or minutes. */
  written?: { days: number; hours: number };
}

export interface Rollups {
  document: Rollup;
  /** By section index; each includes its subsections. */
  sections: Rollup[];
  /** Keyed by canonical priority code: "P0" … "P3". */
  byPriority: Record<string, Rollup>;
  /** The working day the plan's days were read with, to show sums in days where it writes days. */
  hoursPerDay?: number;
}
