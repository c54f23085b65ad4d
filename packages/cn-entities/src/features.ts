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
  COMPANY_FORMS,
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

/** A 32-bit mix of a template number and up to three values: two multiplications and shifts (it runs 21 times a character). */
function mix(template: number, a: number, b: number, c: number): number {
  // (int32 throughout: an unsigned result past 2^31 would be a heap number on every call)
  let h = Math.imul(Math.imul(template, 0x9e3779b1) ^ a, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0xc2b2ae35);
  h ^= Math.imul(c, 0x27d4eb2f);
  return h ^ (h >>> 16);
}

/**
 * A string's 32-bit FNV-1a hash (a word, a tag), as a signed int32: computed once per word, not
 * per character. (Signed: a hash past 2^31 as an unsigned number is a heap number, one allocation a
 * word on the extractor's path; the features mix its bits alike either way.)
 */
function hashString32(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
/** The same hash, unsigned: how the model file's header keeps the outside words. */
function hashString(s: string): number {
  return hashString32(s) >>> 0;
}
/** A part-of-speech tag's hash, and whether its words are outside by construction (OUTSIDE_TAGS): one look-up a word. */
interface TagInfo {
  hash: number;
  outside: boolean;
}
const tagInfos = new Map<string, TagInfo>();
function tagInfo(tag: string): TagInfo {
  let info = tagInfos.get(tag);
  if (info === undefined) tagInfos.set(tag, (info = { hash: hashString32(tag), outside: OUTSIDE_TAGS.has(tag) }));
  return info;
}

/**
 * The lexicons marked as features, in the order of `marks`' rows (place, body, suffix, title,
 * compound surname), and which of them have a word starting with each code unit (bit k: list k).
 */
const MARKED: readonly { list: ReturnType<typeof wordList>; words: readonly string[] }[] = [
  { list: knownPlaces, words: KNOWN_PLACES },
  { list: bodyHeads, words: BODY_SUFFIXES },
  { list: placeSuffixes, words: PLACE_SUFFIXES },
  { list: titles, words: [...TITLE_CORES, ...TITLES_OF_ADDRESS] },
  { list: compoundSurnames, words: COMPOUND_SURNAMES },
];
const STARTS_OF = new Uint8Array(0x10000);
/** Bit k: list k has this one character as a word. */
const SINGLE_OF = new Uint8Array(0x10000);
/**
 * Bit k: list k may have a word of two or more characters starting with these two (by a 16-bit
 * hash of the pair: a collision only sends a position to the lists' own look-up, which says no).
 * Most positions a first character lets through fail at the second: this reads one byte for them.
 */
const PAIRS_OF = new Uint8Array(0x10000);
const pairSlot = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) & 0xffff;
MARKED.forEach(({ words }, k) => {
  for (const w of words) {
    if (w.length === 0) continue;
    STARTS_OF[w.charCodeAt(0)]! |= 1 << k;
    if (w.length === 1) SINGLE_OF[w.charCodeAt(0)]! |= 1 << k;
    else PAIRS_OF[pairSlot(w.charCodeAt(0), w.charCodeAt(1))]! |= 1 << k;
  }
});

/**
 * Where each character stands in each lexicon's leftmost-longest matches (what its `matches`
 * gives; row k of `out`, `n` a row): 0 none, 1 B, 2 I, 3 E, 4 a one-character match. One pass for
 * the five lexicons: a position is tried in a list only where one of its words starts with it.
 */
