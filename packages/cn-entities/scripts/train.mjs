#!/usr/bin/env node
// Train the entity model: an averaged structured perceptron over BIOES tags, decoded by Viterbi,
// on the People's Daily training split in ../shared/ner-train, with the features of
// src/features.ts (through dist/: run `npm run build` first). Deterministic: a fixed seed orders
// the sentences of each epoch. Writes model/entities.bin and reports the model's F1 on the dev
// split at a few pruning levels (the whole extractor's F1: scripts/eval-ner.mjs).
//
// usage: node scripts/train.mjs [--epochs N] [--bits B] [--prune K] [--gate-min N] [--out FILE] [--dev-only-report]
// env YK_SHARED: the shared data directory (default: ../shared beside the repository)
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync, gunzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "..");
const shared = resolve(process.env.YK_SHARED ?? join(packageDir, "..", "..", "..", "shared"));
const trainFile = join(shared, "ner-train", "peoples-daily.train.jsonl.gz");
const devFile = join(shared, "ner-dev", "peoples-daily.dev.jsonl");
if (!existsSync(trainFile)) {
  console.error(`train: the training split is not there: ${trainFile}\n(set YK_SHARED to the directory holding ner-train/ and ner-dev/)`);
  process.exit(2);
}
if (!existsSync(join(packageDir, "dist", "features.js"))) {
  console.error("train: dist/features.js is missing: run `npm run build` first");
  process.exit(2);
}
const { textFeatures, tagsOf, emissions, packedEmissions, viterbi, spansOf, hashOfWord, makeWordSet, TAG_COUNT, FEATURES_PER_CHAR, MODEL_TYPES } = await import("../dist/features.js");
const { decodeModel, MODEL_VERSION } = await import("../dist/model.js");
const { jiebaSegmenter, tokensInChunks } = await import("../dist/index.js");

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const EPOCHS = option("--epochs", 10);
const BITS = option("--bits", 18);
const PRUNE = option("--prune", 2);
const GATE_MIN = option("--gate-min", 5);
const SEED = 20261203;
const out = args.includes("--out") ? resolve(args[args.indexOf("--out") + 1]) : join(packageDir, "model", "entities.bin");
const T = TAG_COUNT;
const F = FEATURES_PER_CHAR;
const W = T + 1;

const t0 = performance.now();
const seconds = () => ((performance.now() - t0) / 1000).toFixed(1);
const readRows = (text) => text.split("\n").filter(Boolean).map((l) => JSON.parse(l));
const trainRows = readRows(gunzipSync(readFileSync(trainFile)).toString("utf8"));
const devRows = existsSync(devFile) ? readRows(readFileSync(devFile, "utf8")) : [];
if (devRows.length === 0) console.warn(`train: no dev split at ${devFile}: no F1 reported`);

const segmenter = jiebaSegmenter();
const withTokens = (row) => ({ ...row, tokens: tokensInChunks(segmenter, row.text) });
const trainTokenized = trainRows.map(withTokens);

// The outside words: words the training split has at least GATE_MIN times and never in (or
// overlapping) an entity. Their characters are outside by construction, neither featurized nor
// scored (a third of a news text's characters), so the extractor's model runs on the rest. Shipped as
// hashes in the model's header.
const seen = new Map();
for (const row of trainTokenized) {
  const inside = new Uint8Array(row.text.length);
  for (const e of row.entities) inside.fill(1, e.start, e.end);
  for (const t of row.tokens) {
    const h = hashOfWord(t.word);
    let s = seen.get(h);
    if (s === undefined) seen.set(h, (s = { count: 0, inEntity: 0 }));
    s.count++;
    if (inside.subarray(t.start, t.end).includes(1)) s.inEntity++;
  }
}
const outsideHashes = [...seen].filter(([, s]) => s.count >= GATE_MIN && s.inEntity === 0).map(([h]) => h).sort((a, b) => a - b);
const outsideWords = makeWordSet(outsideHashes);
console.log(`train: ${outsideHashes.length} outside words (seen ≥ ${GATE_MIN} times, never in an entity)`);

const prepare = (row) => {
  const tokens = row.tokens ?? tokensInChunks(segmenter, row.text);
  const { ids, outside } = textFeatures(row.text, tokens, BITS, false, outsideWords);
  return { text: row.text, n: row.text.length, features: ids, outside, gold: tagsOf(row.entities, row.text.length), entities: row.entities };
};
// a sentence whose entities take in a character the features rule out (in 的/uj, after 、) cannot be
// tagged right: learning from it would only push the transitions without end
const reachable = (s) => s.gold.every((g, i) => g === 0 || s.outside[i] === 0);
const prepared = trainTokenized.map(prepare);
const train = prepared.filter(reachable);
if (train.length < prepared.length) console.log(`train: ${prepared.length - train.length} sentences left out: an entity takes in a character outside the features`);
const dev = devRows.map(prepare);
console.log(`train: ${train.length} training sentences, ${dev.length} dev sentences read and featurized in ${seconds()} s`);

// the perceptron: weights, and for the average the sum of (step × update) (w_avg = w - u / steps)
const size = 2 ** BITS * T;
const w = new Float32Array(size);
const u = new Float64Array(size);
const tw = new Float64Array(W * W);
const tu = new Float64Array(W * W);

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const order = train.map((_, k) => k);

