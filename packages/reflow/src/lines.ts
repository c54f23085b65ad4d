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

function isCjk(ch: string): boolean {
  return isHan(ch) || isCjkPunctuation(ch);
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

function isSpaceChar(ch: string): boolean {
  return ch === " " || ch === "\u3000";
}

/** Split normalized text into non-empty lines, counting the line breaks between them. */
export function splitLines(norm: MappedText): Line[] {
  const lines: Line[] = [];
  const { text, offsets } = norm;
  let newlines = 0;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = n;
    let s = start;
    let e = end;
    while (s < e && (text[s] === " " || text[s] === "\u3000")) s++;
    while (e > s && (text[e - 1] === " " || text[e - 1] === "\u3000")) e--;
    if (e > s) {
      // the lead is spaces only: an indent when two or more, or one ideographic space
      const indent = s - start >= 2 || (s - start === 1 && text.charCodeAt(start) === 0x3000);
      lines.push(cleanLine(text, offsets, s, e, lines.length, newlines === 0 ? 0 : newlines, indent));
      newlines = 0;
    }
    newlines++;
    start = end + 1;
  }
  return lines;
}

/**
 * Remove justification spaces from one line and measure it.
 *
 * A space between CJK and a digit or Latin letter comes from the extractor (a font switch or a
 * widened gap) and goes. Spaces between CJK characters go when the line is letter-spaced —
 * most CJK gaps carry one — and otherwise stay as meaningful (headline phrases, bylines).
 * Spaces between Latin words or numbers stay.
 */
function cleanLine(text: string, offsets: Offsets, s: number, e: number, index: number, newlinesBefore: number, indent: boolean): Line {
  // Fast path: most lines carry no space at all; their map is a plain slice and nothing is spread.
  let hasSpace = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x3000) {
      hasSpace = true;
      break;
    }
  }
  if (!hasSpace) {
    const out = text.slice(s, e);
    return {
      index,
      raw: { start: offsets[s]!, end: offsets[e - 1]! + 1 },
      // a view of the page's map, not a copy (a copy per line was most of reflow's garbage)
      content: { text: out, offsets: subarray(offsets, s, e) },
      width: textWidth(out),
      indent,
      spread: false,
      newlinesBefore,
      endsSentence: endsSentence(out),
      meaningfulSpace: false,
      spaceOnlyInBylineBrackets: false,
    };
  }
  // Count CJK-to-CJK gaps and how many of them are spaced, to tell letter-spacing from word spaces.
  let cjkGaps = 0;
  let spacedCjkGaps = 0;
  let glyphs = 0;
  let prev = "";
  let spaced = false;
  for (let i = s; i < e; i++) {
    const ch = text[i]!;
    if (isSpaceChar(ch)) {
      spaced = true;
      continue;
    }
    glyphs++;
    if (prev && isCjk(prev) && isCjk(ch)) {
      cjkGaps++;
      if (spaced) spacedCjkGaps++;
    }
    prev = ch;
    spaced = false;
  }
  const spread = glyphs >= 8 && spacedCjkGaps >= 3 && spacedCjkGaps * 2 >= cjkGaps;

  const parts: string[] = [];
  const outOffsets: number[] = [];
  let removedMixedSpaces = 0;
  let keptSpaces = 0;
  let meaningfulSpace = false;
  let bracketDepth = 0;
  let spaceOutsideByline = false;
  let i = s;
  while (i < e) {
    // copy the run of non-space characters in one slice, tracking bracket depth for byline spaces
    let j = i;
    while (j < e) {
      const c = text.charCodeAt(j);
      if (c === 0x20 || c === 0x3000) break;
      if (c === 0xff08 || c === 0x28) bracketDepth++;
      else if ((c === 0xff09 || c === 0x29) && bracketDepth > 0) bracketDepth--;
      j++;
    }
    if (j > i) {
      parts.push(text.slice(i, j));
      for (let k = i; k < j; k++) outOffsets.push(offsets[k]!);
    }
    if (j >= e) break;
    // a run of spaces: decide once for the run
    let k = j;
    while (k < e && isSpaceChar(text[k]!)) k++;
    const before = text[j - 1]!;
    const after = text[k]!;
    if (keepSpace(before, after, spread)) {
      keptSpaces++;
      parts.push(" ");
      outOffsets.push(offsets[j]!);
      if (isCjk(before) && isCjk(after)) {
        meaningfulSpace = true;
        // 本报北京9月30日电  （记者 王明）: the space before a byline's bracket belongs to the byline too
        const besideBracket = before === "）" || before === ")" || after === "（" || after === "(";
        if (bracketDepth === 0 && !besideBracket) spaceOutsideByline = true;
      }
    } else if ((isAsciiAlnum(before) && isCjk(after)) || (isCjk(before) && isAsciiAlnum(after))) {
      removedMixedSpaces++;
    }
    i = k;
  }
  const out = parts.join("");
  const content = { text: out, offsets: outOffsets };
  // A removed space beside a digit or Latin word still took print width (CJK–Latin spacing);
  // a kept word space takes half an em.
  const width = textWidth(out) + 0.25 * removedMixedSpaces + 0.5 * keptSpaces;
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

function keepSpace(before: string, after: string, spread: boolean): boolean {
  // a letter-spaced line spreads the digits of a number too: 2 0 1 7年
  if (spread && isDigit(before) && isDigit(after)) return false;
  const latinOrDigitBefore = isLatinLetter(before) || isDigit(before);
  const latinOrDigitAfter = isLatinLetter(after) || isDigit(after);
  if (latinOrDigitBefore && latinOrDigitAfter) return true; // "Hello world", "3 000"
  if (isCjk(before) && isCjk(after)) return !spread;
  if (isCjk(before) || isCjk(after)) return false; // CJK beside Latin, digits or symbols: justification
  // Latin text with ASCII punctuation ("Monday, and"): a word space
  return true;
}