function markLexicons(text: string, n: number, out: Uint8Array): void {
  const next = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((CHAR_INFO[c]! & INFO_STARTS) === 0) continue;
    const bits = SINGLE_OF[c]! | (i + 1 < n ? PAIRS_OF[pairSlot(c, text.charCodeAt(i + 1))]! : 0);
    if (bits === 0) continue;
    for (let k = 0; k < MARKED.length; k++) {
      if ((bits & (1 << k)) === 0 || i < next[k]!) continue;
      const w = MARKED[k]!.list.longestAt(text, i);
      if (w === null) continue;
      const row = k * n;
      next[k] = i + w.length;
      if (w.length === 1) out[row + i] = 4;
      else {
        out[row + i] = 1;
        out.fill(2, row + i + 1, row + i + w.length - 1);
        out[row + i + w.length - 1] = 3;
      }
    }
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
   * characters), a word of the model's outside words (words the training split has at least five
   * times and never in an entity: 表示, 已经, 我们; about a third of a news text's characters), or a
   * separator (，。、；：？！ and spaces). Their features are never computed nor scored.
   */
  outside: Uint8Array;
}

/**
 * A set of words by their 32-bit hash ({@link hashOfWord}): open addressing in a power-of-two
 * table, 0 an empty slot (a word hashing to 0 is never in it). The model's outside words: words
 * the training split has often and never in an entity (see scripts/train.mjs).
 */
export type WordSet = Uint32Array;

/** A word's 32-bit hash, as the features and {@link WordSet} take it. */
export function hashOfWord(word: string): number {
  return hashString(word);
}

export function makeWordSet(hashes: Iterable<number>): WordSet {
  const list = [...hashes].filter((h) => h !== 0);
  let size = 16;
  while (size < 2 * list.length) size *= 2;
  const set = new Uint32Array(size);
  for (const h of list) {
    for (let slot = (h ^ (h >>> 16)) & (size - 1); ; slot = (slot + 1) & (size - 1)) {
      if (set[slot] === h) break;
      if (set[slot] === 0) {
        set[slot] = h;
        break;
      }
    }
  }
  return set;
}

export function inWordSet(set: WordSet, h: number): boolean {
  return inWordSet32(set, h | 0);
}

/** {@link inWordSet} for a hash as a signed int32 (`h | 0`): the same slots, no heap number. */
function inWordSet32(set: WordSet, h: number): boolean {
  const mask = set.length - 1;
  for (let slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
    const held = set[slot]! | 0;
    if (held === h) return h !== 0;
    if (held === 0) return false;
  }
}

/**
 * The last characters of the heads of bodies and companies (局, 会, 院, 司, 社…): an outside word
 * this close before one of them in the same clause stays in the model's view, as it may be part of
 * the body's name (县人力社保局, 旅游开发公司: words the 1998 corpus never has in a name).
 */
const HEAD_ENDS = new Uint8Array(0x10000);
for (const w of [...BODY_SUFFIXES, ...COMPANY_FORMS]) if (w.length > 0) HEAD_ENDS[w.charCodeAt(w.length - 1)] = 1;
/** How far after an outside word a head's last character keeps it in view (code units). */
const HEAD_REACH = 10;

/** Is there a head's last character within `HEAD_REACH` after `from`, before a separator? */
function headAhead(text: string, from: number, n: number): boolean {
  const stop = Math.min(n, from + HEAD_REACH);
  for (let j = from; j < stop; j++) {
    const c = text.charCodeAt(j);
    const info = CHAR_INFO[c]!;
    if ((info & INFO_HEAD_END) !== 0) return true;
    if ((info & INFO_SEPARATOR) !== 0) return false;
  }
  return false;
}

/** Tags of words whose characters the training split (almost) never has in an entity: particles, prepositions, conjunctions, pronouns. */
const OUTSIDE_TAGS = new Set(["uj", "ul", "u", "uz", "ud", "ug", "uv", "p", "c", "r", "rz", "ad", "mq", "k", "y", "e", "o", "df", "vd"]);

/** 1 for the separators (，。、；：？！ and spaces): a table by code unit, read once a character. */
const SEPARATOR = new Uint8Array(0x10000);
for (const c of "，。、；：？！,.;:?! \u3000\n\r\t…") SEPARATOR[c.charCodeAt(0)] = 1;

