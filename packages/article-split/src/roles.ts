/**
 * The role of each unit of a page (a reflowed paragraph, or a byline split off one): a learned
 * linear model over the unit's shape and its neighbours', decoded as a sequence under a small
 * page grammar. Features are defined here once; `scripts/train-roles.mjs` learns the weights
 * from composed pages and writes `data/role-weights.ts` (feature name → one weight per role).
 *
 * A feature is a template and up to two small integer values: the template (declared once, in
 * the list under "the features") turns the values into the feature's name, e.g.
 * `LINES_LAST = template((lines, last) => `lines=${lines}&last=${cls(last)}`)`, and
 * `describeUnits` adds it to a unit with `f.add(LINES_LAST, lines, last)`. The names are the
 * model's keys: the trainer sees them (`unitFeatures`), the weights file lists them. Scoring
 * never builds them per unit: a scorer looks a (template, values) pair up by name the first
 * time it meets it and keeps its weights' row under an integer key (a page costs no strings).
 * To add a feature: declare its template beside the others (values from -1 to 30 key the cache
 * directly: booleans as 0/1, a class or gap by its index; other values, a character's code, key a
 * map), add it in `describeUnits` where it belongs, retrain.
 *
 * The grammar: a headline group is kicker? headline subheadline?, each field one line or
 * wrapped over several (the `+` roles continue the line before); bodies are runs of body
 * paragraphs and subheads, and `body+` mends a paragraph that layout cut in two (a line
 * taken for a title); bylines, credits and furniture stand on their own.
 */
import { FUNCTION_CHARACTERS, isHan, isHanCode } from "@yk/lexicon";
import { ROLE_WEIGHTS } from "./data/role-weights.js";

export const ROLES = [
  "kicker",
  "kicker+",
  "headline",
  "headline+",
  "subheadline",
  "subheadline+",
  "byline",
  "body",
  "body+",
  "subhead",
  "subhead+",
  "credit",
  "furniture",
] as const;
export type Role = (typeof ROLES)[number];

const R = Object.fromEntries(ROLES.map((r, i) => [r, i])) as Record<Role, number>;
const N = ROLES.length;
// the scorer's inner loop is written out for this many roles
if (N !== 13) throw new Error(`scorerOf's sumRows is unrolled for 13 roles, not ${N}`);

/** What the features read of a unit: its text and how it was printed. */
export interface UnitShape {
  text: string;
  /** Printed lines of the unit. */
  lines: number;
  /** Width of its widest, first and last line and the local column width, in em. */
  width: number;
  firstWidth: number;
  lastWidth: number;
  column: number;
  /** Line breaks before its first line: 1 = printed tight against the unit before. */
  newlinesBefore: number;
  /** A word space between CJK characters survived (headline phrases, bylines). */
  spaced: boolean;
  /** Letter-spaced by justification. */
  spread: boolean;
  /** Reflow's reading: a standalone line without terminal punctuation. */
  standalone: boolean;
  /** Cues the byline grammar gives: a byline line, a photo credit, a line of names only. */
  byline: boolean;
  credit: boolean;
  names: boolean;
  /** Decided before the model: furniture, a dateline byline, the body after it. */
  fixed: Role | null;
}

export interface PageShape {
  /** Blank lines between all lines (then a single break is tight), or single breaks. */
  blankLines: boolean;
}

function bucket(value: number, edges: readonly number[]): number {
  let k = 0;
  while (k < edges.length && value >= edges[k]!) k++;
  return k;
}

const LENGTH_EDGES = [2, 3, 4, 5, 7, 9, 11, 13, 16, 19, 23, 29, 41, 81];
const RATIO_EDGES = [0.3, 0.45, 0.6, 0.75, 0.9, 0.97, 1.05, 1.3];
const FILL_EDGES = [0.5, 0.7, 0.85, 0.95];
const SHARE_EDGES = [0.1, 0.3, 0.6];

/** Classes of a unit's first and last character, by index (a feature's value), named in features. */
const CLASSES = ["none", "stop", "colon", "comma", "close-quote", "open-quote", "close-paren", "open-paren", "open-book", "close-book", "dash", "digit", "latin", "han", "other"] as const;
const classIndex = (name: (typeof CLASSES)[number]) => CLASSES.indexOf(name);
const [NONE, CLOSE_PAREN, DIGIT, LATIN, HAN, OTHER] = (["none", "close-paren", "digit", "latin", "han", "other"] as const).map(classIndex) as [number, number, number, number, number, number];
/** The punctuation of each class, one character → class table made once. */
const PUNCTUATION_CLASS = new Map<number, number>(
  (
    [
      ["stop", "。！？!?…"],
      ["colon", "：:"],
      ["comma", "，、；,;"],
      ["close-quote", "”’」』\""],
      ["open-quote", "“‘「『"],
      ["close-paren", "）)】〕"],
      ["open-paren", "（(【〔"],
      ["open-book", "《"],
      ["close-book", "》"],
      ["dash", "—－-"],
    ] as const
  ).flatMap(([name, chars]) => [...chars].map((ch) => [ch.charCodeAt(0), classIndex(name)] as [number, number])),
);

/** The class of the UTF-16 unit at `index` of a text (none past either end). */
function charClassAt(text: string, index: number): number {
  if (index < 0 || index >= text.length) return NONE;
  const c = text.charCodeAt(index);
  const punctuation = PUNCTUATION_CLASS.get(c);
  if (punctuation !== undefined) return punctuation;
  if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return DIGIT;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return LATIN;
  return isHanCode(c) ? HAN : OTHER;
}

/** Gaps before a unit, by index. */
const GAPS = ["edge", "tight", "wide", "normal"] as const;
const [EDGE, TIGHT, WIDE, NORMAL] = [0, 1, 2, 3];

function gapOf(u: UnitShape | undefined, page: PageShape): number {
  if (!u) return EDGE;
  if (page.blankLines) return u.newlinesBefore <= 1 ? TIGHT : u.newlinesBefore >= 3 ? WIDE : NORMAL;
  return u.newlinesBefore >= 2 ? WIDE : NORMAL;
}

/** The pairs of Han characters in a text: what the role features and headline association compare. */
export function hanBigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) if (isHanCode(text.charCodeAt(i)) && isHanCode(text.charCodeAt(i + 1))) set.add(text.slice(i, i + 2));
  return set;
}

/** Share of a short unit's Han bigrams found in a text: a subhead speaks of its own story. */
function sharedShare(grams: Set<string>, text: string): number {
  if (grams.size === 0) return 0;
  let shared = 0;
  for (const g of grams) if (text.includes(g)) shared++;
  return shared / grams.size;
}

