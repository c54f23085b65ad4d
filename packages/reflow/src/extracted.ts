/**
 * Text as the common PDF extractors give it → text the layout stage reads, every character still
 * mapped to its raw offset. Nothing is dropped: lines are only glued together (split digit runs and
 * header pieces) or moved (text boxes put back into reading order), and the line breaks between
 * them become inserted breaks (offset -1) or go.
 */
import * as lexicon from "@yk/lexicon";
import type { ExtractorStyle } from "./extractors.js";
import { INSERTED, type MappedText } from "./mapped-text.js";
import { BIGRAM_BUCKETS, BIGRAM_PAIRS } from "./data/bigrams.js";

const { endsSentence, textWidth, isHan, isDigit, BYLINE_ROLES, DATELINE_AGENCIES, STAFF_LINE_ROLES, WEEKDAYS } = lexicon;

/**
 * The non-empty lines of the normalized text, line i at index i of each array (typed arrays, not an
 * object a line: a page of stacked one-character lines has millions, and their objects made the
 * garbage collector's work grow faster than the page).
 */
interface RawLines {
  count: number;
  /** Where the line begins, its indent included. */
  from: Int32Array;
  /** [start, end): the line without its break, trimmed of spaces. */
  start: Int32Array;
  end: Int32Array;
  /** 1: a blank line lies between this line and the previous one. */
  blankBefore: Uint8Array;
}

/** A piece of output: lines glued into one (digit runs) are one piece. */
interface Piece {
  /** Its lines: first to last of `lines` (only a line's next line is ever glued to it). */
  lines: RawLines;
  first: number;
  last: number;
  /** Its text once finished (see pieceText), null before. */
  text: string | null;
  /** Where its first line begins, indent included (a surviving indent marks a paragraph start). */
  indentFrom: number;
  blankBefore: boolean;
}

interface Box {
  pieces: Piece[];
  /** The column's measure in em: its widest line (justified lines run to the measure). */
  width: number;
  /** First and last line without spaces, and the first line's width. */
  first: string;
  last: string;
  firstWidth: number;
  /** It ends mid-sentence at its column's edge (see isOpen). */
  open: boolean;
  /** It opens with a byline or a dateline: it starts an article, it continues nothing. */
  startsByline: boolean;
}

/** Candidates kept per box: memory stays linear on huge input. */
const CANDIDATES = 4;

function linesOf(text: string): RawLines {
  // one pass: the arrays start at a guess (a line of pdf.js text holds some 30 code units) and
  // double when full, instead of a first pass counting the line breaks
  let room = Math.min(text.length + 1, (text.length >> 4) + 16);
  let lines: RawLines = { count: 0, from: new Int32Array(room), start: new Int32Array(room), end: new Int32Array(room), blankBefore: new Uint8Array(room) };
  let blank = false;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      if (lines.count === room) lines = grownLines(lines, (room *= 2));
      const i = lines.count++;
      lines.from[i] = start;
      lines.start[i] = s;
      lines.end[i] = e;
      lines.blankBefore[i] = blank && i > 0 ? 1 : 0;
      blank = false;
    } else if (lines.count > 0) blank = true;
    start = end + 1;
  }
  return lines;
}

/** The lines in arrays of `room` entries, copied. */
function grownLines(lines: RawLines, room: number): RawLines {
  const grown: RawLines = { count: lines.count, from: new Int32Array(room), start: new Int32Array(room), end: new Int32Array(room), blankBefore: new Uint8Array(room) };
  grown.from.set(lines.from);
  grown.start.set(lines.start);
  grown.end.set(lines.end);
  grown.blankBefore.set(lines.blankBefore);
  return grown;
}

function isSpace(c: number): boolean {
  // form feeds end pdftotext's and pdfminer's pages
  return c === 0x20 || c === 0x3000 || c === 0x0c || c === 0x09;
}

const DIGIT_PIECE = /^[\d.]{1,4}$/;

/**
 * A line of one to four digits or dots between two lines it belongs to: pdftotext breaks a number
 * set in another font onto its own line (5月 / 1 / 5日是 → 5月15日是; 全县 6 / 0 / 余名), and the
 * date header into pieces (2 / 011. / 5. / 24 星期二). Glued when no blank line separates them and
 * the neighbours end and begin with a digit, a dot or a Han character.
 */