/**
 * What the features read of a code unit, in one table: bits 0–2 its kind (KIND), 3–5 its lexicon
 * bits (LEX), 6 a separator, 7 a head's last character (HEAD_ENDS), 8–12 the marked lists with a
 * word starting with it (STARTS_OF). One 2-byte entry instead of five tables of a byte: between two
 * pages the article split evicts these tables from the CPU's L2 cache, and a page reads back one
 * cache line per 32 code units it meets instead of five per 64.
 */
const CHAR_INFO = new Uint16Array(0x10000);
const INFO_SEPARATOR = 1 << 6;
const INFO_HEAD_END = 1 << 7;
const INFO_STARTS = 0x1f << 8;
for (let c = 0; c < 0x10000; c++) CHAR_INFO[c] = KIND[c]! | (LEX[c]! << 3) | (SEPARATOR[c]! << 6) | (HEAD_ENDS[c]! << 7) | (STARTS_OF[c]! << 8);

/** Scratch of {@link textFeatures}, grown as needed (one text at a time): per character, then per word. */
let scratchSize = 0;
let codes = new Int32Array(0);
/** CHAR_INFO of each of `codes` (read once a character, not six times). */
let infos = new Uint16Array(0);
let wordOf = new Int32Array(0);
let marks = new Uint8Array(0);
let reusedIds = new Uint32Array(0);
let reusedOutside = new Uint8Array(0);
function growScratch(n: number): void {
  if (n <= scratchSize) return;
  const size = Math.max(n, 2 * scratchSize, 1024);
  scratchSize = size;
  codes = new Int32Array(size + 4);
  infos = new Uint16Array(size + 4);
  wordOf = new Int32Array(size);
  marks = new Uint8Array(5 * size);
  reusedIds = new Uint32Array(size * FEATURES_PER_CHAR);
  reusedOutside = new Uint8Array(size);
}
let wordSize = 0;
// (int32, as hashString32 gives them: an unsigned word past 2^31 read back is a double)
let wordHashes = new Int32Array(0);
let wordTags = new Int32Array(0);
let outsideTag = new Uint8Array(0);
function growWords(count: number): void {
  if (count <= wordSize) return;
  wordSize = Math.max(count, 2 * wordSize, 256);
  // (two more than the words: the text's start and end, as the words before the first and after the last)
  wordHashes = new Int32Array(wordSize + 2);
  wordTags = new Int32Array(wordSize + 2);
  outsideTag = new Uint8Array(wordSize);
}

/** The template constants of {@link mix}'s first step (`Math.imul(template, 0x9e3779b1)`), folded once. */
const TEMPLATE = Int32Array.from({ length: 25 }, (_, t) => Math.imul(t, 0x9e3779b1));
// the folded templates textFeatures uses, once (not two arrays a text)
const [t1, t2, t3, t6, t7, t8, t9, t11, t12, t13, t14, t15, t16, t17, t18, t19, t21, t22, t23, t24] = [1, 2, 3, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24].map((t) => TEMPLATE[t]!) as number[] as [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number];
/** {@link mix} with its template folded (`t` from TEMPLATE): the same ids, fewer multiplications a feature. */
function mixT(t: number, a: number, b: number, c: number): number {
  let h = Math.imul(t ^ a, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0xc2b2ae35);
  h ^= Math.imul(c, 0x27d4eb2f);
  return h ^ (h >>> 16);
}

/**
 * `reuse`: the returned arrays are scratch, valid until the next call (the extractor scores them
 * at once; the trainer keeps each sentence's, so it takes fresh ones).
 *
 * Each word's hash and tag are computed once, into arrays by word (slot 0 the text's start, the
 * last the end); a character finds its word through `wordOf`. Characters outside by construction
 * get no features (their ids stay 0).
 */