/** Text of the nearest multi-line units before and after unit i (at most `reach` units away). */
function nearbyBody(units: readonly UnitShape[], i: number, step: 1 | -1, reach = 6): string {
  let text = "";
  for (let k = i + step, n = 0; k >= 0 && k < units.length && n < reach; k += step, n++) {
    const u = units[k]!;
    if (u.lines > 1 || u.text.length > 40) {
      text = step === 1 ? u.text.slice(0, 400) : u.text.slice(-400);
      break;
    }
  }
  return text;
}

/** A line that may belong to a headline group: one short line, no sentence inside, not decided yet. */
function headlineLike(u: UnitShape): boolean {
  return u.lines === 1 && !u.fixed && u.text.length <= 40 && !/[。！？]./.test(u.text);
}

/**
 * Where each unit stands in its run of headline-like lines: a group's fields wrap at one width,
 * so the first line of a field is the run's longest and a shorter line after it continues it.
 */
function runPositions(units: readonly UnitShape[], like: readonly boolean[]): { length: number; at: number; longest: number }[] {
  const out: { length: number; at: number; longest: number }[] = new Array(units.length);
  let i = 0;
  while (i < units.length) {
    if (!like[i]) {
      out[i] = { length: 0, at: 0, longest: 0 };
      i++;
      continue;
    }
    let j = i;
    let longest = 0;
    while (j < units.length && like[j]) longest = Math.max(longest, units[j++]!.width);
    for (let k = i; k < j; k++) out[k] = { length: j - i, at: k - i, longest };
    i = j;
  }
  return out;
}

/** Two UTF-16 units side by side as one number: how the pair searches below compare pairs. */
function pairKey(first: number, second: number): number {
  // the first unit counted from U+3000 (modulo 65536): below 2^31 for every pair of Han characters
  // but the rarest, a small integer to V8, where first · 65536 + second was a heap number made at
  // every Set.add and look-up for half of them; never negative (-1 means none to the features)
  return ((first - PAIR_KEY_BASE) & 0xffff) * 65536 + second;
}

const PAIR_KEY_BASE = 0x3000;

/** The two units of a {@link pairKey}. */
function pairOfKey(key: number): [number, number] {
  return [(Math.floor(key / 65536) + PAIR_KEY_BASE) & 0xffff, key % 65536];
}

/** The pairs of Han characters in a text as {@link pairKey}s: {@link hanBigrams} without the strings. */
export function hanPairKeys(text: string): Set<number> {
  const keys = new Set<number>();
  // (code units, not text[i]: a one-character string of each Han character was most of its time)
  let second = text.length > 0 ? text.charCodeAt(0) : 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const first = second;
    second = text.charCodeAt(i + 1);
    if (isHanCode(first) && isHanCode(second)) keys.add(pairKey(first, second));
  }
  return keys;
}

/** The distinct {@link pairKey}s of a text's Han pairs, ascending, in `scratch` (grown when short); returns how many. */
function sortedPairKeys(text: string, scratch: { keys: Uint32Array }): number {
  if (scratch.keys.length < text.length) scratch.keys = new Uint32Array(Math.max(text.length, 2 * scratch.keys.length));
  const keys = scratch.keys;
  let n = 0;
  let second = text.length > 0 ? text.charCodeAt(0) : 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const first = second;
    second = text.charCodeAt(i + 1);
    if (isHanCode(first) && isHanCode(second)) keys[n++] = pairKey(first, second);
  }
  // (a typed array sorts numbers natively; every pair key is below 2^32)
  keys.subarray(0, n).sort();
  let distinct = 0;
  for (let k = 0; k < n; k++) if (k === 0 || keys[k] !== keys[k - 1]) keys[distinct++] = keys[k]!;
  return distinct;
}

/**
 * How much each text shares with the text before it: `share(k)`, for k ≥ 1, is the share of the
 * smaller of the two sets of Han pairs ({@link hanPairKeys}) of texts k - 1 and k found in the
 * other (0 when either has none). What comparing the texts' `hanPairKeys` sets gives, without a
 * set of each text: a text's pairs are sorted when first asked for, two neighbours compared by a merge.
 */
export function neighbourPairShare(texts: readonly string[]): (k: number) => number {
  const scratch = { keys: new Uint32Array(64) };
  const sorted: (Uint32Array | undefined)[] = new Array(texts.length);
  const keysOf = (k: number): Uint32Array => {
    let keys = sorted[k];
    if (keys === undefined) {
      const n = sortedPairKeys(texts[k]!, scratch); // (may grow scratch.keys: read it after)
      sorted[k] = keys = scratch.keys.slice(0, n);
    }
    return keys;
  };
  return (k) => {
    const prev = keysOf(k - 1);
    const cur = keysOf(k);
    const small = Math.min(prev.length, cur.length);
    if (small === 0) return 0;
    let shared = 0;
    for (let a = 0, b = 0; a < prev.length && b < cur.length; ) {
      if (prev[a]! < cur[b]!) a++;
      else if (prev[a]! > cur[b]!) b++;
      else {
        shared++;
        a++;
        b++;
      }
    }
    return shared / small;
  };
}

function pairFilterSlot(first: number, second: number): number {
  return ((first & 63) << 6) | (second & 63);
}

/** What a pair search finds when it finds none (one set for all: nothing adds to a search's result). */
const NO_PAIRS: ReadonlySet<number> = new Set<number>();

/** Up to this many pairs, a search asks String.includes for each (native, several times faster a character). */
const FEW_PAIRS = 8;

/**
 * A search for a set of pairs in a text given as its parts (read as if joined, without joining
 * them): `in(parts)` gives the wanted pairs the text prints side by side. A few pairs are looked
 * for one by one; more in one pass over the text (n characters cost at most FEW_PAIRS · n steps
 * however many pairs are wanted).
 */
