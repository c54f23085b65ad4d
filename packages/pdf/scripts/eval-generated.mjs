#!/usr/bin/env node
// The figures on generated pages, gold by construction, after a build:
//   node scripts/eval-generated.mjs [pages=60] [firstSeed=8000]
// article F1, headline fields exact, paragraph F1, bylines, captions, advertisements, and three
// counts of lost characters: the scorer's (gold paragraph characters found nowhere in the output),
// the text items pdfjs read that are missing from the page's text rendition, and — when poppler's
// pdftotext is installed — the characters poppler reads from the file that are missing from it
// (an independent reader). Every count is a multiset difference over non-space characters.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadTestUtils } from "./build-test-utils.mjs";

const { composePdf, generatePage, score, coverage, missingCharacters: missing } = await loadTestUtils();
const { parsePdf, readPdfText } = await import("../dist/index.js");

const count = Number(process.argv[2] ?? 60);
const first = Number(process.argv[3] ?? 8000);

function pdftotext(bytes) {
  const dir = mkdtempSync(join(tmpdir(), "yk-pdf-eval-"));
  try {
    writeFileSync(join(dir, "in.pdf"), bytes);
    return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", join(dir, "in.pdf"), "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split("\f");
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const specs = Array.from({ length: count }, (_, i) => generatePage(first + i));
const { bytes, pages } = await composePdf(specs);
const results = await parsePdf(bytes);
const s = score(pages, results.map((r) => r.page));
const items = await readPdfText(bytes);
const poppler = pdftotext(bytes);
let lostItems = 0;
let lostPoppler = poppler ? 0 : null;
let uncovered = 0;
let twice = 0;
results.forEach((r, i) => {
  lostItems += missing(items[i].items.map((it) => it.text).join(""), r.text);
  if (poppler) lostPoppler += missing(poppler[i] ?? "", r.text);
  const c = coverage(r.page, r.text);
  uncovered += c.lost;
  twice += c.twice;
});
const f = (x) => x.toFixed(3);
console.log(`| pages (seeds) | articles | article F1 | headline fields exact | paragraph F1 | bylines | captions | ads as kind "other" | lost (scorer) | lost: pdfjs items → rendition | lost: pdftotext → rendition | rendition characters in no field / in two |`);
console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|`);
console.log(
  `| ${count} (${first}–${first + count - 1}) | ${s.articles.gold} | ${f(s.articles.f1)} | ${f(s.headlineFields)} | ${f(s.paragraphs)} | ${f(s.bylines)} | ${f(s.captions)} | ${s.ads.found} of ${s.ads.gold} | ${s.lost} | ${lostItems} | ${lostPoppler ?? "(no pdftotext)"} | ${uncovered} / ${twice} |`,
);
