/**
 * The entity model's features and decoder, defined once: the trainer (scripts/train.mjs, through
 * dist/features.js) and the extractor use these same functions, so a model always sees at run
 * time the features it was trained on.
 *
 * A character's features are hashed to integer ids (template number and character codes through
 * a multiplicative mix, no string per feature); the model's weights are a table of `TAG_COUNT`
 * weights per id. Tags are BIOES over person, location and organization (13 tags), decoded by
 * Viterbi with the transitions BIOES forbids left out.
 */
import {
  BODY_SUFFIXES,
  COMPOUND_SURNAMES,
  KNOWN_PLACES,
  PLACE_SUFFIXES,
  SINGLE_SURNAMES,
  TITLE_CORES,
  TITLES_OF_ADDRESS,
  TRANSLITERATION_CHARS,
  GIVEN_NAME_CHARS,
  charTable,
  wordList,
} from "@yk/lexicon";
import type { Token } from "./segmenter.js";

/** The entity types the model labels, in tag order. */
export const MODEL_TYPES = ["person", "location", "organization"] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

/** Tag 0 is outside; type k has B, I, E, S at 1 + 4k … 4 + 4k. */
export const TAG_COUNT = 1 + 4 * MODEL_TYPES.length; // 13: emissions() is written out for 13
const B = 0;
const I = 1;
const E = 2;
const S = 3;
export const tagOf = (type: number, part: number): number => 1 + 4 * type + part;
const partOf = (tag: number): number => (tag - 1) & 3;
const typeOf = (tag: number): number => (tag - 1) >> 2;

/** May `to` follow `from` in BIOES (from = -1: the text's start; to = -1: its end)? */
export function allowed(from: number, to: number): boolean {
  const open = from > 0 && (partOf(from) === B || partOf(from) === I);
  if (to === -1) return !open;
  if (open) return to > 0 && typeOf(to) === typeOf(from) && (partOf(to) === I || partOf(to) === E);
  return to === 0 || partOf(to) === B || partOf(to) === S;
}

/** Features per character: the length of each character's row of ids. */
export const FEATURES_PER_CHAR = 21;

const singleSurname = charTable(SINGLE_SURNAMES);
const transliteration = charTable(TRANSLITERATION_CHARS);
const givenName = charTable(GIVEN_NAME_CHARS);
const compoundSurnames = wordList(COMPOUND_SURNAMES);
const knownPlaces = wordList(KNOWN_PLACES);
const bodyHeads = wordList(BODY_SUFFIXES);
const placeSuffixes = wordList(PLACE_SUFFIXES);
const titles = wordList([...TITLE_CORES, ...TITLES_OF_ADDRESS]);

/** A character's kind: 1 Han, 2 digit, 3 Latin letter, 4 Chinese numeral, 5 punctuation, 6 space, 0 other. */
const NUMERALS = new Set([..."〇零一二三四五六七八九十百千万亿两"].map((c) => c.charCodeAt(0)));
function kindOf(c: number): number {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return 2;
  if (NUMERALS.has(c)) return 4;
  if (c >= 0x4e00 && c <= 0x9fff) return 1;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff5a)) return 3;
  if (c === 0x20 || c === 0x3000 || c === 0x0a || c === 0x0d || c === 0x09) return 6;
  if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f) || (c < 0x80)) return 5;
  return 0;
}
const KIND = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) KIND[c] = kindOf(c);

/** Lexicon bits of a character: in a surname, a transliteration, a given name's character. */
const LEX = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const ch = String.fromCharCode(c);
  LEX[c] = (singleSurname.has(ch) ? 1 : 0) | (transliteration.has(ch) ? 2 : 0) | (givenName.has(ch) ? 4 : 0);
}

/** Start and end of the text, for the window's characters past it. */
const BEFORE = 0x10000 + 1;
const AFTER = 0x10000 + 2;
/** Digits read as one digit: a name is no more likely beside 7 than beside 3. */
const normalized = (c: number): number => (KIND[c] === 2 ? 0x30 : c);

/** A 32-bit mix of a template number and up to three values: two multiplications and shifts (it runs 21 times a character). */
function mix(template: number, a: number, b: number, c: number): number {
  // (int32 throughout: an unsigned result past 2^31 would be a heap number on every call)
  let h = Math.imul(Math.imul(template, 0x9e3779b1) ^ a, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0xc2b2ae35);
  h ^= Math.imul(c, 0x27d4eb2f);
  return h ^ (h >>> 16);
}

