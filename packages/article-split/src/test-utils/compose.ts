/**
 * A page composer for tests: it prints hand-written articles the way a PDF extractor hands a
 * page to us (bodies wrapped by reflow's layout generator; headline lines, bylines, credits and
 * furniture as separate lines; headlines optionally after their body), and keeps the spec as
 * the expected parse.
 */
import { generateLayout } from "../../../reflow/src/test-utils/layout-generator.js";
import type { Contributor } from "@yk/schema";

export interface ArticleSpec {
  kind: "news" | "photo" | "brief" | "teaser";
  kicker?: string;
  headline?: string;
  subheadline?: string;
  /** Headline lines printed with single line breaks between them (a tight group). */
  tightHeadline?: boolean;
  /** A byline on its own line (本报记者 王明). */
  bylineLine?: string;
  /** A byline printed at the start of the first paragraph (本报讯（记者 王明）). */
  bylineInline?: string;
  /** A byline closing the last paragraph (（记者 王明）). */
  bylineTrailing?: string;
  /** A photo credit line, printed after the captions unless creditFirst. */
  credit?: string;
  creditFirst?: boolean;
  paragraphs?: string[];
  captions?: string[];
  /** Printed after the body, out of reading order. */
  headlineAfterBody?: boolean;
  /** A continuation marker closing the body (（下转第3版）) or opening it (（上接第1版）). */
  continuedTo?: string;
  continuedFrom?: string;
  contributors?: Contributor[];
}

export interface PageSpec {
  name: string;
  /**
   * Why the parse is known to differ from this spec's headline fields: the test then expects
   * the field check to fail, and says so the day it passes again.
   */
  knownDivergence?: string;
  width: number;
  seed: number;
  separator: "blank" | "single";
  crlf?: boolean;
  justify?: number;
  section: string | null;
  /** Furniture lines and where they go: before article i (or at the end). */
  furniture?: { text: string; kind: string; before: number }[];
  articles: ArticleSpec[];
}

export function composePage(spec: PageSpec): string {
  const sep = spec.separator === "single" ? "\n" : "\n\n";
  const chunks: string[] = [];
  let seed = spec.seed;
  const furnitureAt = (i: number) => (spec.furniture ?? []).filter((f) => f.before === i).map((f) => f.text);
  const body = (paragraphs: string[]) =>
    generateLayout(paragraphs, { width: spec.width, seed: seed++, separator: spec.separator, justify: spec.justify ?? 0.05 }).raw.replace(/\n$/, "");
  spec.articles.forEach((a, i) => {
    chunks.push(...furnitureAt(i));
    const headlineLines = [a.kicker, a.headline, a.subheadline].filter((l): l is string => !!l);
    const headline = headlineLines.join(a.tightHeadline ? "\n" : sep);
    if (headline && !a.headlineAfterBody) chunks.push(headline);
    if (a.credit && a.creditFirst) chunks.push(a.credit);
    if (a.bylineLine) chunks.push(a.bylineLine);
    const paragraphs = [...(a.paragraphs ?? a.captions ?? [])];
    if (paragraphs.length > 0) {
      if (a.bylineInline) paragraphs[0] = `${a.bylineInline} ${paragraphs[0]}`;
      if (a.bylineTrailing) paragraphs[paragraphs.length - 1] += a.bylineTrailing;
      if (a.continuedTo) paragraphs[paragraphs.length - 1] += `（下转第${a.continuedTo}版）`;
      if (a.continuedFrom) chunks.push(`（上接第${a.continuedFrom}版）`);
      chunks.push(body(paragraphs));
    }
    if (a.credit && !a.creditFirst) chunks.push(a.credit);
    if (headline && a.headlineAfterBody) chunks.push(headline);
  });
  chunks.push(...furnitureAt(spec.articles.length));
  let raw = chunks.join(sep) + "\n";
  if (spec.crlf) raw = raw.replace(/\n/g, "\r\n");
  return raw;
}
