// Page text as the common PDF extractors give it, for the evaluations and the fixtures: the user's
// view of a PDF when they run whatever tool they have. Nothing is installed here: a missing tool is
// reported (with the command that installs it) and its style skipped by the caller.
//
//   pdftotext  poppler-utils (Debian: apt-get install -y poppler-utils), no options
//   pdfminer   pdfminer.six's pdf2txt (Debian: apt-get install -y python3-pdfminer), default options
//   pdfjs      pdfjs-dist (a dependency of @yk/pdf): getTextContent items joined as a user would,
//              '' between items and a newline after an item with hasEOL, pages joined by a blank line
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const EXTRACTORS = ["pdftotext", "pdfminer", "pdfjs"];

const INSTALL = {
  pdftotext: "apt-get install -y poppler-utils",
  pdfminer: "apt-get update && apt-get install -y python3-pdfminer (gives pdf2txt)",
  pdfjs: "npm ci (pdfjs-dist is a dependency of @yk/pdf)",
};

const hasCommand = (cmd, args) => spawnSync(cmd, args, { stdio: "ignore" }).error === undefined;

/** null when the extractor can run here, else what is missing and how to install it. */
export function missingExtractor(style) {
  if (style === "pdftotext") return hasCommand("pdftotext", ["-v"]) ? null : `pdftotext not found (${INSTALL.pdftotext})`;
  if (style === "pdfminer") return pdf2txtCommand() ? null : `pdf2txt (pdfminer.six) not found (${INSTALL.pdfminer})`;
  if (style === "pdfjs") {
    try {
      createRequire(import.meta.url).resolve("pdfjs-dist/package.json");
      return null;
    } catch {
      return `pdfjs-dist not found (${INSTALL.pdfjs})`;
    }
  }
  return `unknown extractor ${style} (one of ${EXTRACTORS.join(", ")})`;
}

function pdf2txtCommand() {
  for (const cmd of ["pdf2txt", "pdf2txt.py"]) if (hasCommand(cmd, ["--version"])) return cmd;
  return null;
}

/** The text of a PDF (bytes) as the extractor prints it, all pages. */
export async function extractText(bytes, style) {
  const missing = missingExtractor(style);
  if (missing) throw new Error(missing);
  if (style === "pdfjs") return pdfjsText(bytes);
  const dir = mkdtempSync(join(tmpdir(), "yk-extract-"));
  try {
    const file = join(dir, "page.pdf");
    writeFileSync(file, bytes);
    const opts = { encoding: "utf8", maxBuffer: 1 << 28 };
    if (style === "pdftotext") return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], opts);
    return execFileSync(pdf2txtCommand(), [file], opts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One string per page (pdftotext and pdfminer end each page with a form feed). */
export async function extractPages(bytes, style) {
  if (style === "pdfjs") return pdfjsPages(bytes);
  const text = await extractText(bytes, style);
  const pages = text.split("\f");
  if (pages.length > 1 && pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

async function pdfjsText(bytes) {
  return (await pdfjsPages(bytes)).join("\n\n");
}

async function pdfjsPages(bytes) {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve("pdfjs-dist/package.json"));
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(dir, "cmaps") + "/",
    cMapPacked: true,
    standardFontDataUrl: join(dir, "standard_fonts") + "/",
    verbosity: 0,
  }).promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => (it.str ?? "") + (it.hasEOL ? "\n" : "")).join(""));
  }
  await doc.destroy();
  return pages;
}
