import * as lexicon from "@yk/lexicon";
import { INSERTED, type MappedText } from "./mapped-text.js";
import type { Line } from "./lines.js";

/**
 * Width rules, in em. They are relative to the local column width, never absolute, so they
 * hold for columns of 10 to 30 characters.
 */
// Bound once: in the CommonJS build every call through a package namespace is a getter call,
// too slow for per-character loops.
const isHan = lexicon.isHan;
const isCjkPunctuation = lexicon.isCjkPunctuation;
const isLatinLetter = lexicon.isLatinLetter;

export const WIDTH_RULES = {
  /** A line narrower than the column by this much is short (a paragraph's last line). */
  shortBy: 1.25,
  /** A paragraph's first line lost a two-character indent: narrower by 1.25 to 3.25. */
  firstLineMin: 1.25,
  firstLineMax: 3.25,
  /** Wider than the column by this much, or by this share of it: spans columns (a headline). */
  widerBy: 2,
  widerByShare: 0.1,
  /** A line without terminal punctuation this much narrower than the column is no body line. */
  headlineShortBy: 3.5,
  /** Lines on each side used to estimate the local column width. */
  window: 12,
  /**
   * No newspaper column is this wide: a longer line is a whole paragraph as people type or
   * copy text (one line each, blank lines between), and a sentence end closes it.
   */
  unwrappedOver: 40,
} as const;

/** How lines were separated on this page: by blank lines everywhere, or by single line breaks. */
export type GapStyle = "blank-lines" | "single-lines";

export function gapStyleOf(lines: readonly Line[]): GapStyle {
  let blank = 0;
  let single = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.newlinesBefore >= 2) blank++;
    else single++;
  }
  return blank > single ? "blank-lines" : "single-lines";
}

/**
 * A line that can tell the column width: a middle line of running text. First lines (after a
 * sentence end: they lost the indent), letter-spaced lines, headline phrases and lines that
 * wrap a Latin word (ragged) say little about the full width.
 */
function isWidthWitness(lines: readonly Line[], i: number): boolean {
  const line = lines[i]!;
  const prev = lines[i - 1];
  if (line.spread || line.endsSentence || line.width < 4) return false;
  if (line.meaningfulSpace && !line.spaceOnlyInBylineBrackets) return false;
  if (!prev || (prev.endsSentence && !prev.spread) || line.indent) return false;
  const next = lines[i + 1];
  return !(next && wrapsLatin(line, next));
}

/** An ASCII letter or digit (a code unit; NaN, past a text's end, is none). */
function isAsciiAlnumCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** What a line may end with inside a Latin word or number: an ASCII letter or digit, or , ; : ' " ( - */
function isAsciiWrappingEnd(c: number): boolean {
  return isAsciiAlnumCode(c) || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x27 || c === 0x22 || c === 0x28 || c === 0x2d;
}

/** Width of the unbreakable word a line starts with (a Latin word or a number), 0 if it starts with CJK. */
function leadingWordWidth(line: Line): number {
  const text = line.content.text;
  // (the first character first: most lines start with CJK, and the pattern is not tried on them)
  if (!isAsciiAlnumCode(text.charCodeAt(0))) return 0;
  // what /^[A-Za-z0-9][A-Za-z0-9.,%'-]*/ matches, measured without the match
  let k = 1;
  while (k < text.length && isWordCode(text.charCodeAt(k))) k++;
  return k * 0.5;
}

/** A code unit that goes on a Latin word or a number: A-Z a-z 0-9 . , % ' - */
function isWordCode(c: number): boolean {
  return isAsciiAlnumCode(c) || c === 0x2e || c === 0x2c || c === 0x25 || c === 0x27 || c === 0x2d;
}

/** A line left short because the next line's first Latin word did not fit. */
export function shortForWord(line: Line, next: Line | undefined, column: number): boolean {
  if (!next) return false;
  const word = leadingWordWidth(next);
  return word > 0 && column - line.width <= word + 1;
}

