/**
 * The Plans view's rows, as plain data: one root per plan file in the workspace with its
 * roll-up, the active file first, then by path; under each, its top-level sections with
 * theirs. Pure (no `vscode`), so order and wording are unit-tested.
 */
import type { Rollup } from '../../core/model/rollup-types';
import { formatHours } from '../../core/model/format';
import { emptyRollup, mergeRollup } from '../../core/model/rollups';
import type { Analysis } from '../../core/index';

export interface PlanRow {
  file: string;
  label: string;
  description: string;
  tooltip: string;
  active: boolean;
  sections: SectionRow[];
}

export interface SectionRow {
  label: string;
  description: string;
  /** 0-based line of the heading. */
  line: number;
}

/** "3/12 done · 28–35 h left" */
export function rollupText(rollup: Rollup): string {
  const count = `${rollup.done}/${rollup.items} done`;
  return rollup.unestimated.length === rollup.items ? count : `${count} · ${formatHours(rollup.remainingHours)} left`;
}

/** The workspace total: every plan's document roll-up added up (unestimated indices are per file: only their count means anything). */
export function workspaceRollup(analyses: readonly Pick<Analysis, 'rollups'>[]): Rollup {
  const total = emptyRollup();
  for (const { rollups } of analyses) mergeRollup(total, rollups.document);
  return total;
}

/** `relative` names a file as the user reads it (its path in the workspace). */
export function planRows(plans: readonly { file: string; analysis: Analysis }[], active: string | undefined, relative: (file: string) => string): PlanRow[] {
  const rows = plans.map(({ file, analysis }): PlanRow => {
    const path = relative(file);
    const { model, rollups } = analysis;
    return {
      file,
      label: path.split('/').pop() ?? path,
      description: rollupText(rollups.document),
      tooltip: `${path}\n${rollups.document.items} items, ${formatHours(rollups.document.hours)} estimated`,
      active: file === active,
      sections: model.sections
        .filter((s) => s.parent === undefined && !(s.depth === 0 && s.items.length === 0 && s.sections.length === 0))
        .flatMap((s) => (s.depth === 1 && s.sections.length > 0 ? s.sections.map((c) => model.sections[c]) : [s]))
        .map((s) => ({ label: s.title, description: rollupText(rollups.sections[s.index]), line: s.range.start.line })),
    };
  });
  return rows.sort((a, b) => Number(b.active) - Number(a.active) || relative(a.file).localeCompare(relative(b.file)));
}
