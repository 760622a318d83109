/**
 * Settings → analysis options and view preferences. Pure (no `vscode`): the adapter reads each
 * key and hands over a plain object, so the validation is unit-tested in plain Node.
 * Each setting is validated on its own: one bad value falls back to its default and says so,
 * without taking the other settings with it.
 */
import * as z from 'zod/mini';
import { AnalyzeOptionsSchema, type AnalyzeOptions } from '../core/model/schema';

export const SECTION = 'planLens';

const RULE_LEVEL = z.enum(['error', 'warning', 'info', 'hint', 'off']);

/** Settings that only the extension reads; the analysis options come from the core's schema. */
const VIEW_SCHEMAS = {
  files: z._default(z.array(z.string()), []),
  'problems.scope': z._default(z.enum(['open', 'workspace']), 'open'),
  'codeLens.enabled': z._default(z.boolean(), true),
  'tree.followCursor': z._default(z.boolean(), true),
  'tree.hideDone': z._default(z.boolean(), false),
  'tree.groupBy': z._default(z.enum(['section', 'priority']), 'section'),
};

const OPTION_KEYS = ['hoursPerDay', 'daysPerWeek', 'detection'] as const;

/** Every key below `planLens.` the extension reads. */
export const SETTING_KEYS = [...OPTION_KEYS, 'rules', ...Object.keys(VIEW_SCHEMAS)] as const;

export interface PlanLensSettings {
  options: AnalyzeOptions;
  files: string[];
  /** Problems for open plans only, or for every plan in the workspace. */
  problemsScope: 'open' | 'workspace';
  codeLensEnabled: boolean;
  followCursor: boolean;
  hideDone: boolean;
  groupBy: 'section' | 'priority';
}

/** A setting that could not be used, with the message to show (once) and the value used instead. */
export interface SettingProblem {
  key: string;
  message: string;
}

export interface SettingsResult {
  settings: PlanLensSettings;
  problems: SettingProblem[];
}

/** `raw` maps keys below `planLens.` ("hoursPerDay", "codeLens.enabled") to what the user set. */
export function readSettings(raw: Readonly<Record<string, unknown>>): SettingsResult {
  const problems: SettingProblem[] = [];
  const read = <S extends z.ZodMiniType>(key: string, schema: S): z.output<S> => {
    const result = schema.safeParse(raw[key]);
    if (result.success) return result.data;
    const fallback = schema.parse(undefined);
    const why = result.error.issues.map((i) => i.message).join('; ');
    problems.push({ key: `${SECTION}.${key}`, message: invalidMessage(key, raw[key], why, fallback) });
    return fallback;
  };
  const shape = AnalyzeOptionsSchema.shape;
  const options: AnalyzeOptions = {
    hoursPerDay: read('hoursPerDay', shape.hoursPerDay),
    daysPerWeek: read('daysPerWeek', shape.daysPerWeek),
    detection: read('detection', shape.detection),
    rules: readRules(raw.rules, problems),
  };
  return {
    settings: {
      options,
      files: read('files', VIEW_SCHEMAS.files),
      problemsScope: read('problems.scope', VIEW_SCHEMAS['problems.scope']),
      codeLensEnabled: read('codeLens.enabled', VIEW_SCHEMAS['codeLens.enabled']),
      followCursor: read('tree.followCursor', VIEW_SCHEMAS['tree.followCursor']),
      hideDone: read('tree.hideDone', VIEW_SCHEMAS['tree.hideDone']),
      groupBy: read('tree.groupBy', VIEW_SCHEMAS['tree.groupBy']),
    },
    problems,
  };
}

/** Per-rule levels are checked one entry at a time, so one typo does not reset the others. */
function readRules(value: unknown, problems: SettingProblem[]): AnalyzeOptions['rules'] {
  if (value === undefined || value === null) return {};
  const key = `${SECTION}.rules`;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ key, message: invalidMessage('rules', value, 'expected an object of rule id → level', {}) });
    return {};
  }
  const rules: AnalyzeOptions['rules'] = {};
  for (const [id, level] of Object.entries(value)) {
    const parsed = RULE_LEVEL.safeParse(level);
    if (parsed.success) rules[id] = parsed.data;
    else problems.push({ key: `${key}.${id}`, message: invalidMessage(`rules.${id}`, level, `expected one of ${RULE_LEVEL.options.join(', ')}`, "the rule's default") });
  }
  return rules;
}

function invalidMessage(key: string, value: unknown, why: string, fallback: unknown): string {
  const used = typeof fallback === 'string' && fallback.startsWith('the ') ? fallback : JSON.stringify(fallback);
  return `Plan Lens: the setting "${SECTION}.${key}" has an invalid value ${describe(value)} (${why}). Using ${used} instead.`;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
