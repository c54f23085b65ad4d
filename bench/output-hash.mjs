#!/usr/bin/env node
// Hashes what reflow and splitReflowed return over the bench corpus, the pathological inputs (1×)
// and the composed tune pages (1–20 October, when ../shared/pd-2019-10 is there), or with
// --pipeline what the whole pipeline returns (@yk/cli's parseText: reflow, split, entities): a
// speed change must leave every hash as it was. Run it (after a build) before and after, and compare:
//
//   node bench/output-hash.mjs              prints one hash per input set
//   node bench/output-hash.mjs --quick      the first MB of the corpus only
//   node bench/output-hash.mjs --pipeline   parseText and its entities (the corpus, a dated part, the pathological inputs)
import { buildSync } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { reflow } from "@yk/reflow";
import { splitReflowed } from "@yk/article-split";
import { parseText } from "@yk/cli";
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

/** The whole pipeline's output, and its entities alone (what a change of the entity stage may touch). */
function pipelineHashOf(label, raws, options = {}) {
  const all = createHash("sha256");
  const entities = createHash("sha256");
  for (const raw of raws) {
    const page = parseText(raw, options);
    all.update(JSON.stringify(page));
    entities.update(JSON.stringify(page.articles.map((a) => a.entities)));
  }
  console.log(`${label.padEnd(22)} ${String(raws.length).padStart(5)} pages  parseText ${all.digest("hex").slice(0, 16)}  entities ${entities.digest("hex").slice(0, 16)}`);
}

if (process.argv.includes("--pipeline")) {
  pipelineHashOf("bench corpus", corpusPages(quick ? MB : 5 * MB));
  pipelineHashOf("bench corpus, dated", corpusPages(MB).slice(0, 200), { date: "2023-01-12" });
  pipelineHashOf("pathological (1×)", Object.values(PATHOLOGICAL).map((make) => make(1)));
  process.exit(0);
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
