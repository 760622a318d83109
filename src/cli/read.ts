/**
 * Reading a plan file: bytes → text the core can read, and why a read failed.
 * The core works on BOM-less text, so the BOM is taken off here and remembered, and `--fix`
 * puts it back; line endings are left exactly as they are.
 */
const BOM = '\uFEFF';
const SNIFF_BYTES = 8192;

export type Decoded = { ok: true; text: string; bom: boolean } | { ok: false; reason: string };

export function decodePlan(bytes: Uint8Array): Decoded {
  const utf16 = utf16Name(bytes);
  if (utf16) return { ok: false, reason: `${utf16} text is not supported; save it as UTF-8` };
  const nul = bytes.subarray(0, SNIFF_BYTES).indexOf(0);
  if (nul !== -1) return { ok: false, reason: `binary file (NUL byte at offset ${nul}), not text` };
  let text: string;
  try {
    // ignoreBOM keeps the BOM in the string so we can tell whether to write it back.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
  const bom = text.startsWith(BOM);
  return { ok: true, text: bom ? text.slice(1) : text, bom };
}

/** The text to write back for a file that was read with (or without) a BOM. */
export function encodePlan(text: string, bom: boolean): string {
  return bom ? BOM + text : text;
}

function utf16Name(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** One short reason for a failed read, without the stack or the repeated path. */
export function describeIoError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTREGULAR':
      return 'not a regular file (a FIFO, socket or device); give a file or a folder';
    default:
      return (error as Error)?.message ?? String(error);
  }
}
