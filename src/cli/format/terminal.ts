/**
 * Text for a terminal. A plan is someone else's text: an ESC in a heading would otherwise
 * reach the terminal as a control sequence (recolouring, moving the cursor, rewriting the
 * title bar, hiding what follows). Every control character but the line break and the tab
 * is shown escaped instead, as `\x1b`, `\x07`, `\u009b`.
 */
// C0 controls except \t and \n, DEL, C1 controls; and the bidi overrides that reorder a line.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
