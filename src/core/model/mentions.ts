/**
 * Item identity within one document. Plans list the same piece of work more than once — the
 * detailed entry, then a row in a summary table, a line in a priority matrix, a roadmap or a
 * sprint list. Those are one item with several mentions: the most specific mention stands
 * for the item (it is counted, once), the others point at it (`mentionOf`), and what the
 * item lacks (an estimate, a priority, a status) is taken from its other mentions.
 *
 * Only the sure pairings make a mention: the same ID (with titles that do not name two
 * different things) or the same normalised title (at least two significant words, not the
 * same chore repeated in sibling phases). Merely similar titles stay separate items — except
 * within a listing that restates as a whole (see `restatedLists`), where the listing's other
 * entries, the same hours and a single candidate vouch for a freer name.
 */
import type { Declared, Hours, Item, PlanModel } from './schema';
import { fullId, groupSameItems, identitiesOf, identityIn, isDifferentItem, isWithin, normaliseTitle, pairing, parallel, sameEstimate, sectionChain, significantWords, type Identity, type Pairing } from '../rules/item-identity';
import { groupBy, groupByEach } from '../rules/group-by';
import { TextMemo } from '../rules/text-memo';

function sure(how: Pairing, a: Identity, b: Identity): boolean {
  if (how === 'id') return !isDifferentItem(a, b);
  // A breakdown line names the entry it estimates more briefly ("API error handling & retry:
  // 18-24 hours" for "API Error Handling & Retry Logic (18-24 hours)"): same words first, same hours.
  // So does a summary row or list line of another kind ("Concurrency Control Slider | 2h" for
  // "**Concurrency Controls** … 2 hours"); two entries of one kind with similar names stay two.
  if (how === 'similar') return a.item.kind !== b.item.kind;
  return how === 'title';
}

/** How much of an entry a kind of item holds: a table row least, a heading (a whole section) most. */
function kindRank(item: Item): number {
  return item.kind === 'row' ? 0 : item.kind === 'bullet' || item.kind === 'breakdown' ? 1 : item.kind === 'heading' ? 3 : 2;
}

/** Kind first (a detailed entry over a list line over a table row), then what it states itself. */
function specificity(item: Item): number {
  const kind = Math.min(kindRank(item), 2);
  const own = (item.estimate ? 1 : 0) + (item.priority?.source === 'own' ? 1 : 0) + (item.statusSource === 'own' ? 1 : 0) + (item.children.length > 0 ? 1 : 0);
  return kind * 10 + own;
}

function mostSpecificFirst(group: Item[]): Item[] {
  return [...group].sort((a, b) => specificity(b) - specificity(a) || a.range.start.offset - b.range.start.offset);
}

/**
 * A status stated by a mention fills in an item that states none, when the mention states it
 * as a status: a ticked box or a table's status cell. A mark at the head of a restating list
 * ("1. ✅ **Settings Context** (6-8h)" in an implementation order) is often emphasis.
 */
function statusFrom(mention: Item): Item['status'] | undefined {
  if (mention.statusSource !== 'own' || mention.status === 'unknown') return undefined;
  return mention.kind === 'row' || mention.kind === 'task' ? mention.status : undefined;
}

/**
 * What linking copied from one item to another, in order: an estimate or priority taken from
 * the item at `from`, or a status. Replayed on a model that reads the same (see mention-reuse.ts).
 */
export type Fill = { item: number; field: 'estimate' | 'priority'; from: number } | { item: number; field: 'status'; status: Item['status'] };

/** Applies one fill, as `fillFromMentions` made it. */
export function applyFill(items: Item[], fill: Fill): void {
  const item = items[fill.item];
  if (fill.field === 'status') {
    item.status = fill.status;
    item.statusSource = 'own';
  } else if (fill.field === 'estimate') item.estimate = items[fill.from].estimate;
  else item.priority = items[fill.from].priority;
}

