#!/usr/bin/env node
// Hashes what the whole pipeline (@yk/cli's parseText: reflow, split, entities) returns over the
// bench corpus and the pathological inputs (1×): a speed change of the entities must leave every
// hash as it was. Run it (after `npx turbo run build --filter=./packages/*`) before and after, and
// compare:
//
//   node packages/cn-entities/scripts/pipeline-hash.mjs           one hash per input set
//   node packages/cn-entities/scripts/pipeline-hash.mjs --quick   the first MB of the corpus only
//
// (bench/output-hash.mjs does the same for reflow and split alone.)
import { buildSync } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseText } from "@yk/cli";
import { PATHOLOGICAL } from "../../../bench/pathological.mjs";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const out = join(root, "bench", "out");
mkdirSync(out, { recursive: true });
buildSync({ entryPoints: [join(root, "bench/corpus.ts")], bundle: true, platform: "node", format: "esm", outfile: join(out, "corpus.mjs"), logLevel: "error" });
const { corpusPages } = await import(join(out, "corpus.mjs"));

const quick = process.argv.includes("--quick");
const MB = 1024 * 1024;

function hashOf(label, raws, options = {}) {
  const all = createHash("sha256");
  const entities = createHash("sha256");
  for (const raw of raws) {
    const page = parseText(raw, options);
    all.update(JSON.stringify(page));
    entities.update(JSON.stringify(page.articles.map((a) => a.entities)));
  }
  console.log(`${label.padEnd(22)} ${String(raws.length).padStart(5)} pages  parseText ${all.digest("hex").slice(0, 16)}  entities ${entities.digest("hex").slice(0, 16)}`);
}

hashOf("bench corpus", corpusPages(quick ? MB : 5 * MB));
hashOf("bench corpus, dated", corpusPages(MB).slice(0, 200), { date: "2023-01-12" });
hashOf("pathological (1×)", Object.values(PATHOLOGICAL).map((make) => make(1)));