/** A string's 32-bit FNV-1a hash (a word, a tag): computed once per word, not per character. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
const tagHashes = new Map<string, number>();
function tagHash(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) tagHashes.set(tag, (h = hashString(tag)));
  return h;
}

/**
 * Where each character stands in a lexicon's leftmost-longest matches: 0 none, 1 B, 2 I, 3 E,
 * 4 a one-character match.
 */
function markMatches(out: Uint8Array, matches: readonly { start: number; end: number }[]): void {
  for (const m of matches) {
    if (m.end - m.start === 1) {
      out[m.start] = 4;
      continue;
    }
    out[m.start] = 1;
    out.fill(2, m.start + 1, m.end - 1);
    out[m.end - 1] = 3;
  }
}

/**
 * The feature ids of every character of `text` (`FEATURES_PER_CHAR` a character, each below
 * 2^bits), from its characters, the segmenter's words and tags over it, and the lexicons.
 */
export interface TextFeatures {
  /** `FEATURES_PER_CHAR` ids a character (0s where `outside`). */
  ids: Uint32Array;
  /**
   * 1 where a character can only be outside an entity: in a word of a tag whose characters are
   * almost never in one in the training split (的/uj, 在/p, 和/c, 这/r: under 0.3% of their
   * characters), or a separator (，。、；：？！ and spaces). Their features are never computed.
   */
  outside: Uint8Array;
}

/** Tags of words whose characters the training split (almost) never has in an entity: particles, prepositions, conjunctions, pronouns. */
const OUTSIDE_TAGS = new Set(["uj", "ul", "u", "uz", "ud", "ug", "uv", "p", "c", "r", "rz", "ad", "mq", "k", "y", "e", "o", "df", "vd"]);
const SEPARATORS = new Set([..."，。、；：？！,.;:?! \u3000\n\r\t…"].map((c) => c.charCodeAt(0)));

