#!/usr/bin/env node
// Chooses the association weights of headline groups and bodies (split.ts: placeGroups, bestCut;
// the weights are described there, at AssemblyWeights) on pages composed from the People's Daily
// articles of 1–15 October 2019 (../shared/pd-2019-10, read here and never committed), and reports
// them on 16–20 October, the pages they were not chosen on. The held-out split (21–31) is never read.
//
// Each page is composed as eval-layout.mjs composes it (two variants, the same seeds) and the role
// model decodes it once; only the assembly runs again for each candidate (the `rolesOf` and
// `assemblyWeights` evaluation hooks, not public API). The search is a coordinate descent from the
// shipped weights over a few values per weight; the objective is article F1 plus the share of
// articles with kicker, headline and subheadline all exact. It writes src/data/assembly-weights.ts
// only with --write, and only when the chosen weights score higher on 16–20 than the shipped ones.
//
// --fix name=value holds a weight at a value (forwardPrior=0.3: at 0.2 the pdf.js text of the
// generated PDF pages, src/extractors.test.ts, loses exact paragraphs below its floor).
//
// usage: node packages/article-split/scripts/tune-assembly.mjs [--write] [--sweeps N] [--gold-roles] [--fix name=value]…
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { reflow } from "@yk/reflow";
import { splitPage, unitRoles, ROLES } from "@yk/article-split";
import { composePage, seedOf } from "./compose-page.mjs";
import { loadPdPages, splitOf, DEFAULT_PD_DIR } from "./pd-pages.mjs";
import { goldRoles } from "./gold-roles.mjs";
import { scorePage, figures } from "./eval-layout.mjs";

const args = process.argv.slice(2);
const write = args.includes("--write");
const useGold = args.includes("--gold-roles");
const sweeps = args.includes("--sweeps") ? Number(args[args.indexOf("--sweeps") + 1]) : 2;
const VARIANTS = 2;
const OUT = fileURLToPath(new URL("../src/data/assembly-weights.ts", import.meta.url));

// the shipped weights, read from the data file (name: number pairs)
const SHIPPED = Object.fromEntries([...readFileSync(OUT, "utf8").split("AssemblyWeights =")[1].matchAll(/(\w+): (-?[\d.]+)/g)].map((m) => [m[1], Number(m[2])]));

/** The values tried for each weight. */
const GRID = {
  cutCue: [0, 0.25, 0.5, 1, 1.5, 2, 3],
  cohesion: [0, 0.25, 0.5, 1, 1.5, 2],
  lead: [0, 0.5, 1, 1.5, 2, 3],
  forwardPrior: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1],
  openedCue: [0, 0.05, 0.1, 0.2, 0.3, 0.5],
  backwardMin: [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5],
  cutCost: [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5],
  photoCue: [0, 0.1, 0.2, 0.3, 0.5, 0.8],
  // 2: never (an overlap is at most 1)
  partMin: [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 2],
  partTitleShare: [0, 0.1, 0.2, 0.3, 0.5, 1],
  headlessPartMin: [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 2],
};

const fixed = {};
args.forEach((a, i) => {
  if (a !== "--fix") return;
  const [name, value] = (args[i + 1] ?? "").split("=");
  if (!(name in GRID) || !Number.isFinite(Number(value))) throw new Error(`--fix needs name=value with a name of ${Object.keys(GRID).join(", ")}`);
  fixed[name] = Number(value);
});

const pages = loadPdPages(DEFAULT_PD_DIR);
if (!pages) {
  console.log("tune-assembly: ../shared/pd-2019-10 not found, skipping (the People's Daily pages are read from there, never shipped).");
  process.exit(0);
}

// the composed pages of 1–20 October with their roles, decoded once
const fit = [];
const check = [];
for (const pd of pages) {
  if (splitOf(pd) !== "tune") continue;
  for (let v = 0; v < VARIANTS; v++) {
    const { raw, gold, regions } = composePage(pd, seedOf(`${pd.id}#${v}`));
    const blankLines = reflow(raw).gapStyle === "blank-lines";
    let roles = null;
    const rolesOf = (units) => (roles ??= useGold ? goldRoles(units, regions).map((r) => ROLES[r]) : unitRoles(units.map((u) => u.shape), { blankLines }));
    splitPage(raw, { rolesOf });
    (Number(pd.date.slice(8, 10)) <= 15 ? fit : check).push({ raw, gold, rolesOf });
  }
}

function score(set, weights) {
  const sum = {};
  for (const p of set) {
    const c = scorePage(p.gold, splitPage(p.raw, { rolesOf: p.rolesOf, assemblyWeights: weights }), p.raw);
    for (const [k, v] of Object.entries(c)) sum[k] = (sum[k] ?? 0) + v;
  }
  const f = figures(sum);
  return { objective: f.articleF1 + f.headlineAll, articleF1: f.articleF1, headlineAll: f.headlineAll, contributorF1: f.contributorF1 };
}

const show = (s) => `objective ${s.objective.toFixed(4)} (art F1 ${s.articleF1.toFixed(3)}, k+h+s ${s.headlineAll.toFixed(3)}, contrib ${s.contributorF1.toFixed(3)})`;
let best = { ...SHIPPED, ...fixed };
let bestScore = score(fit, best);
console.log(`${fit.length} layouts to choose on (1–15 Oct), ${check.length} to check on (16–20 Oct)${useGold ? ", gold roles" : ""}`);
console.log(`shipped  fit ${show(bestScore)}`);
for (let sweep = 0; sweep < sweeps; sweep++) {
  let moved = false;
  for (const [name, values] of Object.entries(GRID)) {
    if (name in fixed) continue;
    for (const value of values) {
      if (value === best[name]) continue;
      const trial = { ...best, [name]: value };
      const s = score(fit, trial);
      // a move must gain more than noise: an article or so on the fit pages
      if (s.objective > bestScore.objective + 2e-4) {
        best = trial;
        bestScore = s;
        moved = true;
        console.log(`  ${name} = ${value}: ${show(s)}`);
      }
    }
  }
  if (!moved) break;
}
const shippedCheck = score(check, SHIPPED);
const chosenCheck = score(check, best);
console.log(`chosen   ${JSON.stringify(best)}`);
console.log(`16–20 Oct shipped ${show(shippedCheck)}`);
console.log(`16–20 Oct chosen  ${show(chosenCheck)}`);
if (write && chosenCheck.objective > shippedCheck.objective) {
  const body = JSON.stringify(best).replace(/"(\w+)":/g, "$1: ").replace(/,/g, ", ").replace(/^\{/, "{ ").replace(/\}$/, " }");
  writeFileSync(
    OUT,
    `// Generated by scripts/tune-assembly.mjs${useGold ? " --gold-roles" : ""}${Object.entries(fixed).map(([k, v]) => ` --fix ${k}=${v}`).join("")}: chosen on pages composed from 1–15 October 2019, checked on 16–20 October
// (objective article F1 + k+h+s: ${shippedCheck.objective.toFixed(4)} shipped before, ${chosenCheck.objective.toFixed(4)} chosen). Do not edit.
import type { AssemblyWeights } from "../split.js";

export const ASSEMBLY_WEIGHTS: AssemblyWeights = ${body};
`,
  );
  console.log(`wrote ${OUT}`);
} else if (write) console.log("not written: the chosen weights do not score higher on 16–20 October");