export function textFeatures(text: string, tokens: readonly Token[], bits: number, reuse = false, outsideWords?: WordSet): TextFeatures {
  const n = text.length;
  const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  const F = FEATURES_PER_CHAR;
  growScratch(n);
  const count = tokens.length;
  growWords(count);
  const out = reuse ? reusedIds : new Uint32Array(n * F);
  const outside = reuse ? reusedOutside : new Uint8Array(n);
  if (reuse) outside.fill(0, 0, n);
  codes[0] = codes[1] = BEFORE;
  codes[n + 2] = codes[n + 3] = AFTER;
  // (the window's ends read as their low 16 bits, as KIND[BEFORE & 0xffff] did)
  infos[0] = infos[1] = CHAR_INFO[BEFORE & 0xffff]!;
  infos[n + 2] = infos[n + 3] = CHAR_INFO[AFTER & 0xffff]!;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let info = CHAR_INFO[c]!;
    // digits read as one digit (a name is no more likely beside 7 than beside 3), their entry that digit's
    if ((info & 7) === 2) info = CHAR_INFO[0x30]!;
    codes[i + 2] = (info & 7) === 2 ? 0x30 : c;
    infos[i + 2] = info;
  }
  // per word (slot k + 1): its hash and tag; slot 0 and slot count + 1 stand for the text's start
  // and end (1 and 2, as the words before the first word and after the last)
  wordHashes[0] = wordTags[0] = 1;
  wordHashes[count + 1] = wordTags[count + 1] = 2;
  for (let k = 0; k < count; k++) {
    const t = tokens[k]!;
    wordHashes[k + 1] = hashString32(t.word);
    const info = tagInfo(t.tag);
    wordTags[k + 1] = info.hash;
    outsideTag[k] = info.outside ? 1 : 0;
  }
  // which word covers each character (0: none, a character the segmenter dropped); the
  // characters of words of outside tags, of outside words and separators are outside
  wordOf.fill(0, 0, n);
  for (let k = 0; k < count; k++) {
    const t = tokens[k]!;
    const end = t.end < n ? t.end : n;
    if (t.start >= end) continue;
    // (loops, not fill(): most words are one to three characters)
    for (let i = t.start; i < end; i++) wordOf[i] = k + 1;
    if (outsideTag[k] === 1 || (outsideWords !== undefined && inWordSet32(outsideWords, wordHashes[k + 1]!) && !headAhead(text, t.end, n))) for (let i = t.start; i < end; i++) outside[i] = 1;
    else for (let i = t.start; i < end; i++) if ((infos[i + 2]! & INFO_SEPARATOR) !== 0) outside[i] = 1;
  }
  marks.fill(0, 0, 5 * n);
  markLexicons(text, n, marks);
  const bias = mix(0, 0, 0, 0) & mask;
  for (let i = 0; i < n; i++) {
    if (outside[i] === 1) continue;
    const o = i * F;
    const c0 = codes[i + 2]!;
    const l1 = codes[i + 1]!;
    const l2 = codes[i]!;
    const r1 = codes[i + 3]!;
    const r2 = codes[i + 4]!;
    // the word around the character: its position in it (0 B, 1 I, 2 E, 3 S), hash and tag, and
    // the words on either side (all 0 where no word covers the character)
    const k = wordOf[i]!;
    let pos = 0, wh = 0, th = 0, pw = 0, pt = 0, nw = 0, nt = 0;
    if (k > 0) {
      const t = tokens[k - 1]!;
      pos = t.end - t.start === 1 ? 3 : i === t.start ? 0 : i === t.end - 1 ? 2 : 1;
      wh = wordHashes[k]!;
      th = wordTags[k]!;
      pw = wordHashes[k - 1]!;
      pt = wordTags[k - 1]!;
      nw = wordHashes[k + 1]!;
      nt = wordTags[k + 1]!;
    }
    const fl = infos[i + 1]!;
    const fc = infos[i + 2]!;
    const fr = infos[i + 3]!;
    const kinds = ((fl & 7) << 8) | ((fc & 7) << 4) | (fr & 7);
    const lex = (((fl >> 3) & 7) << 8) | (((fc >> 3) & 7) << 4) | ((fr >> 3) & 7);
    out[o] = bias;
    out[o + 1] = mixT(t1, c0, 0, 0) & mask;
    out[o + 2] = mixT(t2, l1, 0, 0) & mask;
    out[o + 3] = mixT(t3, r1, 0, 0) & mask;
    out[o + 4] = mixT(t6, l1, c0, 0) & mask;
    out[o + 5] = mixT(t7, c0, r1, 0) & mask;
    out[o + 6] = mixT(t8, l2, l1, 0) & mask;
    out[o + 7] = mixT(t9, r1, r2, 0) & mask;
    out[o + 8] = mixT(t11, l1, c0, r1) & mask;
    out[o + 9] = mixT(t12, kinds, 0, 0) & mask;
    out[o + 10] = mixT(t13, pos, th, 0) & mask;
    out[o + 11] = mixT(t14, pos, th, c0) & mask;
    out[o + 12] = mixT(t15, pos, wh, 0) & mask;
    out[o + 13] = mixT(t16, pos, pt, th) & mask;
    out[o + 14] = mixT(t17, pos, nt, th) & mask;
    out[o + 15] = mixT(t18, pos, pw, 0) & mask;
    out[o + 16] = mixT(t19, pos, nw, 0) & mask;
    out[o + 17] = mixT(t21, lex, pos, 0) & mask;
    out[o + 18] = mixT(t22, marks[i]!, pos, 0) & mask;
    out[o + 19] = mixT(t23, marks[n + i]!, marks[2 * n + i]!, pos) & mask;
    out[o + 20] = mixT(t24, marks[3 * n + (i > 0 ? i - 1 : i)]!, marks[3 * n + i]!, marks[4 * n + i]!) & mask;
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
 * The weights as the extractor keeps them: a row of `ROW_WORDS` int32 words per feature id,
 * byte t of the row (little-endian) the tag t's int8 weight plus `WEIGHT_BIAS` (so 0..255).
 * Summing a character's rows word by word, the even and the odd bytes apart (masked into 16-bit
 * lanes), adds 13 weights with 4 loads and 7 additions a feature instead of 13 of each: 21 sums
 * of at most 255 stay below 2^16, so no lane runs into the next. A row is 16 bytes, aligned, one
 * cache line's quarter: a feature costs one cache miss at most.
 */