function glueDigitPieces(text: string, lines: RawLines): Piece[] {
  const pieces: Piece[] = [];
  const stacked = stackedLines(text, lines);
  const { start, end, blankBefore } = lines;
  let glueNext = false;
  for (let i = 0; i < lines.count; i++) {
    const prev = pieces[pieces.length - 1];
    const hasNext = i + 1 < lines.count;
    // (the length first: nearly every line is longer than a piece, and the slice is not made for it)
    const isPiece = end[i]! - start[i]! <= 4 && DIGIT_PIECE.test(text.slice(start[i], end[i]));
    const gluesBack: boolean =
      prev !== undefined && !blankBefore[i] && ((stacked[i] === 1 && stacked[i - 1] === 1) || glueNext || (isPiece && hasNext && continuesNumber(text, prev, i + 1)));
    if (gluesBack) prev!.last = i;
    else pieces.push({ lines, first: i, last: i, text: null, indentFrom: lines.from[i]!, blankBefore: blankBefore[i] === 1 });
    // a glued piece takes the next line too (2 / 011. / 5. / 24 星期二: each piece glues the next)
    const nextStart = start[i + 1]!;
    glueNext = gluesBack && isPiece && hasNext && !blankBefore[i + 1] && (isDigit(text[nextStart]!) || text[nextStart] === "." || isHan(text[nextStart]!));
  }
  return pieces;
}

/** Lines of one character in a row, at least this many: text set vertically (a margin's 本报特稿). */
const STACK_MIN = 3;

/**
 * Which lines are one character of vertically set text: pdfminer gives each character of a
 * rotated or stacked margin line a line of its own (临 / 溪 / 日 / 报 …). Runs of STACK_MIN or more
 * one-character lines with no blank line between are glued back into one line.
 */
function stackedLines(text: string, lines: RawLines): Uint8Array {
  const flags = new Uint8Array(lines.count);
  let runStart = 0;
  for (let i = 0; i <= lines.count; i++) {
    const single = i < lines.count && lines.end[i]! - lines.start[i]! === 1 && !isDigitCode(text.charCodeAt(lines.start[i]!));
    const continues = single && i > runStart && !lines.blankBefore[i];
    if (continues) continue;
    if (i - runStart >= STACK_MIN) flags.fill(1, runStart, i);
    runStart = single ? i : i + 1;
  }
  return flags;
}

/**
 * Does a lone digit piece sit inside a number broken across lines? Its previous line ends with a
 * digit or a dot (全县 6 / 0 / 余名, 2 / 011.), or is running text ending in a Han character while
 * the next line opens with the rest of the number and its unit (5月 / 1 / 5日是). A page number
 * between a section name and the date line (民生 / 07 / 2019年…) is none of these.
 */
function continuesNumber(text: string, prev: Piece, next: number): boolean {
  const { lines } = prev;
  if (lines.blankBefore[next]) return false;
  const before = text[lines.end[prev.last]! - 1]!;
  const nextStart = lines.start[next]!;
  if (isDigit(before) || before === ".") return isDigit(text[nextStart]!) || isHan(text[nextStart]!) || text[nextStart] === ".";
  if (!isHan(before) || textWidth(joinedParts(text, prev)) < 6) return false;
  return /^\d{1,3}[\u4e00-\u9fff]/.test(text.slice(nextStart, nextStart + 4));
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A piece's text, joined from its parts each time (for pieces still growing). */
function joinedParts(text: string, p: Piece): string {
  const { start, end } = p.lines;
  if (p.first === p.last) return text.slice(start[p.first], end[p.first]);
  if (p.last - p.first < 64) {
    let joined = "";
    for (let l = p.first; l <= p.last; l++) joined += text.slice(start[l], end[l]);
    return joined;
  }
  // many lines (stacked one-character lines, millions on a large page): copied as code units, not
  // sliced into a string a line
  let length = 0;
  for (let l = p.first; l <= p.last; l++) length += end[l]! - start[l]!;
  const codes = new Uint16Array(length);
  let n = 0;
  for (let l = p.first; l <= p.last; l++) for (let k = start[l]!; k < end[l]!; k++) codes[n++] = text.charCodeAt(k);
  // (String.fromCharCode keeps every code unit as it is, a lone surrogate too; a chunk at a time)
  const chunks: string[] = [];
  for (let k = 0; k < length; k += 4096) chunks.push(String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + 4096)) as unknown as number[]));
  return chunks.join("");
}

