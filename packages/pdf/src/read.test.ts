import { describe, expect, it } from "vitest";
import { PdfError, readPdfText } from "./index.js";
import { channelListeners, readWithPdfjs } from "./read.js";
import { composePdf, generatePage } from "./test-utils/index.js";

// taken before pdfjs loads: this package imports it on the first PDF it reads
const builtIns = { push: Array.prototype.push, parse: JSON.parse, toString: Function.prototype.toString };

// readPdfText leaves these files to our own reader; pdfjs reads every other file (fast/reader.ts)
describe("reading with pdfjs", () => {
  it("leaves the process's built-ins as they were (pdfjs's legacy build polyfills replace some)", async () => {
    const { bytes } = await composePdf([generatePage(11)]);
    const [page] = await readWithPdfjs(bytes);
    expect(page!.items.length).toBeGreaterThan(50);
    expect(Array.prototype.push).toBe(builtIns.push);
    expect(JSON.parse).toBe(builtIns.parse);
    expect(Function.prototype.toString).toBe(builtIns.toString);
  });

  it("lets go of every document it read, damaged ones too", async () => {
    const { bytes } = await composePdf([generatePage(15)]);
    // the worker's side of a document goes once its clean-up has run, a moment after the read returns
    const settled = () => new Promise((resolve) => setTimeout(resolve, 50));
    await readWithPdfjs(bytes);
    await settled();
    const idle = channelListeners();
    expect(idle).toBe(2);
    const damaged = bytes.slice(0, Math.floor(bytes.length / 3));
    for (let i = 0; i < 5; i++) {
      await readWithPdfjs(bytes);
      await readWithPdfjs(damaged).catch((e: unknown) => expect(e).toBeInstanceOf(PdfError));
    }
    await settled();
    expect(channelListeners()).toBe(idle);
  });

  it("reads the same items from the same file twice, and from two files at once", async () => {
    const [a, b] = await Promise.all([composePdf([generatePage(12), generatePage(13)]), composePdf([generatePage(14)])]);
    const once = await readPdfText(a.bytes);
    const [again, other] = await Promise.all([readPdfText(a.bytes), readPdfText(b.bytes)]);
    // font names are pdfjs's, numbered per document: compare the rest
    const drawn = (pages: typeof once) => pages.map((p) => p.items.map(({ font: _font, ...rest }) => rest));
    expect(drawn(again)).toEqual(drawn(once));
    expect(once).toHaveLength(2);
    expect(once.every((p) => p.items.length > 50)).toBe(true);
    expect(other[0]!.items.length).toBeGreaterThan(50);
    expect(drawn(other)[0]).not.toEqual(drawn(once)[0]);
  });
});