export function textFeatures(text: string, tokens: readonly Token[], bits: number): TextFeatures {
  const n = text.length;
  const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  const F = FEATURES_PER_CHAR;
  const out = new Uint32Array(n * F);
  const codes = new Int32Array(n + 4);
  codes[0] = codes[1] = BEFORE;
  codes[n + 2] = codes[n + 3] = AFTER;
  for (let i = 0; i < n; i++) codes[i + 2] = normalized(text.charCodeAt(i));
  // per character: its word's position (0 B, 1 I, 2 E, 3 S), the word's hash and tag, the
  // words before and after it and their tags, the word's length
  const position = new Uint8Array(n);
  const wordHash = new Uint32Array(n);
  const wordTag = new Uint32Array(n);
  const prevWord = new Uint32Array(n);
  const prevTag = new Uint32Array(n);
  const nextWord = new Uint32Array(n);
  const nextTag = new Uint32Array(n);
  const length = new Uint8Array(n);
  const outside = new Uint8Array(n);
  const wordHashes = new Uint32Array(tokens.length);
  const tagHashes = new Uint32Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    wordHashes[k] = hashString(tokens[k]!.word);
    tagHashes[k] = tagHash(tokens[k]!.tag);
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const wh = wordHashes[k]!;
    const th = tagHashes[k]!;
    const pw = k > 0 ? wordHashes[k - 1]! : 1;
    const pt = k > 0 ? tagHashes[k - 1]! : 1;
    const nw = k + 1 < tokens.length ? wordHashes[k + 1]! : 2;
    const nt = k + 1 < tokens.length ? tagHashes[k + 1]! : 2;
    const len = Math.min(t.end - t.start, 7);
    const skip = OUTSIDE_TAGS.has(t.tag);
    for (let i = t.start; i < t.end && i < n; i++) {
      if (skip || SEPARATORS.has(text.charCodeAt(i))) outside[i] = 1;
      position[i] = t.end - t.start === 1 ? 3 : i === t.start ? 0 : i === t.end - 1 ? 2 : 1;
      wordHash[i] = wh;
      wordTag[i] = th;
      prevWord[i] = pw;
      prevTag[i] = pt;
      nextWord[i] = nw;
      nextTag[i] = nt;
      length[i] = len;
    }
  }
  const place = new Uint8Array(n);
  const body = new Uint8Array(n);
  const suffix = new Uint8Array(n);
  const title = new Uint8Array(n);
  const compound = new Uint8Array(n);
  markMatches(place, knownPlaces.matches(text));
  markMatches(body, bodyHeads.matches(text));
  markMatches(suffix, placeSuffixes.matches(text));
  markMatches(title, titles.matches(text));
  markMatches(compound, compoundSurnames.matches(text));
  for (let i = 0; i < n; i++) {
    if (outside[i] === 1) continue;
    const o = i * F;
    const c0 = codes[i + 2]!;
    const l1 = codes[i + 1]!;
    const l2 = codes[i]!;
    const r1 = codes[i + 3]!;
    const r2 = codes[i + 4]!;
    const pos = position[i]!;
    const kinds = (KIND[l1 & 0xffff]! << 8) | (KIND[c0]! << 4) | KIND[r1 & 0xffff]!;
    const lex = (LEX[l1 & 0xffff]! << 8) | (LEX[c0]! << 4) | LEX[r1 & 0xffff]!;
    out[o] = mix(0, 0, 0, 0) & mask; // bias
    out[o + 1] = mix(1, c0, 0, 0) & mask;
    out[o + 2] = mix(2, l1, 0, 0) & mask;
    out[o + 3] = mix(3, r1, 0, 0) & mask;
    out[o + 4] = mix(6, l1, c0, 0) & mask;
    out[o + 5] = mix(7, c0, r1, 0) & mask;
    out[o + 6] = mix(8, l2, l1, 0) & mask;
    out[o + 7] = mix(9, r1, r2, 0) & mask;
    out[o + 8] = mix(11, l1, c0, r1) & mask;
    out[o + 9] = mix(12, kinds, 0, 0) & mask;
    out[o + 10] = mix(13, pos, wordTag[i]!, 0) & mask;
    out[o + 11] = mix(14, pos, wordTag[i]!, c0) & mask;
    out[o + 12] = mix(15, pos, wordHash[i]!, 0) & mask;
    out[o + 13] = mix(16, pos, prevTag[i]!, wordTag[i]!) & mask;
    out[o + 14] = mix(17, pos, nextTag[i]!, wordTag[i]!) & mask;
    out[o + 15] = mix(18, pos, prevWord[i]!, 0) & mask;
    out[o + 16] = mix(19, pos, nextWord[i]!, 0) & mask;
    out[o + 17] = mix(21, lex, pos, 0) & mask;
    out[o + 18] = mix(22, place[i]!, pos, 0) & mask;
    out[o + 19] = mix(23, body[i]!, suffix[i]!, pos) & mask;
    out[o + 20] = mix(24, title[i > 0 ? i - 1 : i]!, title[i]!, compound[i]!) & mask;
  }
  return { ids: out, outside };
}

/**
 * Each character's score for each tag: the sum of its features' weights (`weights` holds
 * `TAG_COUNT` numbers per feature id). A character `outside[i]` marks (see {@link textFeatures})
 * can only be outside an entity. Thirteen running sums instead of a loop over the tags: this
 * runs for every character of every page.
 */
export function emissions(features: Uint32Array, n: number, weights: ArrayLike<number>, outside?: Uint8Array): Float64Array {
  const T = TAG_COUNT;
  const F = FEATURES_PER_CHAR;
  const out = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    const o = i * T;
    if (outside !== undefined && outside[i] === 1) {
      for (let t = 1; t < T; t++) out[o + t] = -1e9;
      continue;
    }
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0;
    for (let f = i * F, last = f + F; f < last; f++) {
      const w = features[f]! * T;
      s0 += weights[w]!;
      s1 += weights[w + 1]!;
      s2 += weights[w + 2]!;
      s3 += weights[w + 3]!;
      s4 += weights[w + 4]!;
      s5 += weights[w + 5]!;
      s6 += weights[w + 6]!;
      s7 += weights[w + 7]!;
      s8 += weights[w + 8]!;
      s9 += weights[w + 9]!;
      s10 += weights[w + 10]!;
      s11 += weights[w + 11]!;
      s12 += weights[w + 12]!;
    }
    out[o] = s0;
    out[o + 1] = s1;
    out[o + 2] = s2;
    out[o + 3] = s3;
    out[o + 4] = s4;
    out[o + 5] = s5;
    out[o + 6] = s6;
    out[o + 7] = s7;
    out[o + 8] = s8;
    out[o + 9] = s9;
    out[o + 10] = s10;
    out[o + 11] = s11;
    out[o + 12] = s12;
  }
  return out;
}