function fillFromMentions(item: Item, others: Item[], items: Item[], fills: Fill[]): void {
  const fill = (f: Fill) => {
    fills.push(f);
    applyFill(items, f);
  };
  if (!item.estimate && !item.children.some((c) => items[c]?.estimate)) {
    const withEstimate = others.find((o) => o.estimate);
    if (withEstimate) fill({ item: item.index, field: 'estimate', from: withEstimate.index });
  }
  if (!item.priority || item.priority.source !== 'own') {
    const source = others.find((o) => o.priority?.source === 'own') ?? (item.priority ? undefined : others.find((o) => o.priority));
    if (source) fill({ item: item.index, field: 'priority', from: source.index });
  }
  if (item.status === 'unknown') {
    for (const o of others) {
      const status = statusFrom(o);
      if (status) {
        fill({ item: item.index, field: 'status', status });
        break;
      }
    }
  }
}

/**
 * What one linking did beyond the links it left on the items: what it copied between items
 * (`fills`, in order), and what of the document's text it read. Text is read only as items'
 * own words (see `ownWords`): every candidate's for each pair of words `partOf` looked for
 * (`pairs`), and the whole of a few items' (`items`).
 */
export interface LinkLog {
  fills: Fill[];
  pairs: Set<string>;
  items: Set<number>;
}

export function newLinkLog(): LinkLog {
  return { fills: [], pairs: new Set(), items: new Set() };
}

/**
 * Marks restatements in place: `mentionOf` on each, `mentions` on the item they restate.
 * `text` is the analysed text, where items' own lines (a gap, a description) are read.
 * `log` records what the linking copied and read, for `linkMentionsReusing`.
 */
export function linkMentions(model: PlanModel, text: string, log: LinkLog = newLinkLog()): void {
  // A line adding up items it names ("Security Audit (XSS, SQL Injection)" 7-10 h for XSS 3-4
  // and SQL Injection 4-6) first: a later listing may restate that line in turn.
  for (const [entry, section] of restatedSums(model)) entry.restates = section;
  // Whole listings next: a scope or summary list restating the plan under other names is
  // recognised as a whole before its entries could stand as the items they restate.
  for (const [entry, target] of restatedLists(model, text, log)) {
    if (typeof target === 'number') entry.restates = target;
    else link(model, target, [entry], log);
  }
  for (const [entry, item] of restatedParts(model)) link(model, item, [entry], log);
  const candidates = model.items.filter((i) => !i.checklist && i.mentionOf === undefined && i.restates === undefined);
  for (const group of groupSameItems(model, candidates, sure)) {
    const [canonical, ...rest] = mostSpecificFirst(group);
    // A sub-item's effort is already in its parent's; only top-level entries are set aside.
    link(model, canonical, rest.filter((o) => o.parent === undefined), log);
  }
  for (const [item, section] of restatedById(model)) item.restates = section;
  flattenChains(model);
}

/**
 * A row restating a breakdown line that in turn restates a bullet: the row restates the
 * bullet. Every mention points at the one counted item, which lists all its mentions.
 */
function flattenChains(model: PlanModel): void {
  const root = (item: Item): Item => {
    let at = item;
    for (let hops = 0; at.mentionOf !== undefined && hops < 50; hops++) at = model.items[at.mentionOf] ?? at;
    return at;
  };
  for (const item of model.items) {
    if (item.mentionOf === undefined) continue;
    const target = root(item);
    if (target.index === item.mentionOf) continue;
    item.mentionOf = target.index;
    target.mentions = [...new Set([...(target.mentions ?? []), item.index])].sort((a, b) => a - b);
  }
  for (const item of model.items) {
    if (item.mentions && item.mentionOf !== undefined) item.mentions = undefined;
  }
}

function link(model: PlanModel, canonical: Item, others: Item[], log: LinkLog): void {
  if (others.length === 0) return;
  for (const o of others) o.mentionOf = canonical.index;
  canonical.mentions = [...(canonical.mentions ?? []), ...others.map((o) => o.index)].sort((a, b) => a - b);
  fillFromMentions(canonical, others, model.items, log.fills);
}


