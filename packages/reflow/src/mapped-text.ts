/**
 * Text that remembers where each of its UTF-16 code units came from in the raw input.
 * `offsets[i]` is the raw offset of `text[i]`, or -1 for text the pipeline inserted
 * (a space between Latin words joined across lines).
 */
export interface MappedText {
  readonly text: string;
  readonly offsets: Offsets;
}

/**
 * Raw offset per UTF-16 code unit. Paragraphs keep theirs in an Int32Array: its memory lies
 * outside the garbage-collected heap, which keeps GC work flat on very large pages.
 */
export type Offsets = readonly number[] | Int32Array;

/** A range of the raw input: UTF-16 code units, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

export const INSERTED = -1;

export function mappedText(text: string, offsets: Offsets): MappedText {
  return { text, offsets };
}

/** Part of a mapped text; a map held in an Int32Array is shared (a view), not copied. */
export function sliceMapped(m: MappedText, start: number, end = m.text.length): MappedText {
  const offsets = m.offsets;
  // (a typed-array copy costs about ten times its view: bylines and bodies are cut off every paragraph)
  return { text: m.text.slice(start, end), offsets: offsets instanceof Int32Array ? offsets.subarray(start, end) : offsets.slice(start, end) };
}

export function concatMapped(parts: readonly MappedText[]): MappedText {
  const offsets = new Int32Array(parts.reduce((n, p) => n + p.offsets.length, 0));
  let at = 0;
  for (const p of parts) {
    offsets.set(p.offsets, at);
    at += p.offsets.length;
  }
  return { text: parts.map((p) => p.text).join(""), offsets };
}

/** Trim white space at both ends, keeping the map aligned. */
export function trimMapped(m: MappedText): MappedText {
  let s = 0;
  let e = m.text.length;
  const t = m.text;
  while (s < e && isWhiteSpaceCode(t.charCodeAt(s))) s++;
  while (e > s && isWhiteSpaceCode(t.charCodeAt(e - 1))) e--;
  return s === 0 && e === t.length ? m : sliceMapped(m, s, e);
}

/**
 * What /\s/ matches (ECMAScript WhiteSpace and LineTerminator), read as a code unit: neither a
 * one-character string nor a pattern object per character.
 */
function isWhiteSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Characters whose loss is a documented normalization: white space, BOM, zero-width and control characters. */
export function isIgnorable(ch: string): boolean {
  return isIgnorableCode(ch.charCodeAt(0));
}

function isIgnorableCode(c: number): boolean {
  return (
    c <= 0x20 ||
    (c >= 0x7f && c <= 0xa0) ||
    c === 0x3000 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202f) ||
    c === 0x205f ||
    c === 0x2060
  );
}

function gapIsIgnorable(raw: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    // (code units, not one-character strings: this runs at every gap of every paragraph)
    const c = raw.charCodeAt(k);
    if (isIgnorableCode(c)) continue;
    // a hyphen that broke a Latin word at a line end is removed by the join
    if (c === 0x2d && k + 1 < to && (raw.charCodeAt(k + 1) === 0x0a || raw.charCodeAt(k + 1) === 0x0d)) continue;
    return false;
  }
  return true;
}

/**
 * The raw spans a mapped text came from. Neighbouring characters merge into one span when
 * what lies between them in the raw input was only dropped by normalization (white space,
 * line breaks, justification spaces), so a paragraph usually has one span per column run.
 * Pass `raw` to merge across such gaps; without it only adjacent offsets merge.
 */
export function spansOf(m: MappedText, raw?: string): Span[] {
  const spans: Span[] = [];
  const offsets = m.offsets;
  let start = -1; // the open span, [start, end)
  let end = -1;
  for (let i = 0; i < offsets.length; i++) {
    const o = offsets[i]!;
    if (o < 0) continue;
    if (o === end || (start >= 0 && raw !== undefined && o > end && gapIsIgnorable(raw, end, o))) {
      end = o + 1;
      continue;
    }
    if (start >= 0) spans.push({ start, end });
    start = o;
    end = o + 1;
  }
  if (start >= 0) spans.push({ start, end });
  return spans;
}