/**
 * A finished piece's text, made once: boxes, justification, credits and header cuts all read it,
 * and a piece of stacked lines can hold a whole page (each copy was garbage the GC chased).
 */
function pieceText(text: string, p: Piece): string {
  return (p.text ??= joinedParts(text, p));
}

function boxesOf(text: string, pieces: readonly Piece[]): Box[] {
  const boxes: Box[] = [];
  let current: Piece[] = [];
  const close = () => {
    if (current.length === 0) return;
    const texts = current.map((p) => pieceText(text, p).replace(/ +/g, ""));
    const widths = texts.map((t) => textWidth(t));
    // a loop, not Math.max(...widths): a box can hold hundreds of thousands of lines
    let width = 0;
    for (const w of widths) if (w > width) width = w;
    const first = texts[0]!;
    const last = texts[texts.length - 1]!;
    boxes.push({ pieces: current, width, first, last, firstWidth: widths[0]!, open: isOpen(last, widths[widths.length - 1]!, width), startsByline: BYLINE_START.test(first) });
    current = [];
  };
  for (const p of pieces) {
    if (p.blankBefore) close();
    current.push(p);
  }
  close();
  return boxes;
}

/** A box whose last line runs to the column's edge without ending a sentence: the text goes on elsewhere. */
function isOpen(last: string, lastWidth: number, width: number): boolean {
  return width >= 6 && lastWidth >= width - 1.5 && !endsSentence(last) && /[\u4e00-\u9fff，、；：“”（）]$/.test(last);
}

// 本报讯, 新华社北京10月1日电, 本报记者, （记者 …: the words from the lexicon
const ROLE_WORDS = Object.keys(BYLINE_ROLES).sort((a, b) => b.length - a.length).join("|");
const BYLINE_START = new RegExp(`^(?:(?:${DATELINE_AGENCIES.join("|")})(?:讯|[\\u4e00-\\u9fff\\d]{0,12}?电)|(?:${DATELINE_AGENCIES.join("|")})?(?:${ROLE_WORDS})|（(?:${ROLE_WORDS}))`);

/** Could this box continue a paragraph cut at a column's foot: running text of the same measure. */
function canContinue(from: Box, to: Box): boolean {
  // a one-line box may be a paragraph's first line, two ems short of the measure
  const low = from.pieces.length === 1 ? to.width - 2.5 : to.width - 1.5;
  if (from.width < low || from.width > to.width + 1.5) return false;
  if (to.startsByline) return false;
  // a paragraph's first line lost its two-em indent and is that much shorter than the measure: a
  // box opening with one starts a paragraph, a box opening with a full line continues one
  return to.firstWidth >= to.width - 1;
}

/** Bigram → log2 bucket, keyed by the two UTF-16 code units (first · 65536 + second); built once, on first use. */
let bigrams: Map<number, number> | null = null;

function bigramTable(): Map<number, number> {
  if (bigrams === null) {
    bigrams = new Map();
    for (let i = 0; i < BIGRAM_BUCKETS.length; i++) {
      bigrams.set(BIGRAM_PAIRS.charCodeAt(2 * i) * 65536 + BIGRAM_PAIRS.charCodeAt(2 * i + 1), BIGRAM_BUCKETS.charCodeAt(i) - 48);
    }
  }
  return bigrams;
}

/** How common a character bigram is in running text: 0 (unseen) to 9 (see scripts/count-bigrams.mjs). */
export function bigramPlausibility(pair: string): number {
  if (pair.length !== 2) return 0;
  return bigramTable().get(pair.charCodeAt(0) * 65536 + pair.charCodeAt(1)) ?? 0;
}

/** How well box b's first line continues box a's last: the bigram across the join. */
function joinScore(table: Map<number, number>, a: Box, b: Box): number {
  return table.get(a.last.charCodeAt(a.last.length - 1) * 65536 + b.first.charCodeAt(0)) ?? 0;
}

