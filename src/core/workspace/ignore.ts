/**
 * The folders and files a `.gitignore` leaves out, as globs relative to its folder, for the
 * hosts' exclude lists. Only what a glob can say: comments and negations (`!keep.md`) are
 * skipped, so a negated file stays excluded with its folder — the cautious side for an index.
 */
export function gitignoreGlobs(text: string): string[] {
  const globs: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const anchored = line.startsWith('/') || line.replace(/\/$/, '').includes('/');
    const body = line.replace(/^\//, '').replace(/\/$/, '');
    if (!body) continue;
    const base = anchored ? body : `**/${body}`;
    globs.push(base, `${base}/**`);
  }
  return globs;
}
