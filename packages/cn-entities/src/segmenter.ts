import { readFileSync } from "node:fs";
import nodejieba from "nodejieba";

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
// nodejieba exports the paths of its dictionary files; its type declarations leave them out
const dictionaryFiles = nodejieba as unknown as { DEFAULT_DICT: string; DEFAULT_USER_DICT: string };
/**
 * word → its entry in jieba's dictionaries, part of speech and count in one small integer
 * (count × TAG_SLOTS + the tag's index in `tagNames`): a second map of counts cost 30 MB.
 */
let entries: Map<string, number> | null = null;
/** The tags entries point at, by index; `tagIndex` the other way. */
const tagNames: string[] = [];
const tagIndex = new Map<string, number>();
/** Room for tags in an entry, and the count kept at most (so an entry stays a small integer). */
const TAG_SLOTS = 1024;
const MAX_COUNT = 1_000_000;
/** An entry for a tag and a count; tags past the room are read as unknown words' (never met in practice). */
function entry(tag: string, count: number): number {
  let index = tagIndex.get(tag);
  if (index === undefined && tagNames.length < TAG_SLOTS) {
    index = tagNames.push(tag) - 1;
    tagIndex.set(tag, index);
  }
  return Math.min(Math.max(Math.floor(count), 0), MAX_COUNT) * TAG_SLOTS + (index ?? tagIndex.get("x") ?? 0);
}
const tagOfEntry = (e: number): string => tagNames[e % TAG_SLOTS]!;
const countOfEntry = (e: number): number => Math.floor(e / TAG_SLOTS);

/**
 * Read jieba's dictionary files ("word [freq] [tag]" a line) into a map. The tagger's own
 * dictionary: later lines win, as they do in cppjieba's trie (user words after the main ones).
 */
function readEntries(files: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  entry("x", 0); // index of the unknown words' tag, for tags past the room
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue; // nodejieba has already loaded (or refused) the same file
    }
    // indexOf rather than a split per line: 350 000 lines, read on every cold start
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf("\n", at);
      if (end < 0) end = text.length;
      const line = text.slice(at, end).trim();
      at = end + 1;
      const first = line.indexOf(" ");
      if (line.length === 0) continue;
      if (first < 0) {
        map.set(line, entry(unknownWordTag(line), 0));
        continue;
      }
      const last = line.lastIndexOf(" ");
      const second = line.slice(last + 1);
      // "word freq tag", "word tag" or "word freq"
      const tag = last > first || !/^\d+(\.\d+)?$/.test(second) ? second : "";
      const word = line.slice(0, first);
      const count = Number(line.slice(first + 1, last > first ? last : undefined));
      // a word listed without a tag is tagged as an unknown word (cppjieba: empty tag → SpecialRule)
      map.set(word, entry(tag || unknownWordTag(word), count > 0 ? count : 0));
    }
  }
  return map;
}

/**
 * cppjieba's tag for a word its dictionary does not know (PosTagger::SpecialRule): "x" without
 * ASCII, "m" when the ASCII it saw is all digits, else "eng" — counting code points, and looking
 * at no more ASCII than half the word's length (so a one-character word is always "x").
 */
export function unknownWordTag(word: string): string {
  const runes = [...word];
  let ascii = 0;
  let digits = 0;
  for (let i = 0; i < runes.length && ascii < Math.floor(runes.length / 2); i++) {
    const c = runes[i]!.codePointAt(0)!;
    if (c < 0x80) {
      ascii++;
      if (c >= 0x30 && c <= 0x39) digits++;
    }
  }
  if (ascii === 0) return "x";
  return digits === ascii ? "m" : "eng";
}

/** A word's tag from the dictionaries' entries, or the unknown words' tag. */
function tagOfWord(word: string): string {
  const e = entries!.get(word);
  return e === undefined ? unknownWordTag(word) : tagOfEntry(e);
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
  const ensure = (): Map<string, number> => {
    if (!loaded) {
      nodejieba.load();
      loaded = true;
    }
    entries ??= readEntries([dictionaryFiles.DEFAULT_DICT, dictionaryFiles.DEFAULT_USER_DICT]);
    return entries;
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
      const e = ensure().get(word);
      return e === undefined ? 0 : countOfEntry(e);
    },
    addWords(words) {
      const known = ensure();
      for (const w of words) {
        // passing `undefined` as the tag throws in the native code ("A string was expected")
        if (w.tag === undefined) nodejieba.insertWord(w.word);
        else nodejieba.insertWord(w.word, w.tag);
        // insertWord's default tag is "x"; a word the dictionary had keeps its count
        const had = known.get(w.word);
        known.set(w.word, entry(w.tag ?? "x", had === undefined ? 0 : countOfEntry(had)));
        frequent.delete(w.word);
        if (w.word.length === 1) singleCharacterTags[w.word.charCodeAt(0)] = undefined;
      }
    },
  };
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
  if (text.length <= TAG_CHUNK) located(text, 0, out);
  else for (const [start, end] of pieces(text, TAG_CHUNK)) located(text.slice(start, end), start, out);
  return out;
}
