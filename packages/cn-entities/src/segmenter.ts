import nodejieba from "nodejieba";

/** A word with its part-of-speech tag, as jieba gives it. */
export interface TaggedWord {
  word: string;
  tag: string;
}

/**
 * The segmenter behind the extractor. nodejieba is the default; users who cannot compile
 * native code, or run in a browser, pass an adapter over @node-rs/jieba or jieba-wasm.
 */
export interface Segmenter {
  tag(text: string): TaggedWord[];
  /** Add words to the dictionary (user dictionary entries such as local names). */
  addWords?(words: readonly { word: string; tag?: string }[]): void;
}

let loaded = false;

/** The default segmenter: nodejieba, loading its dictionary once, on first use. */
export function nodejiebaSegmenter(): Segmenter {
  const ensure = () => {
    if (!loaded) {
      nodejieba.load();
      loaded = true;
    }
  };
  return {
    tag(text) {
      ensure();
      return nodejieba.tag(text);
    },
    addWords(words) {
      ensure();
      for (const w of words) nodejieba.insertWord(w.word, w.tag);
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