/**
 * The best tag sequence under emission scores and transition scores (`transitions[from * T + to]`,
 * `from` = T for the start, `to` = T for the end; so (T + 1)² numbers), over the transitions BIOES allows.
 */
export function viterbi(scores: Float64Array, n: number, transitions: ArrayLike<number>, outside?: Uint8Array): Uint8Array {
  const T = TAG_COUNT;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const best = new Float64Array(n * T);
  const back = new Uint8Array(n * T);
  const W = T + 1;
  for (let t = 0; t < T; t++) best[t] = allowedTable[T * W + t] ? scores[t]! + transitions[T * W + t]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const o = i * T;
    const p = o - T;
    // a character outside any entity: only O to reach (the rest stay at the floor)
    const reach = outside !== undefined && outside[i] === 1 ? 1 : T;
    if (reach === 1) for (let t = 1; t < T; t++) best[o + t] = -Infinity;
    for (let t = 0; t < reach; t++) {
      let top = -Infinity;
      let from = 0;
      for (let k = predecessorStart[t]!; k < predecessorStart[t + 1]!; k++) {
        const s = predecessors[k]!;
        const v = best[p + s]! + transitions[s * W + t]!;
        if (v > top) {
          top = v;
          from = s;
        }
      }
      best[o + t] = top + scores[o + t]!;
      back[o + t] = from;
    }
  }
  let top = -Infinity;
  let last = 0;
  const o = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    if (!allowedTable[t * W + T]) continue;
    const v = best[o + t]! + transitions[t * W + T]!;
    if (v > top) {
      top = v;
      last = t;
    }
  }
  tags[n - 1] = last;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * T + tags[i]!]!;
  return tags;
}
/** allowedTable[from * (T + 1) + to], with T standing for the start (as from) and the end (as to). */
const allowedTable = (() => {
  const T = TAG_COUNT;
  const table = new Uint8Array((T + 1) * (T + 1));
  for (let s = 0; s <= T; s++) for (let t = 0; t <= T; t++) table[s * (T + 1) + t] = allowed(s === T ? -1 : s, t === T ? -1 : t) ? 1 : 0;
  return table;
})();

/** For each tag, the tags that may come before it, as one list (`predecessorStart[t]` to `predecessorStart[t + 1]`). */
const predecessorStart = new Uint8Array(TAG_COUNT + 1);
const predecessors = (() => {
  const list: number[] = [];
  for (let t = 0; t < TAG_COUNT; t++) {
    predecessorStart[t] = list.length;
    for (let s = 0; s < TAG_COUNT; s++) if (allowed(s, t)) list.push(s);
  }
  predecessorStart[TAG_COUNT] = list.length;
  return Uint8Array.from(list);
})();

export interface Span {
  type: ModelType;
  start: number;
  end: number;
}

/** The spans a tag sequence marks. */
export function spansOf(tags: Uint8Array): Span[] {
  const out: Span[] = [];
  let start = -1;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 0) {
      start = -1;
      continue;
    }
    const part = partOf(t);
    if (part === S) out.push({ type: MODEL_TYPES[typeOf(t)]!, start: i, end: i + 1 });
    else if (part === B) start = i;
    else if (part === E && start >= 0) {
      out.push({ type: MODEL_TYPES[typeOf(t)]!, start, end: i + 1 });
      start = -1;
    }
  }
  return out;
}

/** The tags of spans over a text of `n` characters (the trainer's gold sequence). */
export function tagsOf(spans: readonly { type: string; start: number; end: number }[], n: number): Uint8Array {
  const tags = new Uint8Array(n);
  for (const s of spans) {
    const type = MODEL_TYPES.indexOf(s.type as ModelType);
    if (type < 0 || s.start < 0 || s.end > n || s.end <= s.start) continue;
    if (s.end - s.start === 1) {
      tags[s.start] = tagOf(type, S);
      continue;
    }
    tags[s.start] = tagOf(type, B);
    for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = tagOf(type, I);
    tags[s.end - 1] = tagOf(type, E);
  }
  return tags;
}
