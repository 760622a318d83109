/**
 * argv → what to do. `node:util` parseArgs is strict, so an unknown flag, a flag without its
 * value, or a value on a boolean flag is a usage error (exit 2) rather than a path.
 */
import { parseArgs } from 'node:util';

export type Format = 'text' | 'json' | 'sarif' | 'html';
export type CommandName = 'summary' | 'check' | 'explain' | 'history' | 'report';

export interface Command {
  command: CommandName;
  format: Format;
  config?: string;
  fix: boolean;
  /** report: where to write the HTML (stdout when absent). */
  output?: string;
  paths: string[];
}

export type Parsed = { kind: 'run'; run: Command } | { kind: 'help' } | { kind: 'version' } | { kind: 'usage'; message: string };

const FORMATS: Record<CommandName, readonly Format[]> = { summary: ['text', 'json'], check: ['text', 'json', 'sarif'], explain: ['text', 'json'], history: ['text', 'json'], report: ['html'] };
const COMMANDS = Object.keys(FORMATS) as CommandName[];

export const HELP = `Usage: plan-lens <command> [options] PATH...

Reads markdown plans (gap analyses, implementation plans, roadmaps) and finds what
doesn't add up.

Commands:
  summary   Each plan's outline with roll-ups: done/items, hours, hours left
  check     Report findings (totals and counts that don't add up, and more)
  explain   Every declared number read (counts, totals, timelines): its scope, the
            parts it adds up, the computed value and the verdict
  history   A plan's burn-down from its git history: items and hours left per day
            (one FILE in a git repository)
  report    A self-contained HTML report with the dashboard's charts (hours by
            priority and section, progress, mismatches, burn-down), for CI artifacts

PATH is a file, a folder (its *.md and *.markdown files, skipping node_modules and
dot-folders) or a quoted glob ('docs/**/*.md').

Options:
  -f, --format FORMAT  text (default) or json; check also takes sarif; report
                       takes html (its default)
  -o, --output FILE    report: write the HTML to FILE instead of standard output
  -c, --config FILE    Options as JSON (default: .planlens.json in the working
                       folder, when present). Keys: hoursPerDay, daysPerWeek,
                       detection ("auto" | "always" | "never"),
                       rules ({ "rule-id": "error" | "warning" | "info" | "hint" | "off" })
      --fix            check: apply every available fix to the files, then report
                       what remains (line endings and a BOM are kept)
  -h, --help           Show this help
  -v, --version        Show the version

Exit status:
  0  no finding of severity error (summary: every file was read)
  1  check found at least one finding of severity error
  2  usage or config error, or a PATH that could not be read or is not UTF-8 text
     (the other files are still processed and reported)
`;

export function parseCommandLine(argv: readonly string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        fix: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  return toCommand(positionals, values);
}

function toCommand(positionals: string[], values: { format?: string; config?: string; fix?: boolean; output?: string }): Parsed {
  const [command, ...paths] = positionals;
  if (command === undefined) return usage(`missing command: ${COMMANDS.join(', ')}`);
  if (!isCommand(command)) return usage(`unknown command "${command}" (expected ${COMMANDS.join(', ')})`);
  const format = values.format ?? FORMATS[command][0];
  if (!(FORMATS[command] as readonly string[]).includes(format)) {
    return usage(`${command}: unknown format "${format}" (expected ${FORMATS[command].join(', ')})`);
  }
  if (values.fix && command !== 'check') return usage('--fix works only with check');
  if (values.output !== undefined && command !== 'report') return usage('--output works only with report');
  if (paths.length === 0) return usage(`${command}: no PATH given`);
  if (command === 'history' && paths.length > 1) return usage('history: give one FILE');
  return { kind: 'run', run: { command, format: format as Format, config: values.config, fix: values.fix ?? false, ...(values.output !== undefined ? { output: values.output } : {}), paths } };
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as string[]).includes(name);
}

function usage(message: string): Parsed {
  return { kind: 'usage', message };
}
