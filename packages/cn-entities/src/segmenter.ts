import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import nodejieba from "nodejieba";
import { JiebaSegmentation, NO_TAG } from "./jieba.js";
import { packageDataFile } from "./model.js";

/** A word with its part-of-speech tag, as jieba gives it. */
export interface TaggedWord {
  word: string;
  tag: string;
}

/** A word with where it is in the text (UTF-16 offsets, end exclusive). */
export interface Token extends TaggedWord {
  start: number;
  end: number;
}

/**
 * The segmenter behind the extractor. nodejieba is the default; users who cannot compile
 * native code, or run in a browser, pass an adapter over @node-rs/jieba or jieba-wasm.
 */
export interface Segmenter {
  /** The words of `text` in order, covering it. */
  tag(text: string): TaggedWord[];
  /** Add words to the dictionary (user dictionary entries such as local names). */
  addWords?(words: readonly { word: string; tag?: string }[]): void;
  /**
   * Optional: the words of `text` with their offsets, in one pass (what `tag` and then locating
   * each word would give, without a second object per word). The default segmenter has it.
   */
  tokens?(text: string): Token[];
  /**
   * Optional: how often the dictionary has seen a word (jieba's count; 0 for a word it does not
   * list). Tells a rare dictionary word (宏志, a given name) from a common one (阵雨). The default
   * segmenter has it; without it the extractor treats every dictionary word as common.
   */
  frequency?(word: string): number;
}

let loaded = false;
/** nodejieba's dictionary without the words it counts fewer than 4 times, in the package's model/. */
const PRUNED_DICTIONARY = "jieba.dict.utf8";
// nodejieba exports the paths of its dictionary files; its type declarations leave them out
// (reading them does not load its native code: that happens on its first call)
const dictionaryFiles = nodejieba as unknown as { DEFAULT_USER_DICT: string; DEFAULT_HMM_DICT: string };

/** A dictionary line's tag and count. */
interface Entry {
  tag: string;
  count: number;
}

/**
 * The dictionary cppjieba loaded, as its text: its lines sorted by word in UTF-16 order (as
 * scripts/prune-dictionary.mjs writes them), so a word is found by a binary search over the text
 * itself. Nothing is built on a cold start but the string (a hash table of its lines took 0.1–0.2
 * s, a Map of them about a second and 30 MB). A word's line is parsed when the word is looked up.
 */
interface Dictionary {
  /** The sorted main dictionary. */
  text: string;
  /** The user dictionary's words (a few lines, in no order): they win over the main ones, as in cppjieba's trie. */
  user: Map<string, Entry>;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xfeff || c === 0xa0 || c === 0x3000;

/** The end of the word that starts a line at `at`: the first space, or the line's trimmed end. */
function wordEnd(text: string, at: number, lineEnd: number): number {
  let k = at;
  while (k < lineEnd && text.charCodeAt(k) !== 0x20) k++;
  if (k === lineEnd) while (k > at && isBlank(text.charCodeAt(k - 1))) k--;
  return k;
}

/** `text[start, end)` against `word` in UTF-16 order: negative, 0 or positive. */
function compareRange(text: string, start: number, end: number, word: string): number {
  const n = Math.min(end - start, word.length);
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(start + i) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return end - start - word.length;
}

function lineEndAt(text: string, at: number): number {
  const end = text.indexOf("\n", at);
  return end < 0 ? text.length : end;
}

/** A line's entry: "word freq tag", "word tag", "word freq" or "word". */
function entryOfLine(word: string, text: string, stop: number, end: number): Entry {
  const rest = text.slice(stop, end).trim();
  if (rest.length === 0) return { tag: unknownWordTag(word), count: 0 };
  const last = rest.lastIndexOf(" ");
  const second = rest.slice(last + 1);
  const tag = last >= 0 || !/^\d+(\.\d+)?$/.test(second) ? second : "";
  const count = Number(last >= 0 ? rest.slice(0, last) : tag === "" ? rest : "");
  // a word listed without a tag is tagged as an unknown word (cppjieba: empty tag → SpecialRule)
  return { tag: tag || unknownWordTag(word), count: count > 0 ? count : 0 };
}

function readDictionary(main: string, userFile: string): Dictionary {
  const user = new Map<string, Entry>();
  let userText = "";
  try {
    userText = readFileSync(userFile, "utf8");
  } catch {
    // nodejieba has already loaded (or refused) the same file
  }
  for (let at = 0; at < userText.length; ) {
    const end = lineEndAt(userText, at);
    let start = at;
    at = end + 1;
    while (start < end && isBlank(userText.charCodeAt(start))) start++;
    const stop = wordEnd(userText, start, end);
    if (stop === start) continue;
    const word = userText.slice(start, stop);
    user.set(word, entryOfLine(word, userText, stop, end)); // the later line wins
  }
  return { text: readFileSync(main, "utf8"), user };
}

/** A word's entry in the dictionary files, or null. */
function lookUp(dictionary: Dictionary, word: string): Entry | null {
  const fromUser = dictionary.user.get(word);
  if (fromUser) return fromUser;
  const { text } = dictionary;
  // lo is always a line's start; each step looks at the line around the middle
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : text.lastIndexOf("\n", mid - 1) + 1;
    const end = lineEndAt(text, start);
    const stop = wordEnd(text, start, end);
    const order = compareRange(text, start, stop, word);
    if (order === 0) return entryOfLine(word, text, stop, end);
    if (order < 0) lo = end + 1;
    else hi = start;
  }
  return null;
}

