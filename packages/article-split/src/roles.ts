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

/** The class of every UTF-16 unit, one table made once (a look-up, not a map and four range tests, per edge). */
const CLASS_OF = (() => {
  const table = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    const punctuation = PUNCTUATION_CLASS.get(c);
    table[c] =
      punctuation !== undefined
        ? punctuation
        : (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)
          ? DIGIT
          : (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
            ? LATIN
            : isHanCode(c)
              ? HAN
              : OTHER;
  }
  return table;
})();

/** The class of the UTF-16 unit at `index` of a text (none past either end). */
function charClassAt(text: string, index: number): number {
  if (index < 0 || index >= text.length) return NONE;
  return CLASS_OF[text.charCodeAt(index)]!;
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

/** What counts as the body near a short line: a unit of several lines or of more than 40 characters. */
function isBodyLike(u: UnitShape): boolean {
  return u.lines > 1 || u.text.length > 40;
}

/** How far (units) a short line looks for the body before and after it; how much of that body it reads. */
const NEARBY_REACH = 6;
const NEARBY_CHARS = 400;

/**
 * Where each unit stands in its run of headline-like lines (`like[i]` 1): a group's fields wrap at
 * one width, so the first line of a field is the run's longest and a shorter line after it
 * continues it. Into `length`, `at` and `longest` (0 for a unit outside any run).
 */
function runPositions(units: readonly UnitShape[], like: Uint8Array, length: Int32Array, at: Int32Array, longest: Float64Array): void {
  let i = 0;
  while (i < units.length) {
    if (!like[i]) {
      length[i] = 0;
      at[i] = 0;
      longest[i] = 0;
      i++;
      continue;
    }
    let j = i;
    let widest = 0;
    while (j < units.length && like[j]) widest = Math.max(widest, units[j++]!.width);
    for (let k = i; k < j; k++) {
      length[k] = j - i;
      at[k] = k - i;
      longest[k] = widest;
    }
    i = j;
  }
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

/**
 * The distinct {@link pairKey}s of the Han pairs of `text` from `from` to `to` (end exclusive: what
 * `text.slice(from, to)` prints), ascending, written into `out` from `at` (room for `to - from`
 * keys); returns how many.
 */
function sortedPairKeysInto(text: string, from: number, to: number, out: Uint32Array, at: number): number {
  let n = at;
  let second = from < to ? text.charCodeAt(from) : 0;
  for (let i = from; i + 1 < to; i++) {
    const first = second;
    second = text.charCodeAt(i + 1);
    if (isHanCode(first) && isHanCode(second)) out[n++] = pairKey(first, second);
  }
  sortKeys(out, at, n - 1);
  let distinct = at;
  for (let k = at; k < n; k++) if (k === at || out[k] !== out[k - 1]) out[distinct++] = out[k]!;
  return distinct - at;
}

/**
 * Sorts `keys[lo..hi]` (both ends included) ascending, in place: a quicksort down to short runs,
 * which an insertion sort finishes. (A typed array's own sort made a view and copied the keys
 * out and back for every text; most texts have a few hundred keys at most.)
 */
function sortKeys(keys: Uint32Array, lo: number, hi: number, depth = 2 * Math.ceil(Math.log2(hi - lo + 2))): void {
  while (hi - lo > 16) {
    // (a run of keys that defeats the pivots this deep goes to the typed array's own sort: never quadratic)
    if (depth-- <= 0) {
      keys.subarray(lo, hi + 1).sort();
      return;
    }
    // the median of three as the pivot: sorted and reversed runs cost n log n too
    const mid = (lo + hi) >>> 1;
    const a = keys[lo]!;
    const b = keys[mid]!;
    const c = keys[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) {
        const t = keys[i]!;
        keys[i] = keys[j]!;
        keys[j] = t;
        i++;
        j--;
      }
    }
    // the shorter side first, by recursion; the longer one by the loop (a shallow stack)
    if (j - lo < hi - i) {
      sortKeys(keys, lo, j, depth);
      lo = i;
    } else {
      sortKeys(keys, i, hi, depth);
      hi = j;
    }
  }
  for (let k = lo + 1; k <= hi; k++) {
    const key = keys[k]!;
    let j = k - 1;
    while (j >= lo && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
}

/** How many keys two ascending runs of distinct keys share: `a` from `aFrom` (`aCount` keys), `b` likewise. */
function sharedKeys(a: Uint32Array, aFrom: number, aCount: number, b: Uint32Array, bFrom: number, bCount: number): number {
  let shared = 0;
  const aEnd = aFrom + aCount;
  const bEnd = bFrom + bCount;
  for (let x = aFrom, y = bFrom; x < aEnd && y < bEnd; ) {
    const ka = a[x]!;
    const kb = b[y]!;
    if (ka < kb) x++;
    else if (ka > kb) y++;
    else {
      shared++;
      x++;
      y++;
    }
  }
  return shared;
}

/** Whether an ascending run of distinct keys (`count` from `from`) holds `key`: where it stands, or -1. */
function indexOfKey(keys: Uint32Array, from: number, count: number, key: number): number {
  let lo = from;
  let hi = from + count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * How much each text shares with the text before it: `share(k)`, for k ≥ 1, is the share of the
 * smaller of the two sets of Han pairs ({@link hanPairKeys}) of texts k - 1 and k found in the
 * other (0 when either has none). What comparing the texts' `hanPairKeys` sets gives, without a
 * set of each text: a text's pairs are sorted when first asked for, two neighbours compared by a merge.
 */
export function neighbourPairShare(texts: readonly string[]): (k: number) => number {
  // every text's keys in one table, each at its text's offset (room for as many keys as the text
  // has characters), read when first asked for: one typed array a call, not one a text
  const at = new Int32Array(texts.length + 1);
  for (let k = 0; k < texts.length; k++) at[k + 1] = at[k]! + texts[k]!.length;
  const pool = new Uint32Array(at[texts.length]!);
  const count = new Int32Array(texts.length).fill(-1);
  const countOf = (k: number): number => {
    if (count[k]! < 0) count[k] = sortedPairKeysInto(texts[k]!, 0, texts[k]!.length, pool, at[k]!);
    return count[k]!;
  };
  return (k) => {
    const prev = countOf(k - 1);
    const cur = countOf(k);
    const small = Math.min(prev, cur);
    if (small === 0) return 0;
    return sharedKeys(pool, at[k - 1]!, prev, pool, at[k]!, cur) / small;
  };
}

/** Words of 32 bits in a pair search's 4096-slot filter. */
const FILTER_WORDS = 128;

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
  // (one bit a slot in a plain array of small integers: a typed array was an ArrayBuffer to make,
  // zero and track for every search, and the placement makes a search for every cut it tries)
  const filter: number[] = new Array<number>(FILTER_WORDS).fill(0);
  for (const key of wanted) {
    const slot = pairFilterSlot(Math.floor(key / 65536) + PAIR_KEY_BASE, key % 65536);
    filter[slot >> 5]! |= 1 << (slot & 31);
  }
  return {
    in(parts) {
      let found: Set<number> | null = null;
      let second = -1;
      for (const text of parts) {
        for (let k = 0; k < text.length; k++) {
          const first = second;
          second = text.charCodeAt(k);
          if (first < 0) continue;
          const slot = pairFilterSlot(first, second);
          if ((filter[slot >> 5]! & (1 << (slot & 31))) === 0) continue;
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

/**
 * What `describeUnits` reads of a page's units, one typed array a number, kept from page to page
 * (grown for a page of more units, up to {@link KEPT_UNITS}; a page writes every entry it reads
 * before reading it): reading a page makes no object a unit. Nothing of one page is seen by the
 * next: each call fills what it reads.
 */
function newScratch() {
  return {
    size: 0,
    /** Class of the last and first character, length bucket, text cues (bits CUE_*). */
    last: new Uint8Array(0),
    first: new Uint8Array(0),
    len: new Uint8Array(0),
    cues: new Uint8Array(0),
    /** One short line with no sentence inside, not decided yet: may belong to a headline group. */
    headlineLike: new Uint8Array(0),
    /** One line of at most 40 characters: a headline, subhead or byline candidate. */
    short: new Uint8Array(0),
    /** Where the unit stands in its run of headline-like lines (see {@link runPositions}). */
    runLength: new Int32Array(0),
    runAt: new Int32Array(0),
    runLongest: new Float64Array(0),
    /** The pair of Han characters across the break before the unit ({@link pairKey}; -1 none), and whether the stories print it. */
    edgePair: new Float64Array(0),
    edgeInside: new Uint8Array(0),
    /** Share of a short unit's Han pairs the body before and after it prints (-1: not a short unit). */
    sharedBefore: new Float64Array(0),
    sharedAfter: new Float64Array(0),
    /** A short unit's own pair keys, which of them a body prints, their filter bits; the break pairs looked for, and which are found. */
    grams: new Uint32Array(64),
    gramSeen: new Uint8Array(64),
    gramFilter: new Int32Array(FILTER_WORDS),
    wanted: new Uint32Array(64),
    found: new Uint8Array(64),
    /** One bit a slot of the break-pair search's filter (as {@link pairSearch}'s). */
    filter: new Int32Array(FILTER_WORDS),
  };
}

type Scratch = ReturnType<typeof newScratch>;

/**
 * Most units of a page whose buffers are kept for the next page: a larger page (a whole issue
 * pasted as one) gets buffers of its own, left to the collector, not held by the module.
 */
const KEPT_UNITS = 4096;

const scratch = newScratch();

/** Room in `scratch` for a page of `n` units. */
function scratchFor(n: number): Scratch {
  const x = n > KEPT_UNITS ? newScratch() : scratch;
  if (x.size < n) {
    const size = x === scratch ? Math.min(KEPT_UNITS, Math.max(n, 2 * x.size, 64)) : n;
    x.size = size;
    x.last = new Uint8Array(size);
    x.first = new Uint8Array(size);
    x.len = new Uint8Array(size);
    x.cues = new Uint8Array(size);
    x.headlineLike = new Uint8Array(size);
    x.short = new Uint8Array(size);
    x.runLength = new Int32Array(size);
    x.runAt = new Int32Array(size);
    x.runLongest = new Float64Array(size);
    x.edgePair = new Float64Array(size);
    x.edgeInside = new Uint8Array(size);
    x.sharedBefore = new Float64Array(size);
    x.sharedAfter = new Float64Array(size);
    x.wanted = new Uint32Array(size);
    x.found = new Uint8Array(size);
  }
  return x;
}

/**
 * Share of short unit i's Han pairs (its `gramCount` keys, ascending, in `x.grams`, with their bits
 * set in `x.gramFilter`) that the nearest body before (step -1) or after it (step 1), at most
 * {@link NEARBY_REACH} units away, prints in its last or first {@link NEARBY_CHARS} characters: a
 * subhead speaks of its own story. 0 when either has none. (What `text.includes` of each of the
 * unit's pairs in that much of the body gives, in one pass over it: a pair of characters whose
 * filter bit is set is looked up among the unit's keys.)
 */
function nearbyShare(units: readonly UnitShape[], x: Scratch, i: number, step: 1 | -1, gramCount: number): number {
  if (gramCount === 0) return 0;
  for (let k = i + step, n = 0; k >= 0 && k < units.length && n < NEARBY_REACH; k += step, n++) {
    const u = units[k]!;
    if (!isBodyLike(u)) continue;
    const t = u.text;
    const from = step === 1 ? 0 : Math.max(0, t.length - NEARBY_CHARS);
    const to = step === 1 ? Math.min(t.length, NEARBY_CHARS) : t.length;
    const seen = x.gramSeen;
    seen.fill(0, 0, gramCount);
    const filter = x.gramFilter;
    let shared = 0;
    let second = from < to ? t.charCodeAt(from) : 0;
    for (let j = from + 1; j < to; j++) {
      const first = second;
      second = t.charCodeAt(j);
      const slot = pairFilterSlot(first, second);
      if ((filter[slot >> 5]! & (1 << (slot & 31))) === 0) continue;
      const at = indexOfKey(x.grams, 0, gramCount, pairKey(first, second));
      if (at >= 0 && seen[at] === 0) {
        seen[at] = 1;
        if (++shared === gramCount) break;
      }
    }
    return shared / gramCount;
  }
  return 0;
}

/** Sets the filter bits of keys `from` to `from + count` of `keys` in `filter` (cleared first). */
function fillPairFilter(filter: Int32Array, keys: Uint32Array, from: number, count: number): void {
  filter.fill(0);
  for (let k = from; k < from + count; k++) {
    const key = keys[k]!;
    const slot = pairFilterSlot(Math.floor(key / 65536) + PAIR_KEY_BASE, key % 65536);
    filter[slot >> 5]! |= 1 << (slot & 31);
  }
}

/**
 * Which break pairs (`x.edgePair`) the page's stories print (`x.edgeInside`): every wanted pair
 * looked for in the text of the units of two lines or more, until all are found.
 */
function findBreakPairs(units: readonly UnitShape[], x: Scratch): void {
  let wanted = 0;
  for (let i = 0; i < units.length; i++) if (x.edgePair[i]! >= 0) x.wanted[wanted++] = x.edgePair[i]!;
  if (wanted === 0) return;
  sortKeys(x.wanted, 0, wanted - 1);
  let m = 0;
  for (let k = 0; k < wanted; k++) if (k === 0 || x.wanted[k] !== x.wanted[k - 1]) x.wanted[m++] = x.wanted[k]!;
  const filter = x.filter;
  fillPairFilter(filter, x.wanted, 0, m);
  const found = x.found;
  found.fill(0, 0, m);
  let left = m;
  for (let u = 0; u < units.length && left > 0; u++) {
    if (units[u]!.lines < 2) continue;
    const t = units[u]!.text;
    let second = t.length > 0 ? t.charCodeAt(0) : 0;
    for (let k = 1; k < t.length; k++) {
      const first = second;
      second = t.charCodeAt(k);
      const slot = pairFilterSlot(first, second);
      if ((filter[slot >> 5]! & (1 << (slot & 31))) === 0) continue;
      const at = indexOfKey(x.wanted, 0, m, pairKey(first, second));
      if (at >= 0 && found[at] === 0) {
        found[at] = 1;
        if (--left === 0) break;
      }
    }
  }
  for (let i = 0; i < units.length; i++) x.edgeInside[i] = x.edgePair[i]! >= 0 ? found[indexOfKey(x.wanted, 0, m, x.edgePair[i]!)]! : 0;
}

/** The features of every unit of a page, in order, into `sink`. */
function describeUnits(units: readonly UnitShape[], page: PageShape, f: FeatureSink): void {
  const n = units.length;
  const x = scratchFor(n);
  const { last: lastOf, first: firstOf, len: lenOf, cues: cuesOf, headlineLike, short: shortOf } = x;
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const t = u.text;
    lastOf[i] = charClassAt(t, t.length - 1);
    firstOf[i] = charClassAt(t, 0);
    lenOf[i] = bucket(t.length, LENGTH_EDGES);
    const cues = textCues(t);
    cuesOf[i] = cues;
    // a line that may belong to a headline group: one short line, no sentence inside (/[。！？]./), not decided yet
    headlineLike[i] = u.lines === 1 && !u.fixed && t.length <= 40 && (cues & CUE_INNER_STOP) === 0 ? 1 : 0;
    shortOf[i] = u.lines === 1 && t.length <= 40 ? 1 : 0;
  }
  runPositions(units, headlineLike, x.runLength, x.runAt, x.runLongest);
  // The widest headline-like line: a field wrapped onto a second line filled its first line to
  // about this width; a shorter line ended its field.
  let headWidth = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    if (headlineLike[i] && u.standalone && u.width > headWidth) headWidth = u.width;
  }
  // The page's own running text tells words from phrase breaks: a headline wrapped mid-word
  // (…英雄敬 / 献花篮…) breaks a pair of characters the stories use, two fields (…时指出 / 用心…) do not.
  // The pair at every break between units is looked for (a paragraph cut by layout breaks a word
  // too); the features read it for all breaks and, apart, for those inside headline runs.
  const edgePair = x.edgePair;
  for (let i = 0; i < n; i++) {
    edgePair[i] = -1;
    if (i === 0) continue;
    const a = units[i - 1]!.text;
    const b = units[i]!.text;
    if (a.length === 0 || b.length === 0) continue;
    const ca = a.charCodeAt(a.length - 1);
    const cb = b.charCodeAt(0);
    if (isHanCode(ca) && isHanCode(cb)) edgePair[i] = pairKey(ca, cb);
  }
  findBreakPairs(units, x);
  // how much of each short line's wording the stories around it share: a line that shares far more
  // than the line before it with the story after it heads that story, it does not go on with the line before
  for (let i = 0; i < n; i++) {
    x.sharedAfter[i] = -1;
    x.sharedBefore[i] = -1;
    if (!shortOf[i]) continue;
    const t = units[i]!.text;
    if (x.grams.length < t.length) {
      x.grams = new Uint32Array(Math.max(t.length, 2 * x.grams.length));
      x.gramSeen = new Uint8Array(x.grams.length);
    }
    const gramCount = sortedPairKeysInto(t, 0, t.length, x.grams, 0);
    if (gramCount > 0) fillPairFilter(x.gramFilter, x.grams, 0, gramCount);
    x.sharedAfter[i] = nearbyShare(units, x, i, 1, gramCount);
    x.sharedBefore[i] = nearbyShare(units, x, i, -1, gramCount);
  }
  const neighbour = (side: typeof BEFORE, k: number) => {
    const u = units[k];
    if (!u) return f.add(side.none);
    const lines = Math.min(u.lines, 3);
    const last = lastOf[k]!;
    f.add(side.lines, lines);
    f.add(side.last, last);
    f.add(side.len, lenOf[k]!);
    f.add(side.linesLast, lines, last);
    f.add(side.fixed, u.fixed ? R[u.fixed] : -1);
    f.add(side.bylineLike, u.byline || u.names ? 1 : 0);
    f.add(side.standalone, u.standalone ? 1 : 0);
  };
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    f.unit();
    const t = u.text;
    const prev = units[i - 1];
    const next = units[i + 1];
    const last = lastOf[i]!;
    const first = firstOf[i]!;
    const len = lenOf[i]!;
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
    const c0 = t.length > 0 ? t.charCodeAt(0) : -1;
    if (c0 === 0x2014 || c0 === 0xff0d || c0 === 0x2d) f.add(DASH_START); // /^[—－-]{1,2}/
    // (the first and last characters are tested before the pattern: most units are not in brackets)
    if (startsBracketed(t) && /^[（(].*[）)]$/.test(t)) f.add(BRACKETED);
    // a title followed by its column's name in brackets: 中国大企业挺进世界一流（产经观察）
    // (a headline is short: on a long text this end-anchored pattern would be tried at every position)
    else if (t.length <= 60 && last === CLOSE_PAREN && /[^（）()\s]{2,}[（(][^（）()。，]{2,8}[）)]$/.test(t) && !/[。！？]/.test(t)) {
      f.add(COLUMN_NAME_END);
      f.add(COLUMN_NAME_END_LINES, lines);
    }
    const cues = cuesOf[i]!;
    if (cues & CUE_INNER_STOP) f.add(INNER_STOP);
    if (cues & CUE_COMMA) f.add(COMMA);
    if (cues & CUE_COLON) f.add(COLON);
    if (cues & CUE_QUOTES) f.add(QUOTES);
    if (cues & CUE_SPACE) f.add(SPACE);
    if (cues & CUE_DIGITS) f.add(DIGITS);
    // (the pattern ends on 摄 or a closing bracket: tried only on a text that does)
    const cz = t.length > 0 ? t.charCodeAt(t.length - 1) : -1;
    if (t.length <= 60 && (cz === 0x6444 || cz === 0xff09 || cz === 0x29) && /摄[）)]?$|摄（[^）]*）$/.test(t)) f.add(ENDS_SHE);
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
      const pLast = lastOf[i - 1]!;
      f.add(P_LAST_RATIO, prevLast);
      f.add(P_LAST_RATIO_LAST, prevLast, pLast);
      f.add(P_LAST_FIRST, pLast, first);
    }
    if (u.column > 0) {
      const firstRatio = bucket(u.firstWidth / u.column, RATIO_EDGES);
      f.add(FIRST_RATIO, firstRatio);
      f.add(FIRST_RATIO_LINES, firstRatio, Math.min(u.lines, 2));
    }
    const runLength = x.runLength[i]!;
    const runAt = x.runAt[i]!;
    const runLongest = x.runLongest[i]!;
    if (runLength > 0) {
      const length = Math.min(runLength, 6);
      const at = Math.min(runAt, 5);
      const fromEnd = Math.min(runLength - 1 - runAt, 5);
      f.add(RUN_AT, length, at);
      f.add(RUN_FROM_END, length, fromEnd);
      f.add(RUN_AT_ONLY, at);
      f.add(RUN_FROM_END_ONLY, fromEnd);
      const longest = u.width >= runLongest - 0.5 ? 1 : 0;
      const prevLongest = runAt > 0 && prev!.width >= runLongest - 0.5 ? 1 : 0;
      f.add(LONGEST, longest);
      f.add(PREV_LONGEST, prevLongest);
      f.add(PREV_LONGEST_LONGEST, prevLongest, longest);
      if (runAt > 0) f.add(prev!.width > u.width + 0.5 ? SHORTER_THAN_PREV : prev!.width < u.width - 0.5 ? LONGER_THAN_PREV : AS_LONG_AS_PREV);
      if (runAt > 0 && headWidth > 0) f.add(P_HEAD_FILL, bucket(prev!.width / headWidth, FILL_EDGES));
      if (headWidth > 0) f.add(HEAD_FILL, bucket(u.width / headWidth, FILL_EDGES));
    }
    if (edgePair[i]! >= 0 && runAt > 0) f.add(x.edgeInside[i] ? BREAK_INSIDE_WORD : BREAK_BETWEEN_WORDS);
    if (edgePair[i]! >= 0) f.add(X_BREAK, x.edgeInside[i]!, Math.min(u.lines, 2));
    // the unit's edges
    const shortUnit = shortOf[i]!;
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
    if (runLength > 0) {
      // a field wraps only when too long for one line: two short lines make two fields
      if (runAt > 0) f.add(JOINED_LEN, bucket(prev!.text.length + t.length, JOINED_LEN_EDGES));
      // what follows the run: a headline group goes on with a byline or a body, a subhead with body
      const then = afterRunShape(units[i + runLength - runAt]);
      f.add(RUN_THEN, then);
      f.add(RUN_AT_THEN, (Math.min(runLength, 6) << 3) | Math.min(runAt, 5), then);
      if (runAt + 1 < runLength && next) f.add(next.width > u.width + 0.5 ? NEXT_LONGER : next.width < u.width - 0.5 ? NEXT_SHORTER : NEXT_AS_LONG);
    }
    // parallel phrases (政企同心 携手打造…) make a whole headline; a line without them before it is a field of its own
    if (prev) f.add(SPACED_P_SPACED, u.spaced ? 1 : 0, prev.spaced ? 1 : 0);
    if (next) f.add(SPACED_N_SPACED, u.spaced ? 1 : 0, next.spaced ? 1 : 0);
    if (prev && Math.abs(prev.text.length - t.length) <= 1) f.add(SAME_LENGTH_AS_PREV);
    if (next && Math.abs(next.text.length - t.length) <= 1) f.add(SAME_LENGTH_AS_NEXT);
    if (prev && prev.lines === 1 && next && next.lines > 1) f.add(BETWEEN_SHORT_AND_BODY);
    if (shortOf[i]) {
      // content: a subhead shares words with the story around it, a headline with the story after it
      const before = x.sharedBefore[i]!;
      const after = x.sharedAfter[i]!;
      const prevAfter = i > 0 ? x.sharedAfter[i - 1]! : -1;
      if (prevAfter >= 0) f.add(after > prevAfter + 0.25 ? SHARES_AFTER_MORE_THAN_PREV : after + 0.25 < prevAfter ? SHARES_AFTER_LESS_THAN_PREV : SHARES_AFTER_AS_PREV);
      f.add(SHARED_BEFORE, bucket(before, SHARE_EDGES));
      f.add(SHARED_AFTER, bucket(after, SHARE_EDGES));
      f.add(after > before + 0.1 ? SHARES_MORE_AFTER : before > after + 0.1 ? SHARES_MORE_BEFORE : SHARES_ALIKE);
    }
  }
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
  return units.map((_, i) => START_NAMES[fieldStartCode(units, i)]!);
}

const START_NAMES: readonly Start[] = ["free", "new-field", "new-unit"];

/** {@link fieldStarts} of unit i, as its {@link startCode}. */
function fieldStartCode(units: readonly UnitShape[], i: number): number {
  if (i === 0) return START_FREE;
  const u = units[i]!;
  const prev = units[i - 1]!;
  if (prev.lastWidth > UNWRAPPED_OVER && /[。！？][”’」）]?$/.test(prev.text)) return START_NEW_UNIT;
  return u.spaced && !prev.spaced && /^[^\s]{2,}\s+[^\s]{2,}/.test(u.text) ? START_NEW_FIELD : START_FREE;
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
  return scoringOf(weights);
}

/** A table of no scores: what the scorer's sink holds between pages. */
const NO_SCORES: Float64Array = new Float64Array(0);

/** {@link scorerOf}, with what the splitter itself scores a page by: the emissions into a table it keeps. */
interface ScorerInto extends Scorer {
  /** {@link Scorer.emissions} into a table of at least units.length · N scores (returned). */
  emissionsInto: (units: readonly UnitShape[], page: PageShape, into: Float64Array) => Float64Array;
}

function scoringOf(weights: RoleWeights): ScorerInto {
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
  // (the second value is the slower-moving index: a template of one value keeps all its slots in
  // 128 bytes, two cache lines, where they were 32 slots apart)
  const slots = new Int32Array(TEMPLATES.length * KEYS_PER_TEMPLATE);
  // a character's code and the like, one map a template: keyed by the wide value and the small one
  // (a small integer key: one of both values' wide keys was a heap number to hash at every look-up)
  const wideSlots = TEMPLATES.map(() => new Map<number, number>());
  const slotOf = (t: Template, a: number, b: number): number => {
    const ka = a + 1;
    const kb = b + 1;
    if ((ka & (VALUE_SPAN - 1)) !== ka || (kb & (VALUE_SPAN - 1)) !== kb) {
      // values from -1 to 65535: below 2^31 as (wide · 32 + small) · 2 + which, when one is small
      const wide =
        (ka & (VALUE_SPAN - 1)) === ka && kb >= 0 && kb <= 65536
          ? (kb * VALUE_SPAN + ka) * 2
          : (kb & (VALUE_SPAN - 1)) === kb && ka >= 0 && ka <= 65536
            ? (ka * VALUE_SPAN + kb) * 2 + 1
            : -1;
      if (wide < 0) return 1 + (rowOf.get(t.name(a, b)) ?? -2);
      const map = wideSlots[t.id]!;
      let found = map.get(wide);
      if (found === undefined) map.set(wide, (found = 1 + (rowOf.get(t.name(a, b)) ?? -2)));
      return found;
    }
    const key = t.id * KEYS_PER_TEMPLATE + kb * VALUE_SPAN + ka;
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
  // the sink `describeUnits` fills, made once: a page's scoring makes no closure, its feature rows
  // go to a buffer kept by the scorer (grown for a unit of more features)
  let out: Float64Array = NO_SCORES;
  let rows = new Int32Array(256);
  let count = 0;
  let at = -N;
  const flush = () => {
    if (at >= 0) sumRows(out, at, rows, count);
    count = 0;
  };
  const sink: FeatureSink = {
    unit() {
      flush();
      at += N;
    },
    add(t, a = 0, b = 0) {
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
  };
  /** Each unit's scores into `into` (row i, N scores, for unit i; at least units.length · N long). */
  const emissionsInto = (units: readonly UnitShape[], page: PageShape, into: Float64Array): Float64Array => {
    out = into;
    at = -N;
    count = 0;
    try {
      describeUnits(units, page, sink);
    } finally {
      out = NO_SCORES;
    }
    return into;
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
      return emissionsInto(units, page, new Float64Array(units.length * N));
    },
    emissionsInto,
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
  const n = emissions.length;
  const fixedRoles = new Int8Array(n);
  const starts = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const role = fixed[i];
    fixedRoles[i] = role ? R[role] : -1;
    starts[i] = startCode(startsField[i]);
  }
  return decodeFlat(flat, n, trans, fixedRoles, starts);
}

/** A {@link Start} as a number: 0 free, 1 new-field, 2 new-unit. */
const START_FREE = 0;
const START_NEW_FIELD = 1;
const START_NEW_UNIT = 2;

function startCode(start: Start | undefined): number {
  return start === "new-unit" ? START_NEW_UNIT : start === "new-field" ? START_NEW_FIELD : START_FREE;
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
function decodeFlat(emissions: Float64Array, n: number, trans: Float64Array, fixed: Int8Array, startsField: Uint8Array): number[] {
  if (n === 0) return [];
  // the scores of the row before and of this row; each row's best role, where a path that meets a
  // dead end goes back to; the back pointers (-1: none)
  // (typed arrays kept from page to page: a page's back pointers were a boxed array of n · 13
  // entries for the GC to sweep, then a new typed array a page)
  if (n <= KEPT_UNITS && decodeScratch.bestOfRow.length < n) {
    const size = Math.min(KEPT_UNITS, Math.max(n, 2 * decodeScratch.bestOfRow.length));
    decodeScratch.bestOfRow = new Int32Array(size);
    decodeScratch.back = new Int8Array(size * N);
  }
  let prev = decodeScratch.prev.fill(-Infinity);
  let cur = decodeScratch.cur.fill(-Infinity);
  const bestOfRow = n <= KEPT_UNITS ? decodeScratch.bestOfRow : new Int32Array(n);
  const back = n <= KEPT_UNITS ? decodeScratch.back : new Int8Array(n * N);
  for (let i = 0; i < n; i++) {
    const row = i * N;
    const only = fixed[i]!;
    const starts = startsField[i]!;
    const blocked = starts === START_NEW_UNIT ? CONTINUATION_MASK : starts === START_NEW_FIELD ? HEADLINE_CONTINUATION_MASK : null;
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

/** What {@link decodeFlat} works in, kept from page to page (every entry a page reads is written for it first). */
const decodeScratch = {
  prev: new Float64Array(N),
  cur: new Float64Array(N),
  bestOfRow: new Int32Array(0),
  back: new Int8Array(0),
};

/** The best role of a row of scores (the first of equals). */
function argmax(a: Float64Array): number {
  let best = 0;
  for (let r = 1; r < N; r++) if (a[r]! > a[best]!) best = r;
  return best;
}

let defaultScorer: ScorerInto | null = null;

/** What {@link unitRoles} scores a page into, kept from page to page (grown for a page of more units). */
const rolesScratch = { emissions: new Float64Array(0), fixed: new Int8Array(0), starts: new Uint8Array(0) };

/** The role of each unit under the shipped weights (or the given ones, when training). */
export function unitRoles(units: readonly UnitShape[], page: PageShape, weights?: RoleWeights): Role[] {
  const scorer = weights ? scoringOf(weights) : (defaultScorer ??= scoringOf(ROLE_WEIGHTS));
  const n = units.length;
  const x = n > KEPT_UNITS ? { emissions: new Float64Array(0), fixed: new Int8Array(0), starts: new Uint8Array(0) } : rolesScratch;
  if (x.fixed.length < n) {
    const size = n > KEPT_UNITS ? n : Math.min(KEPT_UNITS, Math.max(n, 2 * x.fixed.length, 64));
    x.emissions = new Float64Array(size * N);
    x.fixed = new Int8Array(size);
    x.starts = new Uint8Array(size);
  }
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    x.fixed[i] = u.fixed ? R[u.fixed] : -1;
    x.starts[i] = fieldStartCode(units, i);
  }
  const roles = decodeFlat(scorer.emissionsInto(units, page, x.emissions), n, scorer.transitions, x.fixed, x.starts);
  const out = new Array<Role>(n);
  for (let i = 0; i < n; i++) out[i] = ROLES[roles[i]!]!;
  return out;
}

export const ROLE_COUNT = N;
