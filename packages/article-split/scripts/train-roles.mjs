// Learn the role model's weights from composed pages (a linear-chain CRF on the decoder's lattice,
// L2-regularized, L-BFGS: scripts/crf.mjs) and write src/data/role-weights.ts.
//
//   npm run train:roles -w @yk/article-split   (builds first; reads ../shared/pd-2019-10)
//   … -- --validate        learn from 1–15 October, report 16–20 October, write nothing: the units
//                          the weights get wrong and, what a change is chosen by, the WHOLE
//                          splitter's figures with those weights beside the shipped weights'
//   … -- --l2 5 --cost 0   the regularization and the softmax-margin cost
//   … -- --learner perceptron   the bagged averaged perceptron the shipped weights came from
//
// Trains on the "tune" pages only (1–20 October); the held-out pages (21–31) are for
// `npm run eval:layout`. Deterministic: fixed seeds for composing, a batch optimizer (no order).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { reflow } from "@yk/reflow";
import { ROLES, allowedSuccession, decodeRoles, fieldStarts, pageUnits, scorerOf, unitFeatures } from "@yk/article-split";
import { loadPdPages, splitOf } from "./pd-pages.mjs";
import { composePage, createRng, seedOf } from "./compose-page.mjs";
import { compile, lbfgs, objective } from "./crf.mjs";
import { goldRoles } from "./gold-roles.mjs";
import { figuresLine, isValidationPage, splitterFigures } from "./validate-splitter.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const OUT = resolve(arg("--out", resolve(here, "../src/data/role-weights.ts")));
// --validate: learn from 1–15 October (and the county pages), report on 16–20 October, write
// nothing: how the learner's settings are chosen without the held-out pages
const VALIDATE = args.includes("--validate");
const VARIANTS = Number(arg("--variants", 4));
const SCALE = 1000;
const N = ROLES.length;
const R = Object.fromEntries(ROLES.map((r, i) => [r, i]));

const pages = loadPdPages();
if (!pages) {
  console.log("../shared/pd-2019-10 not found: nothing to train on, the committed weights stay.");
  process.exit(0);
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
  const validation = VALIDATE && isValidationPage(page);
  for (let v = 0; v < variants; v++) {
    const { raw, regions } = composePage(page, seedOf(`${page.id}#train${v}`), { extras: true });
    const result = reflow(raw);
    const units = pageUnits(result, {});
    const shapes = units.map((x) => x.shape);
    const features = unitFeatures(shapes, { blankLines: result.gapStyle === "blank-lines" });
    examples.push({ id: `${page.id}#${v}`, source: page.id, validation, features, fixed: shapes.map((s) => s.fixed), starts: fieldStarts(shapes), gold: goldRoles(units, regions) });
  }
}
console.timeEnd("compose");
// a feature seen on fewer than MIN_PAGES source pages is dropped before learning: its weight
// would record those pages (a rare character, a name), not a habit of print; the layouts of one
// page count once, so the county pages composed 120 times weigh no more than any other page
const LEARNER = arg("--learner", "crf");
const MIN_PAGES = Number(arg("--min-pages", LEARNER === "perceptron" ? 1 : 5));
{
  const pagesOf = new Map();
  for (const ex of examples) {
    if (ex.validation) continue;
    for (const fs of ex.features) for (const f of fs) (pagesOf.get(f) ?? pagesOf.set(f, new Set()).get(f)).add(ex.source);
  }
  const kept = new Set([...pagesOf].filter(([, s]) => s.size >= MIN_PAGES).map(([f]) => f));
  for (const ex of examples) ex.features = ex.features.map((fs) => fs.filter((f) => kept.has(f)));
  console.log(`${kept.size} of ${pagesOf.size} features seen on ${MIN_PAGES}+ pages`);
}
console.log(`${examples.length} pages, ${examples.reduce((s, e) => s + e.gold.length, 0)} units`);

