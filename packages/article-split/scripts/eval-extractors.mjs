#!/usr/bin/env node
// splitPage on the text that pdftotext, pdfminer and pdf.js give of generated multi-column PDFs
// (@yk/pdf's test page generator: invented text, gold by construction), one figure per extractor.
//
//   articles F1     gold vs found articles (not "other"), an article matched by its exact headline
//   head fields     kicker, headline and subheadline exact, over matched articles
//   contrib         byline names exactly as printed, over matched articles
//   paragraphs      exact-paragraph F1 over matched articles
//   lost / twice    non-white-space characters of the extracted text in no output span / in two
//
// usage: node packages/article-split/scripts/eval-extractors.mjs [--pages N] [--seed S]
//          [--extractor pdftotext|pdfminer|pdfjs] [--raw] [--json] [--out DIR]
// --raw parses with the reflow option extractor: "none" (no normalization: the baseline).
// --out DIR writes each page's extracted text there (scratch files, never committed).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { splitPage } from "@yk/article-split";
import { loadTestUtils } from "../../pdf/scripts/build-test-utils.mjs";
import { EXTRACTORS, extractPages, missingExtractor } from "./extractors.mjs";
import { coverage } from "./eval-layout.mjs";

function parseArgs(argv) {
  const opts = { pages: 12, seed: 1, extractors: EXTRACTORS, raw: false, json: false, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === "--pages") opts.pages = Number(value());
    else if (a === "--seed") opts.seed = Number(value());
    else if (a === "--extractor") opts.extractors = value().split(",");
    else if (a === "--raw") opts.raw = true;
    else if (a === "--json") opts.json = true;
    else if (a === "--out") opts.out = value();
    else usage(`unknown argument ${a}`);
  }
  for (const e of opts.extractors) if (!EXTRACTORS.includes(e)) usage(`--extractor must be among ${EXTRACTORS.join(", ")}`);
  if (!Number.isInteger(opts.pages) || opts.pages < 1) usage("--pages must be a positive integer");
  return opts;
}

function usage(message) {
  console.error(`eval-extractors: ${message}\nusage: eval-extractors.mjs [--pages N] [--seed S] [--extractor pdftotext|pdfminer|pdfjs] [--raw] [--json] [--out DIR]`);
  process.exit(2);
}

const main = async () => {
  const opts = parseArgs(process.argv.slice(2));
  const { composePdf, generatePage, score } = await loadTestUtils();
  const specs = Array.from({ length: opts.pages }, (_, i) => generatePage(opts.seed + i));
  const { bytes, pages: printed } = await composePdf(specs);
  const rows = {};
  for (const style of opts.extractors) {
    const missing = missingExtractor(style);
    if (missing) {
      console.log(`${style}: skipped, ${missing}`);
      continue;
    }
    const texts = await extractPages(bytes, style);
    const parsed = [];
    const cov = { chars: 0, lost: 0, twice: 0 };
    const t0 = performance.now();
    texts.forEach((text, i) => {
      if (opts.out) {
        mkdirSync(opts.out, { recursive: true });
        writeFileSync(join(opts.out, `${style}-${opts.seed + i}.txt`), text);
      }
      // pdf.js text cannot be told from typed text with single line breaks: a user says which it is
      const page = splitPage(text, opts.raw ? { extractor: "typeset" } : style === "pdfjs" ? { extractor: "pdfjs" } : {});
      parsed.push(page);
      const c = coverage(text, page);
      for (const k of Object.keys(cov)) cov[k] += c[k];
    });
    const ms = performance.now() - t0;
    const s = score(printed, parsed);
    rows[style] = { ...s, ...cov, ms };
  }
  if (opts.json) return console.log(JSON.stringify(rows, null, 1));
  const f = (x) => x.toFixed(3);
  console.log(`splitPage on ${opts.pages} generated pages (seeds ${opts.seed}–${opts.seed + opts.pages - 1})${opts.raw ? ", no extractor normalization" : ""}`);
  console.log("extractor   art F1  found/gold  head fields  contrib  paragraphs  lost  twice");
  for (const [style, r] of Object.entries(rows)) {
    console.log(
      `${style.padEnd(10)}  ${f(r.articles.f1)}  ${`${r.articles.found}/${r.articles.gold}`.padStart(10)}  ${f(r.headlineFields).padStart(11)}  ${f(r.bylines).padStart(7)}  ${f(r.paragraphs).padStart(10)}  ${String(r.lost).padStart(4)}  ${String(r.twice).padStart(5)}`,
    );
  }
};

await main();
