/**
 * Which tool extracted a page's text, told from the text itself.
 *
 * Each common PDF extractor leaves its own marks on a Chinese newspaper page:
 * - `typeset`: one printed line per text line and a blank line after each (the seed page's style,
 *   what the layout stage reads as is);
 * - `pdfminer` (pdfminer.six, pdfplumber): text boxes separated by blank lines, lines inside a box
 *   by single newlines, boxes out of reading order; keeps the justification gaps, often as two spaces;
 * - `pdftotext` (poppler, no options): blocks with fewer blank lines, single newlines inside, digit
 *   runs and the date header broken onto lines of their own;
 * - `pdfjs` (pdf.js `getTextContent` items joined naively): no blank line at all, the runs of one
 *   printed line (a byline and the text beside it) joined.
 */
export type ExtractorStyle = "typeset" | "pdfminer" | "pdftotext" | "pdfjs";

export const EXTRACTOR_STYLES: readonly ExtractorStyle[] = ["typeset", "pdfminer", "pdftotext", "pdfjs"];

/** Lines looked at to tell the style: enough for any page, bounded for very large input. */
const SAMPLE_LINES = 4000;

export interface StyleCounts {
  /** Non-empty lines sampled. */
  lines: number;
  /** Of the gaps between them, those holding a blank line. */
  blankGaps: number;
  /** Lines holding a two-space gap between CJK characters (pdfminer keeps justification as spaces). */
  doubleSpaced: number;
  /**
   * Lines of one to four digits or dots alone that continue a number: the line before ends with a
   * digit or a dot, or the line after opens with one (`5月` / `1` / `5日`, `全县 6` / `0` / `余名`). A
   * page number printed alone (`05` above the section name) is no broken number.
   */
  digitPieces: number;
  /** Spaces written out between two non-ASCII characters (justification, letter-spacing). */
  cjkSpaces: number;
}

/** A digit or a dot: what a broken number's pieces end and open with. */
function isNumberCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e;
}

/** White space as String.prototype.trim reads it: a space, or what {@link isTrimmedSpace} names. */
export function isWhiteCode(c: number): boolean {
  return c === 0x20 || isTrimmedSpace(c);
}

