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
