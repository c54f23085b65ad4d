import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { layoutPage } from "../parse.js";
import { readFast, readPdfText, readWithPdfjs, type PdfTextPage } from "../read.js";
import { composePdf, generatePage } from "../test-utils/index.js";
import { withObjectStreams } from "../test-utils/object-streams.js";
import { unpredictPng } from "./document.js";
import { Lexer } from "./lexer.js";
import { readToUnicode } from "./fonts.js";

/**
 * Items of both readers side by side: equal in everything, font names apart (each reader names a
 * document's fonts its own way), which must map one to one.
 */
function expectSameItems(ours: PdfTextPage[], theirs: PdfTextPage[]): void {
  expect(ours.map((p) => [p.number, p.width, p.height])).toEqual(theirs.map((p) => [p.number, p.width, p.height]));
  const fontMap = new Map<string, string>();
  ours.forEach((page, i) => {
    const other = theirs[i]!;
    expect(page.items.map(({ font: _f, ...rest }) => rest)).toEqual(other.items.map(({ font: _f, ...rest }) => rest));
    page.items.forEach((item, j) => {
      const font = other.items[j]!.font;
      expect(fontMap.get(item.font) ?? font).toBe(font);
      fontMap.set(item.font, font);
    });
  });
  expect(new Set(fontMap.values()).size).toBe(fontMap.size);
}

/** What parsePdf makes of the items: the page, its text and its regions. */
const laidOut = (pages: PdfTextPage[]) => pages.map((p) => layoutPage(p, { date: "2024-10-16" }));

describe("the text-only reader against pdfjs", () => {
  // seeds chosen to cover both kinds of vertical margin text and advertisements
  const seeds = [500, 501, 502, 503, 504, 505, 506, 507, 510, 513];
  let bytes: Uint8Array;
  beforeAll(async () => {
    const specs = seeds.map((s) => generatePage(s));
    expect(specs.some((p) => p.margins?.stacked)).toBe(true);
    expect(specs.some((p) => p.margins?.rotated)).toBe(true);
    expect(specs.some((p) => p.ad)).toBe(true);
    bytes = (await composePdf(specs)).bytes;
  }, 60_000);

  it("reads generated pages as pdfjs does: the same items, the same layout", async () => {
    const ours = readFast(bytes);
    expect(ours).not.toBeNull();
    const theirs = await readWithPdfjs(bytes);
    expectSameItems(ours!, theirs);
    expect(laidOut(ours!)).toEqual(laidOut(theirs));
  }, 60_000);

  it("reads the same file written with an object stream and a cross-reference stream as pdfjs does", async () => {
    const rewritten = withObjectStreams(bytes);
    expect(Buffer.from(rewritten).toString("latin1")).toContain("/Type /ObjStm");
    const ours = readFast(rewritten);
    expect(ours).not.toBeNull();
    const theirs = await readWithPdfjs(rewritten);
    expectSameItems(ours!, theirs);
    expectSameItems(ours!, readFast(bytes)!);
  }, 60_000);

  it("reads the pages asked for, and leaves a page that does not exist to pdfjs's error", async () => {
    const ours = readFast(bytes, [3, 1]);
    expect(ours?.map((p) => p.number)).toEqual([3, 1]);
    expectSameItems(ours!, await readWithPdfjs(bytes, [3, 1]));
    expect(readFast(bytes, [99])).toBeNull();
    await expect(readPdfText(bytes, [99])).rejects.toMatchObject({ code: "YK_INVALID_OPTION" });
  }, 60_000);

  it("leaves what it does not read to pdfjs: a vertical font, a damaged file", async () => {
    // the same file with its fonts made vertical (Identity-V is as long as Identity-H)
    const text = Buffer.from(bytes).toString("latin1").replaceAll("/Identity-H", "/Identity-V");
    const vertical = new Uint8Array(Buffer.from(text, "latin1"));
    expect(readFast(vertical)).toBeNull();
    const read = await readPdfText(vertical, [1]);
    expectSameItems(read, await readWithPdfjs(vertical, [1]));
    expect(read[0]!.items.every((i) => i.vertical)).toBe(true);

    const truncated = bytes.subarray(0, Math.floor(bytes.length / 2));
    expect(readFast(truncated)).toBeNull();
  }, 60_000);
});

// A real e-paper page lives in the shared folder beside the repository; it is never committed.
const dir = new URL("../../../../../shared/epaper/", import.meta.url).pathname;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".pdf")) : [];
if (files.length === 0) console.warn(`real-page reader comparison skipped: no PDF in ${dir}`);

describe.skipIf(files.length === 0)("the text-only reader on the real page", () => {
  it.each(files)("%s: the items pdfjs reads, and the same layout", async (file) => {
    const bytes = readFileSync(join(dir, file));
    const ours = readFast(bytes);
    expect(ours).not.toBeNull();
    const theirs = await readWithPdfjs(bytes);
    expectSameItems(ours!, theirs);
    expect(laidOut(ours!)).toEqual(laidOut(theirs));
    const rewritten = withObjectStreams(bytes);
    expectSameItems(readFast(rewritten)!, await readWithPdfjs(rewritten));
  }, 60_000);
});

describe("pieces of the reader", () => {
  it("reads numbers as pdfjs does", () => {
    const values = [];
    const lx = new Lexer(new TextEncoder().encode("12.50 -.5 +3 4. 0.1 -0 7"));
    for (let v = lx.next(); v !== undefined; v = lx.next()) values.push(v);
    expect(values).toEqual([12.5, -0.5, 3, 4, 0.1, -0, 7]);
  });

  it("undoes PNG predictors: none, sub, up, average, Paeth", () => {
    // two rows of three bytes each, once per filter type, encoded by hand
    const rows = [
      [10, 20, 30],
      [15, 25, 35],
    ];
    const encoded: Record<number, number[][]> = {
      0: rows,
      1: [
        [10, 10, 10],
        [15, 10, 10],
      ],
      2: [
        [10, 20, 30],
        [5, 5, 5],
      ],
      3: [
        [10, 15, 20],
        [10, 8, 8],
      ],
      4: [
        [10, 10, 10],
        [5, 5, 5],
      ],
    };
    for (const [type, data] of Object.entries(encoded)) {
      const bytes = Uint8Array.from(data.flatMap((row) => [Number(type), ...row]));
      expect([type, Array.from(unpredictPng(bytes, 3))]).toEqual([type, rows.flat()]);
    }
  });

  it("reads ToUnicode maps: single codes, ranges counting up (with a carry), arrays, surrogate pairs", () => {
    const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
      1 begincodespacerange <0000> <FFFF> endcodespacerange
      2 beginbfchar <0003> <0020> <0010> <D840DC00> endbfchar
      2 beginbfrange <0100> <0102> <4E2D> <0200> <0201> [<56FD> <0041>] endbfrange
      1 beginbfrange <0300> <0302> <00FE> endbfrange
      endcmap CMapName currentdict /CMap defineresource pop end end`;
    const map = readToUnicode(new TextEncoder().encode(cmap));
    expect(map[3]).toBe(" ");
    expect(map[0x10]).toBe("\u{20000}");
    expect([map[0x100], map[0x101], map[0x102]]).toEqual(["中", "丮", "丯"]);
    expect([map[0x200], map[0x201]]).toEqual(["国", "A"]);
    expect([map[0x300], map[0x301], map[0x302]]).toEqual(["\u00fe", "\u00ff", "\u0100"]);
  });
});
