// Parse an e-paper PDF (page.pdf here: a page printed by @yk/pdf's test composer, or pass your own)
// and print each article's headline group, byline, paragraphs and captions, with its box on the page.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isPdf, parsePdf, PdfError } from "@yk/pdf";

export async function summarize(bytes) {
  if (!isPdf(bytes)) throw new Error("not a PDF");
  const out = [];
  for (const { pageNumber, page, regions } of await parsePdf(bytes, { date: "2025-04-08" })) {
    for (const [i, a] of page.articles.entries()) {
      const box = regions.articles[i].box;
      out.push({
        page: pageNumber,
        kind: a.kind,
        kicker: a.kicker,
        headline: a.headline,
        subheadline: a.subheadline,
        byline: a.byline?.contributors.map((c) => `${c.name} (${c.role ?? "—"}, ${c.kind})`).join("、") ?? null,
        paragraphs: a.paragraphs.length,
        captions: a.captions.map((c) => c.text),
        box: `${box.x0},${box.top} – ${box.x1},${box.bottom} pt`,
      });
    }
    for (const f of page.furniture) out.push({ page: pageNumber, kind: `furniture: ${f.kind}`, text: f.text });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? fileURLToPath(new URL("page.pdf", import.meta.url));
  try {
    for (const item of await summarize(readFileSync(file))) console.log(JSON.stringify(item));
  } catch (err) {
    // one clear line for a file that cannot be read: encrypted, damaged, image-only
    if (err instanceof PdfError) {
      console.error(`${file}: ${err.message} (${err.code})`);
      process.exitCode = 1;
    } else throw err;
  }
}
