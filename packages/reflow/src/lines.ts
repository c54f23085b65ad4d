import * as lexicon from "@yk/lexicon";
import type { MappedText, Offsets, Span } from "./mapped-text.js";

// Bound once: in the CommonJS build every call through a package namespace is a getter call.
const { isHan, isCjkPunctuation, isAsciiAlnum, isDigit, isLatinLetter, textWidth, endsSentence } = lexicon;

/** One printed line after cleaning. */
export interface Line {
  /** Position among the page's non-empty lines. */
  index: number;
  /** Raw span of the whole line, without its line break. */
  raw: Span;
  /** The line with justification spaces removed and meaningful spaces kept (one space each). */
  content: MappedText;
  /** Printed width in em: a Han character is 1 (see `charWidth` in @yk/lexicon). */
  width: number;
  /** The line kept a paragraph indent (ideographic spaces or two or more spaces). */
  indent: boolean;
  /** Glyphs were spread by justification (spaces between most characters): never paragraph-final. */
  spread: boolean;
  /** Line breaks since the previous non-empty line (1: no blank line between them). */
  newlinesBefore: number;
  endsSentence: boolean;
  /** A space between CJK words survived cleaning (headline phrases, bylines, credits). */
  meaningfulSpace: boolean;
  /** All meaningful spaces sit inside brackets or right after a closing bracket that more text follows (本报讯（记者 X） 日前…). */
  spaceOnlyInBylineBrackets: boolean;
}

/** Classes of a code unit, as the lexicon's tests read it (bits below, KNOWN once worked out). */
const CJK = 1;
const DIGIT = 2;
const LATIN = 4;
const ASCII_ALNUM = 8;
const KNOWN = 16;
/** A code unit's classes, worked out on first use: the loops below read code units, not strings. */
const classes = new Uint8Array(65536);

function classOf(c: number): number {
  let k = classes[c]!;
  if (k === 0) {
    // the lexicon's tests read a character's first code unit: one code unit decides each of them
    const ch = String.fromCharCode(c);
    k = KNOWN | (isHan(ch) || isCjkPunctuation(ch) ? CJK : 0) | (isDigit(ch) ? DIGIT : 0) | (isLatinLetter(ch) ? LATIN : 0) | (isAsciiAlnum(ch) ? ASCII_ALNUM : 0);
    classes[c] = k;
  }
  return k;
}

function isCjk(c: number): boolean {
  return (classOf(c) & CJK) !== 0;
}

/**
 * A line's part of the page's map: a view for a long line (no copy), a small plain array for a
 * short one (a typed-array view is a larger object than the few numbers it would share: pages
 * of one-character lines kept millions of them).
 */
function subarray(offsets: Offsets, start: number, end: number): Offsets {
  if (end - start > 8 && offsets instanceof Int32Array) return offsets.subarray(start, end);
  const out: number[] = new Array(end - start);
  for (let k = start; k < end; k++) out[k - start] = offsets[k]!;
  return out;
}

/** Width of each code unit in quarter ems as `textWidth` of @yk/lexicon counts it; 255: not asked yet. */
const quarters = new Uint8Array(65536).fill(255);

/**
 * A code unit's width in quarter ems, asked of the lexicon once: a line's width is summed in the
 * same loop that looks for its spaces, not in a second pass over its text.
 */
function quartersOf(c: number): number {
  let q = quarters[c]!;
  if (q === 255) {
    q = textWidth(String.fromCharCode(c)) * 4;
    quarters[c] = q;
  }
  return q;
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x3000;
}

