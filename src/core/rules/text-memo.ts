/**
 * Values worked out from a text, remembered by that text. An edit re-reads every title,
 * label and line of a plan, and after it nearly all of them are texts seen the time before.
 * Dropped whole once it holds `limit` texts, so a long session cannot grow it without bound.
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
    this.known.set(text, value);
    return value;
  }
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
