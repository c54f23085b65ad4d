/** Checks shared by the hostile-input tests of every package. */

/** Code units whose loss is a documented normalization (white space, BOM, zero-width, controls). */
export function isIgnorable(code: number): boolean {
  return (
    code <= 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    code === 0x205f ||
    code === 0x2060
  );
}

/** Raw offsets of non-ignorable characters that no span covers. */
export function uncovered(raw: string, spans: readonly { start: number; end: number }[]): number[] {
  const covered = new Uint8Array(raw.length);
  for (const s of spans) covered.fill(1, s.start, s.end);
  const lost: number[] = [];
  for (let i = 0; i < raw.length; i++) if (!covered[i] && !isIgnorable(raw.charCodeAt(i))) lost.push(i);
  return lost;
}
