/**
 * Is this markdown file a plan worth decorating? Decided from content: estimates, tasks,
 * priorities, statuses and declared numbers, weighed so that an ordinary README with a
 * three-item checklist, or a changelog, stays undecorated. Settings can force it either way.
 */
import type { AnalyzeOptions, PlanModel } from '../model/schema';
import { isWorkItem } from '../model/work';

/** Words that make a top-level heading read as a plan's title (the workspace index's line scan reads them too). */
export const PLAN_TITLE = /plan|roadmap|backlog|sprint|milestone|phase|todo|tasks|gap|scope|implementation|delivery|fase|фаза|план|計画|ロードマップ|タスク|aufgaben|feuille de route/i;

/** The score at which a file is a plan. */
export const PLAN_THRESHOLD = 1;

/** What each signal needs to score one point on its own (the workspace index's line scan bounds the score with these). */
export const SIGNAL_WEIGHTS = { estimated: 3, tasks: 8, prioritized: 4, identified: 8, statused: 6, declared: 2, planTitle: 0.5 } as const;

export function detectPlan(model: Omit<PlanModel, 'detection' | 'isPlan'>, mode: AnalyzeOptions['detection']): PlanModel['detection'] {
  if (mode === 'always') return { score: 1, reason: 'forced on by settings' };
  if (mode === 'never') return { score: 0, reason: 'forced off by settings' };
  const W = SIGNAL_WEIGHTS;
  const work = model.items.filter(isWorkItem);
  const estimated = model.items.filter((i) => i.estimate).length;
  const tasks = model.items.filter((i) => i.checkbox).length;
  const prioritized = work.filter((i) => i.priority?.source === 'own').length;
  const statused = work.filter((i) => i.statusSource === 'own' && !i.checkbox).length;
  const identified = work.filter((i) => i.id).length;
  // Progress lines are not counted: the workspace's line scan (prefilter) must never rule out what this lets in.
  const declared = model.declared.filter((d) => d.kind !== 'capacity' && d.kind !== 'progress').length;
  const planTitle = model.sections.some((s) => s.depth <= 2 && PLAN_TITLE.test(s.title));
  const signals: [number, string][] = [
    [estimated / W.estimated, `${estimated} estimates`],
    [tasks / W.tasks, `${tasks} tasks`],
    [prioritized / W.prioritized, `${prioritized} prioritised items`],
    [identified / W.identified, `${identified} items with IDs`],
    [statused / W.statused, `${statused} items with a status`],
    [work.length >= 3 ? declared / W.declared : 0, `${declared} declared numbers`],
    [planTitle && work.length >= 4 ? W.planTitle : 0, 'a plan-like title'],
  ];
  const score = Math.round(signals.reduce((sum, [s]) => sum + s, 0) * 100) / 100;
  const reason = signals.filter(([s]) => s > 0).map(([, r]) => r).join(', ') || 'no plan features';
  return { score, reason };
}
