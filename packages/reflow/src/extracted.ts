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

const { endsSentence, textWidth, isHan, isDigit, BYLINE_ROLES, DATELINE_AGENCIES } = lexicon;

/** One non-empty line of the normalized text: [start, end) without its break, trimmed of spaces. */
interface RawLine {
  /** Where the line begins, its indent included. */
  from: number;
  start: number;
  end: number;
  /** A blank line lies between this line and the previous one. */
  blankBefore: boolean;
}

/** A piece of output: lines glued into one (digit runs) are one piece. */
interface Piece {
  parts: { start: number; end: number }[];
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

/** Text boxes looked at, before and after a box, for its continuation: bounded, so time stays linear. */
const WINDOW = 48;
/** Candidates kept per box: memory stays linear on huge input. */
const CANDIDATES = 4;

function linesOf(text: string): RawLine[] {
  const lines: RawLine[] = [];
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
      lines.push({ from: start, start: s, end: e, blankBefore: blank && lines.length > 0 });
      blank = false;
    } else if (lines.length > 0) blank = true;
    start = end + 1;
  }
  return lines;
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
function glueDigitPieces(text: string, lines: readonly RawLine[]): Piece[] {
  const pieces: Piece[] = [];
  let glueNext = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = pieces[pieces.length - 1];
    const next = lines[i + 1];
    // (the length first: nearly every line is longer than a piece, and the slice is not made for it)
    const isPiece = line.end - line.start <= 4 && DIGIT_PIECE.test(text.slice(line.start, line.end));
    const gluesBack: boolean = prev !== undefined && !line.blankBefore && (glueNext || (isPiece && next !== undefined && continuesNumber(text, prev, line, next)));
    if (gluesBack) prev!.parts.push({ start: line.start, end: line.end });
    else pieces.push({ parts: [{ start: line.start, end: line.end }], indentFrom: line.from, blankBefore: line.blankBefore });
    // a glued piece takes the next line too (2 / 011. / 5. / 24 星期二: each piece glues the next)
    glueNext = gluesBack && isPiece && next !== undefined && !next.blankBefore && (isDigit(text[next.start]!) || text[next.start] === "." || isHan(text[next.start]!));
  }
  return pieces;
}

/**
 * Does a lone digit piece sit inside a number broken across lines? Its previous line ends with a
 * digit or a dot (全县 6 / 0 / 余名, 2 / 011.), or is running text ending in a Han character while
 * the next line opens with the rest of the number and its unit (5月 / 1 / 5日是). A page number
 * between a section name and the date line (民生 / 07 / 2019年…) is none of these.
 */
function continuesNumber(text: string, prev: Piece, line: RawLine, next: RawLine): boolean {
  if (next.blankBefore) return false;
  const last = prev.parts[prev.parts.length - 1]!;
  const before = text[last.end - 1]!;
  if (isDigit(before) || before === ".") return isDigit(text[next.start]!) || isHan(text[next.start]!) || text[next.start] === ".";
  if (!isHan(before) || textWidth(pieceText(text, prev)) < 6) return false;
  return /^\d{1,3}[\u4e00-\u9fff]/.test(text.slice(next.start, next.start + 4));
}

function pieceText(text: string, p: Piece): string {
  return p.parts.map((r) => text.slice(r.start, r.end)).join("");
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
function continuations(boxes: readonly Box[], back: number, ahead: number): Int32Array {
  const next = new Int32Array(boxes.length).fill(-1);
  const prev = new Int32Array(boxes.length).fill(-1);
  const pairs: { a: number; b: number; score: number; distance: number }[] = [];
  const better = (x: (typeof pairs)[number], y: (typeof pairs)[number]) => y.score - x.score || x.distance - y.distance || x.a - y.a;
  const table = bigramTable();
  for (let a = 0; a < boxes.length; a++) {
    if (!boxes[a]!.open) continue;
    // the few best candidates, kept in order by insertion (memory stays linear on huge input)
    const best: typeof pairs = [];
    for (let b = Math.max(0, a - back); b < Math.min(boxes.length, a + ahead + 1); b++) {
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
  // pdftotext's blocks are reordered within WINDOW either side; pdfminer's boxes are only joined to
  // the box right after them (moved, they went wrong more often than right: its boxes are small
  // and many share one measure, see README); pdf.js text has no boxes
  const reorder = style !== "pdfjs";
  // pdf.js text moves nothing: with nothing glued either, it is read as it is (its boxes, made
  // only to be emitted in place, would cost more than the rest of reflow)
  if (!reorder && pieces.length === lines.length) return norm;
  const boxes = reorder ? boxesOf(text, pieces) : pieces.map((p) => boxesOf(text, [p])[0]!);
  const next = !reorder ? new Int32Array(boxes.length).fill(-1) : style === "pdftotext" ? continuations(boxes, WINDOW, WINDOW) : continuations(boxes, 0, 1);
  // nothing glued and nothing moved: the text as it is (time and memory stay as for typeset text)
  if (pieces.length === lines.length && next.every((b) => b < 0)) return norm;
  const taken = new Uint8Array(boxes.length);
  for (const b of next) if (b >= 0) taken[b] = 1;

  const out: string[] = [];
  const offsets: number[] = [];
  const emit = (start: number, end: number) => {
    out.push(text.slice(start, end));
    for (let k = start; k < end; k++) offsets.push(norm.offsets[k]!);
  };
  const newline = () => {
    out.push("\n");
    offsets.push(INSERTED);
  };
  const emitBox = (box: Box) => {
    for (const p of box.pieces) {
      if (offsets.length > 0) newline();
      // pieces read in place keep their blank lines (boxes read in chains get one per chain)
      if (offsets.length > 1 && p.blankBefore && !reorder) newline();
      p.parts.forEach((r, k) => emit(k === 0 ? p.indentFrom : r.start, r.end));
    }
  };
  const emitted = new Uint8Array(boxes.length);
  const emitChain = (i: number) => {
    if (offsets.length > 0 && reorder) newline();
    for (let k = i; k >= 0 && !emitted[k]; k = next[k]!) {
      emitBox(boxes[k]!);
      emitted[k] = 1;
    }
  };
  for (let i = 0; i < boxes.length; i++) if (!taken[i]) emitChain(i);
  // boxes in no chain with a head (none: joins never close a cycle), kept as a safeguard
  for (let i = 0; i < boxes.length; i++) if (!emitted[i]) emitChain(i);
  return { text: out.join(""), offsets: Int32Array.from(offsets) };
}