// A linear-chain CRF (scripts/crf.mjs): L2-regularized likelihood, L-BFGS on the whole batch.
// One optimum whatever order the pages come in: `--shuffle K` feeds them in another order to show it.
const L2 = Number(arg("--l2", 5));
const ITERATIONS = Number(arg("--iterations", 300));
const COST = Number(arg("--cost", 0));
// --head-body-cost C: a softmax-margin only between the headline fields (kicker, headline,
// subheadline and their continuations) and the body's roles (body, body+, subhead, subhead+),
// both ways: the confusions that cost a story its fields or cut it in two
const HEAD_BODY_COST = Number(arg("--head-body-cost", 0));
const costMatrix = () => {
  if (!HEAD_BODY_COST) return COST;
  const head = new Set(["kicker", "kicker+", "headline", "headline+", "subheadline", "subheadline+"].map((r) => R[r]));
  const body = new Set(["body", "body+", "subhead", "subhead+"].map((r) => R[r]));
  const m = new Float64Array(N * N);
  for (let g = 0; g < N; g++) for (let r = 0; r < N; r++) {
    if (r === g) continue;
    m[g * N + r] = COST + ((head.has(g) && body.has(r)) || (body.has(g) && head.has(r)) ? HEAD_BODY_COST : 0);
  }
  return m;
};
const SHUFFLE = arg("--shuffle", null);
if (SHUFFLE !== null) {
  const rng = createRng(Number(SHUFFLE));
  for (let i = examples.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [examples[i], examples[j]] = [examples[j], examples[i]];
  }
}
const CONTINUATION = ROLES.reduce((m, r, i) => (r.endsWith("+") ? m | (1 << i) : m), 0);
const HEADLINE_CONTINUATION = ["kicker+", "headline+", "subheadline+"].reduce((m, r) => m | (1 << R[r]), 0);
const EVERY_ROLE = (1 << N) - 1;
/** The roles the decoder lets unit i take: its fixed role, or any but the continuations its start forbids. */
const mayTake = (i, ex) =>
  ex.fixed[i] ? 1 << R[ex.fixed[i]] : EVERY_ROLE & ~(ex.starts[i] === "new-unit" ? CONTINUATION : ex.starts[i] === "new-field" ? HEADLINE_CONTINUATION : 0);

const trainExamples = VALIDATE ? examples.filter((ex) => !ex.validation) : examples;
function trainCrf() {
  const model = compile(trainExamples, { N, allowedSuccession, mayTake });
  console.log(`${model.names.length} features, l2 ${L2}, cost ${COST}${HEAD_BODY_COST ? `, head↔body cost ${HEAD_BODY_COST}` : ""}`);
  console.time("train");
  const theta = new Float64Array((model.names.length + N + 1) * N);
  /** With --validate: units of the validation pages the weights θ get wrong (decoded as splitPage decodes). */
  const validationErrors = (x) => {
    const weights = new Map(model.names.map((f, k) => [f, x.subarray(k * N, k * N + N)]));
    const T0 = model.names.length * N;
    const transition = (from, to) => x[T0 + (from + 1) * N + to];
    const emit = (fs) => {
      const out = new Float64Array(N);
      for (const f of fs) {
        const w = weights.get(f);
        if (w) for (let r = 0; r < N; r++) out[r] += w[r];
      }
      return out;
    };
    let wrong = 0;
    for (const ex of examples) {
      if (!ex.validation) continue;
      decodeRoles(ex.features.map(emit), transition, ex.fixed, ex.starts).forEach((p, i) => (wrong += p === ex.gold[i] ? 0 : 1));
    }
    return wrong;
  };
  const cost = costMatrix();
  lbfgs((x, g) => objective(model, x, g, L2, cost), theta, {
    iterations: ITERATIONS,
    log: (it, loss, step, x) => {
      if (it % 10 === 0 || typeof step === "string") {
        const check = VALIDATE && it % 25 === 0 ? `, validation: ${validationErrors(x)} units wrong` : "";
        console.log(`iteration ${it}: loss ${loss.toFixed(1)}${check} ${typeof step === "string" ? step : ""}`);
      }
    },
  });
  console.timeEnd("train");
  return {
    sum: new Map(model.names.map((f, k) => [f, theta.subarray(k * N, k * N + N)])),
    tsum: theta.subarray(model.names.length * N),
  };
}

