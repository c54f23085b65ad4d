import type { Page } from "@yk/schema";
import { analyzeLayout } from "./layout.js";
import { buildLines } from "./lines.js";
import { type PageRegions, toPage } from "./page.js";
import { PdfError, type PdfTextPage, readPdfText } from "./read.js";

export interface ParsePdfOptions {
  /** Name of the publication, for `page.publication.name`. */
  publication?: string;
  /** Publication date, YYYY-MM-DD: completes datelines such as 10月14日. */
  date?: string;
  edition?: string;
  /** File name or label of the input, for `page.source.name`. */
  sourceName?: string;
  /** Page numbers to read (1-based); all pages when absent. */
  pages?: number[];
  /** Largest input accepted, in bytes (default 256 MiB). */
  maxBytes?: number;
}

/** One PDF page, parsed. */
export interface PdfPageResult {
  /** 1-based page number in the file. */
  pageNumber: number;
  /** The page model, as `splitPage` gives for text; its spans point into `text`. */
  page: Page;
  /** The text rendition of the page in reading order: lines, blank lines between blocks. */
  text: string;
  /** Where every field lies on the page, in PDF points from the top-left corner. */
  regions: PageRegions;
}

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

function checkOptions(options: ParsePdfOptions): void {
  if (options === null || typeof options !== "object") throw new PdfError("YK_INVALID_OPTION", "options must be an object");
  if (options.date !== undefined && (typeof options.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(options.date))) {
    throw new PdfError("YK_INVALID_OPTION", `option date must be YYYY-MM-DD, got ${JSON.stringify(options.date)}`);
  }
  for (const key of ["publication", "edition", "sourceName"] as const) {
    if (options[key] !== undefined && typeof options[key] !== "string") {
      throw new PdfError("YK_INVALID_OPTION", `option ${key} must be a string, got ${typeof options[key]}`);
    }
  }
  if (options.pages !== undefined && (!Array.isArray(options.pages) || options.pages.some((n) => !Number.isInteger(n) || n < 1))) {
    throw new PdfError("YK_INVALID_OPTION", "option pages must be an array of page numbers from 1");
  }
  if (options.maxBytes !== undefined && (!Number.isInteger(options.maxBytes) || options.maxBytes < 1)) {
    throw new PdfError("YK_INVALID_OPTION", `option maxBytes must be a positive integer, got ${String(options.maxBytes)}`);
  }
}

/** Text items of one page → the page model, its text rendition and regions (no PDF reading). */
export function layoutPage(textPage: PdfTextPage, options: Omit<ParsePdfOptions, "pages" | "maxBytes"> = {}): PdfPageResult {
  const lines = buildLines(textPage.items);
  const layout = analyzeLayout(lines, textPage);
  const { page, text, regions } = toPage(layout, textPage, { ...options, pageNumber: textPage.number });
  return { pageNumber: textPage.number, page, text, regions };
}

/**
 * Parse a PDF: one result per page, each with the page model. Throws {@link PdfError} for input that
 * is not a PDF, encrypted, damaged, or has no text layer on any page (an image-only scan); a page
 * without text among pages with text gets a `YK_PDF_NO_TEXT` warning.
 */
export async function parsePdf(bytes: Uint8Array, options: ParsePdfOptions = {}): Promise<PdfPageResult[]> {
  checkOptions(options);
  if (!(bytes instanceof Uint8Array)) throw new PdfError("YK_INVALID_OPTION", "input must be a Uint8Array (a Buffer)");
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max) throw new PdfError("YK_INPUT_TOO_LARGE", `PDF of ${bytes.length} bytes is larger than maxBytes ${max}`);
  const pages = await readPdfText(bytes, options.pages);
  if (pages.every((p) => p.items.every((i) => i.text.trim().length === 0))) {
    throw new PdfError("YK_PDF_NO_TEXT", "no text layer: the PDF holds only images (a scan?); run OCR first");
  }
  const { pages: _pages, maxBytes: _max, ...pageOptions } = options;
  return pages.map((p) => {
    const result = layoutPage(p, pageOptions);
    if (p.items.every((i) => i.text.trim().length === 0)) {
      result.page.warnings.push({ code: "YK_PDF_NO_TEXT", message: `no text layer on page ${p.number}` });
    }
    return result;
  });
}
