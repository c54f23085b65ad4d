#!/usr/bin/env node
// Write the committed fixtures of extractor output: generated multi-column PDFs (@yk/pdf's test page
// generator: text invented for the tests, no corpus) run through pdftotext, pdfminer and pdf.js, with
// the printed specs as gold — test/fixtures/extractors/{style}-{seed}.txt and gold-{seed}.json.
// A missing extractor is reported and its fixtures left as they are.
//
// usage: node packages/article-split/scripts/extract-fixtures.mjs [--pages N] [--seed S]
import { writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadTestUtils } from "../../pdf/scripts/build-test-utils.mjs";
import { EXTRACTORS, extractPages, missingExtractor } from "./extractors.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const count = arg("--pages", 4);
const first = arg("--seed", 101);
const dir = fileURLToPath(new URL("../test/fixtures/extractors/", import.meta.url));
mkdirSync(dir, { recursive: true });
const { composePdf, generatePage } = await loadTestUtils();
const { bytes, pages } = await composePdf(Array.from({ length: count }, (_, i) => generatePage(first + i)));
pages.forEach((spec, i) => writeFileSync(`${dir}gold-${first + i}.json`, JSON.stringify(spec, null, 1) + "\n"));
for (const style of EXTRACTORS) {
  const missing = missingExtractor(style);
  if (missing) {
    console.log(`extract-fixtures: ${style} skipped, ${missing}`);
    continue;
  }
  const texts = await extractPages(bytes, style);
  texts.forEach((t, i) => writeFileSync(`${dir}${style}-${first + i}.txt`, t));
  console.log(`extract-fixtures: ${style}: ${texts.length} pages`);
}