export function pairSearch(wanted: ReadonlySet<number>): { in: (parts: readonly string[]) => ReadonlySet<number> } {
  if (wanted.size <= FEW_PAIRS) {
    const pairs = [...wanted].map((key) => [key, String.fromCharCode(...pairOfKey(key))] as const);
    return {
      in(parts) {
        // (a set is made only when a pair is found: most searches find none)
        let found: Set<number> | null = null;
        if (pairs.length === 0) return NO_PAIRS;
        let last = -1; // the last unit of the parts before, for the pair across a join
        for (const part of parts) {
          if (part.length === 0) continue;
          for (const [key, pair] of pairs) {
            if (found?.has(key)) continue;
            if (part.includes(pair) || (last >= 0 && pairKey(last, part.charCodeAt(0)) === key)) (found ??= new Set()).add(key);
          }
          last = part.charCodeAt(part.length - 1);
        }
        return found ?? NO_PAIRS;
      },
    };
  }
  // a 4096-slot filter on the low bits of both units of a wanted pair spares the set look-up on
  // nearly every pair of characters, however many pairs are wanted
  const filter = new Uint8Array(4096);
  for (const key of wanted) filter[pairFilterSlot(...pairOfKey(key))] = 1;
  return {
    in(parts) {
      let found: Set<number> | null = null;
      let second = -1;
      for (const text of parts) {
        for (let k = 0; k < text.length; k++) {
          const first = second;
          second = text.charCodeAt(k);
          if (first < 0 || filter[pairFilterSlot(first, second)] === 0) continue;
          const key = pairKey(first, second);
          if (wanted.has(key)) {
            (found ??= new Set()).add(key);
            if (found.size === wanted.size) return found;
          }
        }
      }
      return found ?? NO_PAIRS;
    },
  };
}

/**
 * A feature template: the feature's name from up to two small integer values (a flag has none;
 * a boolean is 0/1; a class or gap is its index). Names are what the weights are keyed by.
 */
export interface Template {
  readonly id: number;
  readonly name: (a: number, b: number) => string;
}

const TEMPLATES: Template[] = [];

function template(name: (a: number, b: number) => string): Template {
  const t = { id: TEMPLATES.length, name };
  TEMPLATES.push(t);
  return t;
}

const flag = (name: string) => template(() => name);
const cls = (k: number) => CLASSES[k]!;
const yes = (a: number) => a === 1;

// ---- the features: one template each (how a unit fills them in is in `describeUnits`) ----
const BIAS = flag("bias");
const LINES = template((lines) => `lines=${lines}`);
const LEN = template((len) => `len=${len}`);
const LAST = template((last) => `last=${cls(last)}`);
const FIRST = template((first) => `first=${cls(first)}`);
const RATIO = template((ratio) => `ratio=${ratio}`);
const LINES_LAST = template((lines, last) => `lines=${lines}&last=${cls(last)}`);
const LEN_LAST = template((len, last) => `len=${len}&last=${cls(last)}`);
const RATIO_LAST = template((ratio, last) => `ratio=${ratio}&last=${cls(last)}`);
const LINES_LEN = template((lines, len) => `lines=${lines}&len=${len}`);
const DASH_START = flag("dash-start");
const BRACKETED = flag("bracketed");
const COLUMN_NAME_END = flag("column-name-end");
const COLUMN_NAME_END_LINES = template((lines) => `column-name-end&lines=${lines}`);
const INNER_STOP = flag("inner-stop");
const COMMA = flag("comma");
const COLON = flag("colon");
const QUOTES = flag("quotes");
const SPACE = flag("space");
const DIGITS = flag("digits");
const ENDS_SHE = flag("ends-摄");
const SPACED = flag("spaced");
const SPACED_LEN = template((len) => `spaced&len=${len}`);
const SPREAD = flag("spread");
const STANDALONE = flag("standalone");
const STANDALONE_LAST = template((last) => `standalone&last=${cls(last)}`);
const BYLINE_CUE = flag("byline-cue");
const CREDIT_CUE = flag("credit-cue");
const NAMES_CUE = flag("names-cue");
const NAMES_LEN = template((len) => `names&len=${len}`);
const FIXED = template((role) => `fixed=${ROLES[role]}`);
const GAP = template((gap) => `gap=${GAPS[gap]}`);
const GAP_AFTER = template((gap) => `gap-after=${GAPS[gap]}`);
const GAP_LINES = template((gap, lines) => `gap=${GAPS[gap]}&lines=${lines}`);
/** The few features of a unit its neighbours see, as the unit before (p:) and after (n:) it. */
const neighbourTemplates = (side: "p" | "n") => ({
  none: flag(`${side}:none`),
  lines: template((lines) => `${side}:lines=${lines}`),
  last: template((last) => `${side}:last=${cls(last)}`),
  len: template((len) => `${side}:len=${len}`),
  linesLast: template((lines, last) => `${side}:lines=${lines}&last=${cls(last)}`),
  fixed: template((role) => (role >= 0 ? `${side}:fixed=${ROLES[role]}` : `${side}:free`)),
  bylineLike: template((like) => (yes(like) ? `${side}:byline-like` : `${side}:-`)),
  standalone: template((standalone) => (yes(standalone) ? `${side}:standalone` : `${side}:running`)),
});
const BEFORE = neighbourTemplates("p");
const AFTER = neighbourTemplates("n");
const PP_LINES = template((lines) => `pp:lines=${lines < 0 ? "none" : lines}`);
const NN_LINES = template((lines) => `nn:lines=${lines < 0 ? "none" : lines}`);
const P_LAST_RATIO = template((ratio) => `p:last-ratio=${ratio}`);
const P_LAST_RATIO_LAST = template((ratio, last) => `p:last-ratio=${ratio}&p:last=${cls(last)}`);
const P_LAST_FIRST = template((last, first) => `p:last=${cls(last)}&first=${cls(first)}`);
const FIRST_RATIO = template((ratio) => `first-ratio=${ratio}`);
const FIRST_RATIO_LINES = template((ratio, lines) => `first-ratio=${ratio}&lines=${lines}`);
const RUN_AT = template((length, at) => `run=${length}&at=${at}`);
const RUN_FROM_END = template((length, fromEnd) => `run=${length}&from-end=${fromEnd}`);
const RUN_AT_ONLY = template((at) => `run-at=${at}`);
const RUN_FROM_END_ONLY = template((fromEnd) => `run-from-end=${fromEnd}`);
const LONGEST = template((longest) => `longest=${yes(longest)}`);
const PREV_LONGEST = template((prevLongest) => `prev-longest=${yes(prevLongest)}`);
const PREV_LONGEST_LONGEST = template((prevLongest, longest) => `prev-longest=${yes(prevLongest)}&longest=${yes(longest)}`);
const SHORTER_THAN_PREV = flag("shorter-than-prev");
const LONGER_THAN_PREV = flag("longer-than-prev");
const AS_LONG_AS_PREV = flag("as-long-as-prev");
const P_HEAD_FILL = template((fill) => `p:head-fill=${fill}`);
const HEAD_FILL = template((fill) => `head-fill=${fill}`);
const BREAK_INSIDE_WORD = flag("break-inside-word");
const BREAK_BETWEEN_WORDS = flag("break-between-words");
const SPACED_P_SPACED = template((spaced, prevSpaced) => `spaced=${yes(spaced)}&p:spaced=${yes(prevSpaced)}`);
const SPACED_N_SPACED = template((spaced, nextSpaced) => `spaced=${yes(spaced)}&n:spaced=${yes(nextSpaced)}`);
const SAME_LENGTH_AS_PREV = flag("same-length-as-prev");
const SAME_LENGTH_AS_NEXT = flag("same-length-as-next");
const BETWEEN_SHORT_AND_BODY = flag("between-short-and-body");
const SHARES_AFTER_MORE_THAN_PREV = flag("shares-after-more-than-prev");
const SHARES_AFTER_LESS_THAN_PREV = flag("shares-after-less-than-prev");
const SHARES_AFTER_AS_PREV = flag("shares-after-as-prev");
const SHARED_BEFORE = template((share) => `shared-before=${share}`);
const SHARED_AFTER = template((share) => `shared-after=${share}`);
const SHARES_MORE_AFTER = flag("shares-more-after");
const SHARES_MORE_BEFORE = flag("shares-more-before");
const SHARES_ALIKE = flag("shares-alike");

