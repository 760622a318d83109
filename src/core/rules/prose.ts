/**
 * The text with code blocks and HTML comments blanked out (same length, newlines kept), so a
 * rule that scans raw text sees only what the plan says, at the offsets where it says it.
 */
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

function blank(s: string): string {
  return s.replace(/[^\r\n]/g, ' ');
}

function blankFences(text: string): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence === undefined) {
      const open = FENCE_OPEN.exec(line.replace(/\r$/, ''));
      // A backtick fence's info string cannot contain backticks (CommonMark).
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) fence = open[1];
      continue;
    }
    // Only a bare fence at least as long closes; "```json" inside a ``` block does not.
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    if (close.test(line.replace(/\r$/, ''))) fence = undefined;
    else lines[i] = blank(line);
  }
  return lines.join('\n');
}

/** The last text blanked and its result: rules that ask twice in one analysis pay once. */
let last: { text: string; prose: string } | undefined;

export function proseOnly(text: string): string {
  if (last?.text !== text) last = { text, prose: blankFences(text).replace(/<!--[\s\S]*?-->/g, blank) };
  return last.prose;
}
