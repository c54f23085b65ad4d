/**
 * The role of each unit of a page (a reflowed paragraph, or a byline split off one): a learned
 * linear model over the unit's shape and its neighbours', decoded as a sequence under a small
 * page grammar. Features are defined here once; `scripts/train-roles.mjs` learns the weights
 * from composed pages and writes `data/role-weights.ts`.
 *
 * The grammar: a headline group is kicker? headline subheadline?, each field one line or
 * wrapped over several (the `+` roles continue the line before); bodies are runs of body
 * paragraphs and subheads, and `body+` mends a paragraph that layout cut in two (a line
 * taken for a title); bylines, credits and furniture stand on their own.
 */
import { isHan } from "@yk/lexicon";
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
if (N !== 13) throw new Error(`scorerOf's emit is unrolled for 13 roles, not ${N}`);

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

function charClass(ch: string | undefined): string {
  if (ch === undefined) return "none";
  if ("。！？!?…".includes(ch)) return "stop";
  if ("：:".includes(ch)) return "colon";
  if ("，、；,;".includes(ch)) return "comma";
  if ("”’」』\"".includes(ch)) return "close-quote";
  if ("“‘「『".includes(ch)) return "open-quote";
  if ("）)】〕".includes(ch)) return "close-paren";
  if ("（(【〔".includes(ch)) return "open-paren";
  if ("《".includes(ch)) return "open-book";
  if ("》".includes(ch)) return "close-book";
  if ("—－-".includes(ch)) return "dash";
  if (/[0-9０-９]/.test(ch)) return "digit";
  if (/[A-Za-z]/.test(ch)) return "latin";
  if (isHan(ch)) return "han";
  return "other";
}

const NONE_BEFORE = ["p:none"];
const NONE_AFTER = ["n:none"];

/** The few features of a unit its neighbours see. */
function shapeOf(u: UnitShape | undefined): string[] {
  if (!u) return ["none"];
  const t = u.text;
  const last = charClass(t[t.length - 1]);
  const lines = Math.min(u.lines, 3);
  return [
    `lines=${lines}`,
    `last=${last}`,
    `len=${bucket(t.length, LENGTH_EDGES)}`,
    `lines=${lines}&last=${last}`,
    u.fixed ? `fixed=${u.fixed}` : "free",
    u.byline || u.names ? "byline-like" : "-",
    u.standalone ? "standalone" : "running",
  ];
}

function gapOf(u: UnitShape | undefined, page: PageShape): string {
  if (!u) return "edge";
  if (page.blankLines) return u.newlinesBefore <= 1 ? "tight" : u.newlinesBefore >= 3 ? "wide" : "normal";
  return u.newlinesBefore >= 2 ? "wide" : "normal";
}

/** The pairs of Han characters in a text: what the role features and headline association compare. */
export function hanBigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) if (isHan(text[i]!) && isHan(text[i + 1]!)) set.add(text.slice(i, i + 2));
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
function runPositions(units: readonly UnitShape[]): { length: number; at: number; longest: number }[] {
  const out: { length: number; at: number; longest: number }[] = new Array(units.length);
  let i = 0;
  while (i < units.length) {
    if (!headlineLike(units[i]!)) {
      out[i] = { length: 0, at: 0, longest: 0 };
      i++;
      continue;
    }
    let j = i;
    let longest = 0;
    while (j < units.length && headlineLike(units[j]!)) longest = Math.max(longest, units[j++]!.width);
    for (let k = i; k < j; k++) out[k] = { length: j - i, at: k - i, longest };
    i = j;
  }
  return out;
}

