import { splitPage, type SplitOptions } from "@yk/article-split";
import { articleFields, createExtractor, type Extractor } from "@yk/cn-entities";
import { toJsonLd, toNinjs, type Page } from "@yk/schema";
import { isPdf, parsePdf } from "@yk/pdf";
import { renderPageHtml } from "@yk/html";
import { decode } from "./decode.js";
import { layoutOf } from "./layout.js";

export type Format = "json" | "jsonl" | "ninjs" | "jsonld" | "text" | "html";
export const FORMATS: readonly Format[] = ["json", "jsonl", "ninjs", "jsonld", "text", "html"];

let extractor: Extractor | null = null;
/** One extractor per process (or worker): the dictionary loads once. */
function sharedExtractor(): Extractor {
  extractor ??= createExtractor();
  return extractor;
}

/** Fill each article's entities from its fields; mentions say which field and paragraph. */
export function withEntities(page: Page, date?: string): Page {
  const { extractFields } = sharedExtractor();
  for (const a of page.articles) {
    // one pass over the whole article: cheaper than a pass per field, and a name titled in one
    // paragraph is known in the next
    const entities = extractFields(articleFields(a), { date });
    // Contributors of the byline and photo credits are people too, with their role as a title.
    const credited = [
      ...(a.byline ? [{ byline: a.byline, index: undefined as number | undefined }] : []),
      // a photo credit: field "byline" with the caption's index, offsets into the credit's text
      ...a.captions.flatMap((c, k) => (c.credit ? [{ byline: c.credit, index: k as number | undefined }] : [])),
    ];
    // (extractFields gives one entity per type and text: only people need finding again, by name)
    const people = credited.length > 0 ? new Map(entities.filter((e) => e.type === "person").map((e) => [e.text, e])) : null;
    for (const { byline, index } of credited) {
      for (const c of byline.contributors) {
        const at = byline.text.indexOf(c.name);
        const mention =
          at >= 0 ? [{ field: "byline" as const, ...(index !== undefined ? { index } : {}), start: at, end: at + c.name.length }] : [];
        const have = people!.get(c.name);
        if (have) {
          have.mentions.push(...mention);
          if (c.role) have.titles = [...new Set([...(have.titles ?? []), c.role])];
        } else {
          const person = { type: "person" as const, text: c.name, titles: c.role ? [c.role] : [], mentions: mention };
          people!.set(c.name, person);
          entities.push(person);
        }
      }
    }
    a.entities = entities;
  }
  return page;
}

/** raw → page with entities: the main job. */
export function parseText(text: string, options: SplitOptions): Page {
  // the page's own date line dates it when no --date was given
  const page = splitPage(text, options);
  return withEntities(page, page.publication.date);
}

/** A readable summary: each item's kind, kicker, headline, byline, paragraph count, then entities. */
export function summary(page: Page): string {
  const out: string[] = [];
  out.push(`section: ${page.section ?? "-"}    articles: ${page.articles.length}    furniture: ${page.furniture.length}    unassigned: ${page.unassigned.length}`);
  for (const a of page.articles) {
    out.push("");
    out.push(`[${a.id}] ${a.kind}`);
    if (a.kicker) out.push(`  kicker:      ${a.kicker}`);
    if (a.headline) out.push(`  headline:    ${a.headline}`);
    if (a.subheadline) out.push(`  subheadline: ${a.subheadline}`);
    const by = a.byline ?? a.captions.find((c) => c.credit)?.credit ?? null;
    if (by) out.push(`  byline:      ${by.text}  →  ${by.contributors.map((c) => `${c.name} (${c.role ?? "-"}, ${c.kind})`).join("; ")}`);
    out.push(`  paragraphs:  ${a.paragraphs.length}${a.captions.length ? `    captions: ${a.captions.length}` : ""}`);
    const list = (type: string, label: string, f: (e: Page["articles"][number]["entities"][number]) => string) => {
      const items = a.entities.filter((e) => e.type === type).map(f);
      if (items.length) out.push(`  ${(label + ":").padEnd(13)}${[...new Set(items)].join("、")}`);
    };
    list("person", "people", (e) => (e.titles?.length ? `${e.text}（${e.titles.join("、")}）` : e.text));
    list("organization", "orgs", (e) => e.text);
    list("location", "places", (e) => e.text);
    list("date", "dates", (e) => (e.normalized ? `${e.text}=${e.normalized}` : e.text));
  }
  return out.join("\n") + "\n";
}

/** Render a page in one of the output formats. */
export function render(page: Page, format: Format): string {
  switch (format) {
    case "text":
      return summary(page);
    case "json":
      return JSON.stringify(page, null, 2) + "\n";
    case "jsonl":
      return JSON.stringify(page) + "\n";
    case "ninjs":
      return JSON.stringify(page.articles.map((a) => toNinjs(a, page)), null, 2) + "\n";
    case "jsonld":
      return JSON.stringify(page.articles.map((a) => toJsonLd(a, page)), null, 2) + "\n";
    case "html":
      return renderPageHtml(page);
  }
}

/**
 * The pages of a file's bytes: a PDF (told by its %PDF bytes, not its name) gives one page per
 * PDF page, read from glyph positions by @yk/pdf; anything else is decoded as text.
 */
export async function parseBytes(bytes: Uint8Array, options: SplitOptions & { sourceName: string; keepText?: boolean }): Promise<Page[]> {
  if (!isPdf(bytes)) {
    const text = decode(bytes, options.sourceName);
    const page = parseText(text, options);
    if (options.keepText) page.source.text = text;
    return [page];
  }
  const results = await parsePdf(bytes, { date: options.date, publication: options.publication, sourceName: options.sourceName });
  return results.map((r) => {
    if (options.page !== undefined) r.page.publication.page = Number(options.page);
    // the PDF's text rendition: what its spans point into
    if (options.keepText) {
      r.page.source.text = r.text;
      r.page.layout = layoutOf(r); // where each line lies on the printed page, for the view
    }
    return withEntities(r.page, r.page.publication.date);
  });
}

/** Several pages (of one PDF) in one output: JSON as JSON Lines, one page a line; the other formats one after another. */
export function renderPages(pages: readonly Page[], format: Format): string {
  if (pages.length === 1) return render(pages[0]!, format);
  if (format === "html") return renderPageHtml(pages); // one document, a section per page
  if (format === "json" || format === "jsonl") return pages.map((p) => render(p, "jsonl")).join("");
  return pages.map((p) => render(p, format)).join(format === "text" ? "\n" : "");
}