/** The line breaks inside Latin text or a number ("Zhejiang" / "University", "98." / "5%"): never a paragraph end. */
export function wrapsLatin(line: Line, next: Line): boolean {
  // (code units, not one-character strings and patterns: this runs two or three times a line)
  const t = line.content.text;
  const last = t.charCodeAt(t.length - 1);
  const first = next.content.text.charCodeAt(0);
  if (isAsciiWrappingEnd(last) && isAsciiAlnumCode(first)) return true;
  // a decimal number split after its point
  return last === 0x2e && isDigitCode(t.charCodeAt(t.length - 2)) && isDigitCode(first);
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * The local full-column width at each line: the upper median of the widths of nearby body
 * lines. Most lines of a column are full, so the upper median finds the full width while
 * first lines (indent lost), headlines and short last lines pull it little.
 */
export function columnWidths(lines: readonly Line[]): number[] {
  // the witnesses' positions and widths, in typed arrays sized once (no regrowth per page)
  const witnessAt = new Int32Array(lines.length);
  const witnessWidths = new Float64Array(lines.length);
  let witnesses = 0;
  let fallback = 0;
  for (let i = 0; i < lines.length; i++) {
    const width = lines[i]!.width;
    if (width > fallback) fallback = width;
    if (isWidthWitness(lines, i)) {
      witnessAt[witnesses] = i;
      witnessWidths[witnesses++] = width;
    }
  }
  const result: number[] = new Array(lines.length);
  if (witnesses === 0) return result.fill(fallback);
  const k = WIDTH_RULES.window;
  // A sorted window over the witnesses [from, to), slid forward as lines advance: no sort per line.
  // It holds at most 2k + 1 widths (the first witness at or after a line moves by one at most);
  // values shift by hand, without splice's array per call.
  const window = new Float64Array(2 * k + 2);
  let size = 0;
  let from = 0;
  let to = 0;
  let w = 0; // first witness at or after line i
  for (let i = 0; i < lines.length; i++) {
    while (w < witnesses && witnessAt[w]! < i) w++;
    const wantFrom = Math.max(0, w - k);
    const wantTo = Math.min(witnesses, w + k);
    while (to < wantTo) size = insertSorted(window, size, witnessWidths[to++]!);
    while (from < wantFrom) size = removeSorted(window, size, witnessWidths[from++]!);
    result[i] = window[Math.min(size - 1, Math.floor(size * 0.6))]!;
  }
  return result;
}

/** Insert v into the sorted window[0, size); returns the new size. */
function insertSorted(window: Float64Array, size: number, v: number): number {
  let at = size;
  while (at > 0 && window[at - 1]! > v) {
    window[at] = window[at - 1]!;
    at--;
  }
  window[at] = v;
  return size + 1;
}

/** Remove one v from the sorted window[0, size); returns the new size. */
function removeSorted(window: Float64Array, size: number, v: number): number {
  let at = 0;
  while (window[at] !== v) at++;
  for (; at < size - 1; at++) window[at] = window[at + 1]!;
  return size - 1;
}

/** A byline line such as 本报讯（融媒首席记者 王丽娟） or （记者 王明）: a short lead, then one bracket group, nothing after. */
const BRACKET_LINE = /^[^。！？，（(]{0,16}[（(][^（）()]*[）)]$/;

// The patterns of the checks below are made once, here, or the shapes read as code units: a
// pattern literal in a function makes a new RegExp object each time it is evaluated (about 80
// bytes a line, the most of this stage's garbage).

/** A sentence end with more text after it, not another sentence end. */
const INNER_SENTENCE_END = /[。！？][^。！？]/;

function isSentenceEndCode(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f; // 。！？
}

/** Prose punctuation (，。、；：！？), or with `clauseOnly` the clause marks alone (，、；：). */
function hasProsePunctuation(text: string, clauseOnly: boolean): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0xff0c || c === 0x3001 || c === 0xff1b || c === 0xff1a) return true;
    if (!clauseOnly && isSentenceEndCode(c)) return true;
  }
  return false;
}

function hasAsciiAlnum(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (isAsciiAlnumCode(text.charCodeAt(k))) return true;
  return false;
}

