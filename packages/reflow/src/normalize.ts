import type { MappedText } from "./mapped-text.js";
import { isWhiteCode, tallyFull, tallyLine, type StyleTally } from "./extractors.js";

/**
 * What one raw UTF-16 code unit becomes: itself (undefined), a replacement, or nothing ("").
 *
 * Documented normalizations (the only ways a character may change or vanish):
 * - CRLF and lone CR become LF; U+2028/U+2029 become LF;
 * - BOM, zero-width characters (U+200B–U+200F, U+2060) and control characters other than
 *   LF and TAB are dropped;
 * - NBSP, TAB and the typographic spaces U+2000–U+200A, U+202F, U+205F become a plain space;
 * - the ideographic space U+3000 is kept (it marks surviving paragraph indents) and is
 *   treated as white space by later stages;
 * - full-width ASCII letters and digits (Ａ–Ｚ, ａ–ｚ, ０–９) become half-width. Nothing else is
 *   folded: CJK punctuation such as ，。“” stays full-width (this is not NFKC).
 */
function replacement(raw: string, i: number): string | undefined {
  const c = raw.charCodeAt(i);
  if (c >= 0x20 && c < 0x7f) return undefined;
  if (c === 0x0a) return undefined;
  if (c === 0x0d) return raw.charCodeAt(i + 1) === 0x0a ? "" : "\n";
  if (c === 0x2028 || c === 0x2029) return "\n";
  if (c === 0x09 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f) return " ";
  if (c === 0xfeff || (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c < 0x20 || (c >= 0x7f && c < 0xa0)) return "";
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) {
    return String.fromCharCode(c - 0xfee0);
  }
  return undefined;
}

/**
 * The code units {@link replacement} may change, and only those (a CR before LF and the ASCII range
 * are decided there): a page's Han characters, quotes, dashes, ellipses and middle dots (“”—…·) are
 * told apart by two comparisons, the common ones first.
 */
function isSuspect(c: number): boolean {
  if (c > 0x2060) return c >= 0xfeff && (c === 0xfeff || (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a));
  if (c < 0x7f) return c < 0x20 && c !== 0x0a;
  if (c <= 0xa0) return true;
  return c >= 0x2000 && (c <= 0x200f || c === 0x2028 || c === 0x2029 || c === 0x202f || c >= 0x205f);
}

/** Normalize raw extracted text (see {@link replacement}), keeping a map to raw offsets. */
export function normalize(raw: string): MappedText {
  return normalizeTallying(raw, null);
}

/**
 * {@link normalize}, and, given a tally, the counts that tell the text's extractor style made in
 * the same pass over the raw code units (see styleCounts: the same counts, no second pass over
 * the text to make them).
 */
export function normalizeTallying(raw: string, tally: StyleTally | null): MappedText {
  // sized once (normalization never lengthens the text), a view of its used part at the end: no
  // regrowth copies, and lines take views of it instead of copies
  const offsets = new Int32Array(raw.length);
  // one loop over code units, no pattern: most text has nothing to change and comes back as it is,
  // the same string; otherwise the runs between changes are copied as slices, joined once
  let parts: string[] | null = null;
  let n = 0;
  let copied = 0; // raw offset up to which input has been copied
  // the raw line being read for the tally: its first and last non-white-space code unit, whether a
  // space, CR or form feed came after its first (and so lies inside it once another follows)
  const counting = tally !== null;
  let first = -1;
  let last = -1;
  let sawSpace = false;
  let sawStrip = false;
  let spaced = false;
  let stripped = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!isSuspect(c)) {
      offsets[n++] = i;
      if (!counting) continue;
      // the white space left unsuspected: LF, the space, U+3000 and U+1680
      if (c === 0x0a) {
        if (!tallyFull(tally)) tallyLine(tally, raw, first, last, stripped, spaced);
        first = -1;
        sawSpace = sawStrip = spaced = stripped = false;
      } else if (c === 0x20) sawSpace = first >= 0;
      else if (c !== 0x3000 && c !== 0x1680) {
        if (first < 0) first = i;
        else if (sawSpace || sawStrip) {
          spaced ||= sawSpace;
          stripped ||= sawStrip;
        }
        last = i;
      }
      continue;
    }
    if (counting) {
      if (!isWhiteCode(c)) {
        if (first < 0) first = i;
        else if (sawSpace || sawStrip) {
          spaced ||= sawSpace;
          stripped ||= sawStrip;
        }
        last = i;
      } else if ((c === 0x0d || c === 0x0c) && first >= 0) sawStrip = true;
    }
    const r = replacement(raw, i);
    if (r === undefined) {
      offsets[n++] = i;
      continue;
    }
    parts ??= [];
    if (i > copied) parts.push(raw.slice(copied, i));
    if (r !== "") {
      parts.push(r);
      offsets[n++] = i;
    }
    copied = i + 1;
  }
  if (counting && !tallyFull(tally)) tallyLine(tally, raw, first, last, stripped, spaced);
  if (parts === null) return { text: raw, offsets: offsets.subarray(0, n) };
  if (raw.length > copied) parts.push(raw.slice(copied));
  return { text: parts.join(""), offsets: offsets.subarray(0, n) };
}
