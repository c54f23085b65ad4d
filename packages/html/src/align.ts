import type { Span } from "@yk/schema";

const SKIPPABLE = /[\s\u3000\u200b\ufeff]/;

/**
 * Where each code unit of a field's text sits in the raw page (-1 for white space the raw text
 * lacks), or null when the text cannot be found there. Reflow builds a field's text from its raw spans by dropping line breaks and
 * justification spaces only, so walking the spans and skipping white space recovers the
 * offsets; a field whose characters were changed on the way (none today) gets null and its
 * mentions fall back to the field's spans.
 */
export function alignField(raw: string, spans: readonly Span[], text: string): Int32Array | null {
  const map = new Int32Array(text.length);
  let s = 0;
  let p = spans[0]?.start ?? 0;
  chars: for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    for (;;) {
      const span = spans[s];
      if (!span) {
        if (!SKIPPABLE.test(c)) return null;
        map[i] = -1;
        continue chars;
      }
      if (p < span.start) p = span.start;
      if (p >= span.end || p >= raw.length) {
        s++;
        continue;
      }
      const r = raw[p]!;
      if (r === c) break;
      if (SKIPPABLE.test(r)) {
        p++;
        continue;
      }
      // white space of the field's own (a byline's inner space over a line break): no raw position
      if (SKIPPABLE.test(c)) break;
      return null;
    }
    if (raw[p] === c) map[i] = p++;
    else map[i] = -1;
  }
  return map;
}

/** The raw spans of `[start, end)` of a field's text, one per unbroken run of raw offsets. */
export function rawSpansOf(map: Int32Array, start: number, end: number): Span[] {
  const out: Span[] = [];
  for (let i = start; i < end && i < map.length; i++) {
    const at = map[i]!;
    if (at < 0) continue;
    const last = out[out.length - 1];
    if (last && last.end === at) last.end = at + 1;
    else out.push({ start: at, end: at + 1 });
  }
  return out;
}