let step = 1;
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  let wrong = 0;
  for (const k of order) {
    const s = train[k];
    if (s.n === 0) continue;
    const predicted = viterbi(emissions(s.features, s.n, w, s.outside), s.n, tw, s.outside);
    const gold = s.gold;
    let differs = false;
    for (let i = 0; i < s.n; i++) {
      const g = gold[i];
      const p = predicted[i];
      if (g === p) continue;
      differs = true;
      for (let f = 0; f < F; f++) {
        const o = s.features[i * F + f] * T;
        w[o + g] += 1;
        u[o + g] += step;
        w[o + p] -= 1;
        u[o + p] -= step;
      }
    }
    if (differs) {
      wrong++;
      for (let i = 0; i <= s.n; i++) {
        const gFrom = i === 0 ? T : gold[i - 1];
        const pFrom = i === 0 ? T : predicted[i - 1];
        const gTo = i === s.n ? T : gold[i];
        const pTo = i === s.n ? T : predicted[i];
        if (gFrom === pFrom && gTo === pTo) continue;
        tw[gFrom * W + gTo] += 1;
        tu[gFrom * W + gTo] += step;
        tw[pFrom * W + pTo] -= 1;
        tu[pFrom * W + pTo] -= step;
      }
    }
    step++;
  }
  console.log(`train: epoch ${epoch}: ${wrong} of ${train.length} sentences tagged wrong (${seconds()} s)`);
}

// averaged weights, in place
for (let i = 0; i < size; i++) w[i] = w[i] - u[i] / step;
for (let i = 0; i < W * W; i++) tw[i] = tw[i] - tu[i] / step;

// quantize: one scale for all weights, the largest at 127
const magnitudes = [];
for (let i = 0; i < size; i += 1) if (w[i] !== 0) magnitudes.push(Math.abs(w[i]));
magnitudes.sort((a, b) => a - b);
const scale = (magnitudes[magnitudes.length - 1] ?? 1) / 127;
const quantized = new Int8Array(size);
for (let i = 0; i < size; i++) quantized[i] = Math.max(-127, Math.min(127, Math.round(w[i] / scale)));
const transitions = Array.from(tw, (x) => Math.round(x / scale));

/** Dev F1 of float weights (`table` null) or of a decoded model's packed table. */
function score(weightsOf, transitionsOf, table = null) {
  const counts = MODEL_TYPES.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  for (const s of dev) {
    const scores = table ? packedEmissions(s.features, s.n, table, s.outside) : emissions(s.features, s.n, weightsOf, s.outside);
    const spans = spansOf(viterbi(scores, s.n, transitionsOf, s.outside));
    const gold = new Set(s.entities.map((e) => `${e.type}:${e.start}:${e.end}`));
    const pred = new Set(spans.map((e) => `${e.type}:${e.start}:${e.end}`));
    for (const p of pred) counts[MODEL_TYPES.indexOf(p.split(":")[0])][gold.has(p) ? "tp" : "fp"]++;
    for (const g of gold) if (!pred.has(g)) counts[MODEL_TYPES.indexOf(g.split(":")[0])].fn++;
  }
  const f1 = ({ tp, fp, fn }) => (2 * tp) / (2 * tp + fp + fn || 1);
  const total = counts.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return `micro F1 ${f1(total).toFixed(4)} (` + MODEL_TYPES.map((t, k) => `${t} ${f1(counts[k]).toFixed(4)}`).join(", ") + ")";
}

/** The model file: header, then the ids with a weight at least `prune` in magnitude. */
function encode(prune) {
  const header = {
    version: MODEL_VERSION,
    bits: BITS,
    tags: T,
    features: F,
    types: MODEL_TYPES,
    scale,
    transitions,
    outsideWords: outsideHashes,
    trained: { data: "People's Daily NER training split (ner-train, 20,864 sentences)", epochs: EPOCHS, seed: SEED, prune, gateMin: GATE_MIN },
  };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const chunks = [];
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  chunks.push(length, json);
  const row = Buffer.alloc(16 + 2 + T);
  let previous = -1;
  let kept = 0;
  const ids = 2 ** BITS;
  for (let id = 0; id < ids; id++) {
    let mask = 0;
    for (let t = 0; t < T; t++) if (Math.abs(quantized[id * T + t]) >= prune) mask |= 1 << t;
    if (mask === 0) continue;
    let at = 0;
    let delta = id - previous;
    previous = id;
    while (delta >= 0x80) {
      row[at++] = (delta & 0x7f) | 0x80;
      delta = Math.floor(delta / 128);
    }
    row[at++] = delta;
    row[at++] = mask & 0xff;
    row[at++] = mask >> 8;
    for (let t = 0; t < T; t++) if (mask & (1 << t)) {
      row[at++] = quantized[id * T + t] & 0xff;
      kept++;
    }
    chunks.push(Buffer.from(row.subarray(0, at)));
  }
  return { bytes: gzipSync(Buffer.concat(chunks), { level: 9 }), kept };
}

if (dev.length) {
  console.log(`dev, float weights: ${score(w, tw)}`);
}
let chosen = null;
for (const prune of [...new Set([1, 2, 4, 8, PRUNE])].sort((a, b) => a - b)) {
  const { bytes, kept } = encode(prune);
  const model = decodeModel(bytes);
  const report = dev.length ? score(null, model.transitions, model.table) : "";
  console.log(`prune |w| < ${prune}: ${kept} weights, ${(bytes.length / 1024 / 1024).toFixed(2)} MB gzipped; dev ${report}`);
  if (prune === PRUNE) chosen = bytes;
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, chosen);
console.log(`train: wrote ${out} (prune ${PRUNE}, ${(chosen.length / 1024 / 1024).toFixed(2)} MB) in ${seconds()} s`);