/**
 * Boxes in reading order by continuity: a box that ends mid-sentence at its column's edge goes on in
 * a box of the same measure opening with a full line (not a paragraph's first) that is not already
 * taken, the one whose first character most plausibly follows its last (a counted bigram table),
 * the nearest among equals (most boxes are in order). Candidates lie within WINDOW boxes either
 * side, so time is linear. Returns, per box, the box that continues it or -1.
 */
function continuations(boxes: readonly Box[], back: number, ahead: number, skippable?: Uint8Array): Int32Array {
  const next = new Int32Array(boxes.length).fill(-1);
  const prev = new Int32Array(boxes.length).fill(-1);
  const pairs: { a: number; b: number; score: number; distance: number }[] = [];
  const better = (x: (typeof pairs)[number], y: (typeof pairs)[number]) => y.score - x.score || x.distance - y.distance || x.a - y.a;
  const table = bigramTable();
  for (let a = 0; a < boxes.length; a++) {
    if (!boxes[a]!.open) continue;
    // the few best candidates, kept in order by insertion (memory stays linear on huge input)
    const best: typeof pairs = [];
    // past the window, over up to two boxes of headline lines (a headline an extractor read
    // between the two halves of a sentence cut at a column's foot)
    let end = Math.min(boxes.length, a + ahead + 1);
    while (skippable && end < boxes.length && end - a - ahead <= 2 && skippable[end - 1] === 1 && end - 1 > a) end++;
    for (let b = Math.max(0, a - back); b < end; b++) {
      if (b === a || !canContinue(boxes[a]!, boxes[b]!)) continue;
      // forward first among equals: most boxes are in reading order
      const candidate = { a, b, score: joinScore(table, boxes[a]!, boxes[b]!), distance: b > a ? 2 * (b - a) - 1 : 2 * (a - b) };
      if (best.length === CANDIDATES && better(candidate, best[CANDIDATES - 1]!) >= 0) continue;
      let k = Math.min(best.length, CANDIDATES - 1);
      best[k] = candidate;
      while (k > 0 && better(best[k]!, best[k - 1]!) < 0) {
        [best[k], best[k - 1]] = [best[k - 1]!, best[k]!];
        k--;
      }
    }
    pairs.push(...best);
  }
  // best joins first, the nearest among equals
  pairs.sort(better);
  // chains as disjoint sets: a (a chain's tail) → b (a chain's head) closes a cycle exactly when
  // both are in one chain
  const parent = new Int32Array(boxes.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const { a, b } of pairs) {
    if (next[a]! >= 0 || prev[b]! >= 0) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    parent[rb] = ra;
    next[a] = b;
    prev[b] = a;
  }
  return next;
}

/**
 * The date line and the page label printed side by side at a page's head, which pdf.js joins into
 * one line (2025年4月8日 星期二 第3版, 第3版 要闻 2025年4月8日): cut where one ends and the other
 * begins, so that the page number is read. Returns the cut's index in the line, or -1.
 */
const DATE_PART = `\\d{4}年\\d{1,2}月\\d{1,2}日\\s*(?:${WEEKDAYS.join("|")})?`;
const PAGE_LABEL_PART = "第\\s*[0-9一二三四五六七八九十]+\\s*版(?:\\s*[\\u4e00-\\u9fff]{2,6})?";
const DATE_THEN_LABEL = new RegExp(`^((?:[\\u4e00-\\u9fff]{2,8}\\s*)?${DATE_PART})\\s+${PAGE_LABEL_PART}$`);
const LABEL_THEN_DATE = new RegExp(`^(${PAGE_LABEL_PART})\\s+(?:[\\u4e00-\\u9fff]{2,8}\\s*)?${DATE_PART}$`);

/** Longest line a joined date line and page label can be. */
const HEADER_MAX = 48;

function headerCut(line: string): number {
  if (line.length > HEADER_MAX) return -1;
  const m = DATE_THEN_LABEL.exec(line) ?? LABEL_THEN_DATE.exec(line);
  return m ? m[1]!.length : -1;
}

/**
 * A line closing with a photo credit (…阅读。本报记者 王明 摄): extractors set it among the text
 * beside the photo, where the layout stage would join it to a headline or a paragraph.
 */
const PHOTO_CREDIT_LINE = /^.{0,40}?(?:(?:记者|通讯员|摄影|本报)[^。！？]{0,12}? ?|[\u4e00-\u9fff]{2,3} )摄$/;

