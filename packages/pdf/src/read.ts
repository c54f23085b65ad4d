import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TextItem } from "./types.js";

export type PdfErrorCode = "YK_PDF_NOT_PDF" | "YK_PDF_ENCRYPTED" | "YK_PDF_DAMAGED" | "YK_PDF_NO_TEXT" | "YK_INVALID_OPTION" | "YK_INPUT_TOO_LARGE";

/** Why a PDF cannot be read; `message` is one line meant for a person. */
export class PdfError extends Error {
  readonly code: PdfErrorCode;
  constructor(code: PdfErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PdfError";
    this.code = code;
  }
}

/** Does the input start like a PDF (`%PDF-`, after at most 1 KiB of junk, as readers allow)? */
export function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024 + 5);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** The parts of pdfjs this package uses, typed here so that its types do not leak into ours. */
interface PdfjsTextItem {
  str?: string;
  transform: number[];
  width: number;
  fontName: string;
}
interface PdfjsPage {
  getViewport(p: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: PdfjsTextItem[]; styles: Record<string, { vertical?: boolean }> }>;
  cleanup(): void;
}
interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
  destroy(): Promise<void>;
}
interface Pdfjs {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfjsDocument>; destroy(): Promise<void> };
}

let pdfjs: Promise<Pdfjs> | null = null;

/** pdfjs is ESM only: a dynamic import, which also works from our CommonJS build. */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs") as unknown as Promise<Pdfjs>;
  return pdfjs;
}

function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("pdfjs-dist/package.json"));
}

/** One page's text items in page coordinates (points from the top-left corner). */
export interface PdfTextPage {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
}

function multiply(m: readonly number[], n: readonly number[]): number[] {
  return [
    m[0]! * n[0]! + m[2]! * n[1]!,
    m[1]! * n[0]! + m[3]! * n[1]!,
    m[0]! * n[2]! + m[2]! * n[3]!,
    m[1]! * n[2]! + m[3]! * n[3]!,
    m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
    m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
  ];
}

function itemsOf(content: Awaited<ReturnType<PdfjsPage["getTextContent"]>>, viewport: number[]): TextItem[] {
  const items: TextItem[] = [];
  for (const raw of content.items) {
    if (typeof raw.str !== "string" || raw.str.length === 0) continue;
    const [a, b, c, d, e, f] = multiply(viewport, raw.transform) as [number, number, number, number, number, number];
    const rotated = Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3;
    const size = rotated ? Math.hypot(c, d) : Math.abs(d);
    const advance = rotated ? raw.width : raw.width * Math.sign(a || 1);
    items.push({
      text: raw.str,
      x0: Math.min(e, e + advance),
      x1: Math.max(e, e + advance),
      baseline: f,
      size: size > 0 ? size : Math.hypot(a, b),
      font: raw.fontName,
      vertical: rotated || content.styles[raw.fontName]?.vertical === true,
    });
  }
  return items;
}

function pdfjsError(err: unknown): PdfError {
  const name = (err as { name?: string })?.name;
  const message = (err as { message?: string })?.message ?? String(err);
  if (name === "PasswordException") return new PdfError("YK_PDF_ENCRYPTED", "encrypted PDF: it needs a password", { cause: err });
  return new PdfError("YK_PDF_DAMAGED", `damaged PDF: ${message.split("\n")[0]}`, { cause: err });
}

/**
 * Read the text items of every page (or of the pages asked for). Throws {@link PdfError}: not a
 * PDF, encrypted, damaged.
 */
export async function readPdfText(bytes: Uint8Array, pages?: readonly number[]): Promise<PdfTextPage[]> {
  if (!isPdf(bytes)) throw new PdfError("YK_PDF_NOT_PDF", "not a PDF: the file does not start with %PDF-");
  const lib = await loadPdfjs();
  const dir = pdfjsDir();
  const task = lib.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given
    data: new Uint8Array(bytes),
    cMapUrl: join(dir, "cmaps") + "/",
    cMapPacked: true,
    standardFontDataUrl: join(dir, "standard_fonts") + "/",
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: PdfjsDocument;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw pdfjsError(err);
  }
  try {
    const numbers = pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
    const out: PdfTextPage[] = [];
    for (const n of numbers) {
      if (!Number.isInteger(n) || n < 1 || n > doc.numPages) {
        throw new PdfError("YK_INVALID_OPTION", `option pages: page ${n} is not in 1–${doc.numPages}`);
      }
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      out.push({ number: n, width: viewport.width, height: viewport.height, items: itemsOf(content, viewport.transform) });
      page.cleanup();
    }
    return out;
  } catch (err) {
    throw err instanceof PdfError ? err : pdfjsError(err);
  } finally {
    await doc.destroy();
  }
}
