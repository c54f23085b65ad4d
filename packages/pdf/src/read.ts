import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { readTextFast, Unsupported } from "./fast/reader.js";
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
  PDFWorker: new (params: { port: SameThreadPort; verbosity: number }) => unknown;
}
interface PdfjsWorkerModule {
  WorkerMessageHandler: { initializeFromPort(port: SameThreadPort): void };
}

type MessageListener = (event: { data: unknown }) => void;

/**
 * The channel between pdfjs's API and its worker when both run in this thread, as they do under
 * Node. pdfjs's own "fake worker" channel copies every message with `structuredClone`, as a real
 * worker boundary would — a tenth to a fifth of the time of reading a page of many small text
 * items. In one thread a message needs copying only as deep as the sender changes it after sending:
 * the worker sends text content in chunks, each chunk an object whose `items` and `styles` it then
 * points at fresh ones (it never changes an item or an array it has sent); we only read what comes
 * back. So a message and the plain objects in its fields are copied (see {@link snapshot}), nothing
 * deeper. Messages are still delivered asynchronously and in order, as pdfjs expects.
 */
class SameThreadPort {
  private readonly listeners = new Set<MessageListener>();
  private queue: Promise<void> = Promise.resolve();

  postMessage(message: unknown): void {
    const event = { data: snapshot(message) };
    this.queue = this.queue.then(() => {
      for (const listener of this.listeners) listener.call(this, event);
    });
  }

  /** pdfjs removes a document's listeners by aborting the signal it registered them with. */
  addEventListener(type: string, listener: MessageListener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    if (type !== "message" || signal?.aborted) return;
    this.listeners.add(listener);
    signal?.addEventListener("abort", () => this.listeners.delete(listener), { once: true });
  }

  removeEventListener(type: string, listener: MessageListener): void {
    if (type === "message") this.listeners.delete(listener);
  }

  terminate(): void {
    this.listeners.clear();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A message as it is when sent: itself and the plain objects in its fields copied, one level each. */
function snapshot(message: unknown): unknown {
  if (!isPlainObject(message)) return message;
  const copy: Record<string, unknown> = { ...message };
  for (const key of Object.keys(copy)) {
    const value = copy[key];
    if (isPlainObject(value)) copy[key] = Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value);
  }
  return copy;
}

interface Loaded {
  lib: Pdfjs;
  /** One worker for the process: every document gets its own handler on it. */
  worker: unknown;
}

let pdfjs: Promise<Loaded> | null = null;
let channel: SameThreadPort | null = null;

/** For the tests: listeners on the worker channel (pdfjs's own two once every document is closed). */
export function channelListeners(): number {
  return channel?.listenerCount ?? 0;
}

/**
 * Built-ins that pdfjs's legacy build may replace: it bundles core-js polyfills, and on Node 20 they
 * swap `Array.prototype.push` for a JavaScript loop (for an edge case of arrays with a read-only
 * length), `JSON.parse` for a version with source-text access and `Function.prototype.toString` —
 * for the whole process, slowing every `push` after the first PDF (ours, pdfjs's and the caller's).
 * Neither pdfjs nor we need those edge cases, so the native functions go back once pdfjs is loaded.
 * (What the polyfills add — `Promise.withResolvers` and the like on Node 20 — stays: pdfjs uses it.)
 */
const BUILT_INS: readonly object[] = [Array.prototype, JSON, Function.prototype, Object, Promise, String.prototype, Uint8Array.prototype];

function ownDescriptors(): Map<object, Map<PropertyKey, PropertyDescriptor>> {
  return new Map(BUILT_INS.map((o) => [o, new Map(Reflect.ownKeys(o).map((k) => [k, Object.getOwnPropertyDescriptor(o, k)!]))]));
}

function restoreReplaced(before: Map<object, Map<PropertyKey, PropertyDescriptor>>): void {
  for (const [o, props] of before) {
    for (const [k, was] of props) {
      const now = Object.getOwnPropertyDescriptor(o, k);
      const same = now !== undefined && Object.is(now.value, was.value) && now.get === was.get && now.set === was.set;
      if (!same && (now === undefined || now.configurable)) Object.defineProperty(o, k, was);
    }
  }
}

/**
 * pdfjs and its worker module, imported once (dynamic imports: pdfjs is ESM only, and they work from
 * our CommonJS build too), joined by a {@link SameThreadPort}; the built-ins they replaced go back
 * once both are loaded.
 */
function loadPdfjs(): Promise<Loaded> {
  pdfjs ??= (async () => {
    const before = ownDescriptors();
    try {
      const lib = (await import("pdfjs-dist/legacy/build/pdf.mjs")) as unknown as Pdfjs;
      const { WorkerMessageHandler } = (await import("pdfjs-dist/legacy/build/pdf.worker.mjs")) as unknown as PdfjsWorkerModule;
      const port = (channel = new SameThreadPort());
      WorkerMessageHandler.initializeFromPort(port);
      return { lib, worker: new lib.PDFWorker({ port, verbosity: 0 }) };
    } finally {
      restoreReplaced(before);
    }
  })();
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

function itemsOf(content: { items: readonly PdfjsTextItem[]; styles: Record<string, { vertical?: boolean }> }, viewport: number[]): TextItem[] {
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
 * PDF, encrypted, damaged. Files of the common kind (see `fast/reader.ts`) are read by our own
 * text-only reader, which gives the items pdfjs would give at a fraction of the cost; every other
 * file, and every file it finds anything wrong with, is read by pdfjs.
 */
export async function readPdfText(bytes: Uint8Array, pages?: readonly number[]): Promise<PdfTextPage[]> {
  if (!isPdf(bytes)) throw new PdfError("YK_PDF_NOT_PDF", "not a PDF: the file does not start with %PDF-");
  const fast = readFast(bytes, pages);
  return fast ?? readWithPdfjs(bytes, pages);
}

/** The text-only reader's pages, or null when the file is not of the kind it reads. */
export function readFast(bytes: Uint8Array, pages?: readonly number[]): PdfTextPage[] | null {
  try {
    return readTextFast(bytes, pages).map((p) => ({ number: p.number, width: p.width, height: p.height, items: itemsOf({ items: p.items, styles: {} }, p.viewport) }));
  } catch (err) {
    // anything unexpected, a bug of ours included, is pdfjs's to read (and to report)
    if (process.env.YK_PDF_DEBUG) console.error(`@yk/pdf: read by pdfjs (${err instanceof Unsupported ? err.message : String(err)})`);
    return null;
  }
}

/** Read the text items with pdfjs. */
export async function readWithPdfjs(bytes: Uint8Array, pages?: readonly number[]): Promise<PdfTextPage[]> {
  if (!isPdf(bytes)) throw new PdfError("YK_PDF_NOT_PDF", "not a PDF: the file does not start with %PDF-");
  const { lib, worker } = await loadPdfjs();
  const dir = pdfjsDir();
  const task = lib.getDocument({
    worker,
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