// the edges of a unit: classes of its first and last two characters, the characters themselves
// (the trainer keeps those seen on several pages), the last character of the unit before
const FIRST2 = template((a, b) => `first2=${cls(a)}.${cls(b)}`);
const LAST2 = template((a, b) => `last2=${cls(a)}.${cls(b)}`);
const shortOrLong = (short: number) => (yes(short) ? "short" : "long");
const FIRST_CH = template((short, code) => `${shortOrLong(short)}&first-ch=${String.fromCharCode(code)}`);
const LAST_CH = template((short, code) => `${shortOrLong(short)}&last-ch=${String.fromCharCode(code)}`);
const P_LAST_CH = template((code, short) => `p:last-ch=${String.fromCharCode(code)}&${shortOrLong(short)}`);
/** A break between this unit and the one before inside a word the page's stories use, or between words. */
const X_BREAK = template((inside, lines) => `x:break-${yes(inside) ? "inside-word" : "between-words"}&lines=${lines}`);
const ENDS_FUNCTION_CHAR = flag("ends-function-char");
const STARTS_FUNCTION_CHAR = flag("starts-function-char");
const FUNCTION_CHARS = template((count) => `function-chars=${count}`);
const JOINED_LEN = template((len) => `joined-len=${len}`);
/** What follows a run of headline-like lines: see {@link afterRunShape}. */
const thenName = (shape: number) => (shape < 0 ? "none" : shape < N ? `fixed=${ROLES[shape]}` : shape === N ? "byline-like" : `lines=${shape - N}`);
const RUN_THEN = template((shape) => `run-then=${thenName(shape)}`);
const RUN_AT_THEN = template((lengthAt, shape) => `run=${lengthAt >> 3}&at=${lengthAt & 7}&then=${thenName(shape)}`);
const NEXT_LONGER = flag("next-longer");
const NEXT_SHORTER = flag("next-shorter");
const NEXT_AS_LONG = flag("next-as-long");

const JOINED_LEN_EDGES = [10, 13, 16, 20, 24, 30];
const FUNCTION_COUNT_EDGES = [1, 2, 4];
const IS_FUNCTION_CHAR = (() => {
  const table = new Uint8Array(65536);
  for (const ch of FUNCTION_CHARACTERS) table[ch.charCodeAt(0)] = 1;
  return table;
})();

/** The unit after a run of headline-like lines, as a value: -1 none, a fixed role, N byline-like, N + lines. */
function afterRunShape(after: UnitShape | undefined): number {
  if (!after) return -1;
  if (after.fixed) return R[after.fixed];
  if (after.byline || after.names) return N;
  return N + Math.min(after.lines, 3);
}

/** Where `describeUnits` puts each unit's features: their names (training) or their weights (scoring). */
interface FeatureSink {
  /** The next unit's features follow. */
  unit(): void;
  add(t: Template, a?: number, b?: number): void;
  /** The last unit's features are all in. */
  done(): void;
}

/** What `describeUnits` reads of a unit more than once (as itself and as a neighbour). */
interface UnitFacts {
  last: number;
  first: number;
  len: number;
  headlineLike: boolean;
  /** One line of at most 40 characters: a headline, subhead or byline candidate. */
  short: boolean;
}

