/** Mutants for the fuzz test: windows of real plans, mutated with what breaks markdown readers. */
/** mulberry32: small, seedable, good enough to pick mutations. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '\n', '\r', '\r\n', '\n\n', '\uFEFF', '> ', '- ', '* ', '1. ', '- [ ] ', '- [x] ', '### ', '# ', '```\n', '~~~\n', '<div>\n', '</div>\n',
  '<!--', '-->', '<pre>', '**', '*', '_', '__', '~~', '`', '[', ']', '](x)', '[^1]', '(', ')', '|', ' | ', '\t', '    ', '&amp;', '&#65;',
  '9'.repeat(320), ' 4-6h', ' (P0, 2h)', ' — 3 hours', 'Total: 12 hours\n', 'P0 Gaps: 3 features\n', '**Estimate**: 2d\n', 'Ã©', 'âœ… ', 'ðŸŽ¯',
  '---\n', '| a | 1h |\n|---|---|\n', '<!-- plan-lens-disable -->', 'CP-001: ', '\\', '   ', '1) ', '+ ', '=====\n',
];

export type Mutation = (text: string, r: () => number) => string;
const pos = (text: string, r: () => number) => Math.floor(r() * (text.length + 1));
const lineSplit = (text: string) => text.split(/(?<=\n)/);
export const MUTATIONS: Mutation[] = [
  (t, r) => {
    const p = pos(t, r);
    return t.slice(0, p) + SNIPPETS[Math.floor(r() * SNIPPETS.length)] + t.slice(p);
  },
  (t, r) => {
    const p = pos(t, r);
    return t.slice(0, p) + t.slice(p + Math.floor(r() * 40));
  },
  (t, r) => {
    const lines = lineSplit(t);
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('');
  },
  (t, r) => {
    const lines = lineSplit(t);
    const i = Math.floor(r() * lines.length);
    const j = Math.floor(r() * lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('');
  },
  (t, r) => t.replace(/\r?\n/g, r() < 0.5 ? '\r' : '\r\n'),
  (t, r) => {
    // A line start nested or indented further than the line above expects.
    const lines = lineSplit(t);
    const i = Math.floor(r() * lines.length);
    lines[i] = ['  ', '> ', '- ', '\t', '1. '][Math.floor(r() * 5)].repeat(1 + Math.floor(r() * 4)) + (lines[i] ?? '');
    return lines.join('');
  },
];

/** A window of whole lines, so mutants start mid-list, mid-fence, mid-table. */
const WINDOW = 6000;

function window(text: string, r: () => number): string {
  if (text.length <= WINDOW) return text;
  let start = Math.floor(r() * (text.length - WINDOW));
  start = text.lastIndexOf('\n', start) + 1;
  const end = text.indexOf('\n', start + WINDOW);
  return text.slice(start, end < 0 ? text.length : end + 1);
}

/** The mutant for one seed: deterministic given the documents and the seed. */
export function mutant(texts: { name: string; text: string }[], seed: number): { name: string; text: string } {
  const r = rng(seed);
  const doc = texts[Math.floor(r() * texts.length)];
  let text = window(doc.text, r);
  const count = 1 + Math.floor(r() * 4);
  for (let k = 0; k < count; k++) text = MUTATIONS[Math.floor(r() * MUTATIONS.length)](text, r);
  return { name: doc.name, text };
}