/** Features of every unit of a page, as strings (the model's keys). */
export function unitFeatures(units: readonly UnitShape[], page: PageShape): string[][] {
  const runs = runPositions(units);
  // The widest headline-like line: a field wrapped onto a second line filled its first line to
  // about this width; a shorter line ended its field.
  let headWidth = 0;
  for (const u of units) if (headlineLike(u) && u.standalone && u.width > headWidth) headWidth = u.width;
  // The page's own running text tells words from phrase breaks: a headline wrapped mid-word
  // (…英雄敬 / 献花篮…) breaks a pair of characters the stories use, two fields (…时指出 / 用心…) do not.
  const pairs = new Set<string>();
  for (const u of units) {
    if (u.lines < 2) continue;
    const t = u.text;
    for (let k = 0; k + 1 < t.length; k++) if (isHan(t[k]!) && isHan(t[k + 1]!)) pairs.add(t.slice(k, k + 2));
  }
  // each unit's shape as its neighbours see it, made once (every unit is a neighbour twice)
  const seenBefore = units.map((u) => shapeOf(u).map((x) => `p:${x}`));
  const seenAfter = units.map((u) => shapeOf(u).map((x) => `n:${x}`));
  // how much of each short line's wording the story after it shares: a line that shares far more
  // than the line before it heads that story, it does not go on with the line before
  const sharedAfter = units.map((u, i) => (u.lines === 1 && u.text.length <= 40 ? sharedShare(hanBigrams(u.text), nearbyBody(units, i, 1)) : -1));
  return units.map((u, i) => {
    const t = u.text;
    const prev = units[i - 1];
    const next = units[i + 1];
    const f: string[] = ["bias"];
    const lines = Math.min(u.lines, 4);
    const len = bucket(t.length, LENGTH_EDGES);
    const last = charClass(t[t.length - 1]);
    const first = charClass(t[0]);
    const ratio = u.column > 0 ? bucket(u.width / u.column, RATIO_EDGES) : -1;
    f.push(`lines=${lines}`, `len=${len}`, `last=${last}`, `first=${first}`, `ratio=${ratio}`);
    f.push(`lines=${lines}&last=${last}`, `len=${len}&last=${last}`, `ratio=${ratio}&last=${last}`, `lines=${lines}&len=${len}`);
    if (/^[—－-]{1,2}/.test(t)) f.push("dash-start");
    if (/^[（(].*[）)]$/.test(t)) f.push("bracketed");
    // a title followed by its column's name in brackets: 中国大企业挺进世界一流（产经观察）
    // (a headline is short: on a long text this end-anchored pattern would be tried at every position)
    else if (t.length <= 60 && (last === "close-paren") && /[^（）()\s]{2,}[（(][^（）()。，]{2,8}[）)]$/.test(t) && !/[。！？]/.test(t)) f.push("column-name-end", `column-name-end&lines=${lines}`);
    if (/[。！？]./.test(t)) f.push("inner-stop");
    if (/[，、；]/.test(t)) f.push("comma");
    if (/[：:]/.test(t)) f.push("colon");
    if (/[“”「」]/.test(t)) f.push("quotes");
    if (/\s/.test(t)) f.push("space");
    if (/[0-9]/.test(t)) f.push("digits");
    if (t.length <= 60 && /摄[）)]?$|摄（[^）]*）$/.test(t)) f.push("ends-摄");
    if (u.spaced) f.push("spaced", `spaced&len=${len}`);
    if (u.spread) f.push("spread");
    if (u.standalone) f.push("standalone", `standalone&last=${last}`);
    if (u.byline) f.push("byline-cue");
    if (u.credit) f.push("credit-cue");
    if (u.names) f.push("names-cue", `names&len=${len}`);
    if (u.fixed) f.push(`fixed=${u.fixed}`);
    const gap = gapOf(u, page);
    const gapAfter = gapOf(next, page);
    f.push(`gap=${gap}`, `gap-after=${gapAfter}`, `gap=${gap}&lines=${lines}`);
    f.push(...(i > 0 ? seenBefore[i - 1]! : NONE_BEFORE), ...(i + 1 < units.length ? seenAfter[i + 1]! : NONE_AFTER));
    const prev2 = units[i - 2];
    const next2 = units[i + 2];
    f.push(`pp:lines=${prev2 ? Math.min(prev2.lines, 3) : "none"}`, `nn:lines=${next2 ? Math.min(next2.lines, 3) : "none"}`);
    // does the unit before end with a full line (a paragraph cut by layout goes on here) or a short one?
    if (prev && prev.column > 0) {
      const prevLast = bucket(prev.lastWidth / prev.column, RATIO_EDGES);
      const pLast = charClass(prev.text[prev.text.length - 1]);
      f.push(`p:last-ratio=${prevLast}`, `p:last-ratio=${prevLast}&p:last=${pLast}`, `p:last=${pLast}&first=${first}`);
    }
    if (u.column > 0) {
      const firstRatio = bucket(u.firstWidth / u.column, RATIO_EDGES);
      f.push(`first-ratio=${firstRatio}`, `first-ratio=${firstRatio}&lines=${Math.min(u.lines, 2)}`);
    }
    const run = runs[i]!;
    if (run.length > 0) {
      const len = Math.min(run.length, 6);
      const at = Math.min(run.at, 5);
      const fromEnd = Math.min(run.length - 1 - run.at, 5);
      f.push(`run=${len}&at=${at}`, `run=${len}&from-end=${fromEnd}`, `run-at=${at}`, `run-from-end=${fromEnd}`);
      const longest = u.width >= run.longest - 0.5;
      const prevLongest = run.at > 0 && prev!.width >= run.longest - 0.5;
      f.push(`longest=${longest}`, `prev-longest=${prevLongest}`, `prev-longest=${prevLongest}&longest=${longest}`);
      if (run.at > 0) f.push(prev!.width > u.width + 0.5 ? "shorter-than-prev" : prev!.width < u.width - 0.5 ? "longer-than-prev" : "as-long-as-prev");
      if (run.at > 0 && headWidth > 0) f.push(`p:head-fill=${bucket(prev!.width / headWidth, [0.5, 0.7, 0.85, 0.95])}`);
      if (headWidth > 0) f.push(`head-fill=${bucket(u.width / headWidth, [0.5, 0.7, 0.85, 0.95])}`);
    }
    if (prev && run.at > 0) {
      const pair = prev.text[prev.text.length - 1]! + t[0]!;
      if (isHan(pair[0]!) && isHan(pair[1]!)) f.push(pairs.has(pair) ? "break-inside-word" : "break-between-words");
    }
    // parallel phrases (政企同心 携手打造…) make a whole headline; a line without them before it is a field of its own
    if (prev) f.push(`spaced=${u.spaced}&p:spaced=${prev.spaced}`);
    if (next) f.push(`spaced=${u.spaced}&n:spaced=${next.spaced}`);
    if (prev && Math.abs(prev.text.length - t.length) <= 1) f.push("same-length-as-prev");
    if (next && Math.abs(next.text.length - t.length) <= 1) f.push("same-length-as-next");
    if (prev && prev.lines === 1 && next && next.lines > 1) f.push("between-short-and-body");
    if (u.lines === 1 && t.length <= 40) {
      // content: a subhead shares words with the story around it, a headline with the story after it
      const grams = hanBigrams(t);
      const before = sharedShare(grams, nearbyBody(units, i, -1));
      const after = sharedAfter[i]!;
      const prevAfter = sharedAfter[i - 1] ?? -1;
      if (prevAfter >= 0) f.push(after > prevAfter + 0.25 ? "shares-after-more-than-prev" : after + 0.25 < prevAfter ? "shares-after-less-than-prev" : "shares-after-as-prev");
      f.push(`shared-before=${bucket(before, [0.1, 0.3, 0.6])}`, `shared-after=${bucket(after, [0.1, 0.3, 0.6])}`);
      f.push(after > before + 0.1 ? "shares-more-after" : before > after + 0.1 ? "shares-more-before" : "shares-alike");
    }
    return f;
  });
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
  /** Each role's score for a unit's features. */
  emit: (features: readonly string[]) => Float64Array;
  /** transitions[(from + 1) * N + to], from -1 being the page's start. */
  transitions: Float64Array;
  transition: (from: number, to: number) => number;
}