/** The features of every unit of a page, in order, into `sink`. */
function describeUnits(units: readonly UnitShape[], page: PageShape, f: FeatureSink): void {
  const facts: UnitFacts[] = units.map((u) => {
    const t = u.text;
    return {
      last: charClassAt(t, t.length - 1),
      first: charClassAt(t, 0),
      len: bucket(t.length, LENGTH_EDGES),
      headlineLike: headlineLike(u),
      short: u.lines === 1 && t.length <= 40,
    };
  });
  const runs = runPositions(
    units,
    facts.map((x) => x.headlineLike),
  );
  // The widest headline-like line: a field wrapped onto a second line filled its first line to
  // about this width; a shorter line ended its field.
  let headWidth = 0;
  units.forEach((u, i) => {
    if (facts[i]!.headlineLike && u.standalone && u.width > headWidth) headWidth = u.width;
  });
  // The page's own running text tells words from phrase breaks: a headline wrapped mid-word
  // (…英雄敬 / 献花篮…) breaks a pair of characters the stories use, two fields (…时指出 / 用心…) do not.
  // The pair at every break between units is looked for (a paragraph cut by layout breaks a word
  // too); `breakPair` keeps those inside headline runs, `edgePair` all.
  const breakPair = new Array<number>(units.length).fill(-1);
  const edgePair = new Array<number>(units.length).fill(-1);
  const wanted = new Set<number>();
  units.forEach((u, i) => {
    const prev = units[i - 1];
    if (!prev || prev.text.length === 0 || u.text.length === 0) return;
    const [a, b] = [prev.text[prev.text.length - 1]!, u.text[0]!];
    if (!isHan(a) || !isHan(b)) return;
    edgePair[i] = pairKey(a.charCodeAt(0), b.charCodeAt(0));
    if (runs[i]!.at > 0) breakPair[i] = edgePair[i]!;
    wanted.add(edgePair[i]!);
  });
  const pairs = new Set<number>();
  if (wanted.size > 0) {
    const search = pairSearch(wanted);
    for (const u of units) if (u.lines >= 2 && pairs.size < wanted.size) for (const key of search.in([u.text])) pairs.add(key);
  }
  // how much of each short line's wording the stories around it share: a line that shares far more
  // than the line before it with the story after it heads that story, it does not go on with the line before
  const sharedAfter = new Array<number>(units.length).fill(-1);
  const sharedBefore = new Array<number>(units.length).fill(-1);
  units.forEach((u, i) => {
    if (!facts[i]!.short) return;
    const grams = hanBigrams(u.text);
    sharedAfter[i] = sharedShare(grams, nearbyBody(units, i, 1));
    sharedBefore[i] = sharedShare(grams, nearbyBody(units, i, -1));
  });
  const neighbour = (side: typeof BEFORE, k: number) => {
    const u = units[k];
    if (!u) return f.add(side.none);
    const x = facts[k]!;
    const lines = Math.min(u.lines, 3);
    f.add(side.lines, lines);
    f.add(side.last, x.last);
    f.add(side.len, x.len);
    f.add(side.linesLast, lines, x.last);
    f.add(side.fixed, u.fixed ? R[u.fixed] : -1);
    f.add(side.bylineLike, u.byline || u.names ? 1 : 0);
    f.add(side.standalone, u.standalone ? 1 : 0);
  };
  units.forEach((u, i) => {
    f.unit();
    const t = u.text;
    const prev = units[i - 1];
    const next = units[i + 1];
    const { last, first, len } = facts[i]!;
    f.add(BIAS);
    const lines = Math.min(u.lines, 4);
    const ratio = u.column > 0 ? bucket(u.width / u.column, RATIO_EDGES) : -1;
    f.add(LINES, lines);
    f.add(LEN, len);
    f.add(LAST, last);
    f.add(FIRST, first);
    f.add(RATIO, ratio);
    f.add(LINES_LAST, lines, last);
    f.add(LEN_LAST, len, last);
    f.add(RATIO_LAST, ratio, last);
    f.add(LINES_LEN, lines, len);
    if (/^[—－-]{1,2}/.test(t)) f.add(DASH_START);
    // (the first and last characters are tested before the pattern: most units are not in brackets)
    if (startsBracketed(t) && /^[（(].*[）)]$/.test(t)) f.add(BRACKETED);
    // a title followed by its column's name in brackets: 中国大企业挺进世界一流（产经观察）
    // (a headline is short: on a long text this end-anchored pattern would be tried at every position)
    else if (t.length <= 60 && last === CLOSE_PAREN && /[^（）()\s]{2,}[（(][^（）()。，]{2,8}[）)]$/.test(t) && !/[。！？]/.test(t)) {
      f.add(COLUMN_NAME_END);
      f.add(COLUMN_NAME_END_LINES, lines);
    }
    const cues = textCues(t);
    if (cues & CUE_INNER_STOP) f.add(INNER_STOP);
    if (cues & CUE_COMMA) f.add(COMMA);
    if (cues & CUE_COLON) f.add(COLON);
    if (cues & CUE_QUOTES) f.add(QUOTES);
    if (cues & CUE_SPACE) f.add(SPACE);
    if (cues & CUE_DIGITS) f.add(DIGITS);
    if (t.length <= 60 && /摄[）)]?$|摄（[^）]*）$/.test(t)) f.add(ENDS_SHE);
    if (u.spaced) {
      f.add(SPACED);
      f.add(SPACED_LEN, len);
    }
    if (u.spread) f.add(SPREAD);
    if (u.standalone) {
      f.add(STANDALONE);
      f.add(STANDALONE_LAST, last);
    }
    if (u.byline) f.add(BYLINE_CUE);
    if (u.credit) f.add(CREDIT_CUE);
    if (u.names) {
      f.add(NAMES_CUE);
      f.add(NAMES_LEN, len);
    }
    if (u.fixed) f.add(FIXED, R[u.fixed]);
    const gap = gapOf(u, page);
    f.add(GAP, gap);
    f.add(GAP_AFTER, gapOf(next, page));
    f.add(GAP_LINES, gap, lines);
    neighbour(BEFORE, i - 1);
    neighbour(AFTER, i + 1);
    const prev2 = units[i - 2];
    const next2 = units[i + 2];
    f.add(PP_LINES, prev2 ? Math.min(prev2.lines, 3) : -1);
    f.add(NN_LINES, next2 ? Math.min(next2.lines, 3) : -1);
    // does the unit before end with a full line (a paragraph cut by layout goes on here) or a short one?
    if (prev && prev.column > 0) {
      const prevLast = bucket(prev.lastWidth / prev.column, RATIO_EDGES);
      const pLast = facts[i - 1]!.last;
      f.add(P_LAST_RATIO, prevLast);
      f.add(P_LAST_RATIO_LAST, prevLast, pLast);
      f.add(P_LAST_FIRST, pLast, first);
    }
    if (u.column > 0) {
      const firstRatio = bucket(u.firstWidth / u.column, RATIO_EDGES);
      f.add(FIRST_RATIO, firstRatio);
      f.add(FIRST_RATIO_LINES, firstRatio, Math.min(u.lines, 2));
    }
    const run = runs[i]!;
    if (run.length > 0) {
      const length = Math.min(run.length, 6);
      const at = Math.min(run.at, 5);
      const fromEnd = Math.min(run.length - 1 - run.at, 5);
      f.add(RUN_AT, length, at);
      f.add(RUN_FROM_END, length, fromEnd);
      f.add(RUN_AT_ONLY, at);
      f.add(RUN_FROM_END_ONLY, fromEnd);
      const longest = u.width >= run.longest - 0.5 ? 1 : 0;
      const prevLongest = run.at > 0 && prev!.width >= run.longest - 0.5 ? 1 : 0;
      f.add(LONGEST, longest);
      f.add(PREV_LONGEST, prevLongest);
      f.add(PREV_LONGEST_LONGEST, prevLongest, longest);
      if (run.at > 0) f.add(prev!.width > u.width + 0.5 ? SHORTER_THAN_PREV : prev!.width < u.width - 0.5 ? LONGER_THAN_PREV : AS_LONG_AS_PREV);
      if (run.at > 0 && headWidth > 0) f.add(P_HEAD_FILL, bucket(prev!.width / headWidth, FILL_EDGES));
      if (headWidth > 0) f.add(HEAD_FILL, bucket(u.width / headWidth, FILL_EDGES));
    }
    if (breakPair[i]! >= 0) f.add(pairs.has(breakPair[i]!) ? BREAK_INSIDE_WORD : BREAK_BETWEEN_WORDS);
    if (edgePair[i]! >= 0) f.add(X_BREAK, pairs.has(edgePair[i]!) ? 1 : 0, Math.min(u.lines, 2));
    // the unit's edges
    const shortUnit = facts[i]!.short ? 1 : 0;
    if (t.length > 0) {
      f.add(FIRST2, first, charClassAt(t, 1));
      f.add(LAST2, charClassAt(t, t.length - 2), last);
      f.add(FIRST_CH, shortUnit, t.charCodeAt(0));
      f.add(LAST_CH, shortUnit, t.charCodeAt(t.length - 1));
    }
    if (prev && prev.text.length > 0) f.add(P_LAST_CH, prev.text.charCodeAt(prev.text.length - 1), shortUnit);
    if (shortUnit && t.length > 0) {
      // a line cut mid-clause ends (or its rest starts) on a function character; a phrase does not
      if (IS_FUNCTION_CHAR[t.charCodeAt(t.length - 1)]) f.add(ENDS_FUNCTION_CHAR);
      if (IS_FUNCTION_CHAR[t.charCodeAt(0)]) f.add(STARTS_FUNCTION_CHAR);
      let count = 0;
      for (let k = 0; k < t.length; k++) count += IS_FUNCTION_CHAR[t.charCodeAt(k)]!;
      f.add(FUNCTION_CHARS, bucket(count, FUNCTION_COUNT_EDGES));
    }
    if (run.length > 0) {
      // a field wraps only when too long for one line: two short lines make two fields
      if (run.at > 0) f.add(JOINED_LEN, bucket(prev!.text.length + t.length, JOINED_LEN_EDGES));
      // what follows the run: a headline group goes on with a byline or a body, a subhead with body
      const then = afterRunShape(units[i + run.length - run.at]);
      f.add(RUN_THEN, then);
      f.add(RUN_AT_THEN, (Math.min(run.length, 6) << 3) | Math.min(run.at, 5), then);
      if (run.at + 1 < run.length && next) f.add(next.width > u.width + 0.5 ? NEXT_LONGER : next.width < u.width - 0.5 ? NEXT_SHORTER : NEXT_AS_LONG);
    }
    // parallel phrases (政企同心 携手打造…) make a whole headline; a line without them before it is a field of its own
    if (prev) f.add(SPACED_P_SPACED, u.spaced ? 1 : 0, prev.spaced ? 1 : 0);
    if (next) f.add(SPACED_N_SPACED, u.spaced ? 1 : 0, next.spaced ? 1 : 0);
    if (prev && Math.abs(prev.text.length - t.length) <= 1) f.add(SAME_LENGTH_AS_PREV);
    if (next && Math.abs(next.text.length - t.length) <= 1) f.add(SAME_LENGTH_AS_NEXT);
    if (prev && prev.lines === 1 && next && next.lines > 1) f.add(BETWEEN_SHORT_AND_BODY);
    if (facts[i]!.short) {
      // content: a subhead shares words with the story around it, a headline with the story after it
      const before = sharedBefore[i]!;
      const after = sharedAfter[i]!;
      const prevAfter = sharedAfter[i - 1] ?? -1;
      if (prevAfter >= 0) f.add(after > prevAfter + 0.25 ? SHARES_AFTER_MORE_THAN_PREV : after + 0.25 < prevAfter ? SHARES_AFTER_LESS_THAN_PREV : SHARES_AFTER_AS_PREV);
      f.add(SHARED_BEFORE, bucket(before, SHARE_EDGES));
      f.add(SHARED_AFTER, bucket(after, SHARE_EDGES));
      f.add(after > before + 0.1 ? SHARES_MORE_AFTER : before > after + 0.1 ? SHARES_MORE_BEFORE : SHARES_ALIKE);
    }
  });
  f.done();
}

