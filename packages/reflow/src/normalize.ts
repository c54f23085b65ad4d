import type { MappedText } from "./mapped-text.js";

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
 * The code units {@link replacement} changes, and only those: a page's quotes, dashes, ellipses
 * and middle dots (“”—…·) are left to the regex engine, not each matched and then kept.
 */
const SUSPECT = /[\x00-\x09\x0b-\x1f\x7f-\xa0\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\ufeff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

/** Normalize raw extracted text (see {@link replacement}), keeping a map to raw offsets. */
export function normalize(raw: string): MappedText {
  const parts: string[] = [];
  // sized once (normalization never lengthens the text), a view of its used part at the end: no
  // regrowth copies, and lines take views of it instead of copies
  const offsets = new Int32Array(raw.length);
  let n = 0;
  let copied = 0; // raw offset up to which input has been copied
  const copy = (to: number) => {
    if (to <= copied) return;
    parts.push(raw.slice(copied, to));
    for (let k = copied; k < to; k++) offsets[n++] = k;
  };
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(raw); m !== null; m = SUSPECT.exec(raw)) {
    const i = m.index;
    const r = replacement(raw, i);
    if (r === undefined) continue;
    copy(i);
    if (r !== "") {
      parts.push(r);
      offsets[n++] = i;
    }
    copied = i + 1;
  }
  copy(raw.length);
  return { text: parts.join(""), offsets: offsets.subarray(0, n) };
}