let dictionary: Dictionary | null = null;
/** Words given to `addWords`: they win over the files. */
const added = new Map<string, Entry>();

/**
 * cppjieba's tag for a word its dictionary does not know (PosTagger::SpecialRule): "x" without
 * ASCII, "m" when the ASCII it saw is all digits, else "eng" — counting code points, and looking
 * at no more ASCII than half the word's length (so a one-character word is always "x").
 */
export function unknownWordTag(word: string): string {
  const first = word.charCodeAt(0);
  if (word.length === 1 || (word.length === 2 && first >= 0xd800 && first <= 0xdbff)) return "x"; // one character
  let runes = word.length;
  for (let i = 0; i < word.length - 1; i++) {
    const c = word.charCodeAt(i);
    const d = word.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      runes--;
      i++;
    }
  }
  const half = Math.floor(runes / 2);
  let ascii = 0;
  let digits = 0;
  for (let i = 0; i < word.length && ascii < half; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x80) {
      ascii++;
      if (c >= 0x30 && c <= 0x39) digits++;
    }
  }
  if (ascii === 0) return "x";
  return digits === ascii ? "m" : "eng";
}

function entryOf(word: string): Entry | null {
  return added.get(word) ?? lookUp(dictionary!, word);
}

/** A word's tag from the dictionaries' entries, or the unknown words' tag. */
function tagOfWord(word: string): string {
  return entryOf(word)?.tag ?? unknownWordTag(word);
}

/** Words remembered in the small map: the first ones seen, which in news text are the frequent ones. */
const FREQUENT_WORDS = 20_000;

/**
 * The default segmenter: nodejieba, loading its dictionary once, on first use.
 *
 * Words come from `cut(text, true)` — the same mixed (dictionary + HMM) segmentation `tag` uses —
 * and their tags from jieba's own dictionary files, read once into a map. The result equals
 * `nodejieba.tag` word for word and tag for tag (tested), at about half the cost: most of
 * `tag`'s time goes into building one native object per word across the N-API boundary.
 */
