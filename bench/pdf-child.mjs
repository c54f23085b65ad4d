// One process, one core: parse a PDF file with @yk/pdf (pdfjs runs its worker in this thread under
// Node) — its two layers timed apart: pdfjs reading the text items, then our layout — then the text
// pipeline on the same pages' text renditions. Peak RSS is taken before the text pipeline loads.
import { readFileSync } from "node:fs";
import { layoutPage, parsePdf, readPdfText } from "@yk/pdf";

const bytes = readFileSync(process.argv[1]);
const runs = Number(process.argv[2] ?? 3);
await parsePdf(bytes); // warm: pdfjs loads once per process
const best = async (fn) => {
  let min = Infinity;
  let value;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    value = await fn();
    min = Math.min(min, performance.now() - t);
  }
  return [min, value];
};
const [total, results] = await best(() => parsePdf(bytes));
const [read, textPages] = await best(() => readPdfText(bytes));
const [layout] = await best(() => textPages.map((p) => layoutPage(p)));
const pdfRSS = process.resourceUsage().maxRSS / 1024;

const { splitPage } = await import("@yk/article-split");
const { parseText } = await import("@yk/cli");
const texts = results.map((r) => r.text);
for (const t of texts) parseText(t, {}); // warm: the segmenter's dictionary
const [split] = await best(() => texts.forEach((t) => splitPage(t)));
const [whole] = await best(() => texts.forEach((t) => parseText(t, {})));
console.log(JSON.stringify({ pages: results.length, chars: texts.reduce((n, t) => n + t.length, 0), total, read, layout, split, whole, pdfRSS }));
