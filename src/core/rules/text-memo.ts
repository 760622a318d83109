/**
 * `s` in a string of its own. A slice of a string keeps the whole string it was cut from
 * alive, so a chunk's text, a cache key or a remembered title kept across edits would keep
 * every version of a large plan a long session has seen; a copy keeps its own characters.
 */
export function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}

const forgetters: (() => void)[] = [];

/** Registers a module's own remembered texts (a last split, a last blanking) with `forgetTexts`. */
export function onForgetTexts(forget: () => void): void {
  forgetters.push(forget);
}

/**
 * Forgets every text remembered across analyses, as in a fresh worker: the benchmark times a
 * cold analysis after it, so a cold run never profits from the run before it.
 */
export function forgetTexts(): void {
  for (const forget of forgetters) forget();
}

/**
 * Values worked out from a text, remembered by that text. An edit re-reads every title,
 * label and line of a plan, and after it nearly all of them are texts seen the time before.
 * Dropped whole once it holds `limit` texts, so a long session cannot grow it without bound,
 * and by `forgetTexts`. Made once per module: each registers with `forgetTexts` for good.
 */
export class TextMemo<T> {
  private readonly known = new Map<string, T>();

  constructor(private readonly limit = 20_000) {
    onForgetTexts(() => this.known.clear());
  }

  get(text: string, make: (text: string) => T): T {
    const hit = this.known.get(text);
    if (hit !== undefined || this.known.has(text)) return hit as T;
    if (this.known.size >= this.limit) this.known.clear();
    const value = make(text);
    // Kept under a copy: the text asked about is often a slice of the whole document.
    this.known.set(ownCopy(text), value);
    return value;
  }
}
