/** Analyses a plan in plain Node the way the worker does, for the pure adapter tests. */
import { Analyzers } from '../../../src/vscode/analysis/analyzers';
import type { PlanAnalysis } from '../../../src/vscode/analysis/protocol';

const analyzers = new Analyzers();

export function analyse(text: string, options: Record<string, unknown> = {}): PlanAnalysis {
  const response = analyzers.handle({ kind: 'analyze', id: 1, uri: 'test://plan.md', version: 1, text: [text], options: { detection: 'always', ...options } });
  if (!response.ok) throw new Error(response.message);
  return response.result as PlanAnalysis;
}

export const PLAN = [
  '# Launch Plan',
  '',
  '## Phase 1: Accounts',
  '',
  '- [x] **AC-001**: Sign-up form (P0, 4h)',
  '- [ ] **AC-002**: Password reset (P1, 2-3h)',
  '  - [ ] **AC-003**: Reset email template (P1, 1h)',
  '',
  '## Phase 2: Billing',
  '',
  '### 2.1 Payments',
  '',
  '- [ ] **BL-001**: Card payments (P0, 6-8h)',
  '- [x] **BL-002**: Invoices (P2, 3h)',
  '',
  '**Total Payments**: 20 hours',
  '',
  '## Notes',
  '',
  'Nothing to do here.',
  '',
].join('\n');
