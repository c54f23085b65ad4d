#!/usr/bin/env node
// The real e-paper front page (../shared/epaper/*.pdf, never committed) through each text extractor:
// is every article found with its own headline? The articles to find are those @yk/pdf reads from
// the PDF itself (checked by hand, see its README); an article is found when a parsed article has
// the same headline (white space aside) and a body of the same text (character-bigram Dice ≥ 0.8).
// Prints one row per extractor, no text of the page: the articles (a1… in @yk/pdf's order) missed
// (no parsed article with their headline and body) and those found with their own headline.
//
// usage: node packages/article-split/scripts/eval-real-page.mjs [--file PDF] [--extractor auto|typeset|...]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { splitPage } from "@yk/article-split";
import { EXTRACTORS, extractPages, missingExtractor } from "./extractors.mjs";
import { dice } from "./eval-layout.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dir = resolve(here, "../../../../shared/epaper");
const file = arg("--file", existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".pdf")).map((f) => join(dir, f))[0] : undefined);
const extractor = arg("--extractor", "auto");
if (!file || !existsSync(file)) {
  console.log("eval-real-page: no PDF in ../shared/epaper, skipping (the real page is read from there, never shipped).");
  process.exit(0);
}
const bytes = readFileSync(file);
const { parsePdf } = await import("@yk/pdf");
const gold = (await parsePdf(new Uint8Array(bytes)))[0].page.articles;
const strip = (s) => (s ?? "").replace(/\s+/g, "");
const body = (a) => strip(a.paragraphs.map((p) => p.text).join(""));

console.log(`${gold.length} articles on the page (as @yk/pdf reads it); parsed with extractor: ${extractor}`);
console.log("extractor   detected   articles  own headline  headline+body  missed          with own headline");
for (const style of EXTRACTORS) {
  const missing = missingExtractor(style);
  if (missing) {
    console.log(`${style.padEnd(10)}  skipped: ${missing}`);
    continue;
  }
  const [text] = await extractPages(bytes, style);
  const page = splitPage(text, { extractor });
  const found = page.articles.filter((a) => a.kind !== "other");
  let own = 0;
  let whole = 0;
  const missed = [];
  const headed = [];
  gold.forEach((g, i) => {
    const same = found.filter((a) => strip(a.headline) === strip(g.headline));
    if (same.length > 0) {
      own++;
      headed.push(`a${i + 1}`);
    }
    if (same.some((a) => body(g) === "" ? body(a) === "" : dice(body(g), body(a)) >= 0.8)) whole++;
    else missed.push(`a${i + 1}`);
  });
  const detected = (await import("@yk/reflow")).detectExtractorStyle(text);
  console.log(`${style.padEnd(10)}  ${detected.padEnd(9)}  ${String(found.length).padStart(8)}  ${`${own}/${gold.length}`.padStart(12)}  ${`${whole}/${gold.length}`.padStart(13)}  ${(missed.join(" ") || "–").padEnd(14)}  ${headed.join(" ") || "–"}`);
}
