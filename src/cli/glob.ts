/**
 * A small glob matcher for quoted PATH arguments (`'docs/**\/*.md'`), so CI configs work
 * without a shell's globstar. Hand-written rather than a dependency: the CLI bundle shares a
 * 400 KB budget with the extension and the worker, and a glob library costs ~38 KB.
 * Supports `**`, `*`, `?`, `[...]` and `{a,b}`; paths use `/`.
 */
const MAGIC = /[*?[\]{}]/;

export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** Splits a pattern into the folder to walk from and the part to match below it. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const firstMagic = parts.findIndex((p) => isGlob(p));
  return { base: parts.slice(0, firstMagic).join('/') || '.', rest: parts.slice(firstMagic).join('/') };
}

/** Compiles the part below the base to a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      source += '(?:[^/]*/)*'; // zero or more folders
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) source += '\\[';
      else {
        source += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      const close = glob.indexOf('}', i + 1);
      if (close === -1) source += '\\{';
      else {
        source += `(?:${glob.slice(i + 1, close).split(',').map((alt) => globToRegExp(alt).source.slice(1, -1)).join('|')})`;
        i = close;
      }
    } else source += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** How many folders deep a pattern can reach, or Infinity with `**`. */
export function globDepth(glob: string): number {
  return glob.includes('**') ? Infinity : glob.split('/').length;
}
