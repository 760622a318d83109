/**
 * The CLI as a function: argv, file system and output come in as parameters (as in
 * markdownlint-cli2), so tests run it in memory and the extension could call it too.
 * `bin.ts` wires it to the real process.
 */
import * as path from 'node:path';
import { allRuleMetas, applyFixes, byPosition, explainDeclared, formatExplanation, PlanAnalyzer, runCrossFileRules, type AnalyzeOptions } from '../core/index';
import { HELP, parseCommandLine, type Command } from './args';
import { loadConfig } from './config';
import { expandOnDisk, type Expand } from './expand';
import { formatCheckJson, formatSummaryJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatCheckText, formatSummaryText } from './format/text';
import { terminalSafe } from './format/terminal';
import { decodePlan, describeIoError, encodePlan, type Decoded } from './read';
import { isChecked, isFailed, type CheckedFile, type FileOutcome } from './report';
import { TOOL_VERSION } from './tool';
import { formatHistoryJson, formatHistoryText, htmlReport, planHistory, type HistoryHost, type ReadPlan } from './history';

export interface CliHost extends HistoryHost {
  /** Arguments after the program name. */
  argv: readonly string[];
  cwd: string;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes UTF-8 text (a BOM, when wanted, is already its first character). */
  writeFile(path: string, text: string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** PATH arguments → files; defaults to walking the real disk. */
  glob?: Expand;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

/** Passes of fix → re-analyse: a fix skipped for overlapping another is retried on the result. */
const MAX_FIX_PASSES = 10;

export async function main(outside: CliHost): Promise<number> {
  // Messages name paths and quote the plan: no control character reaches the terminal raw.
  const host: CliHost = { ...outside, stderr: (text) => outside.stderr(terminalSafe(text)) };
  const parsed = parseCommandLine(host.argv);
  switch (parsed.kind) {
    case 'help':
      host.stdout(HELP);
      return EXIT_OK;
    case 'version':
      host.stdout(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    case 'usage':
      host.stderr(`plan-lens: ${parsed.message}\nRun "plan-lens --help" for usage.\n`);
      return EXIT_TROUBLE;
    case 'run':
      return run(parsed.run, host);
  }
}

async function run(command: Command, host: CliHost): Promise<number> {
  const config = await loadConfig(host, allRuleMetas.map((m) => m.id), command.config);
  if (!config.ok) {
    host.stderr(`plan-lens: ${config.message}\n`);
    return EXIT_TROUBLE;
  }
  const expansion = await (host.glob ?? expandOnDisk)(command.paths, host.cwd);
  const outcomes: FileOutcome[] = expansion.problems.map((p) => ({ path: p.path, error: p.reason }));
  if (command.command === 'history' || command.command === 'report') return runHistory(command, expansion.files, outcomes, config.options, host);
  for (const file of expansion.files) outcomes.push(await processFile(file, command, config.options, host));
  if (command.command === 'check') addCrossFileFindings(outcomes.filter(isChecked), config.options);
  for (const o of outcomes.filter(isFailed)) host.stderr(`plan-lens: ${o.path}: ${o.error}\n`);
  host.stdout(render(command, outcomes, host.cwd));
  return exitCode(command, outcomes);
}

/**
 * The cross-file rules over the plans among the files given: each finding joins its file's
 * own, with related locations naming the other file by its path as shown.
 */
function addCrossFileFindings(checked: CheckedFile[], options: AnalyzeOptions): void {
  const plans = checked.filter((f) => f.analysis.model.isPlan);
  const found = runCrossFileRules(plans.map((f) => ({ file: f.path, model: f.analysis.model })), options);
  for (const file of plans) {
    const more = found.get(file.path);
    if (more) file.analysis = { ...file.analysis, findings: [...file.analysis.findings, ...more].sort(byPosition) };
  }
}

async function processFile(absolute: string, command: Command, options: AnalyzeOptions, host: CliHost): Promise<FileOutcome> {
  const shown = shownPath(absolute, host.cwd);
  const decoded = await readPlan(absolute, host);
  if (!decoded.ok) return { path: shown, error: decoded.reason };
  const analyzer = new PlanAnalyzer();
  if (!command.fix) return { path: shown, text: decoded.text, analysis: analyzer.analyze(decoded.text, options) };
  const fixed = fixUntilStable(decoded.text, options, analyzer);
  if (fixed.text === decoded.text) return { path: shown, ...fixed };
  try {
    await host.writeFile(absolute, encodePlan(fixed.text, decoded.bom));
  } catch (error) {
    return { path: shown, error: `could not write the fixes: ${describeIoError(error)}` };
  }
  return { path: shown, ...fixed };
}

async function readPlan(absolute: string, host: CliHost): Promise<Decoded> {
  try {
    return decodePlan(await host.readFile(absolute));
  } catch (error) {
    return { ok: false, reason: describeIoError(error) };
  }
}

/** history and report: each plan with its burn-down from git. */
async function runHistory(command: Command, files: string[], failed: FileOutcome[], options: AnalyzeOptions, host: CliHost): Promise<number> {
  const plans: ReadPlan[] = [];
  for (const absolute of files) {
    const outcome = await processFile(absolute, command, options, host);
    if (isChecked(outcome)) plans.push({ ...outcome, absolute });
    else failed.push(outcome);
  }
  for (const o of failed.filter(isFailed)) host.stderr(`plan-lens: ${o.path}: ${o.error}\n`);
  if (command.command === 'report') {
    const html = await htmlReport(plans, options, host);
    if (!command.output) host.stdout(html);
    else {
      try {
        await host.writeFile(path.resolve(host.cwd, command.output), html);
      } catch (error) {
        host.stderr(`plan-lens: ${command.output}: could not write the report: ${describeIoError(error)}\n`);
        return EXIT_TROUBLE;
      }
    }
    return failed.length > 0 ? EXIT_TROUBLE : EXIT_OK;
  }
  if (plans.length !== 1) {
    if (failed.length === 0) host.stderr(`plan-lens: history: ${plans.length} files matched; give one FILE\n`);
    return EXIT_TROUBLE;
  }
  const history = await planHistory(plans[0], options, host);
  host.stdout(command.format === 'json' ? formatHistoryJson(plans[0].path, history) : terminalSafe(formatHistoryText(plans[0].path, history)));
  return 'unavailable' in history ? EXIT_TROUBLE : EXIT_OK;
}

/** The same analyzer across passes re-parses only the chunks a fix touched. */
function fixUntilStable(original: string, options: AnalyzeOptions, analyzer: PlanAnalyzer): Omit<CheckedFile, 'path'> {
  let text = original;
  let analysis = analyzer.analyze(text, options);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixed = applyFixes(text, analysis.findings);
    if (fixed.applied === 0 || fixed.text === text) break;
    text = fixed.text;
    analysis = analyzer.analyze(text, options);
  }
  return { text, analysis };
}

function render(command: Command, outcomes: FileOutcome[], cwd: string): string {
  const checked = outcomes.filter(isChecked);
  if (command.command === 'explain') {
    const explained = checked.map((f) => ({ path: f.path, declared: explainDeclared(f.analysis) }));
    if (command.format === 'json') return `${JSON.stringify(explained, null, 2)}\n`;
    return explained.map((f) => [`${f.path}:`, ...(f.declared.length ? f.declared.flatMap(formatExplanation) : ['  no declared numbers read'])].join('\n') + '\n').join('\n');
  }
  if (command.command === 'summary') {
    return command.format === 'json' ? formatSummaryJson(outcomes) : terminalSafe(checked.map((f) => formatSummaryText(f.path, f.analysis)).join('\n'));
  }
  if (command.format === 'json') return formatCheckJson(outcomes);
  if (command.format === 'sarif') return formatSarif(outcomes, allRuleMetas, cwd);
  return terminalSafe(formatCheckText(checked));
}

/** 2 when any PATH could not be processed (the run is incomplete), else 1 for an error finding. */
function exitCode(command: Command, outcomes: FileOutcome[]): number {
  if (outcomes.some(isFailed)) return EXIT_TROUBLE;
  if (command.command !== 'check') return EXIT_OK;
  const errors = outcomes.some((o) => isChecked(o) && o.analysis.findings.some((f) => f.severity === 'error'));
  return errors ? EXIT_FINDINGS : EXIT_OK;
}

/** Relative to the working folder with `/` (as markdownlint-cli2 shows paths); absolute outside it. */
function shownPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return (outside ? absolute : relative || path.basename(absolute)).split(path.sep).join('/');
}
