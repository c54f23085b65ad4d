import PDFDocument from "pdfkit";
import { parsePage } from "@yk/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { isPdf, parsePdf, PdfError, readPdfText, type PdfPageResult } from "./index.js";
import { composePdf, coverage, generatePage, missingCharacters, readingOrderViolations, score, spanMismatches, type SpecPage } from "./test-utils/index.js";

/** A PDF drawn by pdfkit with a callback, as bytes. */
async function drawn(options: ConstructorParameters<typeof PDFDocument>[0], draw: (doc: InstanceType<typeof PDFDocument>) => void): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: [400, 400], margin: 0, ...options });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  draw(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

async function errorOf(p: Promise<unknown>): Promise<PdfError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PdfError);
  return err as PdfError;
}

describe("parsePdf on generated pages (gold by construction)", () => {
  let specs: SpecPage[];
  let results: PdfPageResult[];
  let itemTexts: string[];
  beforeAll(async () => {
    // seeds never used while the rules were written (those were 1–6 and 100–119)
    const printed = await composePdf(Array.from({ length: 8 }, (_, i) => generatePage(500 + i)));
    specs = printed.pages;
    results = await parsePdf(printed.bytes, { date: "2025-04-08", sourceName: "generated.pdf" });
    itemTexts = (await readPdfText(printed.bytes)).map((p) => p.items.map((i) => i.text).join(""));
  }, 60_000);

  it("gives one page per PDF page, in order", () => {
    expect(results.map((r) => r.pageNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("finds the articles, their headline groups, paragraphs, bylines and captions", () => {
    const s = score(specs, results.map((r) => r.page));
    expect(s.articles.gold).toBeGreaterThan(40);
    expect(s.articles.f1).toBeGreaterThanOrEqual(0.99);
    expect(s.headlineFields).toBeGreaterThanOrEqual(0.98);
    expect(s.paragraphs).toBeGreaterThanOrEqual(0.97);
    expect(s.bylines).toBeGreaterThanOrEqual(0.95);
    expect(s.captions).toBeGreaterThanOrEqual(0.95);
    expect(s.lost).toBe(0);
    // advertisements (a slogan over a phone line in a box) come out as articles of kind "other"
    expect(s.ads.gold).toBeGreaterThan(0);
    expect(s.ads.found).toBe(s.ads.gold);
  });

  it("puts every character of the rendition in exactly one field, and spans point at the field's text", () => {
    results.forEach((r, i) => expect(missingCharacters(itemTexts[i]!, r.text)).toBe(0));
    for (const r of results) {
      expect(coverage(r.page, r.text)).toEqual({ lost: 0, twice: 0 });
      expect(spanMismatches(r.page, r.text)).toEqual([]);
    }
  });

  it("reads paragraphs down each column, then the next column to the right", () => {
    for (const r of results) expect(readingOrderViolations(r.regions)).toEqual([]);
  });

  it("returns pages the schema accepts, with a box for every article and field", () => {
    for (const r of results) {
      expect(() => parsePage(r.page)).not.toThrow();
      expect(r.regions.articles.map((a) => a.id)).toEqual(r.page.articles.map((a) => a.id));
      r.page.articles.forEach((a, i) => {
        const boxes = r.regions.articles[i]!;
        expect(boxes.paragraphs).toHaveLength(a.paragraphs.length);
        expect(boxes.headline.length > 0).toBe(a.headline !== null);
        for (const b of [boxes.box, ...boxes.headline, ...boxes.paragraphs.flat()]) {
          expect(b.x0).toBeGreaterThanOrEqual(0);
          expect(b.x1).toBeLessThanOrEqual(r.regions.page.x1);
          expect(b.bottom).toBeLessThanOrEqual(r.regions.page.bottom);
        }
      });
    }
  });

  it("keeps vertical text in the margins out of the articles, unassigned and warned about", () => {
    const withMargins = specs.map((spec, i) => [spec, results[i]!.page] as const).filter(([spec]) => spec.margins);
    expect(withMargins.length).toBeGreaterThan(0);
    for (const [spec, page] of withMargins) {
      const text = (spec.margins!.stacked ?? spec.margins!.rotated!).replace(/\s+/g, "");
      expect(page.unassigned.map((u) => u.text.replace(/\s+/g, ""))).toContain(text);
      expect(page.warnings.map((w) => w.code)).toContain("YK_PDF_VERTICAL_TEXT");
    }
  });

  it("keeps the date line, page number and staff line as furniture", () => {
    const kinds = results[0]!.page.furniture.map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(["date", "page-number", "staff"]));
  });

  it("completes datelines with the year of the date option", () => {
    const lead = results.flatMap((r) => r.page.articles).find((a) => a.byline?.dateline);
    expect(lead?.byline?.dateline?.agency).toBe("本报");
  });
});

describe("input that is not a readable PDF", () => {
  it("recognizes a PDF by its bytes", async () => {
    const bytes = await drawn({}, (doc) => doc.text("x", 10, 10));
    expect(isPdf(bytes)).toBe(true);
    expect(isPdf(new TextEncoder().encode("本报讯 纯文本的版面"))).toBe(false);
    expect(isPdf(new Uint8Array(0))).toBe(false);
  });

  it("rejects text with YK_PDF_NOT_PDF", async () => {
    const err = await errorOf(parsePdf(new TextEncoder().encode("本报讯（记者 王明）今天下雨。")));
    expect(err.code).toBe("YK_PDF_NOT_PDF");
  });

  it("says a damaged file is damaged", async () => {
    const bytes = await drawn({}, (doc) => doc.text("x", 10, 10));
    const err = await errorOf(parsePdf(bytes.subarray(0, 200)));
    expect(err.code).toBe("YK_PDF_DAMAGED");
    expect(err.message.split("\n")).toHaveLength(1);
  });

  it("says an encrypted file needs a password", async () => {
    const bytes = await drawn({ userPassword: "secret", pdfVersion: "1.7" }, (doc) => doc.text("hello", 10, 10));
    const err = await errorOf(parsePdf(bytes));
    expect(err.code).toBe("YK_PDF_ENCRYPTED");
  });

  it("says an image-only page has no text layer", async () => {
    const bytes = await drawn({}, (doc) => doc.rect(20, 20, 200, 300).fill("#888"));
    const err = await errorOf(parsePdf(bytes));
    expect(err.code).toBe("YK_PDF_NO_TEXT");
    expect(err.message).toMatch(/^no text layer/);
  });

  it("warns about a page without text among pages with text", async () => {
    const bytes = await drawn({}, (doc) => {
      doc.text("Page one", 10, 10);
      doc.addPage();
      doc.rect(20, 20, 100, 100).fill("#888");
    });
    const pages = await parsePdf(bytes);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.page.warnings.map((w) => w.code)).toEqual(["YK_PDF_NO_TEXT"]);
  });

  it("checks its options", async () => {
    const bytes = await drawn({}, (doc) => doc.text("x", 10, 10));
    expect((await errorOf(parsePdf(bytes, { date: "8 April" }))).code).toBe("YK_INVALID_OPTION");
    expect((await errorOf(parsePdf(bytes, { pages: [2] }))).code).toBe("YK_INVALID_OPTION");
    expect((await errorOf(parsePdf(bytes, { maxBytes: 10 }))).code).toBe("YK_INPUT_TOO_LARGE");
  });
});
