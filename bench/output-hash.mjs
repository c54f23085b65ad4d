#!/usr/bin/env node
// Hashes what reflow and splitReflowed return over the bench corpus, the pathological inputs (1×)
// and the composed tune pages (1–20 October, when ../shared/pd-2019-10 is there): a speed change
// must leave every hash as it was. Run it (after a build) before and after, and compare:
//
//   node bench/output-hash.mjs            prints one hash per input set
//   node bench/output-hash.mjs --quick    the first MB of the corpus only
import { buildSync } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { reflow } from "@yk/reflow";
import { splitReflowed } from "@yk/article-split";
import { PATHOLOGICAL } from "./pathological.mjs";
import { composePage, seedOf } from "../packages/article-split/scripts/compose-page.mjs";
import { loadPdPages, splitOf } from "../packages/article-split/scripts/pd-pages.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "bench", "out");
mkdirSync(out, { recursive: true });
buildSync({ entryPoints: [join(root, "bench/corpus.ts")], bundle: true, platform: "node", format: "esm", outfile: join(out, "corpus.mjs"), logLevel: "error" });
const { corpusPages } = await import(join(out, "corpus.mjs"));

const quick = process.argv.includes("--quick");
const MB = 1024 * 1024;

function hashOf(label, raws) {
  const reflowHash = createHash("sha256");
  const splitHash = createHash("sha256");
  for (const raw of raws) {
    const reflowed = reflow(raw);
    reflowHash.update(JSON.stringify(reflowed));
    splitHash.update(JSON.stringify(splitReflowed(reflowed)));
  }
  console.log(`${label.padEnd(22)} ${String(raws.length).padStart(5)} pages  reflow ${reflowHash.digest("hex").slice(0, 16)}  split ${splitHash.digest("hex").slice(0, 16)}`);
}

hashOf("bench corpus", corpusPages(quick ? MB : 5 * MB));
hashOf("pathological (1×)", Object.values(PATHOLOGICAL).map((make) => make(1)));
const pd = loadPdPages();
if (!pd) console.log("composed tune pages: ../shared/pd-2019-10 not found, skipped");
else {
  const tune = pd.filter((p) => splitOf(p) === "tune");
  const raws = [];
  for (const p of tune) for (let v = 0; v < 2; v++) raws.push(composePage(p, seedOf(`${p.id}#${v}`)).raw);
  hashOf("composed tune pages", raws);
}
