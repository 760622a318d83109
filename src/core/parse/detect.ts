/**
 * Is this markdown file a plan worth decorating? Decided from content: estimates, tasks,
 * priorities, statuses and declared numbers, weighed so that an ordinary README with a
 * three-item checklist, or a changelog, stays undecorated. Settings can force it either way.
 */
import type { AnalyzeOptions, PlanModel } from '../model/schema';
import { isWorkItem } from '../model/work';

export function detectPlan(model: Omit<PlanModel, 'detection' | 'isPlan'>, mode: AnalyzeOptions['detection']): PlanModel['detection'] {
  if (mode === 'always') return { score: 1, reason: 'forced on by settings' };
  if (mode === 'never') return { score: 0, reason: 'forced off by settings' };
  const work = model.items.filter(isWorkItem);
  const estimated = model.items.filter((i) => i.estimate).length;
  const tasks = model.items.filter((i) => i.checkbox).length;
  const prioritized = work.filter((i) => i.priority?.source === 'own').length;
  const statused = work.filter((i) => i.statusSource === 'own' && !i.checkbox).length;
  const identified = work.filter((i) => i.id).length;
  const declared = model.declared.filter((d) => d.kind !== 'capacity').length;
  const planTitle = model.sections.some((s) => s.depth <= 2 && /plan|roadmap|backlog|sprint|milestone|phase|todo|tasks|gap|scope|implementation|delivery|fase|фаза|план|計画|ロードマップ|タスク|aufgaben|feuille de route/i.test(s.title));
  const signals: [number, string][] = [
    [estimated / 3, `${estimated} estimates`],
    [tasks / 8, `${tasks} tasks`],
    [prioritized / 4, `${prioritized} prioritised items`],
    [identified / 8, `${identified} items with IDs`],
    [statused / 6, `${statused} items with a status`],
    [work.length >= 3 ? declared / 2 : 0, `${declared} declared numbers`],
    [planTitle && work.length >= 4 ? 0.5 : 0, 'a plan-like title'],
  ];
  const score = Math.round(signals.reduce((sum, [s]) => sum + s, 0) * 100) / 100;
  const reason = signals.filter(([s]) => s > 0).map(([, r]) => r).join(', ') || 'no plan features';
  return { score, reason };
}
