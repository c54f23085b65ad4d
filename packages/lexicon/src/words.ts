/**
 * Word lists as sets to look up and scan, for long lists where a regular-expression alternation
 * is slow: V8 tries the alternatives one by one at every position of the text, so a list of
 * 400 place names costs hundreds of comparisons per character. Here a position costs one lookup
 * of its first character, and a few `startsWith` calls only where a listed word may begin.
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

export function wordList(words: readonly string[]): WordList {
  // first UTF-16 code unit → words starting with it, longest first
  const byFirst = new Map<number, string[]>();
  for (const w of new Set(words)) {
    if (w.length === 0) continue;
    const key = w.charCodeAt(0);
    const list = byFirst.get(key);
    if (list) list.push(w);
    else byFirst.set(key, [w]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  // which code units start a word, and which come second in one: most positions of a text are
  // ruled out by an array read or two
  const starts = new Uint8Array(0x10000);
  const seconds = new Uint8Array(0x10000);
  let singles = false;
  for (const [key, list] of byFirst) {
    starts[key] = 1;
    for (const w of list) {
      if (w.length === 1) singles = true;
      else seconds[w.charCodeAt(1)] = 1;
    }
  }

  const longestAt = (text: string, at: number): string | null => {
    const c = text.charCodeAt(at);
    if (starts[c] !== 1) return null; // also NaN past the end: starts[NaN] is undefined
    if (!singles && seconds[text.charCodeAt(at + 1)] !== 1) return null;
    const list = byFirst.get(c);
    if (list === undefined) return null;
    for (const w of list) if (text.startsWith(w, at)) return w;
    return null;
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