export function nodejiebaSegmenter(): Segmenter {
  const frequent = new Map<string, string>();
  const singleCharacterTags: (string | undefined)[] = new Array(0x10000);
  // the frequent words answer from a small map that stays in the CPU cache; a look-up in the
  // 350 000-word map is a few cache misses
  const tagOf = (word: string): string => {
    // one-character words (punctuation, 的, 在) — most of the words — from an array by code unit
    if (word.length === 1) {
      const code = word.charCodeAt(0);
      let one = singleCharacterTags[code];
      if (one === undefined) singleCharacterTags[code] = one = tagOfWord(word);
      return one;
    }
    let tag = frequent.get(word);
    if (tag === undefined) {
      tag = tagOfWord(word);
      if (frequent.size < FREQUENT_WORDS) frequent.set(word, tag);
    }
    return tag;
  };
  const ensure = (): void => {
    if (!loaded) {
      // without the keyword extractor's IDF table (6 MB, a quarter of jieba's load time and 18 MB):
      // the extractor never calls nodejieba.extract (a one-line stand-in, as cppjieba wants one)
      // and with jieba's dictionary less its rarest words (scripts/prune-dictionary.mjs): cppjieba
      // reads it twice on load, so its size is most of a cold start
      nodejieba.load({ dict: packageDataFile(PRUNED_DICTIONARY), idfDict: packageDataFile("idf-stub.utf8") });
      loaded = true;
    }
    dictionary ??= readDictionary(packageDataFile(PRUNED_DICTIONARY), dictionaryFiles.DEFAULT_USER_DICT);
  };
  return {
    tag(text) {
      ensure();
      const words = nodejieba.cut(text, true);
      const out: TaggedWord[] = new Array(words.length);
      for (let i = 0; i < words.length; i++) out[i] = { word: words[i]!, tag: tagOf(words[i]!) };
      return out;
    },
    tokens(text) {
      ensure();
      const words = nodejieba.cut(text, true);
      const out: Token[] = [];
      let pos = 0;
      for (const word of words) {
        const start = text.indexOf(word, pos);
        if (start < 0) continue; // a character the native side replaced (a lone surrogate)
        pos = start + word.length;
        out.push({ word, tag: tagOf(word), start, end: pos });
      }
      return out;
    },
    frequency(word) {
      ensure();
      return entryOf(word)?.count ?? 0;
    },
    addWords(words) {
      ensure();
      for (const w of words) {
        // passing `undefined` as the tag throws in the native code ("A string was expected")
        if (w.tag === undefined) nodejieba.insertWord(w.word);
        else nodejieba.insertWord(w.word, w.tag);
        // insertWord's default tag is "x"; a word the dictionary had keeps its count
        added.set(w.word, { tag: w.tag ?? "x", count: entryOf(w.word)?.count ?? 0 });
        frequent.delete(w.word);
        if (w.word.length === 1) singleCharacterTags[w.word.charCodeAt(0)] = undefined;
      }
    },
  };
}

let ownJieba: JiebaSegmentation | null = null;
/**
 * The own segmenter's words of a range of a text, offsets into the whole text, pushed onto an
 * array: what tokensInChunks uses for it, with no slice of the text and no shifted copy per word.
 */
const TOKENS_OF_RANGE = Symbol("tokensOfRange");
/** The own segmenter's tables, precomputed by the build (scripts/segmenter-tables.mjs) beside the built code. */
const TABLES = "jieba-tables.bin";

/** A file beside the running code: dist/ when built (src/ in the repository's tests, which have no tables). */
function besideCode(name: string): string {
  const here = typeof __dirname === "string" ? __dirname : dirname(fileURLToPath(import.meta.url));
  return join(here, name);
}

/** The three files the own segmenter reads: the package's dictionary, nodejieba's user dictionary and HMM. */
function segmenterInputs(): [Uint8Array, Uint8Array, Uint8Array] {
  return [readFileSync(packageDataFile(PRUNED_DICTIONARY)), readFileSync(dictionaryFiles.DEFAULT_USER_DICT), readFileSync(dictionaryFiles.DEFAULT_HMM_DICT)];
}

/** Read once a process (as nodejieba's dictionary is): from the built tables when they are of these files. */
function sharedJieba(): JiebaSegmentation {
  if (ownJieba === null) {
    let tables: Uint8Array | undefined;
    try {
      tables = readFileSync(besideCode(TABLES));
    } catch {
      // not built: the tables are computed from the files (a few tenths of a second)
    }
    ownJieba = new JiebaSegmentation(...segmenterInputs(), tables);
  }
  return ownJieba;
}

/** Writes the own segmenter's tables beside the built code (the build's last step); returns the path. Not an export of the package. */
export function writeSegmenterTables(): string {
  const path = besideCode(TABLES);
  writeFileSync(path, new JiebaSegmentation(...segmenterInputs()).serialize());
  return path;
}

/**
 * The default segmenter: jieba's mixed segmentation (what nodejieba's `cut(text, true)` gives:
 * the dictionary's most probable route, then the HMM on runs of single characters) computed in
 * TypeScript over typed arrays (`src/jieba.ts`), with the package's dictionary, nodejieba's user
 * dictionary and its HMM model. No native call per word: the words come out as offsets, their
 * tags from the same trie. The tables are read once a process, on first use (precomputed by the
 * build, else built from the files), and shared: words given to `addWords` are known to every
 * extractor of the process, as nodejieba's are.
 */
