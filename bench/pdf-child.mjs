// One process, one core: parse a PDF file with @yk/pdf (its own text-only reader, or pdfjs for files
// of other kinds, whose worker runs in this thread under Node) — its two layers timed apart: reading
// the text items, then our layout — then the text
// pipeline on the same pages' text renditions. Each step: the best of N runs after a warm-up, in
// wall time and in CPU time (user + system of this process: steadier than wall time when other
// jobs share the cores). With "rss" as the third argument: one parsePdf in this fresh process, and
// its peak RSS (peakRssMB comes from bench/run.mjs, which runs this script).
import { readFileSync } from "node:fs";
import { layoutPage, parsePdf, readPdfText } from "@yk/pdf";

const bytes = readFileSync(process.argv[1]);
if (process.argv[3] === "rss") {
  const before = peakRssMB();
  const results = await parsePdf(bytes);
  console.log(JSON.stringify({ pages: results.length, before, peak: peakRssMB() }));
  process.exit(0);
}
const runs = Number(process.argv[2] ?? 5);
// warm: pdfjs (when needed) loads once per process, and the JIT settles over the first few runs
for (let i = 0; i < 3; i++) await parsePdf(bytes);
const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const best = async (fn) => {
  let wall = Infinity;
  let cpu = Infinity;
  let value;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const c = cpuNow();
    value = await fn();
    cpu = Math.min(cpu, cpuNow() - c);
    wall = Math.min(wall, performance.now() - t);
  }
  return [{ wall, cpu }, value];
};
const [total, results] = await best(() => parsePdf(bytes));
const [read, textPages] = await best(() => readPdfText(bytes));
const [layout] = await best(() => textPages.map((p) => layoutPage(p)));

const { splitPage } = await import("@yk/article-split");
const { parseText } = await import("@yk/cli");
const texts = results.map((r) => r.text);
for (const t of texts) parseText(t, {}); // warm: the segmenter's dictionary
const [split] = await best(() => texts.forEach((t) => splitPage(t)));
const [whole] = await best(() => texts.forEach((t) => parseText(t, {})));
console.log(JSON.stringify({ pages: results.length, chars: texts.reduce((n, t) => n + t.length, 0), total, read, layout, split, whole }));
