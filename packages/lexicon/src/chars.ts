/**
 * Character classes and print widths for Chinese newspaper text.
 *
 * This is the one home of punctuation knowledge for every @yk package: reflow uses it to
 * estimate column widths and find paragraph ends, article-split to tell headlines from
 * sentences, cn-entities to cut names at punctuation.
 */

/** Han ideographs (CJK Unified, Extension A, Compatibility) plus 〇. */
export function isHan(ch: string): boolean {
  return isHanCode(ch.charCodeAt(0));
}

/**
 * {@link isHan} of a UTF-16 code unit (`text.charCodeAt(i)`): for loops over text, where
 * `text[i]` would make a one-character string of every Han character.
 */
export function isHanCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007 ||
    // surrogate pair start of Extension B..G: treat as Han, the pair stays together upstream
    (c >= 0xd840 && c <= 0xd87f)
  );
}

/** Full-width punctuation as typeset in Chinese text (，。、；：？！“”‘’（）《》【】…—·). */
export const CJK_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—·～－﹏";

const cjkPunct = new Set(CJK_PUNCTUATION);

export function isCjkPunctuation(ch: string): boolean {
  return cjkPunct.has(ch);
}

/**
 * Function characters of running prose (particles, prepositions, conjunctions, the copula): a
 * line of a column that ends or starts on one was cut mid-clause; headlines and subheads, set as
 * phrases, end on one far less often.
 */
export const FUNCTION_CHARACTERS = "的地得了着过吗呢吧啊是在和与及或对把被将从向于也都就还又而并但";

/** Characters that end a sentence; a line ending with one may end a paragraph. */
export const TERMINAL_PUNCTUATION = "。！？…；!?";
/** Closing marks that may follow a terminal mark: 。” or ！） */
export const CLOSING_MARKS = "”’）》」』】〕\")'";
export const OPENING_MARKS = "“‘（《「『【〔\"('";

const terminal = new Set(TERMINAL_PUNCTUATION);
const closing = new Set(CLOSING_MARKS);
const opening = new Set(OPENING_MARKS);
const codesOf = (chars: string) => new Set([...chars].map((ch) => ch.charCodeAt(0)));
const terminalCodes = codesOf(TERMINAL_PUNCTUATION);
const closingCodes = codesOf(CLOSING_MARKS);

export function isTerminalPunctuation(ch: string): boolean {
  return terminal.has(ch);
}
export function isClosingMark(ch: string): boolean {
  return closing.has(ch);
}
export function isOpeningMark(ch: string): boolean {
  return opening.has(ch);
}

/** Does this text end a sentence: a terminal mark, optionally followed by closing marks? */
export function endsSentence(text: string): boolean {
  if (typeof text !== "string") return false;
  let i = text.length - 1;
  // a bracket group after a sentence end closes nothing new: …达产。（记者 王明） or …。（下转第3版）
  if (text[i] === "）" || text[i] === ")") {
    const open = Math.max(text.lastIndexOf("（"), text.lastIndexOf("("));
    if (open > 0 && terminal.has(text[open - 1]!)) return true;
  }
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  // (code units, not one-character strings: this runs on every line of every page)
  while (i >= 0 && closingCodes.has(text.charCodeAt(i))) i--;
  if (i < 0) return false;
  if (terminalCodes.has(text.charCodeAt(i))) return true;
  // an ASCII full stop ends a Latin sentence ("… on Monday."), not a number ("98.")
  return text[i] === "." && i > 0 && isLatinLetter(text[i - 1]!);
}

/** Any punctuation, full- or half-width. */
export function isPunctuation(ch: string): boolean {
  if (cjkPunct.has(ch)) return true;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x21 && c <= 0x2f) ||
    (c >= 0x3a && c <= 0x40) ||
    (c >= 0x5b && c <= 0x60) ||
    (c >= 0x7b && c <= 0x7e) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20)
  );
}

export function isAsciiAlnum(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

export function isLatinLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
}

/** Horizontal white space of any width, including the ideographic space U+3000 and NBSP. */
export function isSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\u3000" || ch === "\u00a0" || ch === "\u2002" || ch === "\u2003" || ch === "\u2009";
}

/**
 * Print width of a character in em (one Han character = 1).
 *
 * Half-width characters (digits, Latin, ASCII punctuation) take about half an em; full-width
 * punctuation is set at one em but often compressed to half by justification, so it counts
 * 0.75 — an estimate that keeps column-width statistics robust to punctuation compression.
 */
export function charWidth(ch: string): number {
  if (isHan(ch)) return 1;
  const c = ch.charCodeAt(0);
  if (c >= 0xdc00 && c <= 0xdfff) return 0; // low surrogate: counted with its high half
  if (cjkPunct.has(ch)) return 0.75;
  if (c < 0x2e80) return 0.5;
  return 1;
}

/** Width of a string in em, ignoring spaces (justification spreads glyphs; spaces are not glyphs). */
export function textWidth(text: string): number {
  if (typeof text !== "string") return 0;
  const quarters = widthTable();
  let w = 0;
  for (let i = 0; i < text.length; i++) w += quarters[text.charCodeAt(i)]!;
  return w / 4;
}

let widths: Uint8Array | null = null;
/**
 * Every BMP code unit's width in quarter ems, as {@link charWidth} and the spaces rule give it
 * (a high surrogate counts for its pair, a low one 0): one array read per character, made once.
 */
function widthTable(): Uint8Array {
  if (widths) return widths;
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009) continue;
    table[c] = Math.round(charWidth(String.fromCharCode(c)) * 4);
  }
  return (widths = table);
}

/** Count of Han characters in a string. */
export function hanCount(text: string): number {
  if (typeof text !== "string") return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) n++;
  return n;
}