export function jiebaSegmenter(): Segmenter {
  const tokensOf = (text: string, from: number, to: number, out: Token[]): void => {
    const jieba = sharedJieba();
    const names = jieba.tagNames;
    const { count, starts, ends, tags, words } = jieba.segment(text, from, to);
    // (the array at its final length at once: pushing word by word copied it as it grew, about a
    // third of what the words themselves allocate)
    let at = out.length;
    out.length = at + count;
    for (let k = 0; k < count; k++) {
      const start = starts[k]!;
      const end = ends[k]!;
      const id = words[k]!;
      const word = id < 0 ? text.slice(start, end) : jieba.wordText(id, text, start, end);
      const tag = tags[k]!;
      out[at++] = { word, tag: tag === NO_TAG ? unknownWordTag(word) : names[tag]!, start, end };
    }
  };
  const tokens = (text: string): Token[] => {
    const out: Token[] = [];
    tokensOf(text, 0, text.length, out);
    return out;
  };
  const segmenter: Segmenter & { [TOKENS_OF_RANGE]: typeof tokensOf } = {
    tag: (text) => tokens(text).map((t) => ({ word: t.word, tag: t.tag })),
    tokens,
    frequency: (word) => sharedJieba().count(word),
    addWords(words) {
      const jieba = sharedJieba();
      for (const w of words) jieba.insertWord(w.word, w.tag ?? "x"); // "x": nodejieba's insertWord's default
    },
    [TOKENS_OF_RANGE]: tokensOf,
  };
  return segmenter;
}

/** Longest piece handed to the segmenter at once: jieba's cost grows faster than linearly on one huge string. */
export const TAG_CHUNK = 2000;
const CUT_AFTER = /[。！？；，、\n\s]/;

/**
 * Tag a text in pieces of at most {@link TAG_CHUNK} code units, cut after punctuation or space
 * where there is one in the last quarter of a piece (so words are rarely split), else at the
 * limit. Words come back in order, covering the text as one `tag` call would.
 */
export function tagInChunks(segmenter: Segmenter, text: string): TaggedWord[] {
  if (text.length <= TAG_CHUNK) return segmenter.tag(text);
  const out: TaggedWord[] = [];
  for (const [start, end] of pieces(text, TAG_CHUNK)) for (const w of segmenter.tag(text.slice(start, end))) out.push(w);
  return out;
}

/**
 * [start, end) ranges of at most `size` code units covering `text`, each cut after punctuation or
 * space found in its last quarter, else at the limit (never inside a surrogate pair).
 */
export function pieces(text: string, size: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      for (let k = end - 1; k > start + (size * 3) / 4; k--) {
        if (CUT_AFTER.test(text[k]!)) {
          end = k + 1;
          break;
        }
      }
      const c = text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end++;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * The words of a text with their offsets, in pieces of at most {@link TAG_CHUNK} code units
 * (see {@link tagInChunks}): the segmenter's own `tokens` where it has one, else `tag` and a
 * search for each word in order.
 */
export function tokensInChunks(segmenter: Segmenter, text: string): Token[] {
  const located = (piece: string, base: number, out: Token[]) => {
    if (segmenter.tokens) {
      // another's tokens may be shared: shifted copies past the first piece
      for (const t of segmenter.tokens(piece)) out.push(base === 0 ? t : { word: t.word, tag: t.tag, start: t.start + base, end: t.end + base });
      return;
    }
    let pos = 0;
    for (const w of segmenter.tag(piece)) {
      const start = piece.indexOf(w.word, pos);
      if (start < 0) continue;
      pos = start + w.word.length;
      out.push({ word: w.word, tag: w.tag, start: base + start, end: base + pos });
    }
  };
  const out: Token[] = [];
  const ofRange = (segmenter as { [TOKENS_OF_RANGE]?: (text: string, from: number, to: number, out: Token[]) => void })[TOKENS_OF_RANGE];
  if (ofRange) {
    if (text.length <= TAG_CHUNK) ofRange(text, 0, text.length, out);
    else for (const [start, end] of pieces(text, TAG_CHUNK)) ofRange(text, start, end, out);
    return out;
  }
  if (text.length <= TAG_CHUNK) located(text, 0, out);
  else for (const [start, end] of pieces(text, TAG_CHUNK)) located(text.slice(start, end), start, out);
  return out;
}