/** Prose punctuation inside a line: running text, not a headline or a label. */
const PROSE_MARK = /[，。、；：！？]/;
/** Three or more CJK characters, each one space from the next. */
const LETTER_SPACED = /^[^\s\u0000-\u007f](?: [^\s\u0000-\u007f]){2,}$/;
/** Narrowest line read as a justified line of running text (em). */
const JUSTIFIED_MIN_WIDTH = 8;

/**
 * Which pieces are justified lines of running text whose gaps the extractor wrote out as spaces
 * (家新材料企业里， 两条 新建生 产 线): wide enough for a column line, not a byline or credit, and
 * holding prose punctuation — or standing between lines that do, as wide as one of them (a line of
 * a paragraph that happens to hold no comma). Letter-spaced headlines and parallel phrases are
 * short lines without punctuation among lines without it: their spaces stay (the layout stage
 * reads them). Looks at each piece's neighbours only: linear.
 */
function justifiedPieces(text: string, lines: RawLines, pieces: readonly Piece[]): Uint8Array {
  const flags = new Uint8Array(pieces.length);
  // widths and prose marks are measured only for the pieces asked about (a candidate and its two
  // neighbours), and a piece's text is made only when it holds a space: most hold none
  const widths = new Float64Array(pieces.length).fill(NaN);
  const prose = new Int8Array(pieces.length).fill(-1);
  const widthOf = (i: number): number => {
    // (textWidth gives spaces no width: the text is measured as it is, not copied without them)
    if (Number.isNaN(widths[i])) widths[i] = textWidth(pieceText(text, pieces[i]!));
    return widths[i]!;
  };
  const proseOf = (i: number): boolean => {
    if (prose[i] === -1) {
      const t = pieceText(text, pieces[i]!);
      prose[i] = PROSE_MARK.test(t) && !BYLINE_START.test(t) && !t.endsWith("摄") ? 1 : 0;
    }
    return prose[i] === 1;
  };
  const sameBox = (i: number, j: number) => j >= 0 && j < pieces.length && !pieces[Math.max(i, j)]!.blankBefore;
  const spaces = new Int32Array(1).fill(-1);
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    // both patterns below need a space between two characters: a piece without one is neither
    if (nextIndexOf(text, " ", lines.start[p.first]!, spaces) >= lines.end[p.last]!) continue;
    const t = pieceText(text, p);
    // a letter-spaced line (市 场 焕 新 颜): the spaces are the typesetter's, not the words'
    if (LETTER_SPACED.test(t)) {
      flags[i] = 1;
      continue;
    }
    if (!CJK_SPACE.test(t) || widthOf(i) < JUSTIFIED_MIN_WIDTH || BYLINE_START.test(t) || t.endsWith("摄")) continue;
    if (proseOf(i)) flags[i] = 1;
    else if (sameBox(i, i - 1) && proseOf(i - 1) && Math.abs(widthOf(i - 1) - widthOf(i)) <= 1.5) flags[i] = 1;
    else if (sameBox(i, i + 1) && proseOf(i + 1) && Math.abs(widthOf(i + 1) - widthOf(i)) <= 1.5) flags[i] = 1;
  }
  return flags;
}

/**
 * Where `code` next occurs in text at or after `from` (text.length: nowhere), for searches whose
 * `from` never decreases: `found` holds the last answer, and a search runs only once `from` is past
 * it, so that one code's searches read the text once in all, natively.
 */
function nextIndexOf(text: string, code: string, from: number, found: Int32Array): number {
  if (found[0]! < from) {
    const k = text.indexOf(code, from);
    found[0] = k < 0 ? text.length : k;
  }
  return found[0]!;
}

/** A line a headline could be: Han characters (a leading dash for a subheadline), quotes, digits, no prose punctuation. */
const HEADLINE_SHAPED = /^(?:——|—)?[\u4e00-\u9fff\d“”‘’《》·]{4,24}$/;

/**
 * A staff line (责任编辑 王小明, 本版编辑：李华), which pdftotext reads between the two halves of a
 * sentence cut at the foot of the column beside it. (The page label and the date line read past
 * too cost pdfminer text article F1 and contributors on generated pages: left out.)
 */
