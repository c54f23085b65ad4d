/**
 * Word lists as sets to look up and scan, for long lists where a regular-expression alternation
 * is slow: V8 tries the alternatives one by one at every position of the text, so a list of
 * thousands of place names costs thousands of comparisons per character. Here a position costs
 * one array read of its first character and, where a listed word may begin, a short walk of a trie.
 */
export interface WordMatch {
  start: number;
  end: number;
  word: string;
}

export interface WordList {
  /** The longest listed word that starts at `at`, or null. */
  longestAt(text: string, at: number): string | null;
  /**
   * Leftmost-longest matches without overlap, scanning from `from`: what a global regular
   * expression over {@link alternation} of the same words finds.
   */
  matches(text: string, from?: number): WordMatch[];
  /** Does any listed word occur in `text`? */
  occursIn(text: string): boolean;
}

interface TrieNode {
  /** The listed word that ends here, if any. */
  word: string | null;
  next: Map<number, TrieNode> | null;
}

export function wordList(words: readonly string[]): WordList {
  // a trie by UTF-16 code unit: a position costs a walk of at most the longest word, usually one
  // or two steps, however many words share a first character (新城, 新会, 新华区 …)
  const root: TrieNode = { word: null, next: new Map() };
  // which code units start a word: most positions of a text are ruled out by one array read
  const starts = new Uint8Array(0x10000);
  for (const w of new Set(words)) {
    if (w.length === 0) continue;
    starts[w.charCodeAt(0)] = 1;
    let node = root;
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(k);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (child === undefined) node.next.set(c, (child = { word: null, next: null }));
      node = child;
    }
    node.word = w;
  }

  const longestAt = (text: string, at: number): string | null => {
    if (starts[text.charCodeAt(at)] !== 1) return null; // also NaN past the end: starts[NaN] is undefined
    let node: TrieNode | undefined = root;
    let best: string | null = null;
    for (let k = at; k < text.length && node.next !== null; k++) {
      node = node.next.get(text.charCodeAt(k));
      if (node === undefined) break;
      if (node.word !== null) best = node.word;
    }
    return best;
  };
  return {
    longestAt,
    matches(text, from = 0) {
      const out: WordMatch[] = [];
      for (let i = from; i < text.length; ) {
        const w = longestAt(text, i);
        if (w === null) {
          i++;
          continue;
        }
        out.push({ start: i, end: i + w.length, word: w });
        i += w.length;
      }
      return out;
    },
    occursIn(text) {
      for (let i = 0; i < text.length; i++) if (starts[text.charCodeAt(i)] === 1 && longestAt(text, i) !== null) return true;
      return false;
    },
  };
}

/** A set of single BMP characters, looked up by code unit: no string made, nothing hashed. */
export interface CharTable {
  has(ch: string): boolean;
  /** Is the character at `index` of `text` in the set? */
  hasAt(text: string, index: number): boolean;
}

export function charTable(chars: string | readonly string[]): CharTable {
  const table = new Uint8Array(0x10000);
  for (const ch of chars) if (ch.length === 1) table[ch.charCodeAt(0)] = 1;
  return {
    has: (ch) => ch.length === 1 && table[ch.charCodeAt(0)] === 1,
    hasAt: (text, index) => table[text.charCodeAt(index)] === 1,
  };
}
