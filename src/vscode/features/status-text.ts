/** The status bar's words for the active plan. Pure. */
import type { Rollup } from '../../core/model/rollup-types';
import { formatHours } from '../../core/model/format';

/** "$(check) 3/12 · 28–35 h left" ($(check) is the codicon the status bar draws as ✓). */
export function statusText(rollup: Rollup): string {
  const count = `$(check) ${rollup.done}/${rollup.items}`;
  if (rollup.unestimated.length === rollup.items) return count;
  return `${count} · ${formatHours(rollup.remainingHours)} left`;
}

export function statusTooltip(rollup: Rollup): string {
  return [
    `Plan Lens: ${rollup.items} items, ${rollup.done} done, ${rollup.partial} partly done, ${rollup.open} open`,
    `Estimated ${formatHours(rollup.hours)}, ${formatHours(rollup.remainingHours)} left`,
    'Click to open the dashboard',
  ].join('\n');
}