const STAFF_LINE = new RegExp(
  `^(?:(?:本版)?(?:${STAFF_LINE_ROLES.join("|")})[:：]?\\s*[\\u4e00-\\u9fff·]{1,4}(?:[\\s、，,]+[\\u4e00-\\u9fff·]{1,4})*)$`,
);

/**
 * Boxes a sentence cut at a column's foot may be read past: one to three headline-shaped lines and
 * nothing else (no byline, no prose), or a staff line alone.
 */
function headlineBoxes(text: string, boxes: readonly Box[]): Uint8Array {
  const flags = new Uint8Array(boxes.length);
  boxes.forEach((box, i) => {
    if (box.pieces.length === 1 && STAFF_LINE.test(pieceText(text, box.pieces[0]!).trim())) {
      flags[i] = 1;
      return;
    }
    if (box.pieces.length > 3 || box.startsByline) return;
    const shaped = box.pieces.every((p) => {
      const t = pieceText(text, p);
      return HEADLINE_SHAPED.test(t.replace(/ +/g, "")) && (!t.includes(" ") || LETTER_SPACED.test(t));
    });
    if (shaped) flags[i] = 1;
  });
  return flags;
}

/** A space between two characters past ASCII (CJK text): a justification gap, not a word space. */
const CJK_SPACE = /[^\s\u0000-\u007f] +[^\s\u0000-\u007f]/;

function isCjkSpaceAt(text: string, k: number, start: number, end: number): boolean {
  if (text.charCodeAt(k) !== 0x20) return false;
  let a = k - 1;
  while (a >= start && text.charCodeAt(a) === 0x20) a--;
  let b = k + 1;
  while (b < end && text.charCodeAt(b) === 0x20) b++;
  return a >= start && b < end && text.charCodeAt(a) > 0x7f && text.charCodeAt(b) > 0x7f;
}

/**
 * Normalize text from a PDF extractor for the layout stage (see {@link ExtractorStyle}): `typeset`
 * text comes back as it is; otherwise split digit runs and header pieces are glued, and text boxes
 * (pdfminer, pdftotext) are put back into reading order by continuity. Lines come out one per line
 * with a blank line after each piece of running text that ends a box, every character mapped.
 */