/** Each word list as a set, made once (identities' word lists are shared by title). */
const wordSets = new WeakMap<readonly string[], Set<string>>();

function wordSet(words: readonly string[]): Set<string> {
  let set = wordSets.get(words);
  if (!set) wordSets.set(words, (set = new Set(words)));
  return set;
}

function sharedWords(a: Identity, b: Identity): number {
  return sharedWith(a, wordSet(b.words));
}

/** How many distinct words of `a` are in `words`. */
function sharedWith(a: Identity, words: Set<string>): number {
  let n = 0;
  for (const w of wordSet(a.words)) if (words.has(w)) n++;
  return n;
}

/** A section of the plan whose work is declared as a whole ("Estimated Work Remaining: 55-65 hours"). */
interface Area {
  declared: Declared;
  /** The declared total's section and its ancestors, innermost first (not the preamble). */
  chain: number[];
}

function areasOf(model: PlanModel): Area[] {
  return model.declared
    .filter((d) => d.kind === 'total' && (d.scope.kind === 'section' || d.scope.kind === 'list') && d.value.high !== null)
    .map((declared) => ({ declared, chain: sectionChain(model, declared.section).filter((s) => model.sections[s].depth > 0) }));
}


/** The section of an area an entry names: the one sharing the most words with it, below where the two meet. */
function namedSection(model: PlanModel, area: Area, entry: Identity): { section: number; score: number } | undefined {
  const mine = new Set(sectionChain(model, entry.item.section));
  let best: { section: number; score: number } | undefined;
  for (const s of area.chain) {
    if (mine.has(s)) break;
    const score = sharedWith(entry, sectionWords(model, s));
    if (score > (best?.score ?? 0)) best = { section: s, score };
  }
  return best;
}

/** Each model's section titles as sets of significant words, made when first asked for. */
const titleWords = new WeakMap<PlanModel, (Set<string> | undefined)[]>();

function sectionWords(model: PlanModel, section: number): Set<string> {
  let known = titleWords.get(model);
  if (!known) titleWords.set(model, (known = []));
  return (known[section] ??= new Set(significantWords(normaliseTitle(model.sections[section].title))));
}

/**
 * Enough shared words for a restatement: any for an entry that is less than its target
 * (a table row restating a bullet), but two — or all of a one-word title — for a list line
 * restating a breakdown line or an area defined earlier ("Tax Reporting" is not "Tax Rules").
 */
function enough(score: number, entry: Identity, weak: boolean): boolean {
  return weak ? score > 0 : score >= Math.min(2, entry.words.length) && score > 0;
}

type Target = Item | number;
interface Scored {
  target: Target;
  score: number;
  title: string;
  rank: number;
}

/**
 * Whole listings that restate the plan under other names: an "Implementation order" of
 * "**Settings Context Integration** (6-8h)" lines over the sections "### 1. Integrate
 * Settings with Form Components … 6-8 hours"; a summary table whose rows restate the
 * breakdown lines ("| Template System | 20-25 |" for "- Template system: 20-25 hours") or
 * whole areas ("| Export System | 55-65 |" for the section "1.2 Export System" whose
 * "Estimated Work Remaining" is 55-65 hours). Every entry of the listing must pair, one to
 * one, with something elsewhere with the same estimate that shares a significant word with
 * it: a fuller item (a heading for a bullet, a bullet for a row), or — for a listing after
 * them — an item or an area defined earlier, sharing two words, or an earlier row that itself
 * adds up items (see `restatedSums`). Any entry may instead be a part of one earlier item's
 * work (see `partOf`), and in a listing of three or more where every other entry pairs, one
 * entry may pair on fewer words (see `loneWordTarget`). Anything less — one entry unmatched, a guess between two — and
 * the listing stands as items. Later listings are read first, so a summary of a summary
 * restates what the first summary restated.
 */
