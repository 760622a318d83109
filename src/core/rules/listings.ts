/**
 * "Fixes only when certain": a declared count that another listing in the same document
 * agrees with is not wrong — "P2 Nice-to-Have Gaps: 15" beside a P2 table of exactly 15 rows
 * is borne out by that table, whatever a whole-plan reading of "marked P2" finds. Such a
 * number is neither reported nor rewritten.
 */
import type { Declared, PlanModel } from '../model/schema';
import { isWorkItem, subtreeEnds } from '../model/work';

/** Work items listed in a section and its subsections. */
function listedIn(model: PlanModel, section: number, ends: number[]): number {
  let n = 0;
  for (let s = section; s < ends[section]; s++) n += model.sections[s].items.filter((i) => isWorkItem(model.items[i])).length;
  return n;
}

/**
 * The sections a priority-wide count could mean (their heading names one of its priorities)
 * that list exactly the declared number of items.
 */
export function agreeingListings(model: PlanModel, declared: Declared): number[] {
  const ranks = declared.scope.priorities ?? [];
  if (declared.kind !== 'count' || ranks.length !== 1) return [];
  const ends = subtreeEnds(model.sections);
  const n = declared.value.low;
  return model.sections.flatMap((s) =>
    s.priority?.rank === ranks[0] && s.index !== declared.section && (declared.value.high === null || declared.value.high === n) && listedIn(model, s.index, ends) === n ? [s.index] : [],
  );
}
