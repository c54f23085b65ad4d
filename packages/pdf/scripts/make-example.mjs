#!/usr/bin/env node
// Print the example page (examples/pdf-page/page.pdf) from the test composer: seed 42, one page.
import { writeFileSync } from "node:fs";
import { loadTestUtils } from "./build-test-utils.mjs";

const { composePdf, generatePage } = await loadTestUtils();
const { bytes, pages } = await composePdf([generatePage(42)]);
const out = new URL("../../../examples/pdf-page/page.pdf", import.meta.url);
writeFileSync(out, bytes);
console.log(`${out.pathname}: ${(bytes.length / 1024).toFixed(0)} kB, ${pages[0].articles.length} articles`);
