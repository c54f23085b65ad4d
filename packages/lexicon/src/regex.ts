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
