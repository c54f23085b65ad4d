import { readFileSync } from "node:fs";
import { reflow } from "@yk/reflow";
import { ROLES, pageUnits, unitFeatures, scorerOf } from "@yk/article-split";
const src = readFileSync(new URL("../src/data/role-weights.ts", import.meta.url), "utf8");
const weights = JSON.parse(src.slice(src.indexOf("= {") + 2, src.lastIndexOf(";")));
const raw = readFileSync(process.argv[2], "utf8");
const needle = process.argv[3];
const result = reflow(raw);
const units = pageUnits(result, {});
const shapes = units.map((u) => u.shape);
const feats = unitFeatures(shapes, { blankLines: result.gapStyle === "blank-lines" });
const sc = scorerOf(weights);
units.forEach((u, i) => {
  if (!u.mapped.text.includes(needle)) return;
  const e = sc.emit(feats[i]);
  console.log(u.mapped.text, [...e].map((v, r) => `${ROLES[r]}:${Math.round(v)}`).join(" "));
  const top = feats[i].map((f) => [f, (weights.features[f] ?? [])]).filter(([, w]) => w.length).map(([f, w]) => [f, Math.round(w[0] / 1000), Math.round(w[2] / 1000), Math.round(w[7] / 1000)]);
  console.log(top.map((x) => x.join(":")).join("  "));
});
