/** Escape a word for use inside a RegExp. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A regular-expression alternation of words, longest first so that 首席记者 wins over 记者.
 * Alternations of literals cannot backtrack catastrophically.
 */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
}

/**
 * `re` (anchored at the end with `$`) run on the last `window` code units of `text` only, with
 * `index` into the whole text. V8 tries an end-anchored pattern at every position of its input,
 * so on a long paragraph the tail is all that is worth reading; `window` must cover the longest
 * match.
 */
export function execAtEnd(re: RegExp, text: string, window: number): RegExpExecArray | null {
  const from = Math.max(0, text.length - window);
  const m = re.exec(from > 0 ? text.slice(from) : text);
  if (m) m.index += from;
  return m;
}