export const ROW_WORDS = 4;
export const WEIGHT_BIAS = 128;

/**
 * The same scores as {@link emissions} over int8 weights (equal, integer for integer), from the
 * packed rows (see {@link ROW_WORDS}); written into `out` when given (the extractor reuses one, of int32: the scores are integers).
 */
export function packedEmissions<Out extends Float64Array | Int32Array = Float64Array>(features: Uint32Array, n: number, table: Int32Array, outside?: Uint8Array, out: Out = new Float64Array(n * TAG_COUNT) as Out): Out {
  for (let i = 0; i < n; i++) {
    if (outside !== undefined && outside[i] === 1) outsideScores(out, i * TAG_COUNT);
    else sumRows(features, i * FEATURES_PER_CHAR, table, out, i * TAG_COUNT);
  }
  return out;
}

/** An outside character's scores: 0 for O, the floor for every other tag. */
function outsideScores(out: Float64Array | Int32Array, o: number): void {
  out[o] = 0;
  for (let t = 1; t < TAG_COUNT; t++) out[o + t] = -1e9;
}

/** One character's 13 scores (into `out` at `o`) from the packed rows of its ids (`ids` from `f`). */
function sumRows(ids: Uint32Array, f: number, table: Int32Array, out: Float64Array | Int32Array, o: number): void {
  const bias = WEIGHT_BIAS * FEATURES_PER_CHAR;
  let e0 = 0, o0 = 0, e1 = 0, o1 = 0, e2 = 0, o2 = 0, e3 = 0;
  for (const last = f + FEATURES_PER_CHAR; f < last; f++) {
    const r = ids[f]! << 2;
    const w0 = table[r]!;
    const w1 = table[r + 1]!;
    const w2 = table[r + 2]!;
    e0 += w0 & 0xff00ff;
    o0 += (w0 >>> 8) & 0xff00ff;
    e1 += w1 & 0xff00ff;
    o1 += (w1 >>> 8) & 0xff00ff;
    e2 += w2 & 0xff00ff;
    o2 += (w2 >>> 8) & 0xff00ff;
    e3 += table[r + 3]! & 0xff;
  }
  out[o] = (e0 & 0xffff) - bias;
  out[o + 1] = (o0 & 0xffff) - bias;
  out[o + 2] = (e0 >>> 16) - bias;
  out[o + 3] = (o0 >>> 16) - bias;
  out[o + 4] = (e1 & 0xffff) - bias;
  out[o + 5] = (o1 & 0xffff) - bias;
  out[o + 6] = (e1 >>> 16) - bias;
  out[o + 7] = (o1 >>> 16) - bias;
  out[o + 8] = (e2 & 0xffff) - bias;
  out[o + 9] = (o2 & 0xffff) - bias;
  out[o + 10] = (e2 >>> 16) - bias;
  out[o + 11] = (o2 >>> 16) - bias;
  out[o + 12] = e3 - bias;
}

