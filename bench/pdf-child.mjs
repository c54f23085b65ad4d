// One process, one core: parse a PDF file with @yk/pdf (pdfjs runs its worker in this thread under
// Node), then the text pipeline on the same pages' text renditions. Prints one JSON line.
import { readFileSync } from "node:fs";
import { parsePdf } from "@yk/pdf";
import { splitPage } from "@yk/article-split";
import { parseText } from "@yk/cli";

const bytes = readFileSync(process.argv[1]);
const runs = Number(process.argv[2] ?? 3);
await parsePdf(bytes); // warm: pdfjs loads once per process
const pdfTimes = [];
let results;
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  results = await parsePdf(bytes);
  pdfTimes.push(performance.now() - t);
}
const texts = results.map((r) => r.text);
for (const t of texts) parseText(t, {}); // warm: the segmenter's dictionary
const time = (fn) => {
  const ts = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return Math.min(...ts);
};
const split = time(() => texts.forEach((t) => splitPage(t)));
const whole = time(() => texts.forEach((t) => parseText(t, {})));
console.log(JSON.stringify({
  pages: results.length,
  chars: texts.reduce((n, t) => n + t.length, 0),
  pdf: Math.min(...pdfTimes),
  split,
  whole,
  maxRSS: process.resourceUsage().maxRSS / 1024,
}));
