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

/**
 * How many code units a line holds from its first to its last non-white-space one (0: blank), or
 * -1 when it holds a space (-2: a CR or a form feed, spaces or not): only such a line, or one as short as
 * a digit piece, needs the patterns of {@link styleCounts} (white space as String.prototype.trim reads it).
 */
function plainLineLength(text: string, start: number, end: number): number {
  let first = -1;
  let last = -1;
  let spaced = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0d || c === 0x0c) return -2;
    if (c === 0x20) spaced = true;
    else if (!isTrimmedSpace(c)) {
      if (first < 0) first = k;
      last = k;
    }
  }
  return spaced ? -1 : first < 0 ? 0 : last - first + 1;
}

/** A digit or a dot: what a broken number's pieces end and open with. */
function isNumberCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e;
}

/** The first and the last non-white-space code unit of text[start, end), or -1. */
function firstCodeAt(text: string, start: number, end: number): number {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && !isTrimmedSpace(c)) return c;
  }
  return -1;
}
function lastCodeAt(text: string, start: number, end: number): number {
  for (let k = end - 1; k >= start; k--) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && !isTrimmedSpace(c)) return c;
  }
  return -1;
}

/** ECMAScript's WhiteSpace and LineTerminator, what trim() removes (space, CR and FF are tested before). */
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
 * Runs of spaces between two non-ASCII, non-white-space characters: the matches of
 * /[^\s\u0000-\u007f] +(?=[^\s\u0000-\u007f])/g, counted without an array of them.
 */
function wideSpaceRuns(t: string): number {
  let runs = 0;
  for (let k = t.indexOf(" "); k >= 0; ) {
    let end = k;
    while (end < t.length && t.charCodeAt(end) === 0x20) end++;
    if (k > 0 && isWide(t.charCodeAt(k - 1)) && end < t.length && isWide(t.charCodeAt(end))) runs++;
    k = t.indexOf(" ", end);
  }
  return runs;
}

function isWide(c: number): boolean {
  return c > 0x7f && !isTrimmedSpace(c);
}

/** Counts of the marks the styles differ in, over the first lines of the text. */
export function styleCounts(text: string): StyleCounts {
  const counts: StyleCounts = { lines: 0, blankGaps: 0, doubleSpaced: 0, digitPieces: 0, cjkSpaces: 0 };
  let blank = false;
  // the last non-space code unit of the line before, and whether that line was a digit piece
  // waiting for the next line to say whether it continues a number
  let lastBefore = -1;
  let pendingPiece = false;
  let start = 0;
  while (start <= text.length && counts.lines < SAMPLE_LINES) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    // most lines have no space and are too long for a digit piece: they are only counted (the
    // slice, trim and three patterns below ran on every line and were a tenth of reflow's time)
    const plain = plainLineLength(text, start, end);
    const line = plain === 0 || plain > 4 ? "" : text.slice(start, end);
    const trimmed = plain === 0 ? "" : plain > 4 ? null : (plain === -2 ? line.replace(/[\r\f]/g, "") : line).trim();
    if (trimmed === "") blank = true;
    else {
      if (counts.lines > 0 && blank) counts.blankGaps++;
      counts.lines++;
      blank = false;
      const first = firstCodeAt(text, start, end);
      if (pendingPiece && isNumberCode(first)) counts.digitPieces++;
      pendingPiece = false;
      if (trimmed !== null) {
        if (trimmed.includes("  ") && /[^\s\u0000-\u007f]  +[^\s\u0000-\u007f]/.test(trimmed)) counts.doubleSpaced++;
        if (trimmed.length <= 4 && /^[\d.]{1,4}$/.test(trimmed)) {
          if (isNumberCode(lastBefore)) counts.digitPieces++;
          else pendingPiece = true;
        }
        counts.cjkSpaces += wideSpaceRuns(trimmed);
      }
      lastBefore = lastCodeAt(text, start, end);
    }
    start = end + 1;
  }
  return counts;
}

/**
 * The extractor style of a page's text (see {@link ExtractorStyle}). Best effort on marks that
 * only a whole page shows: short text, or text with a blank line after most lines, is `typeset`
 * and left as it is.
 */
export function detectExtractorStyle(text: string): ExtractorStyle {
  if (typeof text !== "string") return "typeset";
  const c = styleCounts(text);
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