/**
 * The tags that may come before B, S and O (outside, and the last tags of entities: O, E-*, S-*),
 * in increasing order; before I-x and E-x only B-x and I-x may come. Viterbi's inner loop runs over
 * these alone (7 predecessors for 7 tags, 2 for the 6 others) instead of all 13.
 */
const CLOSED = (() => {
  const list: number[] = [];
  for (let s = 0; s < TAG_COUNT; s++) if (allowed(s, 0)) list.push(s);
  return Uint8Array.from(list);
})();
/** The tags that may follow those: O, B-*, S-* (O first). */
const OPENING = (() => {
  const list: number[] = [];
  for (let t = 0; t < TAG_COUNT; t++) if (allowed(0, t)) list.push(t);
  return Uint8Array.from(list);
})();
if (CLOSED.length !== 7 || OPENING.length !== 7) throw new Error("viterbi() is written out for BIOES over three types");
const viterbiInto = new Float64Array(49);
const viterbiInner = new Float64Array(12);
/** Scratch for Viterbi, grown as needed: one decode at a time (no await inside). */
const viterbiBest = new Float64Array(2 * TAG_COUNT);
let viterbiBack = new Uint8Array(0);

/**
 * The best tag sequence under emission scores and transition scores (`transitions[from * T + to]`,
 * `from` = T for the start, `to` = T for the end; so (T + 1)² numbers), over the transitions BIOES allows.
 * Between equal scores the lower predecessor tag wins.
 */