/** One bracket group and nothing else, what /^[（(][^（）()]*[）)]$/ matches: （上接第1版）, （记者 王明）. */
function isBracketGroup(text: string): boolean {
  const n = text.length;
  if (n < 2 || !isOpenBracketCode(text.charCodeAt(0)) || !isCloseBracketCode(text.charCodeAt(n - 1))) return false;
  for (let k = 1; k < n - 1; k++) {
    const c = text.charCodeAt(k);
    if (isOpenBracketCode(c) || isCloseBracketCode(c)) return false;
  }
  return true;
}

function isOpenBracketCode(c: number): boolean {
  return c === 0xff08 || c === 0x28;
}

function isCloseBracketCode(c: number): boolean {
  return c === 0xff09 || c === 0x29;
}

/**
 * Lines that stand alone: headline phrases, bylines, labels, spanning lines, title lines.
 * Decided top to bottom, because a line continues its predecessor when that one is a full
 * line of running text without a sentence end — whatever its own width (…（下转第 / 3版）).
 */
export function standaloneLines(lines: readonly Line[], columns: readonly number[]): boolean[] {
  const out: boolean[] = new Array(lines.length).fill(false);
  for (let i = 0; i < lines.length; i++) out[i] = isStandalone(lines, i, columns, out);
  return out;
}

export function isStandalone(lines: readonly Line[], i: number, columns: readonly number[], decided: readonly boolean[]): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  const prev = lines[i - 1];
  const column = columns[i]!;
  const text = line.content.text;
  if (line.meaningfulSpace && !line.spaceOnlyInBylineBrackets && (!hasAsciiAlnum(text) || !hasProsePunctuation(text, false))) return true;
  if (line.meaningfulSpace && line.spaceOnlyInBylineBrackets && BRACKET_LINE.test(text)) return true;
  if (line.spread || (next && (wrapsLatin(line, next) || shortForWord(line, next, column)))) return false;
  // a sentence end inside the line makes it prose, however wide or short (…态势。（下转第2版）)
  if (INNER_SENTENCE_END.test(text)) return false;
  const widerBy = line.width - column;
  if (widerBy > Math.max(WIDTH_RULES.widerBy, column * WIDTH_RULES.widerByShare)) return true;
  if (line.endsSentence) return false;
  // a line that is one bracket group: （上接第1版）, （记者 王明）
  if (isBracketGroup(text)) return true;
  // the rest of a full line of running text that did not end its sentence
  const continues = !!prev && !prev.endsSentence && !decided[i - 1] && (prev.spread || columns[i - 1]! - prev.width < WIDTH_RULES.shortBy);
  if (continues) return false;
  // a subheadline or attribution line: ——会议研究部署…
  const lead = text.charCodeAt(0);
  if (lead === 0x2014 || lead === 0xff0d) return true;
  const shortBy = column - line.width;
  if (shortBy >= WIDTH_RULES.headlineShortBy) return true;
  // A title line: short, and followed by a line that lost its indent (a paragraph's first line).
  // (Titles carry no sentence-internal punctuation; first lines of paragraphs usually do.)
  if (shortBy >= WIDTH_RULES.shortBy && next && !next.spread && !next.endsSentence && !next.indent && !hasProsePunctuation(text, true)) {
    const nextShortBy = columns[i + 1]! - next.width;
    if (nextShortBy >= WIDTH_RULES.firstLineMin && nextShortBy <= WIDTH_RULES.firstLineMax) return true;
  }
  return false;
}

