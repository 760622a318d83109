/**
 * Text garbled by a wrong decode ("âœ…" for "✅"). One finding per kind of damage (the code
 * page the UTF-8 was read through, and whether it was garbled twice), not one per run: a
 * file copied through the wrong tool once is one problem however many characters it hit.
 * Its fix repairs every run of that kind at once.
 */
import type { Mojibake } from '../model/schema';
import type { TextEdit } from '../model/finding';
import { repairMojibake } from '../parse/mojibake';
import { suppressor } from './suppress';
import { MAX_RELATED, type Rule } from './types';

const ENCODING: Record<Mojibake['codePage'], string> = {
  'windows-1252': 'Windows-1252',
  'windows-1254': 'Windows-1254 (Turkish)',
  'iso-8859-1': 'Latin-1 (ISO-8859-1)',
};

function encodingOf(run: Mojibake): string {
  const name = ENCODING[run.codePage];
  return run.layers === 1 ? name : `${name} ${run.layers === 2 ? 'twice' : `${run.layers} times`}`;
}

/**
 * The edit for one run, only when the text still holds exactly that run and repairing it
 * again gives the same characters: a fix must never replace anything but the garbled run
 * (never a line ending or a byte-order mark, which no code page here produces anyway).
 */
function verifiedEdit(text: string, run: Mojibake): TextEdit | undefined {
  const start = run.range.start.offset;
  const end = run.range.end.offset;
  if (text.slice(start, end) !== run.text || /[\r\n\uFEFF]/.test(run.text)) return undefined;
  if (repairMojibake(run.text) !== run.fixed) return undefined;
  return { start, end, newText: run.fixed };
}

/** C1 controls (what Latin-1 makes of bytes 0x80–0x9F) are invisible: the message spells them out. */
function visible(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Runs grouped by kind, in document order of each kind's first run. */
function byKind(runs: readonly Mojibake[]): Mojibake[][] {
  const groups = new Map<string, Mojibake[]>();
  for (const run of runs) {
    const key = `${run.codePage}/${run.layers}`;
    const group = groups.get(key);
    if (group) group.push(run);
    else groups.set(key, [run]);
  }
  return [...groups.values()];
}

export const mojibake: Rule = {
  meta: {
    id: 'mojibake',
    description: 'Text that is UTF-8 read with the wrong encoding (Windows-1252/1254, Latin-1), one finding per kind of damage.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      garbled: '"{text}" is UTF-8 read as {encoding}; it should read "{fixed}"',
      garbledMany: '{count} runs of text are UTF-8 read as {encoding}: "{text}" should read "{fixed}", and so on{more}',
    },
  },
  check({ text, model, report }) {
    // A run on a line the user switched the rule off for is theirs to keep; the rest still count.
    const suppressed = suppressor(model.directives);
    const runs = model.mojibake.filter((run) => !suppressed('mojibake', run.range.start.line));
    for (const group of byKind(runs)) {
      const [first] = group;
      const encoding = encodingOf(first);
      const edits = group.flatMap((run) => verifiedEdit(text, run) ?? []);
      const many = group.length > 1;
      const hidden = group.length - MAX_RELATED;
      report({
        messageId: many ? 'garbledMany' : 'garbled',
        range: first.range,
        data: { text: visible(first.text), fixed: first.fixed, encoding, count: group.length, more: hidden > 0 ? `; the first ${MAX_RELATED} are listed, and ${hidden} more` : '' },
        related: many ? group.slice(0, MAX_RELATED).map((run) => ({ range: run.range, message: `"${visible(run.text)}" should read "${run.fixed}"` })) : [],
        ...(edits.length > 0 && {
          fix: {
            description: many ? `Repair all ${edits.length} runs of UTF-8 read as ${encoding}` : `Replace "${visible(first.text)}" with "${first.fixed}"`,
            edits,
          },
        }),
      });
    }
  },
};
