/** Checks shared by the tests of every package: where text went, and what may be dropped. */
import { isIgnorable as isIgnorableChar } from "@yk/reflow";
import type { Page } from "@yk/schema";

/** Code units whose loss is a documented normalization (white space, BOM, zero-width, controls) — reflow's rule. */
export function isIgnorable(code: number): boolean {
  return isIgnorableChar(String.fromCharCode(code));
}

/** Every raw span a page's output claims: article fields, bylines, paragraphs, captions, furniture, unassigned. */
export function pageSpans(page: Page): { start: number; end: number }[] {
  return [
    ...page.articles.flatMap((a) => [
      ...Object.values(a.fieldSpans ?? {}).flat(),
      ...(a.byline?.spans ?? []),
      ...a.paragraphs.flatMap((p) => p.spans),
      ...a.captions.flatMap((c) => [...c.spans, ...(c.credit?.spans ?? [])]),
    ]),
    ...page.furniture.flatMap((f) => f.spans),
    ...page.unassigned.flatMap((u) => u.spans),
  ];
}

/** Raw offsets of non-ignorable characters that no span covers. */
export function uncovered(raw: string, spans: readonly { start: number; end: number }[]): number[] {
  const covered = new Uint8Array(raw.length);
  for (const s of spans) covered.fill(1, s.start, s.end);
  const lost: number[] = [];
  for (let i = 0; i < raw.length; i++) if (!covered[i] && !isIgnorable(raw.charCodeAt(i))) lost.push(i);
  return lost;
}