/**
 * Characters a unit's text is searched for, one bit each: what /[。！？]./, /[，、；]/, /[：:]/,
 * /[“”「」]/, /\s/ and /[0-9]/ find, read in one pass over the text instead of six.
 */
const [CUE_INNER_STOP, CUE_COMMA, CUE_COLON, CUE_QUOTES, CUE_SPACE, CUE_DIGITS] = [1, 2, 4, 8, 16, 32];
const CUE_ALL = 63;
/** The stop bit marks 。！？; the inner-stop cue needs a character after it on the same line. */
const CUE_STOP = 64;
const CUE_OF = (() => {
  const table = new Uint8Array(65536);
  const mark = (chars: string, bit: number) => {
    for (const ch of chars) table[ch.charCodeAt(0)]! |= bit;
  };
  mark("。！？", CUE_STOP);
  mark("，、；", CUE_COMMA);
  mark("：:", CUE_COLON);
  mark("“”「」", CUE_QUOTES);
  mark("0123456789", CUE_DIGITS);
  // white space as /\s/ reads it: ECMAScript's WhiteSpace and LineTerminator
  mark("\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff", CUE_SPACE);
  for (let c = 0x2000; c <= 0x200a; c++) table[c]! |= CUE_SPACE;
  return table;
})();

/** Any character but a line terminator (what `.` matches). */
function notLineTerminator(c: number): boolean {
  return c !== 0x0a && c !== 0x0d && c !== 0x2028 && c !== 0x2029;
}

/** The cues of a text (bits CUE_*), read until all are found. */
export function textCues(t: string): number {
  let cues = 0;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    // (most characters are Han, none of them a cue: the table is not read for them)
    const bits = c >= 0x4e00 && c <= 0x9fff ? 0 : CUE_OF[c]!;
    if (bits === 0) continue;
    if (bits & CUE_STOP) {
      if (k + 1 < t.length && notLineTerminator(t.charCodeAt(k + 1))) cues |= CUE_INNER_STOP;
    } else cues |= bits;
    if (cues === CUE_ALL) break;
  }
  return cues;
}

/** Opens with a bracket and closes with one: the cheap half of the `bracketed` test. */
function startsBracketed(t: string): boolean {
  const a = t.charCodeAt(0);
  const z = t.charCodeAt(t.length - 1);
  return (a === 0xff08 || a === 0x28) && (z === 0xff09 || z === 0x29);
}

/** Features of every unit of a page, by name (the model's keys: what the trainer learns weights for). */
export function unitFeatures(units: readonly UnitShape[], page: PageShape): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  describeUnits(units, page, {
    unit: () => out.push((current = [])),
    add: (t, a = 0, b = 0) => current.push(t.name(a, b)),
    done: () => {},
  });
  return out;
}

const CONTINUATIONS = new Set(ROLES.flatMap((r, i) => (r.endsWith("+") ? [i] : [])));
const HEADLINE_CONTINUATIONS = new Set([R["kicker+"], R["headline+"], R["subheadline+"]]);

