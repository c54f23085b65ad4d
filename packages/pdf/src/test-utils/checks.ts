/** Checks any parsed page must pass, whatever its layout. */
import type { Page, Span } from "@yk/schema";
import type { PageRegions } from "../page.js";

function allSpans(page: Page): Span[] {
  const spans: Span[] = [];
  for (const a of page.articles) {
    if (a.fieldSpans) spans.push(...a.fieldSpans.kicker, ...a.fieldSpans.headline, ...a.fieldSpans.subheadline);
    if (a.byline) spans.push(...a.byline.spans);
    for (const p of a.paragraphs) spans.push(...p.spans);
    for (const c of a.captions) spans.push(...c.spans, ...(c.credit?.spans ?? []));
  }
  for (const f of page.furniture) spans.push(...f.spans);
  for (const u of page.unassigned) spans.push(...u.spans);
  return spans;
}

/** Characters of the rendition (bar white space) that no field covers, and those two fields cover. */
export function coverage(page: Page, text: string): { lost: number; twice: number } {
  const count = new Uint8Array(text.length);
  for (const s of allSpans(page)) for (let i = s.start; i < s.end; i++) count[i]!++;
  let lost = 0;
  let twice = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    if (count[i] === 0) lost++;
    if (count[i]! > 1) twice++;
  }
  return { lost, twice };
}

/** Fields whose text is not the text their spans point at (white space aside). */
export function spanMismatches(page: Page, text: string): string[] {
  const bad: string[] = [];
  const check = (what: string, value: string | null, spans: readonly Span[]) => {
    const fromSpans = spans.map((s) => text.slice(s.start, s.end)).join("").replace(/\s+/g, "");
    if ((value ?? "").replace(/\s+/g, "") !== fromSpans) bad.push(`${what}: ${value} ≠ ${fromSpans}`);
  };
  for (const a of page.articles) {
    check(`${a.id} headline`, a.headline, a.fieldSpans?.headline ?? []);
    a.paragraphs.forEach((p, i) => check(`${a.id} p${i}`, p.text, p.spans));
    a.captions.forEach((c, i) => check(`${a.id} c${i}`, c.text, c.spans));
  }
  return bad;
}

/**
 * Paragraph order against the page: each paragraph starts below the end of the one before in the
 * same column, or in a column to its right. Returns the article ids where that fails.
 */
export function readingOrderViolations(regions: PageRegions): string[] {
  const bad: string[] = [];
  for (const a of regions.articles) {
    for (let i = 1; i < a.paragraphs.length; i++) {
      const prev = a.paragraphs[i - 1]!;
      const end = prev[prev.length - 1]!;
      const start = a.paragraphs[i]![0]!;
      const sameColumn = Math.abs(start.x0 - end.x0) < 30 || (start.x0 < end.x1 && start.x1 > end.x0);
      const below = start.top >= end.top - 1;
      const right = start.x0 >= end.x0 + 30;
      if (!(sameColumn ? below : right)) bad.push(`${a.id} p${i}`);
    }
  }
  return bad;
}

/**
 * Characters of `want` that `have` lacks, white space aside, counted with multiplicity: what the
 * text items of a page hold against the page's rendition, for "nothing lost".
 */
export function missingCharacters(want: string, have: string): number {
  const left = new Map<string, number>();
  for (const ch of have.replace(/\s+/g, "")) left.set(ch, (left.get(ch) ?? 0) + 1);
  let n = 0;
  for (const ch of want.replace(/\s+/g, "")) {
    const k = left.get(ch) ?? 0;
    if (k > 0) left.set(ch, k - 1);
    else n++;
  }
  return n;
}