/** Weights ready to score: scaled back to floats once, transitions as one flat table. */
export function scorerOf(weights: RoleWeights): Scorer {
  const table = new Map<string, Float64Array>();
  for (const [f, w] of Object.entries(weights.features)) table.set(f, Float64Array.from(w, (x) => x / weights.scale));
  const transitions = new Float64Array((N + 1) * N);
  for (let from = 0; from <= N; from++) for (let to = 0; to < N; to++) transitions[from * N + to] = (weights.transitions[from]?.[to] ?? 0) / weights.scale;
  return {
    emit(features) {
      const out = new Float64Array(N);
      for (let k = 0; k < features.length; k++) {
        const w = table.get(features[k]!);
        if (w === undefined) continue;
        // unrolled: this runs for every feature of every unit
        out[0]! += w[0]!; out[1]! += w[1]!; out[2]! += w[2]!; out[3]! += w[3]!; out[4]! += w[4]!; out[5]! += w[5]!; out[6]! += w[6]!;
        out[7]! += w[7]!; out[8]! += w[8]!; out[9]! += w[9]!; out[10]! += w[10]!; out[11]! += w[11]!; out[12]! += w[12]!;
      }
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
  const n = emissions.length;
  if (n === 0) return [];
  const score: Float64Array[] = [];
  const back: Int16Array[] = [];
  for (let i = 0; i < n; i++) {
    const s = new Float64Array(N).fill(-Infinity);
    const b = new Int16Array(N).fill(-1);
    const only = fixed[i] ? R[fixed[i]!] : -1;
    for (let to = 0; to < N; to++) {
      if (only >= 0 && to !== only) continue;
      if (startsField[i] === "new-unit" ? CONTINUATIONS.has(to) : startsField[i] === "new-field" && HEADLINE_CONTINUATIONS.has(to)) continue;
      const e = emissions[i]![to]!;
      if (i === 0) {
        if (allowed(-1, to)) s[to] = e + transition(-1, to);
        continue;
      }
      const prev = score[i - 1]!;
      let best = -Infinity;
      let arg = -1;
      for (let from = 0; from < N; from++) {
        if (prev[from] === -Infinity || !allowed(from, to)) continue;
        const v = prev[from]! + transition(from, to);
        if (v > best) {
          best = v;
          arg = from;
        }
      }
      if (arg >= 0) {
        s[to] = best + e;
        b[to] = arg;
      }
    }
    // a dead end (a fixed role the grammar cannot reach): restart the grammar here
    if (s.every((v) => v === -Infinity)) {
      for (let to = 0; to < N; to++) if ((only < 0 || to === only) && allowed(-1, to)) s[to] = emissions[i]![to]!;
    }
    score.push(s);
    back.push(b);
  }
  const roles = new Array<number>(n);
  let best = 0;
  for (let r = 1; r < N; r++) if (score[n - 1]![r]! > score[n - 1]![best]!) best = r;
  for (let i = n - 1; i >= 0; i--) {
    roles[i] = best;
    const b = back[i]![best]!;
    if (i > 0) best = b >= 0 ? b : argmax(score[i - 1]!);
  }
  return roles;
}

function argmax(a: Float64Array): number {
  let best = 0;
  for (let r = 1; r < a.length; r++) if (a[r]! > a[best]!) best = r;
  return best;
}

let defaultScorer: ReturnType<typeof scorerOf> | null = null;

/** The role of each unit under the shipped weights (or the given ones, when training). */
export function unitRoles(units: readonly UnitShape[], page: PageShape, weights?: RoleWeights): Role[] {
  const scorer = weights ? scorerOf(weights) : (defaultScorer ??= scorerOf(ROLE_WEIGHTS));
  const features = unitFeatures(units, page);
  const roles = decodeRoles(features.map(scorer.emit), scorer.transition, units.map((u) => u.fixed), fieldStarts(units));
  return roles.map((r) => ROLES[r]!);
}

export const ROLE_COUNT = N;