function restatedLists(model: PlanModel, text: string, log: LinkLog): [Item, Target][] {
  const open = model.items.filter((i) => i.parent === undefined && !i.checklist);
  const pairs: [Item, Target][] = [];
  const listings = [...groupBy(open, (i) => i.section).values()].reverse();
  const context: Listings = {
    model,
    text,
    ids: identitiesOf(model),
    areasByHours: groupBy(areasOf(model), (a) => hoursKey(a.declared.value)),
    // An entry can restate only an item of the same hours (see `allowed`): look there, not at every item.
    byHours: groupBy(open, (i) => hoursKey(i.estimate?.hours)),
    byWord: new Map(),
    taken: new Set<number>(),
    bodies: new Map(),
    named: new Map(),
    log,
  };
  for (const entries of listings) {
    if (entries.length < 2 || !entries.every((e) => e.estimate && !e.id && e.kind !== 'breakdown')) continue;
    const matched = matchEntries(context, entries);
    if (!matched) continue;
    for (const [entry, target] of matched) {
      context.taken.add(entry.index);
      pairs.push([entry, target]);
    }
  }
  return pairs;
}

/** What reading the listings of one model shares. */
interface Listings {
  model: PlanModel;
  text: string;
  ids: readonly Identity[];
  areasByHours: Map<string | undefined, Area[]>;
  byHours: Map<string | undefined, Item[]>;
  /** For hours many items have: those items by each word of their titles, made when first asked for (see `sharingCandidates`). */
  byWord: Map<string | undefined, Map<string, Item[]>>;
  /** Entries already paired by a later listing. */
  taken: Set<number>;
  /** Items' own text as significant words, made when first asked for. */
  bodies: Map<number, OwnWords>;
  /** The items `partOf` may name, made when first asked for. */
  candidates?: Item[];
  /** The candidates whose own text has each pair of words asked for (see `namedBy`). */
  named: Map<string, Item[]>;
  /** Every candidate by each pair of words in its own text, once many pairs are asked for. */
  byPair?: Map<string, Item[]>;
  /** Where the text read is recorded. */
  log: LinkLog;
}

function allowed(model: PlanModel, entry: Item, target: Item): 'weak' | 'strong' | undefined {
  if (target.section === entry.section || !sameEstimate(entry, target)) return undefined;
  if (kindRank(target) > kindRank(entry)) return 'weak';
  // An earlier definition restated by a later listing; never the same slot in a sibling part.
  // A row is a definition only when it adds up items (its restatement restates those).
  if ((target.kind === 'row' && target.restates === undefined) || target.range.start.offset >= entry.range.start.offset) return undefined;
  return parallel(model, entry, target) ? undefined : 'strong';
}

/** The estimate's hours as a key (what `sameEstimate` compares); undefined without an estimate. */
function hoursKey(hours: Hours | undefined): string | undefined {
  return hours ? `${hours.low}|${hours.high}` : undefined;
}

/** What an entry restates: an item, or a section (an area, or the items a line adds up) when the item itself restates one. */
function restated(target: Item): Target {
  return target.restates ?? target;
}

function matchEntries(context: Listings, entries: Item[]): [Item, Target][] | undefined {
  const { model, ids, taken } = context;
  const used = new Set<Target>();
  const result: [Item, Target][] = [];
  // One entry renamed more freely, tried last: only when every other entry has paired.
  let lone: Item | undefined;
  for (const entry of entries) {
    // A line adding up items it names is already read (see `restatedSums`).
    if (entry.restates !== undefined) continue;
    if (taken.has(entry.index)) return undefined;
    const me = ids[entry.index];
    const scored: Scored[] = [];
    for (const target of sharingCandidates(context, entry)) {
      if (used.has(target) || taken.has(target.index)) continue;
      const them = ids[target.index];
      // No shared word is never enough: that check first, the costlier `allowed` after.
      const score = sharedWords(me, them);
      const how = score > 0 ? allowed(model, entry, target) : undefined;
      if (how && enough(score, me, how === 'weak')) scored.push({ target, score, title: them.title, rank: kindRank(target) });
    }
    for (const area of context.areasByHours.get(hoursKey(entry.estimate?.hours)) ?? []) {
      if (area.declared.range.start.offset >= entry.range.start.offset) continue;
      const named = namedSection(model, area, me);
      if (named && !used.has(named.section) && enough(named.score, me, entry.kind === 'row')) scored.push({ target: named.section, score: named.score, title: `\u0000${named.section}`, rank: 4 });
    }
    const best = bestTarget(model, scored);
    if (best !== undefined) {
      const target = typeof best === 'number' ? best : restated(best);
      used.add(target);
      result.push([entry, target]);
      continue;
    }
    // A part of one item's work may be listed beside it; parts of one item share it.
    const whole = partOf(context, entry);
    if (whole) result.push([entry, restated(whole)]);
    else if (lone || entries.length < 3) return undefined;
    else lone = entry;
  }
  const target = lone && loneWordTarget(context, lone, used);
  if (lone && !target) return undefined;
  if (lone && target) result.push([lone, restated(target)]);
  return result;
}