/** Does a paragraph end after line `i`? Layout evidence only. */
export function breaksAfter(lines: readonly Line[], i: number, columns: readonly number[], standalone: readonly boolean[], style: GapStyle): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  if (!next) return true;
  if (next.indent) return true;
  if (style === "single-lines" ? next.newlinesBefore >= 2 : next.newlinesBefore >= 3) return true;
  if (standalone[i] || standalone[i + 1]) return true;
  const column = columns[i]!;
  if (line.spread || wrapsLatin(line, next)) return false;
  // a line left short, unless the next line's first number or Latin word did not fit on it
  const short = column - line.width >= WIDTH_RULES.shortBy && !shortForWord(line, next, column);
  // the next line lost a paragraph's indent
  const nextShortBy = columns[i + 1]! - next.width;
  const nextLostIndent = !next.spread && nextShortBy >= WIDTH_RULES.firstLineMin && nextShortBy <= WIDTH_RULES.firstLineMax;
  // A paragraph may end without a sentence end (…空中梯队来了——, （讲话全文见第三版）, …：, a subhead
  // wrapped over two lines): a short line closed by a dash, a closing mark or a colon, or the short
  // last line of a wrapped run, then a line that lost its indent.
  if (!line.endsSentence) {
    if (!short || !nextLostIndent) return false;
    if (closesClause(line.content.text)) return true;
    // the last line of a wrapped paragraph (a subhead over two lines, a closing phrase), not a comma's
    const prev = lines[i - 1];
    const wrapped = !!prev && !standalone[i - 1] && !prev.endsSentence && (prev.spread || columns[i - 1]! - prev.width < WIDTH_RULES.shortBy);
    return wrapped && !endsWithComma(line.content.text);
  }
  if (line.width > WIDTH_RULES.unwrappedOver) return true;
  if (short) return !firstLineGoesOn(lines, i, columns, standalone, nextShortBy);
  // A line that ends a sentence ends the paragraph when the next line lost an indent (also when
  // that line opens with a number: 70年前… after a full line is a new paragraph, not a number moved down).
  return nextLostIndent;
}

/**
 * A paragraph's first line (after a sentence end, a standalone line or the page's top) that lost its
 * indent and happens to end a sentence, followed by a full line: no paragraph's first line is full
 * (it lost its indent), so the paragraph goes on.
 */
function firstLineGoesOn(lines: readonly Line[], i: number, columns: readonly number[], standalone: readonly boolean[], nextShortBy: number): boolean {
  const line = lines[i]!;
  const next = lines[i + 1]!;
  const prev = lines[i - 1];
  const shortBy = columns[i]! - line.width;
  if (shortBy < WIDTH_RULES.firstLineMin || shortBy > WIDTH_RULES.firstLineMax) return false;
  if (next.spread || next.endsSentence || nextShortBy >= WIDTH_RULES.firstLineMin || standalone[i + 1]) return false;
  return !prev || standalone[i - 1]! || prev.endsSentence;
}

/** A line closed by a comma (，、,): a clause goes on. */
function endsWithComma(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 0xff0c || c === 0x3001 || c === 0x2c;
}

/** A line closed by a dash, a closing quote or bracket, or a colon: where a paragraph may end without a full stop. */
function closesClause(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  // —— ” ’ 」 』 ） ) ： :
  return c === 0x2014 || c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x29 || c === 0xff1a || c === 0x3a;
}

/** A word space lost at a Latin line break: "drew" / "delegates", "Monday," / "and", "40" / "countries". */
function latinGap(last: string, first: string, next: string): boolean {
  if (isLatinLetter(last) && isDigitCode(first.charCodeAt(0))) return true; // "than" / "5,000"
  if (!isLatinLetter(first)) return false;
  if (isLatinLetter(last) || LATIN_GAP_END.test(last)) return true;
  // a number then a word ("40 countries"), but not a unit glued to it ("5G")
  return isDigitCode(last.charCodeAt(0)) && LOWERCASE_WORD.test(next);
}

/** Punctuation a Latin word space follows. (Patterns made once: a literal in a function is a new object per call.) */
const LATIN_GAP_END = /[,.;:!?)"']/;
const LOWERCASE_WORD = /^[a-z]{2,}/;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && (isHan(ch) || isCjkPunctuation(ch));
}

/** Past this code unit no character is a Latin letter or a digit: no join rule applies before it. */
const LAST_LATIN = 0x24f;

function charOf(code: number): string {
  return code < 0 ? "" : String.fromCharCode(code);
}

