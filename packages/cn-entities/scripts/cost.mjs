#!/usr/bin/env node
// Where the entities' time goes, as fractions of a bare nodejieba.tag pass over the same article texts
// (the bench corpus's articles, one text per article as extractFields reads them), all in one run:
//   segmentation  tokensInChunks over each article (the default segmenter: the package's own jieba)
//   model         features, scoring and Viterbi (modelSpans): a pass of segmentation and model, less segmentation
//   rules         extractFields less that pass of segmentation and model (companies, titles, local bodies,
//                 resolution)
// (The model measured on its own, over tokens made beforehand, is cheaper than after the segmenter: jieba's
// work evicts its weights from the CPU's caches. Both are printed.)
// Each timing is the best of interleaved passes, in CPU time (--single-threaded: V8's GC and compiler
// then work on this thread and count once). Run it as
//   node --expose-gc --single-threaded packages/cn-entities/scripts/cost.mjs [options]
//   --mb <n>       corpus size (default 1)
//   --runs <n>     passes of each (default 4)
//   --before <dir> also measure another copy of this package side by side (its src/ and model/, e.g.
//                  `git archive HEAD~3 packages/cn-entities/src packages/cn-entities/model | tar -x -C
//                  packages/cn-entities/.cost/before --strip-components=2`: inside the repository, where
//                  node_modules resolve; .cost/ is ignored by git)
// Run after `npx turbo run build --filter=./packages/*`, from the repository root or anywhere.
import { buildSync } from "esbuild";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import nodejieba from "nodejieba";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "..", "..", "..");
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const mb = Number(arg("--mb", "1"));
const before = arg("--before", null) && resolve(arg("--before", null));
const out = join(root, "bench", "out");
mkdirSync(out, { recursive: true });

const bundle = (entry, file, dir = out) => {
  mkdirSync(dir, { recursive: true });
  buildSync({
    stdin: { contents: entry, resolveDir: root, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: join(dir, file),
    external: ["nodejieba", "lunar-javascript"],
    nodePaths: [join(root, "node_modules")],
    logLevel: "error",
  });
  return import(join(dir, file));
};
const entryOf = (src) => `
export { createExtractor } from ${JSON.stringify(join(src, "extract.ts"))};
export { jiebaSegmenter, tokensInChunks } from ${JSON.stringify(join(src, "segmenter.ts"))};
export { modelSpans, shippedModel } from ${JSON.stringify(join(src, "model.ts"))};
`;
const { corpusPages } = await bundle(`export { corpusPages } from ${JSON.stringify(join(root, "bench/corpus.ts"))};`, "cost-corpus.mjs");
const { reflow } = await import("@yk/reflow");
const { splitReflowed } = await import("@yk/article-split");

// (each bundle beside its package's model/: the code finds its data files at ../model)
const versions = [["now", await bundle(entryOf(join(here, "..", "src")), "now.mjs", join(here, "..", ".cost"))]];
if (before) versions.push(["before", await bundle(entryOf(join(before, "src")), "before.mjs", join(before, ".cost"))]);

const pages = corpusPages(mb * 1024 * 1024);
// (the fields as the pipeline reads them: the built package's articleFields, whichever versions are compared)
const { articleFields } = await import("@yk/cn-entities");
const articles = pages.flatMap((p) => splitReflowed(reflow(p)).articles.map(articleFields));
const texts = articles.map((fields) => fields.map((f) => f.text).join("\n"));
const chars = texts.reduce((s, t) => s + t.length, 0);

const time = (fn) => {
  globalThis.gc?.();
  // process CPU time: run with --single-threaded so that V8's GC and compiler work on this thread
  // and count once (the machine is shared: wall time measures the other jobs too)
  const t = process.cpuUsage();
  const spent = fn();
  const d = process.cpuUsage(t);
  return spent ?? (d.user + d.system) / 1e6;
};

const passes = [["tag", () => texts.forEach((t) => nodejieba.tag(t))]];
for (const [name, m] of versions) {
  // the default segmenter (the package's own jieba), as extractFields runs by default
  const segmenter = m.jiebaSegmenter();
  const extractor = m.createExtractor({ segmenter });
  extractor.extract("市委副书记、市长胡勇春走访企业。");
  const model = m.shippedModel();
  passes.push([`${name} segmentation`, () => texts.forEach((t) => m.tokensInChunks(segmenter, t))]);
  // (the model alone: each text's tokens made outside the timing, none kept: a heap holding every
  // text's tokens makes each garbage collection dearer, and the passes after it with it)
  passes.push([`${name} model`, () => {
    let spent = 0;
    for (const t of texts) {
      const tokens = m.tokensInChunks(segmenter, t);
      const from = process.cpuUsage();
      m.modelSpans(model, t, tokens);
      const d = process.cpuUsage(from);
      spent += d.user + d.system;
    }
    return spent / 1e6;
  }]);
  passes.push([`${name} segmentation+model`, () => texts.forEach((t) => m.modelSpans(model, t, m.tokensInChunks(segmenter, t)))]);
  passes.push([`${name} extractFields`, () => articles.forEach((f) => extractor.extractFields(f))]);
}
nodejieba.tag("热身");
const runs = Number(arg("--runs", "4"));
const best = new Map(passes.map(([name]) => [name, Infinity]));
for (let r = 0; r < runs; r++) for (const [name, fn] of passes) best.set(name, Math.min(best.get(name), time(fn)));

const tag = best.get("tag");
console.log(`${texts.length} articles, ${(chars / 1e6).toFixed(2)} M chars; CPU seconds, best of ${runs} interleaved passes; bare tag ${tag.toFixed(3)} s`);
for (const [name] of versions) {
  const seg = best.get(`${name} segmentation`);
  const segModel = best.get(`${name} segmentation+model`);
  const all = best.get(`${name} extractFields`);
  const f = (s) => `${(s / tag).toFixed(2)}×`;
  if (name !== "now") console.log(`now / ${name}: extractFields ${(best.get("now extractFields") / all).toFixed(2)}, segmentation and model ${(best.get("now segmentation+model") / segModel).toFixed(2)}, model alone ${(best.get("now model") / best.get(`${name} model`)).toFixed(2)}`);
  console.log(`${name}: extractFields ${f(all)} = segmentation ${f(seg)} + model ${f(segModel - seg)} + rules ${f(all - segModel)}; model alone over tokens given ${f(best.get(`${name} model`))} (a tag pass = 1)`);
}