export function normalizeExtracted(norm: MappedText, style: ExtractorStyle): MappedText {
  if (style === "typeset") return norm;
  const { text } = norm;
  const lines = linesOf(text);
  const pieces = glueDigitPieces(text, lines);
  // boxes (pdfminer, pdftotext) are only joined to the box right after them when that one goes on
  // with the sentence: moved within a window of boxes, they went wrong more often than right once
  // the split stage paired displaced headlines (see README); pdf.js text has no boxes: each piece
  // is read in place, in order
  const reorder = style !== "pdfjs";
  const boxes = reorder ? boxesOf(text, pieces) : null;
  const next = boxes ? continuations(boxes, 0, 1, headlineBoxes(text, boxes)) : null;
  const justified = justifiedPieces(text, lines, pieces);
  // photo credits and joined date lines with page labels, told by their patterns only on the few
  // pieces that end in 摄 or hold a short line with 版 (no piece's text is made for the others)
  const credits = new Uint8Array(pieces.length);
  // where a joined date line and page label are cut (-1: none); lines of one part only
  const cuts = new Int32Array(pieces.length).fill(-1);
  const labels = new Int32Array(1).fill(-1);
  let rebuild = pieces.length !== lines.count || justified.includes(1) || (next !== null && next.some((b) => b >= 0));
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const end = lines.end[p.last]!;
    // (the pattern's backtracking prefix is tried only on lines that end as it does)
    if (text.charCodeAt(end - 1) === 0x6444 /* 摄 */ && PHOTO_CREDIT_LINE.test(pieceText(text, p))) credits[i] = 1;
    const start = lines.start[p.first]!;
    if (p.first === p.last && end - start <= HEADER_MAX && nextIndexOf(text, "版", start, labels) < end) cuts[i] = headerCut(pieceText(text, p));
    if (credits[i] === 1 || cuts[i]! >= 0) rebuild = true;
  }
  // nothing glued, moved, closed up or set apart: the text as it is (time and memory stay as for typeset text)
  if (!rebuild) return norm;

  // the output text as slices of the input, each as long as the input runs on unchanged (an
  // inserted break where the text has its own line break runs on), joined once: most lines of
  // pdf.js text are kept as they are, and a slice a line was most of this stage's garbage
  const out: string[] = [];
  let runFrom = 0;
  let runTo = -1;
  const endRun = () => {
    if (runTo > runFrom) out.push(text.slice(runFrom, runTo));
    runTo = -1;
  };
  // the map in a typed array sized once (every character once, at most four inserted breaks a
  // piece), its used part returned as a view: a plain array grown by push was most of this stage's garbage
  const offsets = new Int32Array(text.length + 4 * pieces.length + 4);
  let n = 0;
  const emit = (start: number, end: number) => {
    if (start >= end) return;
    if (start !== runTo) {
      endRun();
      runFrom = start;
    }
    runTo = end;
    for (let k = start; k < end; k++) offsets[n++] = norm.offsets[k]!;
  };
  // a justified line without its gaps: the spaces between CJK characters go (white space only)
  const emitClosedUp = (start: number, end: number) => {
    let from = start;
    for (let k = start; k < end; k++) {
      if (!isCjkSpaceAt(text, k, start, end)) continue;
      if (k > from) emit(from, k);
      from = k + 1;
    }
    if (end > from) emit(from, end);
  };
  const newline = () => {
    offsets[n++] = INSERTED;
    if (runTo >= 0 && text.charCodeAt(runTo) === 0x0a) runTo++;
    else {
      endRun();
      out.push("\n");
    }
  };
  let apart = false;
  const emitPiece = (i: number) => {
    const p = pieces[i]!;
    const credit = credits[i] === 1;
    if (n > 0) newline();
    // pieces read in place keep their blank lines (boxes read in chains get one per chain); a
    // photo's caption line stands apart from the text around it
    if (n > 1 && ((p.blankBefore && !reorder) || credit || apart)) newline();
    apart = credit;
    const closeUp = justified[i] === 1;
    const cut = cuts[i]!;
    if (cut >= 0) {
      const end = lines.end[p.first]!;
      // the white space at the cut stays with the first line
      let from = lines.start[p.first]! + cut;
      while (from < end && isSpace(text.charCodeAt(from))) from++;
      emit(p.indentFrom, from);
      newline();
      emit(from, end);
      return;
    }
    if (closeUp || p.first === p.last) {
      for (let l = p.first; l <= p.last; l++) (closeUp ? emitClosedUp : emit)(l === p.first ? p.indentFrom : lines.start[l]!, lines.end[l]!);
      return;
    }
    // lines glued into one: its indent, then its text as one string (not a string a line: stacked
    // one-character lines are millions on a large page), and each line's offsets
    emit(p.indentFrom, lines.start[p.first]!);
    endRun();
    out.push(pieceText(text, p));
    for (let l = p.first; l <= p.last; l++) for (let k = lines.start[l]!; k < lines.end[l]!; k++) offsets[n++] = norm.offsets[k]!;
  };
  if (boxes === null || next === null) for (let i = 0; i < pieces.length; i++) emitPiece(i);
  else {
    // a box's pieces are pieces[boxStart[b], boxStart[b + 1]) (boxesOf takes them in order)
    const boxStart = new Int32Array(boxes.length + 1);
    for (let b = 0; b < boxes.length; b++) boxStart[b + 1] = boxStart[b]! + boxes[b]!.pieces.length;
    const taken = new Uint8Array(boxes.length);
    for (const b of next) if (b >= 0) taken[b] = 1;
    const emitted = new Uint8Array(boxes.length);
    const emitChain = (i: number) => {
      if (n > 0) newline();
      for (let k = i; k >= 0 && !emitted[k]; k = next[k]!) {
        for (let q = boxStart[k]!; q < boxStart[k + 1]!; q++) emitPiece(q);
        emitted[k] = 1;
      }
    };
    for (let i = 0; i < boxes.length; i++) if (!taken[i]) emitChain(i);
    // boxes in no chain with a head (none: joins never close a cycle), kept as a safeguard
    for (let i = 0; i < boxes.length; i++) if (!emitted[i]) emitChain(i);
  }
  endRun();
  return { text: out.join(""), offsets: offsets.subarray(0, n) };
}