/** A word more items of the same hours have than this in their titles names none of them. */
const MAX_SHARING = 40;

/**
 * The items an entry may restate by name: those of its hours, in document order. Where more
 * items than MAX_SHARING have those hours, only those sharing a word of its title that at most
 * MAX_SHARING of them share ("task" in a plan of hundreds of "Task N" lines of 2 h each names
 * none of them); trying every one against every entry would cost the square of the plan's size.
 * Fewer, and every one is tried, as an item sharing no word scores nothing anyway.
 */
function sharingCandidates(context: Listings, entry: Item): readonly Item[] {
  const hours = hoursKey(entry.estimate?.hours);
  const all = context.byHours.get(hours) ?? [];
  if (all.length <= MAX_SHARING) return all;
  let byWord = context.byWord.get(hours);
  if (!byWord) context.byWord.set(hours, (byWord = groupByEach(all, (item) => wordSet(context.ids[item.index].words))));
  const found = new Set<Item>();
  for (const w of wordSet(context.ids[entry.index].words)) {
    const sharing = byWord.get(w);
    if (sharing && sharing.length <= MAX_SHARING) for (const item of sharing) found.add(item);
  }
  return [...found].sort((a, b) => a.index - b.index);
}

/**
 * The best-scoring target. A tie between mentions of one item (a bullet and the breakdown line
 * that estimates it, the same title twice) goes to the fuller; any other tie is a guess.
 */
function bestTarget(model: PlanModel, scored: Scored[]): Target | undefined {
  if (scored.length === 0) return undefined;
  const top = Math.max(...scored.map((s) => s.score));
  const [first, ...rest] = scored.filter((s) => s.score === top).sort((a, b) => b.rank - a.rank);
  return rest.every((s) => oneItem(model, first, s)) ? first.target : undefined;
}

function oneItem(model: PlanModel, a: Scored, b: Scored): boolean {
  return a.title === b.title || (typeof a.target !== 'number' && typeof b.target !== 'number' && !!pairing(model, identityIn(model, a.target), identityIn(model, b.target)));
}

/**
 * In a listing whose other entries all restate (a sprint of items defined earlier), an entry
 * renamed more freely ("WebSocket Activation" 4-6 h for "WebSocket Real-Time Updates" 4-6 h,
 * "APM Setup" 3-4 h for "Performance Monitoring" 3-4 h whose gap is "No APM") restates the one
 * item defined earlier with its hours that shares any of its words, in its title or its own
 * text. Two such items — even with more words shared by one — are a guess, and no pairing.
 */
function loneWordTarget(context: Listings, entry: Item, used: Set<Target>): Item | undefined {
  const { model, ids } = context;
  const me = ids[entry.index];
  const scored: Scored[] = [];
  for (const target of context.byHours.get(hoursKey(entry.estimate?.hours)) ?? []) {
    if (used.has(target) || context.taken.has(target.index) || target.range.start.offset >= entry.range.start.offset) continue;
    const them = ids[target.index];
    context.log.items.add(target.index);
    const body = wordSet(ownWords(context, target).words);
    const title = wordSet(them.words);
    const score = me.words.filter((w) => title.has(w) || body.has(w)).length;
    if (score > 0 && allowed(model, entry, target)) scored.push({ target, score, title: them.title, rank: kindRank(target) });
  }
  if (scored.length === 0 || !scored.every((s) => oneItem(model, scored[0], s))) return undefined;
  const best = scored.sort((a, b) => b.rank - a.rank)[0].target;
  return typeof best === 'number' ? undefined : best;
}

