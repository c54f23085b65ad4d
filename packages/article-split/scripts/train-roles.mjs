// Learn the role model's weights from composed pages (structured averaged perceptron, Viterbi
// decoding under the page grammar) and write src/data/role-weights.ts.
//
//   npm run train:roles -w @yk/article-split   (builds first; reads ../shared/pd-2019-10)
//
// Trains on the "tune" pages only (1–20 October); the held-out pages (21–31) are for
// `npm run eval:layout`. Deterministic: fixed seeds for composing and shuffling.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { reflow } from "@yk/reflow";
import { ROLES, decodeRoles, fieldStarts, pageUnits, scorerOf, unitFeatures } from "@yk/article-split";
import { loadPdPages, splitOf } from "./pd-pages.mjs";
import { composePage, createRng, seedOf } from "./compose-page.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(here, "../src/data/role-weights.ts");
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const EPOCHS = Number(arg("--epochs", 20));
const VARIANTS = Number(arg("--variants", 4));
const SCALE = 1000;
const N = ROLES.length;
const R = Object.fromEntries(ROLES.map((r, i) => [r, i]));

const pages = loadPdPages();
if (!pages) {
  console.log("../shared/pd-2019-10 not found: nothing to train on, the committed weights stay.");
  process.exit(0);
}

/** The gold role of each unit: the composed role most of its characters have. */
export function goldRoles(units, regions) {
  const sorted = [...regions].sort((a, b) => a.start - b.start);
  const regionAt = (pos) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = sorted[mid];
      if (pos < r.start) hi = mid - 1;
      else if (pos >= r.end) lo = mid + 1;
      else return r;
    }
    return null;
  };
  const out = [];
  let prevField = null;
  let prevArticle = null;
  let prevKey = null;
  for (const u of units) {
    const count = new Map();
    for (const s of u.mapped.spans) {
      for (let p = s.start; p < s.end; p++) {
        const r = regionAt(p);
        if (!r) continue;
        const key = `${r.role}\u0000${r.article}\u0000${r.piece ?? -1}`;
        count.set(key, (count.get(key) ?? 0) + 1);
      }
    }
    let best = null;
    let most = 0;
    for (const [k, n] of count) if (n > most) [best, most] = [k, n];
    const [role, article] = best ? best.split("\u0000") : ["body", "-1"];
    let label;
    if (u.shape.fixed) label = u.shape.fixed;
    else if (best && best === prevKey && (role === "body" || role === "note")) label = "body+";
    else if (best && best === prevKey && role === "subhead") label = "subhead+";
    else if (role === "kicker" || role === "headline" || role === "subheadline") {
      label = prevField === role && prevArticle === article ? `${role}+` : role;
    } else if (role === "note") label = "body";
    else if (role.startsWith("furniture")) label = "furniture";
    else if (ROLES.includes(role)) label = role;
    else label = "body";
    out.push(R[label]);
    prevField = ["kicker", "headline", "subheadline"].includes(role) ? role : null;
    prevArticle = article;
    prevKey = best;
  }
  return out;
}

// Pages of a county daily written for training (scripts/data/county-pages.json, our own text):
// another paper's style (本报讯, kickers before parallel-phrase headlines, briefs), composed in
// many layouts so that a few pages weigh as much as a style should.
const countyPages = JSON.parse(readFileSync(resolve(here, "data/county-pages.json"), "utf8"));
const COUNTY_VARIANTS = Number(arg("--county-variants", 120));

console.time("compose");
const examples = [];
const sources = [
  ...pages.filter((p) => splitOf(p) === "tune").map((page) => ({ page, variants: VARIANTS })),
  ...countyPages.map((page) => ({ page, variants: COUNTY_VARIANTS })),
];
for (const { page, variants } of sources) {
  for (let v = 0; v < variants; v++) {
    const { raw, regions } = composePage(page, seedOf(`${page.id}#train${v}`), { extras: true });
    const result = reflow(raw);
    const units = pageUnits(result, {});
    const shapes = units.map((x) => x.shape);
    const features = unitFeatures(shapes, { blankLines: result.gapStyle === "blank-lines" });
    examples.push({ features, fixed: shapes.map((s) => s.fixed), starts: fieldStarts(shapes), gold: goldRoles(units, regions) });
  }
}
console.timeEnd("compose");
console.log(`${examples.length} pages, ${examples.reduce((s, e) => s + e.gold.length, 0)} units`);