/** No newspaper column is this wide (em): a wider line is a whole typed paragraph. */
const UNWRAPPED_OVER = 40;

/**
 * Units that cannot continue the unit before them (no `+` role), by two rules of print:
 * parallel phrases (政企同心 携手打造…) after a headline line without any — a wrapped field keeps
 * its phrase space on its first line or loses it at the break, it does not gain one on the next
 * line; and anything after a line wider than any column that ends a sentence (typed text, one
 * paragraph a line).
 */
export function fieldStarts(units: readonly UnitShape[]): Start[] {
  return units.map((u, i) => {
    if (i === 0) return "free";
    const prev = units[i - 1]!;
    if (prev.lastWidth > UNWRAPPED_OVER && /[。！？][”’」）]?$/.test(prev.text)) return "new-unit";
    return u.spaced && !prev.spaced && /^[^\s]{2,}\s+[^\s]{2,}/.test(u.text) ? "new-field" : "free";
  });
}

/** What a unit may not continue: nothing (free), a headline field (new-field), anything (new-unit). */
export type Start = "free" | "new-field" | "new-unit";

/** Legal successions of the grammar; the learned transition weights rank the rest. */
const ALLOWED = (() => {
  const table = new Uint8Array((N + 1) * N);
  for (let from = -1; from < N; from++) for (let to = 0; to < N; to++) table[(from + 1) * N + to] = allowedRule(from, to) ? 1 : 0;
  return table;
})();

function allowed(from: number, to: number): boolean {
  return ALLOWED[(from + 1) * N + to] === 1;
}

/** Whether the grammar lets role `to` follow role `from` (by index; from -1 is the page's start): what the trainer's lattice allows. */
export function allowedSuccession(from: number, to: number): boolean {
  return from >= -1 && from < N && to >= 0 && to < N && allowed(from, to);
}

function allowedRule(from: number, to: number): boolean {
  const toRole = ROLES[to]!;
  const fromRole = from < 0 ? null : ROLES[from]!;
  if (toRole.endsWith("+")) {
    const field = toRole.slice(0, -1);
    return fromRole === field || fromRole === toRole;
  }
  // a kicker heads a headline
  if (fromRole === "kicker" || fromRole === "kicker+") return toRole === "headline";
  if (toRole === "subheadline") return fromRole === "headline" || fromRole === "headline+" || fromRole === "subheadline+";
  return true;
}

export interface RoleWeights {
  /** Fixed-point scale of the integer weights. */
  scale: number;
  /** Feature → one weight per role (in {@link ROLES} order). */
  features: Record<string, number[]>;
  /** transitions[from + 1][to]: from -1 is the page's start. */
  transitions: number[][];
}

export interface Scorer {
  /** Each role's score for a unit's features, given by name. */
  emit: (features: readonly string[]) => Float64Array;
  /**
   * Each role's score for every unit of a page, unit i's in row i (entries i·N to i·N + N − 1):
   * `emit` of `unitFeatures(…)[i]`, without building the names.
   */
  emissions: (units: readonly UnitShape[], page: PageShape) => Float64Array;
  /** transitions[(from + 1) * N + to], from -1 being the page's start. */
  transitions: Float64Array;
  transition: (from: number, to: number) => number;
}

/** Values from -1 to VALUE_SPAN - 2 key a template's cache directly; others are looked up by name each time. */
const VALUE_SPAN = 32;
const KEYS_PER_TEMPLATE = VALUE_SPAN * VALUE_SPAN;

/**
 * Weights ready to score: scaled back to floats once, one flat table of N weights a feature,
 * transitions as one flat table. A feature's row is found by its name the first time its
 * template meets its values, then by an integer key (template, values).
 */
export function scorerOf(weights: RoleWeights): Scorer {
  const names = Object.keys(weights.features);
  const table = new Float64Array(names.length * N);
  const rowOf = new Map<string, number>();
  names.forEach((f, k) => {
    const w = weights.features[f]!;
    for (let r = 0; r < N; r++) table[k * N + r] = w[r]! / weights.scale;
    rowOf.set(f, k * N);
  });
  const transitions = new Float64Array((N + 1) * N);
  for (let from = 0; from <= N; from++) for (let to = 0; to < N; to++) transitions[from * N + to] = (weights.transitions[from]?.[to] ?? 0) / weights.scale;
  // per (template, values): 0 not looked up yet, -1 no weights, else the row's offset + 1
  const slots = new Int32Array(TEMPLATES.length * KEYS_PER_TEMPLATE);
  const wideSlots = new Map<number, number>();
  const slotOf = (t: Template, a: number, b: number): number => {
    const ka = a + 1;
    const kb = b + 1;
    if ((ka & (VALUE_SPAN - 1)) !== ka || (kb & (VALUE_SPAN - 1)) !== kb) {
      // a character's code and the like: keyed in a map (values from -1 to 65535)
      const wide = (t.id * 65537 + ka) * 65537 + kb;
      let found = wideSlots.get(wide);
      if (found === undefined) wideSlots.set(wide, (found = 1 + (rowOf.get(t.name(a, b)) ?? -2)));
      return found;
    }
    const key = t.id * KEYS_PER_TEMPLATE + ka * VALUE_SPAN + kb;
    let slot = slots[key]!;
    if (slot === 0) slots[key] = slot = 1 + (rowOf.get(t.name(a, b)) ?? -2);
    return slot;
  };
  /**
   * Unit `at`'s scores: the rows of its features summed role by role in the features' order,
   * in registers: the same additions in the same order as adding row after row into the scores,
   * so the very same floating-point sums (a reordered sum could round otherwise and flip a tie).
   */
  const sumRows = (out: Float64Array, at: number, rows: Int32Array, count: number) => {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0;
    for (let j = 0; j < count; j++) {
      // unrolled: this runs for every feature of every unit
      const k = rows[j]!;
      s0 += table[k]!; s1 += table[k + 1]!; s2 += table[k + 2]!; s3 += table[k + 3]!; s4 += table[k + 4]!; s5 += table[k + 5]!;
      s6 += table[k + 6]!; s7 += table[k + 7]!; s8 += table[k + 8]!; s9 += table[k + 9]!; s10 += table[k + 10]!; s11 += table[k + 11]!;
      s12 += table[k + 12]!;
    }
    out[at] = s0; out[at + 1] = s1; out[at + 2] = s2; out[at + 3] = s3; out[at + 4] = s4; out[at + 5] = s5; out[at + 6] = s6;
    out[at + 7] = s7; out[at + 8] = s8; out[at + 9] = s9; out[at + 10] = s10; out[at + 11] = s11; out[at + 12] = s12;
  };
  return {
    emit(features) {
      const rows = new Int32Array(features.length);
      let count = 0;
      for (let k = 0; k < features.length; k++) {
        const row = rowOf.get(features[k]!);
        if (row !== undefined) rows[count++] = row;
      }
      const out = new Float64Array(N);
      sumRows(out, 0, rows, count);
      return out;
    },
    emissions(units, page) {
      const out = new Float64Array(units.length * N);
      let rows = new Int32Array(256);
      let count = 0;
      let at = -N;
      const flush = () => {
        if (at >= 0) sumRows(out, at, rows, count);
        count = 0;
      };
      describeUnits(units, page, {
        unit: () => {
          flush();
          at += N;
        },
        add: (t, a = 0, b = 0) => {
          const slot = slotOf(t, a, b);
          if (slot <= 0) return;
          if (count === rows.length) {
            const more = new Int32Array(2 * count);
            more.set(rows);
            rows = more;
          }
          rows[count++] = slot - 1;
        },
        done: flush,
      });
      return out;
    },
    transitions,
    transition: (from, to) => transitions[(from + 1) * N + to]!,
  };
}