// --learner perceptron: the learner the shipped weights came from (it reproduces them). One averaged perceptron per bag (the same pages, shuffled by another seed); the bags' weights
// are averaged again, which steadies the decisions that one shuffle leaves to chance.
function trainPerceptron(examples) {
  const EPOCHS = Number(arg("--epochs", 20));
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
  return { sum, tsum };
}

const { sum, tsum } = LEARNER === "perceptron" ? trainPerceptron(trainExamples) : trainCrf();

// averaged, fixed-point, pruned: a feature whose every weight rounds below 5/1000 is dropped
const features = {};
for (const [f, v] of [...sum.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  const q = Array.from(v, (x) => Math.round(x * SCALE));
  if (q.some((x) => Math.abs(x) >= 5)) features[f] = q;
}
const transitions = [];
for (let from = 0; from <= N; from++) transitions.push(Array.from({ length: N }, (_, to) => Math.round(tsum[from * N + to] * SCALE)));
// with --validate the weights are written only where --out says (to inspect them), never over the shipped ones
if (!VALIDATE || args.includes("--out")) writeFileSync(
  OUT,
  `// Generated by scripts/train-roles.mjs from composed pages of the tune split: do not edit.\n` +
    `// ${Object.keys(features).length} features × ${N} roles (${ROLES.join(", ")}), ${LEARNER === "perceptron" ? `${arg("--epochs", 20)} epochs, ${VARIANTS} layouts a page, ${arg("--bags", 5)} bags` : `CRF l2 ${L2}${COST ? ` cost ${COST}` : ""}${HEAD_BODY_COST ? ` head↔body cost ${HEAD_BODY_COST}` : ""}, ${VARIANTS} layouts a page`}.\n` +
    `import type { RoleWeights } from "../roles.js";\n\n` +
    `export const ROLE_WEIGHTS: RoleWeights = ${JSON.stringify({ scale: SCALE, features, transitions })};\n`,
);
console.log(`${VALIDATE ? "(not written) " : `wrote ${OUT}: `}${Object.keys(features).length} features`);

// where the model goes wrong (gold → predicted): on the pages it learned from, or with --validate
// on the pages of 16–20 October it did not; --roles FILE writes every decoded role (to compare runs)
const ROLES_OUT = arg("--roles", null);
if (args.includes("--confusion") || VALIDATE || ROLES_OUT) {
  // the shipped weights, scored as splitPage scores them
  const scorer = scorerOf({ scale: SCALE, features, transitions });
  const confusion = new Map();
  let wrong = 0;
  let total = 0;
  const decoded = [];
  for (const ex of VALIDATE ? examples.filter((x) => x.validation) : examples) {
    const predicted = decodeRoles(ex.features.map(scorer.emit), scorer.transition, ex.fixed, ex.starts);
    decoded.push(`${ex.id}\t${predicted.join(",")}`);
    predicted.forEach((p, i) => {
      total++;
      if (p === ex.gold[i]) return;
      wrong++;
      const key = `${ROLES[ex.gold[i]]} → ${ROLES[p]}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    });
  }
  if (ROLES_OUT) writeFileSync(ROLES_OUT, decoded.sort().join("\n") + "\n");
  console.log(`${VALIDATE ? "on the validation pages (16–20 Oct)" : "on its own pages"}: ${wrong} of ${total} wrong`);
  for (const [k, n] of [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${String(n).padStart(6)}  ${k}`);
}

// what a change is chosen by: the whole splitter on the validation pages, with these weights and
// with the shipped ones (the unit errors above did not predict it)
if (VALIDATE) {
  console.time("splitter on 16–20 Oct");
  console.log(`splitter, shipped weights:   ${figuresLine(splitterFigures(pages))}`);
  console.log(`splitter, these weights:     ${figuresLine(splitterFigures(pages, { scale: SCALE, features, transitions }))}`);
  console.timeEnd("splitter on 16–20 Oct");
}
