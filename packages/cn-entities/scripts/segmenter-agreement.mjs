#!/usr/bin/env node
// The package's own segmenter (jiebaSegmenter, src/jieba.ts) against nodejieba's cut(text, true)
// with the same dictionary (nodejiebaSegmenter): how many of nodejieba's words (offsets and tag)
// ours gives too, on the dev and training sentences (../shared/ner-dev, ner-train: the model's
// features come from these words), a month of People's Daily articles
// (../shared/pd-2019-10) and the bench corpus (bench/corpus.ts); then the time of our tokens(),
// nodejieba's cut and nodejieba's tag over the bench corpus's texts in this one process.
// Needs a build (npm run build). Prints a few differing words per set (only counts when --quiet).
//
// usage: node scripts/segmenter-agreement.mjs [--quiet] [--no-speed]
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const shared = process.env.YK_SHARED ?? join(root, "..", "shared");
const quiet = process.argv.includes("--quiet");
const { jiebaSegmenter, nodejiebaSegmenter, tokensInChunks } = await import("../dist/index.js");
const ours = jiebaSegmenter();
const theirs = nodejiebaSegmenter();

function agreement(label, texts) {
  let same = 0;
  let total = 0;
  let oursTotal = 0;
  let shown = 0;
  for (const text of texts) {
    const a = tokensInChunks(theirs, text);
    const b = tokensInChunks(ours, text);
    const key = (t) => `${t.start}:${t.end}:${t.tag}`;
    const mine = new Set(b.map(key));
    total += a.length;
    oursTotal += b.length;
    for (const t of a) if (mine.has(key(t))) same++;
    if (!quiet && shown < 5 && a.length !== b.length) {
      const d = a.findIndex((t, k) => key(t) !== key(b[k] ?? { start: -1 }));
      if (d >= 0) {
        shown++;
        const s = Math.max(0, d - 3);
        console.log(`  nodejieba: ${a.slice(s, d + 4).map((t) => `${t.word}/${t.tag}`).join(" ")}`);
        console.log(`  ours:      ${b.slice(s, d + 4).map((t) => `${t.word}/${t.tag}`).join(" ")}`);
      }
    }
  }
  console.log(`${label}: ${texts.length} texts, nodejieba ${total} words, ours ${oursTotal}; identical (offsets and tag) ${same} = ${((100 * same) / total).toFixed(3)}%`);
}

const dev = join(shared, "ner-dev", "peoples-daily.dev.jsonl");
if (existsSync(dev)) agreement("dev sentences", readFileSync(dev, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text));
else console.log(`no ${dev}: dev sentences skipped`);
const train = join(shared, "ner-train", "peoples-daily.train.jsonl.gz");
if (existsSync(train)) agreement("training sentences", gunzipSync(readFileSync(train)).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text));
else console.log(`no ${train}: training sentences skipped`);
const pd = join(shared, "pd-2019-10", "articles.jsonl.gz");
if (existsSync(pd)) {
  const articles = gunzipSync(readFileSync(pd)).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  agreement("People's Daily 2019-10 articles", articles.map((a) => [a.kicker, a.title, a.subtitle, ...(a.paragraphs ?? [])].filter(Boolean).join("\n")));
} else console.log(`no ${pd}: articles skipped`);

// the bench corpus, bundled as bench/run.mjs bundles it
const out = mkdtempSync(join(tmpdir(), "yk-seg-"));
const { buildSync } = createRequire(join(root, "package.json"))("esbuild");
buildSync({ entryPoints: [join(root, "bench/corpus.ts")], bundle: true, platform: "node", format: "esm", outfile: join(out, "corpus.mjs"), logLevel: "error" });
const { corpusPages } = await import(join(out, "corpus.mjs"));
rmSync(out, { recursive: true, force: true });
const pages = corpusPages(5 * 1024 * 1024);
const texts = pages.flatMap((p) => p.split(/\n{2,}/)).filter((t) => t.trim().length > 0);
agreement("bench corpus (its pages' blocks)", texts);

if (!process.argv.includes("--no-speed")) {
  const nodejieba = createRequire(import.meta.url)("nodejieba");
  // CPU time of this process (the machine is shared: wall time measured the other jobs too)
  const time = (fn) => {
    globalThis.gc?.();
    const t = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1e6;
  };
  const runs = { ours: [], cut: [], tag: [] };
  for (let r = 0; r < 4; r++) {
    runs.ours.push(time(() => texts.forEach((t) => tokensInChunks(ours, t))));
    runs.cut.push(time(() => texts.forEach((t) => nodejieba.cut(t, true))));
    runs.tag.push(time(() => texts.forEach((t) => nodejieba.tag(t))));
  }
  const best = (a) => Math.min(...a);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  console.log(`speed over ${(chars / 1e6).toFixed(2)} M chars, CPU time, best of 4 interleaved: ours tokens() ${best(runs.ours).toFixed(3)} s, nodejieba cut ${best(runs.cut).toFixed(3)} s, tag ${best(runs.tag).toFixed(3)} s`);
  console.log(`ours / tag = ${(best(runs.ours) / best(runs.tag)).toFixed(2)}×, cut / tag = ${(best(runs.cut) / best(runs.tag)).toFixed(2)}×`);
}