/** ECMAScript's WhiteSpace and LineTerminator other than the space, what trim() removes. */
function isTrimmedSpace(c: number): boolean {
  if (c > 0x3000) return c === 0xfeff;
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * Runs of spaces between two non-ASCII, non-white-space characters in t[start, end): the matches of
 * /[^\s\u0000-\u007f] +(?=[^\s\u0000-\u007f])/g, counted without an array of them; negative
 * when a run is two spaces or more, a line /[^\s\u0000-\u007f]  +[^\s\u0000-\u007f]/ matches.
 */
function wideSpaceRuns(t: string, start: number, end: number): number {
  let runs = 0;
  let double = false;
  for (let k = start; k < end; k++) {
    if (t.charCodeAt(k) !== 0x20) continue;
    let after = k + 1;
    while (after < end && t.charCodeAt(after) === 0x20) after++;
    if (k > start && isWide(t.charCodeAt(k - 1)) && after < end && isWide(t.charCodeAt(after))) {
      runs++;
      if (after - k >= 2) double = true;
    }
    k = after;
  }
  return double ? -runs : runs;
}

/** One to four digits or dots: /^[\d.]{1,4}$/ on text[start, end). */
function isDigitPiece(text: string, start: number, end: number): boolean {
  if (end - start < 1 || end - start > 4) return false;
  for (let k = start; k < end; k++) if (!isNumberCode(text.charCodeAt(k))) return false;
  return true;
}

function isWide(c: number): boolean {
  return c > 0x7f && !isTrimmedSpace(c);
}

/** Code units searched at a time for a code a line may hold (see {@link codeWithin}). */
const SEARCH_WINDOW = 1024;

/**
 * Does `code` occur in text[from, to)? Asked of the lines of a text in order, searches pick up
 * where the last ended (`state`: the search's position, and 1 when a code sits there; no code lies
 * between the last `from` and it), so that the text is searched once for the code in all, natively,
 * and in windows, so that a code absent from the lines sampled is not looked for to the end of a
 * very large text. (Plain numbers in a typed array, not an object: optimized code that held the
 * map of a search object was thrown away whenever the collector had freed its last one.)
 */
function codeWithin(text: string, code: string, from: number, to: number, state: Int32Array, at: number): boolean {
  let next = state[at]!;
  let found = state[at + 1] === 1;
  if (next < from) {
    next = from;
    found = false;
  }
  while (!found && next < to) {
    const end = Math.min(text.length, Math.max(to, next + SEARCH_WINDOW));
    const k = text.slice(next, end).indexOf(code);
    if (k >= 0) {
      next += k;
      found = true;
    } else next = end;
  }
  state[at] = next;
  state[at + 1] = found ? 1 : 0;
  return found && next < to;
}

/** Counts being made, and what the next line needs to know of the lines before it. */
export interface StyleTally {
  counts: StyleCounts;
  /** A blank line since the last non-empty one. */
  blank: boolean;
  /** The last non-white-space code unit of the line before (-1: none yet). */
  lastBefore: number;
  /** That line was a digit piece waiting for the next line to say whether it continues a number. */
  pendingPiece: boolean;
}

export function newStyleTally(): StyleTally {
  return { counts: { lines: 0, blankGaps: 0, doubleSpaced: 0, digitPieces: 0, cjkSpaces: 0 }, blank: false, lastBefore: -1, pendingPiece: false };
}

/** Lines counted past this many are ignored: the sample is full. */
export function tallyFull(tally: StyleTally): boolean {
  return tally.counts.lines >= SAMPLE_LINES;
}

/**
 * Count one line of text into the tally: `first` and `last` are the indexes of its first and last
 * non-white-space code unit (white space as String.prototype.trim reads it; first -1: a blank
 * line); `stripped` says a CR or a form feed lies between them, `spaced` a space. What lies between
 * them is read only when the line holds such a code or is as short as a digit piece.
 */
export function tallyLine(tally: StyleTally, text: string, first: number, last: number, stripped: boolean, spaced: boolean): void {
  if (first < 0) {
    tally.blank = true;
    return;
  }
  const counts = tally.counts;
  if (counts.lines > 0 && tally.blank) counts.blankGaps++;
  counts.lines++;
  tally.blank = false;
  if (tally.pendingPiece && isNumberCode(text.charCodeAt(first))) counts.digitPieces++;
  tally.pendingPiece = false;
  // the line as trim() gives it after CRs and form feeds are dropped: its first to its last
  // non-white-space code unit, less the CRs and form feeds between them
  let piece: boolean;
  if (stripped) {
    const trimmed = text.slice(first, last + 1).replace(/[\r\f]/g, "");
    const runs = wideSpaceRuns(trimmed, 0, trimmed.length);
    if (runs < 0) counts.doubleSpaced++;
    counts.cjkSpaces += runs < 0 ? -runs : runs;
    piece = trimmed.length <= 4 && /^[\d.]{1,4}$/.test(trimmed);
  } else {
    if (spaced) {
      const runs = wideSpaceRuns(text, first, last + 1);
      if (runs < 0) counts.doubleSpaced++;
      counts.cjkSpaces += runs < 0 ? -runs : runs;
    }
    piece = last - first < 4 && isDigitPiece(text, first, last + 1);
  }
  if (piece) {
    if (isNumberCode(tally.lastBefore)) counts.digitPieces++;
    else tally.pendingPiece = true;
  }
  tally.lastBefore = text.charCodeAt(last);
}

/**
 * Counts of the marks the styles differ in, over the first lines of the text. (reflow makes the
 * same counts in its normalization pass, see normalize.ts; this reads a text on its own.)
 */
export function styleCounts(text: string): StyleCounts {
  const tally = newStyleTally();
  // no loop over a line's code units: a line is read from its ends inward to its first and last
  // non-white-space code unit, and what lies between only matters when it holds a space, a CR or
  // a form feed (found by native searches, once over the text each) or is as short as a digit piece
  // where the searches for a space, a CR and a form feed stand (see codeWithin)
  const searches = new Int32Array(6);
  let start = 0;
  while (start <= text.length && !tallyFull(tally)) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let first = start;
    while (first < end && isWhiteCode(text.charCodeAt(first))) first++;
    if (first === end) tallyLine(tally, text, -1, -1, false, false);
    else {
      let last = end - 1;
      while (isWhiteCode(text.charCodeAt(last))) last--;
      const stripped = codeWithin(text, "\r", first, last, searches, 0) || codeWithin(text, "\f", first, last, searches, 2);
      tallyLine(tally, text, first, last, stripped, codeWithin(text, " ", first, last, searches, 4));
    }
    start = end + 1;
  }
  return tally.counts;
}

/**
 * The extractor style of a page's text (see {@link ExtractorStyle}). Best effort on marks that
 * only a whole page shows: short text, or text with a blank line after most lines, is `typeset`
 * and left as it is.
 */
export function detectExtractorStyle(text: string): ExtractorStyle {
  if (typeof text !== "string") return "typeset";
  return styleOfCounts(styleCounts(text));
}

/** The extractor style that counts made over a text say (see {@link detectExtractorStyle}). */
export function styleOfCounts(c: StyleCounts): ExtractorStyle {
  if (c.lines < 8) return "typeset";
  const gaps = c.lines - 1;
  const blankShare = c.blankGaps / gaps;
  if (blankShare >= 0.6) return "typeset";
  if (blankShare < 0.01) return c.digitPieces > 0 ? "pdftotext" : "pdfjs";
  if (c.doubleSpaced > 0 && c.doubleSpaced >= c.digitPieces) return "pdfminer";
  if (c.digitPieces > 0) return "pdftotext";
  // pdfminer writes out more of the justification gaps as spaces than pdftotext, which merges
  // them into the words, and cuts a page into more, smaller boxes
  return blankShare >= 0.25 || c.cjkSpaces >= 1.5 * c.lines ? "pdfminer" : "pdftotext";
}
