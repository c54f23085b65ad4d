import { safeParsePage } from "@yk/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_INPUTS } from "../../../test/hostile/inputs.js";
import { isPdf, parsePdf, PdfError } from "./index.js";
import { composePdf, coverage, generatePage, rng } from "./test-utils/index.js";

describe.each(Object.entries(HOSTILE_INPUTS))("parsePdf on the hostile text %s", (_name, raw) => {
  it("is not a PDF: a PdfError, not a crash", async () => {
    const bytes = new TextEncoder().encode(raw);
    expect(isPdf(bytes)).toBe(false);
    await expect(parsePdf(bytes)).rejects.toMatchObject({ name: "PdfError", code: "YK_PDF_NOT_PDF" });
  });
});

describe("broken PDFs", () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = (await composePdf([generatePage(7)])).bytes;
  }, 30_000);

  /** Either pages the schema accepts that lose nothing, or a PdfError with a one-line message. */
  async function expectPagesOrPdfError(bytes: Uint8Array): Promise<void> {
    try {
      for (const { page, text } of await parsePdf(bytes)) {
        const valid = safeParsePage(page);
        expect(valid.success ? [] : valid.issues).toEqual([]);
        expect(coverage(page, text).lost).toBe(0);
      }
    } catch (err) {
      expect(err).toBeInstanceOf(PdfError);
      expect((err as PdfError).message).not.toMatch(/\n/);
    }
  }

  it("truncated anywhere", async () => {
    for (const share of [0.01, 0.1, 0.5, 0.9, 0.99]) await expectPagesOrPdfError(good.subarray(0, Math.floor(good.length * share)));
  }, 60_000);

  it("with bytes overwritten at random", async () => {
    const random = rng(17);
    for (let k = 0; k < 4; k++) {
      const bytes = new Uint8Array(good);
      for (let i = 0; i < 40; i++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      await expectPagesOrPdfError(bytes);
    }
  }, 60_000);

  it("a header and nothing else, or garbage after it", async () => {
    await expectPagesOrPdfError(new TextEncoder().encode("%PDF-1.7\n"));
    await expectPagesOrPdfError(new TextEncoder().encode("%PDF-1.4\n" + "本报讯 ".repeat(2000)));
  });
});
