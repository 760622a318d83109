/**
 * Inline disable comments, markdownlint style. `disable`/`enable` switch rules off and on
 * from their line onwards; `disable-next-line` and `disable-line` cover one line. An empty
 * rule list means every rule. A finding is judged by the line it starts on.
 */
import type { PlanModel } from '../model/schema';

type Directive = PlanModel['directives'][number];

interface State {
  all: boolean;
  disabled: Set<string>;
  /** Rules enabled again while `all` is set. */
  exceptions: Set<string>;
}

function applyDirective(state: State, directive: Directive): void {
  const rules = directive.rules.map((r) => r.toLowerCase());
  const on = directive.kind === 'enable';
  if (rules.length === 0) {
    state.all = !on;
    state.disabled.clear();
    state.exceptions.clear();
    return;
  }
  for (const rule of rules) {
    if (on) {
      state.disabled.delete(rule);
      if (state.all) state.exceptions.add(rule);
    } else {
      state.disabled.add(rule);
      state.exceptions.delete(rule);
    }
  }
}

function covers(directive: Directive, rule: string): boolean {
  return directive.rules.length === 0 || directive.rules.some((r) => r.toLowerCase() === rule);
}

/** Returns a predicate telling whether a rule's finding on a line is switched off. */
export function suppressor(directives: readonly Directive[]): (rule: string, line: number) => boolean {
  if (directives.length === 0) return () => false;
  const ranged = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.line - b.line);
  const single = directives.filter((d) => d.kind === 'disable-line' || d.kind === 'disable-next-line');
  return (rule, line) => {
    const id = rule.toLowerCase();
    for (const d of single) {
      const target = d.kind === 'disable-line' ? d.line : d.line + 1;
      if (target === line && covers(d, id)) return true;
    }
    const state: State = { all: false, disabled: new Set(), exceptions: new Set() };
    for (const d of ranged) {
      if (d.line > line) break;
      applyDirective(state, d);
    }
    return state.all ? !state.exceptions.has(id) : state.disabled.has(id);
  };
}