/**
 * The best role sequence (Viterbi): emission scores per unit, transition scores between
 * roles, the grammar's illegal successions excluded, fixed units kept to their role.
 */
export function decodeRoles(
  emissions: readonly Float64Array[],
  transition: (from: number, to: number) => number,
  fixed: readonly (Role | null)[],
  startsField: readonly Start[] = [],
): number[] {
  const flat = new Float64Array(emissions.length * N);
  emissions.forEach((e, i) => flat.set(e.subarray(0, N), i * N));
  const trans = new Float64Array((N + 1) * N);
  for (let from = -1; from < N; from++) for (let to = 0; to < N; to++) if (allowed(from, to)) trans[(from + 1) * N + to] = transition(from, to);
  return decodeFlat(flat, emissions.length, trans, fixed, startsField);
}

/** Roles that may stand before each role, in ascending order (a tie goes to the first, as it always did). */
const ALLOWED_BEFORE: readonly Int8Array[] = ROLES.map((_, to) => Int8Array.from(ROLES.keys()).filter((from) => allowed(from, to)));
/** Where each transition into a role stands in the flat transition table, beside ALLOWED_BEFORE. */
const INTO: readonly Int32Array[] = ALLOWED_BEFORE.map((froms, to) => Int32Array.from(froms, (from) => (from + 1) * N + to));
const CONTINUATION_MASK = Uint8Array.from(ROLES, (_, r) => (CONTINUATIONS.has(r) ? 1 : 0));
const HEADLINE_CONTINUATION_MASK = Uint8Array.from(ROLES, (_, r) => (HEADLINE_CONTINUATIONS.has(r) ? 1 : 0));

/**
 * {@link decodeRoles} on the emissions of n units as one table (row i, N scores, for unit i) and
 * the transition scores as one table, `trans[(from + 1) * N + to]` (only allowed successions are read).
 */
function decodeFlat(emissions: Float64Array, n: number, trans: Float64Array, fixed: readonly (Role | null)[], startsField: readonly Start[]): number[] {
  if (n === 0) return [];
  // the scores of the row before and of this row; each row's best role, where a path that meets a
  // dead end goes back to; the back pointers (-1: none)
  // (typed arrays: a page's back pointers were a boxed array of n · 13 entries for the GC to sweep)
  let prev = new Float64Array(N).fill(-Infinity);
  let cur = new Float64Array(N).fill(-Infinity);
  const bestOfRow = new Int32Array(n);
  const back = new Int8Array(n * N);
  for (let i = 0; i < n; i++) {
    const row = i * N;
    const fixedRole = fixed[i];
    const only = fixedRole ? R[fixedRole] : -1;
    const starts = startsField[i];
    const blocked = starts === "new-unit" ? CONTINUATION_MASK : starts === "new-field" ? HEADLINE_CONTINUATION_MASK : null;
    for (let to = 0; to < N; to++) {
      cur[to] = -Infinity;
      back[row + to] = -1;
      if (only >= 0 && to !== only) continue;
      if (blocked !== null && blocked[to] === 1) continue;
      const e = emissions[row + to]!;
      if (i === 0) {
        if (ALLOWED[to] === 1) cur[to] = e + trans[to]!;
        continue;
      }
      // (the transitions into `to` from each allowed role, in ascending order: the first of equals wins)
      const froms = ALLOWED_BEFORE[to]!;
      const into = INTO[to]!;
      let best = -Infinity;
      let arg = -1;
      for (let k = 0; k < froms.length; k++) {
        const p = prev[froms[k]!]!;
        if (p === -Infinity) continue;
        const v = p + trans[into[k]!]!;
        if (v > best) {
          best = v;
          arg = froms[k]!;
        }
      }
      if (arg >= 0) {
        cur[to] = best + e;
        back[row + to] = arg;
      }
    }
    // a dead end (a fixed role the grammar cannot reach): restart the grammar here
    let dead = true;
    for (let to = 0; to < N && dead; to++) if (cur[to] !== -Infinity) dead = false;
    if (dead) {
      for (let to = 0; to < N; to++) if ((only < 0 || to === only) && allowed(-1, to)) cur[to] = emissions[row + to]!;
    }
    bestOfRow[i] = argmax(cur);
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  const roles = new Array<number>(n);
  let best = bestOfRow[n - 1]!;
  for (let i = n - 1; i >= 0; i--) {
    roles[i] = best;
    const b = back[i * N + best]!;
    if (i > 0) best = b >= 0 ? b : bestOfRow[i - 1]!;
  }
  return roles;
}

/** The best role of a row of scores (the first of equals). */
function argmax(a: Float64Array): number {
  let best = 0;
  for (let r = 1; r < N; r++) if (a[r]! > a[best]!) best = r;
  return best;
}

let defaultScorer: ReturnType<typeof scorerOf> | null = null;

/** The role of each unit under the shipped weights (or the given ones, when training). */
export function unitRoles(units: readonly UnitShape[], page: PageShape, weights?: RoleWeights): Role[] {
  const scorer = weights ? scorerOf(weights) : (defaultScorer ??= scorerOf(ROLE_WEIGHTS));
  const roles = decodeFlat(scorer.emissions(units, page), units.length, scorer.transitions, units.map((u) => u.fixed), fieldStarts(units));
  return roles.map((r) => ROLES[r]!);
}

export const ROLE_COUNT = N;
