/**
 * The config file: `--config FILE`, else `.planlens.json` in the working folder when it
 * exists (only there: no search upwards, so what applies is visible from where you stand).
 * It is validated against the core's own `AnalyzeOptionsSchema`, plus two checks zod's
 * default object does not make: unknown keys and unknown rule ids, which are usually typos.
 */
import * as path from 'node:path';
import { AnalyzeOptionsSchema } from '../core/model/schema';
import type { AnalyzeOptions } from '../core/index';
import { describeIoError, errorCode } from './read';

export const DEFAULT_CONFIG = '.planlens.json';

export type ConfigResult = { ok: true; options: AnalyzeOptions; path?: string } | { ok: false; message: string };

export interface ConfigSource {
  cwd: string;
  readFile(path: string): Promise<Uint8Array>;
}

/** Loads the config named by `--config`, or the default one if present, or the defaults. */
export async function loadConfig(host: ConfigSource, ruleIds: readonly string[], explicit?: string): Promise<ConfigResult> {
  const file = path.resolve(host.cwd, explicit ?? DEFAULT_CONFIG);
  let bytes: Uint8Array;
  try {
    bytes = await host.readFile(file);
  } catch (error) {
    if (explicit === undefined && errorCode(error) === 'ENOENT') return { ok: true, options: AnalyzeOptionsSchema.parse({}) };
    return { ok: false, message: `${explicit ?? DEFAULT_CONFIG}: ${describeIoError(error)}` };
  }
  const parsed = parseConfig(new TextDecoder().decode(bytes), ruleIds);
  const shown = explicit ?? DEFAULT_CONFIG;
  return parsed.ok ? { ...parsed, path: file } : { ok: false, message: `${shown}: ${parsed.message}` };
}

/** Validates config text; the message names the key at fault and what it should be. */
export function parseConfig(text: string, ruleIds: readonly string[]): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `invalid JSON: ${(error as Error).message}` };
  }
  const unknown = unknownKeys(raw, ruleIds);
  if (unknown) return { ok: false, message: unknown };
  const result = AnalyzeOptionsSchema.safeParse(raw);
  if (result.success) return { ok: true, options: result.data };
  return { ok: false, message: result.error.issues.map(describeIssue).join('; ') };
}

function unknownKeys(raw: unknown, ruleIds: readonly string[]): string | undefined {
  if (!isObject(raw)) return undefined; // the schema reports the wrong type
  const allowed = new Set([...Object.keys(AnalyzeOptionsSchema.def.shape), '$schema']);
  const key = Object.keys(raw).find((k) => !allowed.has(k));
  if (key) return `unknown option "${key}" (known: ${[...allowed].filter((k) => k !== '$schema').join(', ')})`;
  const rules = raw.rules;
  if (!isObject(rules)) return undefined;
  const rule = Object.keys(rules).find((id) => !ruleIds.includes(id));
  return rule ? `rules: unknown rule "${rule}" (known: ${ruleIds.join(', ')})` : undefined;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  minimum?: unknown;
  inclusive?: boolean;
}

/** zod/mini ships no English messages ("Invalid input"), so say what was expected. */
function describeIssue(issue: Issue): string {
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  switch (issue.code) {
    case 'invalid_type':
      return `${where}expected ${issue.expected === 'record' || issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `${where}expected one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `${where}must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}`;
    default:
      return `${where}${issue.message}`;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