/** The label of a field line in an item's own text ("**Priority**:", "Estimated Time:"). */
const FIELD_LABEL = /^\s*(?:[-*+]|\d+[.)])?\s*(?:\*\*[^*\n]{1,40}\*\*|[A-Z][\w ]{0,30})\s*:/gm;

/** Code spans and links' targets: file names and paths (`server.ts`), not what the item is about. */
const CODE_OR_TARGET = /`[^`\n]*`|\]\([^)\n]*\)/g;

/** The significant words of an item's own text below its title (gap, description, notes), field labels and file names left out. */
function ownWords(context: Listings, item: Item): OwnWords {
  let known = context.bodies.get(item.index);
  if (!known) {
    const own = ownText(context.text, item);
    known = own === undefined ? NO_OWN_WORDS : ownWordsOf(own);
    context.bodies.set(item.index, known);
  }
  return known;
}

/** An item's own words, every one of them read: recorded as such (see `LinkLog`). */
function wholeOwnWords(context: Listings, item: Item): string[] {
  context.log.items.add(item.index);
  return ownWords(context, item).words;
}

/** The text below an item's title that is its own (undefined for a row or heading, whose own text is never read). */
export function ownText(text: string, item: Item): string | undefined {
  return item.kind === 'row' || item.kind === 'heading' ? undefined : text.slice(item.titleRange.end.offset, ownTextEnd(item));
}

/** The own words of an item's own text (see `ownText`). */
export function ownWordsOf(own: string): OwnWords {
  return ownWordsByText.get(own, readOwnWords);
}

const NO_OWN_WORDS: OwnWords = { words: [], pairs: new Set() };

/**
 * An entry naming, word for word, what one item defined earlier says it lacks ("Structured
 * Logging" 2-3 h, for "**Monitoring & Logging** … Gap: No Sentry integration, no structured
 * logging, no APM" 6-8 h): a part of that item's work, listed on its own. Two words at least,
 * found in one item's own text only, and no more hours than that item's.
 */
function partOf(context: Listings, entry: Item): Item | undefined {
  const words = context.ids[entry.index].words;
  if (words.length < 2) return undefined;
  const named = namedBy(context, words[0], words[1]);
  // Words that many items' text has name none of them.
  if (named.length > MAX_NAMED) return undefined;
  const found = named.filter(
    (item) => item.range.start.offset < entry.range.start.offset && !isWithin(context.model.sections, item.section, entry.section) && contains(wholeOwnWords(context, item), words),
  );
  if (found.length !== 1) return undefined;
  const [part, whole] = [entry.estimate!.hours, found[0].estimate!.hours];
  const fits = part.low <= whole.low && (whole.high === null || (part.high !== null && part.high <= whole.high));
  return fits ? found[0] : undefined;
}

const OWN_TEXT_CHARS = 2000;

function ownTextEnd(item: Item): number {
  return Math.min(item.range.end.offset, item.titleRange.end.offset + OWN_TEXT_CHARS);
}

/** An item's own text as significant words, and each pair of adjacent words. */
export interface OwnWords {
  words: string[];
  pairs: Set<string>;
}

/** By the text itself: an edit asks again for every item's, and all but the edited one are the same. */
const ownWordsByText = new TextMemo<OwnWords>();

function readOwnWords(own: string): OwnWords {
  const words = significantWords(own.replace(CODE_OR_TARGET, ' ').replace(FIELD_LABEL, ' ').toLowerCase());
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
  return { words, pairs };
}

/** Pairs looked for one by one in an analysis before every candidate's pairs are indexed at once. */
const SCANS_BEFORE_INDEX = 16;

/**
 * The items whose own text has `first` and `second` side by side (the items `partOf` may
 * name), in document order. The first few pairs asked for are looked for item by item; past
 * that (a plan of thousands of entries, each asking for its own pair), every candidate's
 * pairs are indexed once, so the cost stays linear in the plan's size.
 */
function namedBy(context: Listings, first: string, second: string): Item[] {
  const key = `${first} ${second}`;
  let named = context.named.get(key);
  if (!named) {
    context.log.pairs.add(key);
    const candidates = (context.candidates ??= context.model.items.filter((i) => i.parent === undefined && !i.checklist && i.estimate && i.kind !== 'row' && i.kind !== 'heading'));
    if (context.named.size < SCANS_BEFORE_INDEX) named = candidates.filter((item) => ownWords(context, item).pairs.has(key));
    else named = (context.byPair ??= groupByEach(candidates, (item) => ownWords(context, item).pairs)).get(key) ?? [];
    context.named.set(key, named);
  }
  return named;
}

/** `phrase` appears in `words`, word after word. */
function contains(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((w, k) => words[i + k] === w)) return true;
  return false;
}

/** "(XSS, SQL Injection)": the parts a title names in its closing parenthesis. */
const NAMED_PARTS = /\(([^()]+)\)\s*$/;
/** A name that names more items than this is no name for one of them. */
const MAX_NAMED = 12;

/**
 * "| Security Audit (XSS, SQL Injection) | 7-10h |" where the plan defines "XSS Prevention"
 * 3-4 h and "SQL Injection Prevention" 4-6 h earlier: the line adds up the items it names in
 * its closing parenthesis. Two names at least, each naming exactly one earlier item by all
 * its words, the hours adding up exactly, the items in one part of the plan; the line then
 * restates that part, as a summary row restating a whole area does.
 */
function restatedSums(model: PlanModel): [Item, number][] {
  const lines: [Item, string[][]][] = [];
  for (const item of model.items) {
    const names = item.parent === undefined && !item.checklist && item.estimate?.hours.high != null ? NAMED_PARTS.exec(item.title)?.[1].split(/\s*(?:[,;/&+]|\band\b)\s*/i) : undefined;
    if (!names || names.length < 2) continue;
    const named = names.map((n) => significantWords(normaliseTitle(n)));
    if (named.every((n) => n.length > 0)) lines.push([item, named]);
  }
  if (lines.length === 0) return [];
  const ids = identitiesOf(model);
  const byWord = groupByEach(
    model.items.filter((item) => item.parent === undefined && !item.checklist && item.estimate && item.kind !== 'row'),
    (item) => wordSet(ids[item.index].words),
  );
  const result: [Item, number][] = [];
  for (const [line, named] of lines) {
    const parts = named.map((words) => namedItem(byWord, ids, line, words));
    if (parts.some((p) => p === undefined) || new Set(parts).size !== parts.length) continue;
    const items = parts as Item[];
    const low = items.reduce((sum, i) => sum + i.estimate!.hours.low, 0);
    const high = items.reduce((sum, i) => (sum === null || i.estimate!.hours.high === null ? null : sum + i.estimate!.hours.high), 0 as number | null);
    if (low !== line.estimate!.hours.low || high !== line.estimate!.hours.high) continue;
    const section = meetingOf(model, items);
    if (section !== undefined && !isWithin(model.sections, line.section, section)) result.push([line, section]);
  }
  return result;
}

/** The one item before `line` whose title has all of `words`; undefined for none or several. */
function namedItem(byWord: Map<string, Item[]>, ids: readonly Identity[], line: Item, words: string[]): Item | undefined {
  const buckets = words.map((w) => byWord.get(w) ?? []);
  const rarest = buckets.reduce((a, b) => (b.length < a.length ? b : a));
  if (rarest.length > MAX_NAMED) return undefined;
  const found = rarest.filter((i) => i.range.start.offset < line.range.start.offset && words.every((w) => ids[i.index].words.includes(w)));
  return found.length === 1 ? found[0] : undefined;
}

/** The innermost section (below the preamble) holding all the items. */
function meetingOf(model: PlanModel, items: Item[]): number | undefined {
  const [first, ...rest] = items;
  return sectionChain(model, first.section).find((s) => model.sections[s].depth > 0 && rest.every((i) => isWithin(model.sections, i.section, s)));
}

/**
 * "### Sprint 7: Testing Infrastructure - 20-30 hours" over "Unit Tests", "E2E Tests", where
 * the plan lists "**Testing Infrastructure** … 20-30 hours" elsewhere: the sprint schedules that
 * one item, and its entries are its parts. The heading must name every word of the item's
 * title (two at least) and declare exactly its hours, and no other item may fit.
 */
function restatedParts(model: PlanModel): [Item, Item][] {
  const pairs: [Item, Item][] = [];
  const totals = model.declared.filter((d) => d.kind === 'total' && d.where === 'heading' && d.scope.kind === 'section');
  if (totals.length === 0) return pairs;
  // Looked up by hours and by section, not scanned once per total.
  const estimated = groupBy(
    model.items.filter((i) => i.parent === undefined && !i.checklist && i.mentionOf === undefined && i.estimate),
    (i) => hoursKey(i.estimate!.hours),
  );
  const bySection = groupBy(model.items, (i) => i.section);
  for (const d of totals) {
    const words = sectionWords(model, d.section);
    const fits = (estimated.get(hoursKey(d.value)!) ?? []).filter((i) => !isWithin(model.sections, i.section, d.section) && namesAll(identityIn(model, i), words));
    if (fits.length !== 1) continue;
    for (const e of bySection.get(d.section) ?? []) if (e.parent === undefined && !e.checklist && e.mentionOf === undefined && e.restates === undefined) pairs.push([e, fits[0]]);
  }
  return pairs;
}

function namesAll(id: Identity, words: Set<string>): boolean {
  return id.words.length >= 2 && id.words.every((w) => words.has(w));
}

/** "E05: Export System": a short code heading a title, as plans number their work packages. */
const LEADING_CODE = /^([A-Z]{1,5}-?\d+(?:\.\d+)*)\s*[:—–-]\s+/;

function restatedById(model: PlanModel): [Item, number][] {
  const named = new Map<string, number[]>();
  model.sections.forEach((section) => {
    for (const group of section.title.matchAll(/\(([^()]*)\)/g)) {
      for (const id of group[1].split(/[,;/\s]+/)) if (/^[A-Z]+-?\d+(?:\.\d+)*$/i.test(id)) named.set(id.toUpperCase(), [...(named.get(id.toUpperCase()) ?? []), section.index]);
    }
  });
  if (named.size === 0) return [];
  const working = sectionsWithWork(model);
  const result: [Item, number][] = [];
  for (const item of model.items) {
    const id = (fullId(item) ?? LEADING_CODE.exec(item.title)?.[1])?.toUpperCase();
    if (!id || item.checklist || item.parent !== undefined || item.mentionOf !== undefined || item.restates !== undefined) continue;
    const sections = (named.get(id) ?? []).filter((s) => !named.get(id)!.some((o) => o !== s && isWithin(model.sections, s, o)));
    if (sections.length !== 1 || isWithin(model.sections, item.section, sections[0]) || !working.has(sections[0])) continue;
    const words = sectionWords(model, sections[0]);
    if (sharedWith(identityIn(model, item), words) > 0) result.push([item, sections[0]]);
  }
  return result;
}


/** Sections holding, in their subtree, an item of work or a breakdown line. */
function sectionsWithWork(model: PlanModel): Set<number> {
  const result = new Set<number>();
  for (const item of model.items) {
    if (item.checklist || item.parent !== undefined) continue;
    for (let s: number | undefined = item.section; s !== undefined && !result.has(s); s = model.sections[s]?.parent) result.add(s);
  }
  return result;
}