/**
 * Join wrapped lines: nothing between CJK; a space between Latin words; a line-end hyphen
 * inside a Latin word goes; digits split across lines rejoin.
 */
export function joinLines(parts: readonly MappedText[]): MappedText {
  if (parts.length === 1) return parts[0]!;
  // One typed array per paragraph (at most one inserted space between two parts).
  let size = 0;
  for (const p of parts) size += p.offsets.length + 1;
  return joinLinesInto(parts, new Int32Array(size), 0);
}

/**
 * {@link joinLines} of two or more parts, their map written into `into` from `at` (room for
 * every part's offsets and one more per part): the result's offsets are a view of it, so a page's
 * paragraphs share one array (an Int32Array costs about a microsecond to make, its view a tenth).
 */
export function joinLinesInto(parts: readonly MappedText[], into: Int32Array, at: number, pieces: string[] = []): MappedText & { offsets: Int32Array } {
  // Collect pieces and remember the last two characters: indexing a growing string flattens it
  // on every line, which made long paragraphs quadratic. (`pieces`: an empty array to reuse.)
  const offsets = into;
  let n = at;
  // the last two code units so far (-1: none); as strings only where a Latin join is possible
  let last = -1;
  let beforeLast = -1;
  for (const part of parts) {
    const text = part.text;
    if (text.length === 0) continue;
    // a join changes something only before a Latin letter or a digit (U+024F is the last Latin letter)
    if (pieces.length > 0 && text.charCodeAt(0) <= LAST_LATIN) {
      const first = text[0]!;
      const lastChar = charOf(last);
      if (lastChar === "-" && isLatinLetter(charOf(beforeLast)) && isLatinLetter(first)) {
        // drop the line-end hyphen: the last character of the previous piece
        pieces[pieces.length - 1] = pieces[pieces.length - 1]!.slice(0, -1);
        n--;
      } else if (latinGap(lastChar, first, text)) {
        pieces.push(" ");
        offsets[n++] = INSERTED;
      }
    }
    pieces.push(text);
    const from = part.offsets;
    if (from instanceof Int32Array) {
      offsets.set(from, n);
      n += from.length;
    } else {
      // (a short line's small array: copied by hand, set() takes a slow path for plain arrays)
      for (let k = 0; k < from.length; k++) offsets[n++] = from[k]!;
    }
    beforeLast = text.length > 1 ? text.charCodeAt(text.length - 2) : last;
    last = text.charCodeAt(text.length - 1);
  }
  // a view, not a copy: the few unused slots at the end are the price of a single allocation
  const joined = pieces.join("");
  pieces.length = 0;
  return { text: joined, offsets: offsets.subarray(at, n) };
}

/**
 * Inside running text Chinese has no word spaces: a space left between two CJK characters of a
 * multi-line paragraph is justification. Spaces inside brackets are kept (（记者 王明 李华）).
 */
export function dropProseSpaces(m: MappedText): MappedText {
  if (!m.text.includes(" ")) return m;
  return dropProseSpacesInto(m, new Int32Array(m.text.length));
}

/**
 * {@link dropProseSpaces} writing the map into `into`, which may be `m.offsets` itself (a map
 * only shrinks: each offset is read before its slot is written).
 */
export function dropProseSpacesInto(m: MappedText, into: Int32Array): MappedText {
  if (!m.text.includes(" ")) return m;
  const t = m.text;
  const source = m.offsets;
  const pieces: string[] = [];
  const offsets = into;
  let n = 0;
  let from = 0; // start of the segment not yet copied
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) depth++;
    else if ((c === 0xff09 || c === 0x29) && depth > 0) depth--;
    else if (c === 0x20 && depth === 0 && isCjk(t[i - 1]) && isCjk(t[i + 1])) {
      pieces.push(t.slice(from, i));
      for (let k = from; k < i; k++) offsets[n++] = source[k]!;
      from = i + 1;
    }
  }
  pieces.push(t.slice(from));
  for (let k = from; k < t.length; k++) offsets[n++] = source[k]!;
  return { text: pieces.join(""), offsets: offsets.subarray(0, n) };
}