/** Split normalized text into non-empty lines, counting the line breaks between them. */
export function splitLines(norm: MappedText): Line[] {
  const lines: Line[] = [];
  const { text, offsets } = norm;
  let newlines = 0;
  let start = 0;
  const n = text.length;
  // the code units and raw offsets of a line being cleaned, made for the first line with spaces,
  // grown as needed
  let codes: Uint16Array | null = null;
  let map: Int32Array | null = null;
  while (start <= n) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = n;
    let s = start;
    let e = end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      // the lead is spaces only: an indent when two or more, or one ideographic space
      const indent = s - start >= 2 || (s - start === 1 && text.charCodeAt(start) === 0x3000);
      // one loop over the line: its width, and whether it holds a space at all (most lines hold none)
      let q = 0;
      let spaced = false;
      for (let i = s; i < e; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x20 || c === 0x3000) spaced = true;
        else q += quartersOf(c);
      }
      const index = lines.length;
      if (spaced && (codes === null || codes.length < e - s)) {
        codes = new Uint16Array(Math.max(256, 2 * (e - s)));
        map = new Int32Array(codes.length);
      }
      lines.push(spaced ? cleanLine(text, offsets, s, e, index, newlines, indent, q, codes!, map!) : plainLine(text, offsets, s, e, index, newlines, indent, q));
      newlines = 0;
    }
    newlines++;
    start = end + 1;
  }
  return lines;
}

/** A line without spaces (most lines): its text is a slice, its map a view of the page's, nothing spread. */
function plainLine(text: string, offsets: Offsets, s: number, e: number, index: number, newlinesBefore: number, indent: boolean, widthQuarters: number): Line {
  const out = text.slice(s, e);
  return {
    index,
    raw: { start: offsets[s]!, end: offsets[e - 1]! + 1 },
    // a view of the page's map, not a copy (a copy per line was most of reflow's garbage)
    content: { text: out, offsets: subarray(offsets, s, e) },
    width: widthQuarters / 4,
    indent,
    spread: false,
    newlinesBefore,
    endsSentence: endsSentence(out),
    meaningfulSpace: false,
    spaceOnlyInBylineBrackets: false,
  };
}

/**
 * Remove justification spaces from one line and measure it (`widthQuarters`: its glyphs' width).
 *
 * A space between CJK and a digit or Latin letter comes from the extractor (a font switch or a
 * widened gap) and goes. Spaces between CJK characters go when the line is letter-spaced —
 * most CJK gaps carry one — and otherwise stay as meaningful (headline phrases, bylines).
 * Spaces between Latin words or numbers stay.
 */
