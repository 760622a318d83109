/** The status bar's words for the active plan. Pure. */
import type { Rollup } from '../../core/model/rollup-types';
import { formatEffort, hasEstimates, percentDone, rollupLines } from '../../core/model/rollup-text';

/** "$(check) 3/12 (25%) · 28–35 h left" ($(check) is the codicon the status bar draws as ✓). */
export function statusText(rollup: Rollup, hoursPerDay?: number): string {
  const count = `$(check) ${rollup.done}/${rollup.items} (${percentDone(rollup)}%)`;
  if (!hasEstimates(rollup)) return `${count} · no estimates`;
  return `${count} · ${formatEffort(rollup.remainingHours, rollup, hoursPerDay)} left`;
}

export function statusTooltip(rollup: Rollup, hoursPerDay?: number): string {
  const [counts, effort] = rollupLines(rollup, hoursPerDay);
  return [`Plan Lens: ${counts}`, effort, 'Click to open the dashboard'].join('\n');
}
