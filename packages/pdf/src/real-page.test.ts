import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePage } from "@yk/schema";
import { describe, expect, it } from "vitest";
import { parsePdf, readPdfText } from "./index.js";
import { coverage, missingCharacters, readingOrderViolations, spanMismatches } from "./test-utils/index.js";

// A real e-paper page lives in the shared folder beside the repository; it is never committed.
const dir = new URL("../../../../shared/epaper/", import.meta.url).pathname;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".pdf")) : [];
if (files.length === 0) console.warn(`real-page tests skipped: no PDF in ${dir}`);

describe.skipIf(files.length === 0)("a real e-paper page from the shared folder", () => {
  it.each(files)("%s: articles with headline groups and bylines, furniture, nothing lost", async (file) => {
    const bytes = readFileSync(join(dir, file));
    const [result, ...rest] = await parsePdf(bytes, { sourceName: file });
    expect(rest).toHaveLength(0);
    const { page, text, regions } = result!;
    expect(() => parsePage(page)).not.toThrow();
    const news = page.articles.filter((a) => a.kind === "news");
    expect(news.length).toBeGreaterThanOrEqual(6);
    for (const a of news) {
      expect(a.headline?.length).toBeGreaterThan(5);
      expect(a.paragraphs.length).toBeGreaterThan(0);
    }
    expect(news.filter((a) => (a.byline?.contributors.length ?? 0) > 0).length).toBeGreaterThanOrEqual(news.length - 1);
    expect(page.furniture.map((f) => f.kind)).toEqual(expect.arrayContaining(["date", "footer"]));
    expect(coverage(page, text)).toEqual({ lost: 0, twice: 0 });
    expect(spanMismatches(page, text)).toEqual([]);
    expect(readingOrderViolations(regions)).toEqual([]);
    expect(page.unassigned).toEqual([]);
    // every character pdfjs read from the page is in the rendition
    const [items] = await readPdfText(bytes);
    expect(missingCharacters(items!.items.map((i) => i.text).join(""), text)).toBe(0);
  });
});
