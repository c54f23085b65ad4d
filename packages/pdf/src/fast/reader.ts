/**
 * A text-only PDF reader for the common case of e-paper files: what pdfjs's `getTextContent` gives,
 * computed the same way, without what pdfjs does besides (rebuilding every embedded font program
 * into one a browser could load, an asynchronous round trip for each font change, a worker
 * protocol). On a real Founder-exported front page pdfjs spent most of its time there.
 *
 * It reads only what it knows: a classic cross-reference table, Flate streams, Type0 fonts with
 * Identity-H and a ToUnicode map, horizontal text, Form XObjects. Anything else throws
 * {@link Unsupported}, and `readPdfText` then reads the file with pdfjs; so does every damaged or
 * encrypted file (pdfjs's errors are the ones reported). `src/fast/fast.test.ts` checks that both
 * readers give the same items.
 */
import { PdfDocument, PdfStream } from "./document.js";
import { Name, Unsupported, type PdfDict, type PdfValue } from "./lexer.js";
import { concat, FontCache, textContent, type RawTextItem } from "./text.js";

export { Unsupported } from "./lexer.js";
export type { RawTextItem } from "./text.js";

export interface RawTextPage {
  number: number;
  width: number;
  height: number;
  /** The viewport's transform at scale 1, as pdfjs's `page.getViewport({ scale: 1 })`. */
  viewport: number[];
  items: RawTextItem[];
}

const LETTER: number[] = [0, 0, 612, 792];

function rect(doc: PdfDocument, v: PdfValue | undefined): number[] | null {
  const r = doc.resolve(v);
  if (!Array.isArray(r) || r.length !== 4) return null;
  const n = r.map((x) => doc.resolve(x));
  if (!n.every((x) => typeof x === "number")) return null;
  const box = (n as number[]).slice();
  if (box[0]! > box[2]!) [box[0], box[2]] = [box[2]!, box[0]!];
  if (box[1]! > box[3]!) [box[1], box[3]] = [box[3]!, box[1]!];
  return box[2]! - box[0]! > 0 && box[3]! - box[1]! > 0 ? box : null;
}

/** The page's visible box, as pdfjs's `Page.view`: the crop box within the media box. */
function viewOf(doc: PdfDocument, page: PdfDict): number[] {
  const media = rect(doc, page.get("MediaBox")) ?? LETTER;
  const crop = rect(doc, page.get("CropBox"));
  if (crop && !crop.every((x, i) => x === media[i])) {
    const xLow = Math.max(crop[0]!, media[0]!);
    const xHigh = Math.min(crop[2]!, media[2]!);
    const yLow = Math.max(crop[1]!, media[1]!);
    const yHigh = Math.min(crop[3]!, media[3]!);
    if (xLow <= xHigh && yLow <= yHigh && xHigh - xLow > 0 && yHigh - yLow > 0) return [xLow, yLow, xHigh, yHigh];
  }
  return media;
}

/** pdfjs's PageViewport at scale 1, unrotated (other rotations are left to pdfjs). */
function viewport(view: number[]): { width: number; height: number; transform: number[] } {
  const [x0, y0, x1, y1] = view as [number, number, number, number];
  const centerX = (x1 + x0) / 2;
  const centerY = (y1 + y0) / 2;
  const offsetCanvasX = Math.abs(centerX - x0);
  const offsetCanvasY = Math.abs(centerY - y0);
  return { width: x1 - x0, height: y1 - y0, transform: [1, 0, 0, -1, offsetCanvasX - centerX, offsetCanvasY + centerY] };
}

function contentOf(doc: PdfDocument, page: PdfDict): Uint8Array {
  const contents = doc.resolve(page.get("Contents"));
  if (contents === undefined || contents === null) return new Uint8Array(0);
  if (contents instanceof PdfStream) return doc.decode(contents);
  if (!Array.isArray(contents)) throw new Unsupported("page contents");
  const parts = contents.map((c) => {
    const s = doc.resolve(c);
    if (!(s instanceof PdfStream)) throw new Unsupported("page contents part");
    return doc.decode(s);
  });
  return concat(parts);
}

/**
 * The text items of the pages asked for (all by default), as pdfjs would give them. Throws
 * {@link Unsupported} for anything outside the common case, pages that do not exist included.
 */
export function readTextFast(bytes: Uint8Array, pages?: readonly number[]): RawTextPage[] {
  const doc = new PdfDocument(bytes);
  const all = doc.pages();
  const numbers = pages ?? all.map((_, i) => i + 1);
  const fonts = new FontCache(doc);
  const out: RawTextPage[] = [];
  for (const n of numbers) {
    const page = Number.isInteger(n) ? all[n - 1] : undefined;
    if (!page) throw new Unsupported("no such page");
    const rotate = doc.resolve(page.get("Rotate"));
    if (rotate !== undefined && rotate !== null && rotate !== 0) throw new Unsupported("rotated page");
    if (page.has("UserUnit")) throw new Unsupported("user unit");
    const type = doc.resolve(page.get("Type"));
    if (type !== undefined && !(type instanceof Name && type.name === "Page")) throw new Unsupported("page type");
    const view = viewOf(doc, page);
    const vp = viewport(view);
    const items = textContent(doc, fonts, contentOf(doc, page), doc.dict(page.get("Resources")), view);
    out.push({ number: n, width: vp.width, height: vp.height, viewport: vp.transform, items });
  }
  return out;
}