// One averaged perceptron per bag (the same pages, shuffled by another seed); the bags' weights
// are averaged again, which steadies the decisions that one shuffle leaves to chance.
const BAGS = Number(arg("--bags", 5));
function trainBag(seed) {
  // weights, and the running sums for averaging (w_avg = w - u / c)
  const w = new Map();
  const u = new Map();
  const tw = new Float64Array((N + 1) * N);
  const tu = new Float64Array((N + 1) * N);
  const vec = (map, f) => {
    let v = map.get(f);
    if (!v) map.set(f, (v = new Float64Array(N)));
    return v;
  };
  let c = 1;
  const emit = (features) => {
    const out = new Float64Array(N);
    for (const f of features) {
      const v = w.get(f);
      if (v) for (let r = 0; r < N; r++) out[r] += v[r];
    }
    return out;
  };
  const transition = (from, to) => tw[(from + 1) * N + to];
  const update = (features, role, delta) => {
    for (const f of features) {
      vec(w, f)[role] += delta;
      vec(u, f)[role] += c * delta;
    }
  };

  const rng = createRng(seed);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    for (let i = examples.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [examples[i], examples[j]] = [examples[j], examples[i]];
    }
    let wrong = 0;
    let total = 0;
    for (const ex of examples) {
      const predicted = decodeRoles(ex.features.map(emit), transition, ex.fixed, ex.starts);
      for (let i = 0; i < predicted.length; i++) {
        total++;
        const g = ex.gold[i];
        const p = predicted[i];
        if (g !== p) {
          wrong++;
          update(ex.features[i], g, 1);
          update(ex.features[i], p, -1);
        }
        const gFrom = i === 0 ? -1 : ex.gold[i - 1];
        const pFrom = i === 0 ? -1 : predicted[i - 1];
        if (g !== p || gFrom !== pFrom) {
          tw[(gFrom + 1) * N + g] += 1;
          tu[(gFrom + 1) * N + g] += c;
          tw[(pFrom + 1) * N + p] -= 1;
          tu[(pFrom + 1) * N + p] -= c;
        }
      }
      c++;
    }
    console.log(`epoch ${epoch}: ${wrong} of ${total} units wrong (${((100 * wrong) / total).toFixed(2)} %)`);
  }

  const averaged = new Map();
  for (const [f, v] of w) {
    const uv = u.get(f);
    averaged.set(f, Float64Array.from(v, (x, r) => x - uv[r] / c));
  }
  return { features: averaged, transitions: Float64Array.from(tw, (x, k) => x - tu[k] / c) };
}

const bags = Array.from({ length: BAGS }, (_, b) => trainBag(20191001 + b));
const sum = new Map();
const tsum = new Float64Array((N + 1) * N);
for (const bag of bags) {
  for (const [f, v] of bag.features) {
    let acc = sum.get(f);
    if (!acc) sum.set(f, (acc = new Float64Array(N)));
    for (let r = 0; r < N; r++) acc[r] += v[r] / BAGS;
  }
  for (let k = 0; k < tsum.length; k++) tsum[k] += bag.transitions[k] / BAGS;
}

// averaged, fixed-point, pruned: a feature whose every weight rounds below 5/1000 is dropped
const features = {};
for (const [f, v] of [...sum.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  const q = Array.from(v, (x) => Math.round(x * SCALE));
  if (q.some((x) => Math.abs(x) >= 5)) features[f] = q;
}
const transitions = [];
for (let from = 0; from <= N; from++) transitions.push(Array.from({ length: N }, (_, to) => Math.round(tsum[from * N + to] * SCALE)));
writeFileSync(
  OUT,
  `// Generated by scripts/train-roles.mjs from composed pages of the tune split: do not edit.\n` +
    `// ${Object.keys(features).length} features × ${N} roles (${ROLES.join(", ")}), ${EPOCHS} epochs, ${VARIANTS} layouts a page, ${BAGS} bags.\n` +
    `import type { RoleWeights } from "../roles.js";\n\n` +
    `export const ROLE_WEIGHTS: RoleWeights = ${JSON.stringify({ scale: SCALE, features, transitions })};\n`,
);
console.log(`wrote ${OUT}: ${Object.keys(features).length} features`);

// where the averaged model still goes wrong on the pages it learned from (gold → predicted)
if (args.includes("--confusion")) {
  // the shipped weights, scored as splitPage scores them
  const scorer = scorerOf({ scale: SCALE, features, transitions });
  const confusion = new Map();
  let wrong = 0;
  let total = 0;
  for (const ex of examples) {
    const predicted = decodeRoles(ex.features.map(scorer.emit), scorer.transition, ex.fixed, ex.starts);
    predicted.forEach((p, i) => {
      total++;
      if (p === ex.gold[i]) return;
      wrong++;
      const key = `${ROLES[ex.gold[i]]} → ${ROLES[p]}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    });
  }
  console.log(`averaged model on its own pages: ${wrong} of ${total} wrong`);
  for (const [k, n] of [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${String(n).padStart(6)}  ${k}`);
}