export function viterbi(scores: Float64Array | Int32Array, n: number, transitions: ArrayLike<number>, outside?: Uint8Array): Uint8Array {
  const T = TAG_COUNT;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  if (viterbiBack.length < n * T) viterbiBack = new Uint8Array(Math.max(n * T, 2 * viterbiBack.length));
  // the best scores of two characters only, the previous and this one (rows 0 and 1 by the
  // character's parity): the back pointers are all that is kept of the others
  const best = viterbiBest;
  const back = viterbiBack;
  const W = T + 1;
  // the transitions into O, B-* and S-* from the closed tags, target by target (7 × 7), and those
  // into I-x and E-x from B-x and I-x: read once a text, not once a character
  const into = viterbiInto;
  for (let j = 0; j < OPENING.length; j++) for (let k = 0; k < CLOSED.length; k++) into[j * 7 + k] = transitions[CLOSED[k]! * W + OPENING[j]!]!;
  const inner = viterbiInner;
  for (let b = 1, x = 0; b < T; b += 4, x += 4) {
    inner[x] = transitions[b * W + b + 1]!; // B → I
    inner[x + 1] = transitions[(b + 1) * W + b + 1]!; // I → I
    inner[x + 2] = transitions[b * W + b + 2]!; // B → E
    inner[x + 3] = transitions[(b + 1) * W + b + 2]!; // I → E
  }
  const [k1, k2, k3, k4, k5, k6] = [CLOSED[1]!, CLOSED[2]!, CLOSED[3]!, CLOSED[4]!, CLOSED[5]!, CLOSED[6]!];
  for (let t = 0; t < T; t++) best[t] = allowedTable[T * W + t] ? scores[t]! + transitions[T * W + t]! : -Infinity;
  // bit r: row r's tags other than O are all at the floor (written by an outside character)
  let floored = 0;
  for (let i = 1; i < n; i++) {
    const o = i * T;
    const bo = (i & 1) * T;
    const bp = T - bo;
    // a character outside any entity: only O to reach (the rest stay at the floor)
    const only = outside !== undefined && outside[i] === 1;
    // after such a character (not the first: its other tags are scored, not floored) O is the
    // only way in: the runs of them between entities, most of a text, cost one addition a character
    // (its other tags' back pointers are never read: no best path passes through them; and its
    // row's other scores are floored once, as the run enters that row, not at every character)
    if (only && i > 1 && outside![i - 1] === 1) {
      best[bo] = best[bp]! + into[0]! + scores[o]!;
      back[o] = 0;
      if ((floored & (1 << (i & 1))) === 0) {
        for (let t = 1; t < T; t++) best[bo + t] = -Infinity;
        floored |= 1 << (i & 1);
      }
      continue;
    }
    // O, B-x and S-x: after O, E-* or S-* (the 7 closed tags, lowest first: it wins a tie)
    const c0 = best[bp]!;
    const c1 = best[bp + k1]!;
    const c2 = best[bp + k2]!;
    const c3 = best[bp + k3]!;
    const c4 = best[bp + k4]!;
    const c5 = best[bp + k5]!;
    const c6 = best[bp + k6]!;
    const targets = only ? 1 : 7;
    for (let j = 0; j < targets; j++) {
      const x = j * 7;
      let top = c0 + into[x]!;
      let from = 0;
      let v = c1 + into[x + 1]!;
      if (v > top) (top = v), (from = k1);
      v = c2 + into[x + 2]!;
      if (v > top) (top = v), (from = k2);
      v = c3 + into[x + 3]!;
      if (v > top) (top = v), (from = k3);
      v = c4 + into[x + 4]!;
      if (v > top) (top = v), (from = k4);
      v = c5 + into[x + 5]!;
      if (v > top) (top = v), (from = k5);
      v = c6 + into[x + 6]!;
      if (v > top) (top = v), (from = k6);
      const t = OPENING[j]!;
      best[bo + t] = top + scores[o + t]!;
      back[o + t] = from;
    }
    if (only) {
      for (let t = 1; t < T; t++) {
        best[bo + t] = -Infinity;
        back[o + t] = 0;
      }
      floored |= 1 << (i & 1);
      continue;
    }
    floored &= ~(1 << (i & 1));
    // I-x and E-x: after B-x or I-x (B wins a tie)
    for (let b = 1, x = 0; b < T; b += 4, x += 4) {
      const fromB = best[bp + b]!;
      const fromI = best[bp + b + 1]!;
      let vb = fromB + inner[x]!;
      let vi = fromI + inner[x + 1]!;
      if (vi > vb) {
        best[bo + b + 1] = vi + scores[o + b + 1]!;
        back[o + b + 1] = b + 1;
      } else {
        best[bo + b + 1] = vb + scores[o + b + 1]!;
        back[o + b + 1] = b;
      }
      vb = fromB + inner[x + 2]!;
      vi = fromI + inner[x + 3]!;
      if (vi > vb) {
        best[bo + b + 2] = vi + scores[o + b + 2]!;
        back[o + b + 2] = b + 1;
      } else {
        best[bo + b + 2] = vb + scores[o + b + 2]!;
        back[o + b + 2] = b;
      }
    }
  }
  let top = -Infinity;
  let last = 0;
  const o = ((n - 1) & 1) * T;
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