function cleanLine(text: string, offsets: Offsets, s: number, e: number, index: number, newlinesBefore: number, indent: boolean, widthQuarters: number, codes: Uint16Array, map: Int32Array): Line {
  // Count CJK-to-CJK gaps and how many of them are spaced, to tell letter-spacing from word spaces.
  let cjkGaps = 0;
  let spacedCjkGaps = 0;
  let glyphs = 0;
  let spaceRuns = 0;
  let prevCjk = false;
  let spaced = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (!spaced) spaceRuns++;
      spaced = true;
      continue;
    }
    glyphs++;
    const cjk = isCjk(c);
    if (prevCjk && cjk) {
      cjkGaps++;
      if (spaced) spacedCjkGaps++;
    }
    prevCjk = cjk;
    spaced = false;
  }
  const spread = glyphs >= 8 && spacedCjkGaps >= 3 && spacedCjkGaps * 2 >= cjkGaps;

  // The kept text: a few slices joined when the line has a few spaces (most spaced lines: 聚焦项目建设
  // 推动高质量发展); when it has many (a letter-spaced line, a slice a character) its kept code
  // units, written to `codes`, decoded at once.
  const parts: string[] | null = spaceRuns <= SLICED_SPACE_RUNS ? [] : null;
  let length = 0;
  let surrogates = false;
  let removedMixedSpaces = 0;
  let keptSpaces = 0;
  let meaningfulSpace = false;
  let bracketDepth = 0;
  let spaceOutsideByline = false;
  let i = s;
  while (i < e) {
    // copy the run of non-space characters, tracking bracket depth for byline spaces
    let j = i;
    while (j < e) {
      const c = text.charCodeAt(j);
      if (c === 0x20 || c === 0x3000) break;
      if (c === 0xff08 || c === 0x28) bracketDepth++;
      else if ((c === 0xff09 || c === 0x29) && bracketDepth > 0) bracketDepth--;
      else if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
      map[length] = offsets[j]!;
      codes[length++] = c;
      j++;
    }
    if (parts !== null && j > i) parts.push(text.slice(i, j));
    if (j >= e) break;
    // a run of spaces: decide once for the run
    let k = j;
    while (k < e && isSpaceCode(text.charCodeAt(k))) k++;
    const before = classOf(text.charCodeAt(j - 1));
    const after = classOf(text.charCodeAt(k));
    if (keepSpace(before, after, spread)) {
      keptSpaces++;
      map[length] = offsets[j]!;
      codes[length++] = 0x20;
      parts?.push(" ");
      if (before & after & CJK) {
        meaningfulSpace = true;
        // 本报北京9月30日电  （记者 王明）: the space before a byline's bracket belongs to the byline too
        const b = text.charCodeAt(j - 1);
        const a = text.charCodeAt(k);
        const besideBracket = b === 0xff09 || b === 0x29 || a === 0xff08 || a === 0x28;
        if (bracketDepth === 0 && !besideBracket) spaceOutsideByline = true;
      }
    } else if ((before & ASCII_ALNUM && after & CJK) || (before & CJK && after & ASCII_ALNUM)) {
      removedMixedSpaces++;
    }
    i = k;
  }
  // the line's map, a plain array of exactly its length (no regrowth, no cut: setting an array's
  // length is a runtime call)
  const outOffsets: number[] = new Array(length);
  for (let k = 0; k < length; k++) outOffsets[k] = map[k]!;
  const out = parts !== null ? parts.join("") : stringOf(codes, length, surrogates);
  const content = { text: out, offsets: outOffsets };
  // A removed space beside a digit or Latin word still took print width (CJK–Latin spacing);
  // a kept word space takes half an em. (The glyphs' width is the kept text's: spaces are no glyphs.)
  const width = widthQuarters / 4 + 0.25 * removedMixedSpaces + 0.5 * keptSpaces;
  return {
    index,
    raw: { start: offsets[s]!, end: offsets[e - 1]! + 1 },
    content,
    width,
    indent,
    spread,
    newlinesBefore,
    endsSentence: endsSentence(out),
    meaningfulSpace,
    spaceOnlyInBylineBrackets: meaningfulSpace && !spaceOutsideByline,
  };
}

/** Up to this many runs of spaces in a line, its kept text is made of slices; past it, decoded from code units. */
const SLICED_SPACE_RUNS = 4;

/** Decodes code units without a byte-order mark read as one (U+FEFF stays a character). */
const UTF16 = new TextDecoder("utf-16le", { ignoreBOM: true });

/**
 * The string of codes[0, length): decoded in one call; a lone surrogate, which a decoder would
 * replace, is kept as it is by String.fromCharCode (a chunk at a time, within argument limits).
 */
function stringOf(codes: Uint16Array, length: number, surrogates: boolean): string {
  if (!surrogates) return UTF16.decode(codes.subarray(0, length));
  const chunks: string[] = [];
  for (let k = 0; k < length; k += 4096) chunks.push(String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + 4096)) as unknown as number[]));
  return chunks.join("");
}

/** Is a run of spaces between characters of these classes (see classOf) a word space? */
function keepSpace(before: number, after: number, spread: boolean): boolean {
  // a letter-spaced line spreads the digits of a number too: 2 0 1 7年
  if (spread && before & DIGIT && after & DIGIT) return false;
  const latinOrDigitBefore = (before & (LATIN | DIGIT)) !== 0;
  const latinOrDigitAfter = (after & (LATIN | DIGIT)) !== 0;
  if (latinOrDigitBefore && latinOrDigitAfter) return true; // "Hello world", "3 000"
  if (before & after & CJK) return !spread;
  if ((before | after) & CJK) return false; // CJK beside Latin, digits or symbols: justification
  // Latin text with ASCII punctuation ("Monday, and"): a word space
  return true;
}
