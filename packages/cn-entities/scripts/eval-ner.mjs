#!/usr/bin/env node
// Exact-span micro P/R/F1 over person/location/organization on a JSONL file of
// {"text", "entities": [{type, start, end}]} (the People's Daily dev set's format), for our
// extractor and, in the same run, for the nodejieba tag() baseline.
// usage: node scripts/eval-ner.mjs <file.jsonl> [--errors N] [--type person]
import { readFileSync } from "node:fs";
import nodejieba from "nodejieba";
import { createExtractor } from "../dist/index.js";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: eval-ner.mjs <file.jsonl> [--errors N] [--type TYPE]");
  process.exit(2);
}
const showErrors = Number(args[args.indexOf("--errors") + 1] ?? 0) || 0;
const onlyType = args.includes("--type") ? args[args.indexOf("--type") + 1] : null;
const TYPES = ["person", "location", "organization"];
// Entities are {type, start, end} or, in hand-written files, [type, text] pairs in text order
// (each found after the one before it).
const rows = readFileSync(file, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .map((row) => {
    let pos = 0;
    const entities = row.entities.map((e) => {
      if (!Array.isArray(e)) return e;
      const [type, text] = e;
      const start = row.text.indexOf(text, pos);
      if (start < 0) throw new Error(`${text} not found in order in: ${row.text}`);
      pos = start + text.length;
      return { type, start, end: pos, text };
    });
    return { ...row, entities };
  });

function baseline(text) {
  const out = [];
  let pos = 0;
  let prev = null;
  for (const { word, tag } of nodejieba.tag(text)) {
    const start = text.indexOf(word, pos);
    pos = start + word.length;
    const type = tag.startsWith("nr") ? "person" : tag === "ns" ? "location" : tag === "nt" ? "organization" : null;
    if (type && prev && prev.end === start && (type === "location" || type === "organization") && (prev.type === "location" || prev.type === "organization")) {
      prev.end = pos;
      prev.type = type === "organization" || prev.type === "organization" ? "organization" : "location";
      continue;
    }
    prev = type ? { type, start, end: pos } : null;
    if (prev) out.push(prev);
  }
  return out;
}

const extractor = createExtractor();
function ours(text) {
  return extractor
    .extract(text)
    .filter((e) => TYPES.includes(e.type))
    .flatMap((e) => e.mentions.map((m) => ({ type: e.type, start: m.start, end: m.end })));
}

function score(predict, name) {
  const counts = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const errors = [];
  const t0 = performance.now();
  for (const row of rows) {
    const gold = new Set(row.entities.map((e) => `${e.type}:${e.start}:${e.end}`));
    const pred = new Set(predict(row.text).map((e) => `${e.type}:${e.start}:${e.end}`));
    for (const p of pred) {
      const t = p.split(":")[0];
      if (gold.has(p)) counts[t].tp++;
      else {
        counts[t].fp++;
        if (showErrors && (!onlyType || onlyType === t)) errors.push(`FP ${p} ${row.text.slice(+p.split(":")[1], +p.split(":")[2])} | ${row.text}`);
      }
    }
    for (const g of gold) {
      const t = g.split(":")[0];
      if (!pred.has(g)) {
        counts[t].fn++;
        if (showErrors && (!onlyType || onlyType === t)) errors.push(`FN ${g} ${row.text.slice(+g.split(":")[1], +g.split(":")[2])} | ${row.text}`);
      }
    }
  }
  const ms = performance.now() - t0;
  const prf = ({ tp, fp, fn }) => {
    const p = tp / (tp + fp || 1);
    const r = tp / (tp + fn || 1);
    return { p, r, f: (2 * p * r) / (p + r || 1) };
  };
  const total = TYPES.reduce((a, t) => ({ tp: a.tp + counts[t].tp, fp: a.fp + counts[t].fp, fn: a.fn + counts[t].fn }), { tp: 0, fp: 0, fn: 0 });
  const fmt = (x) => x.toFixed(3);
  console.log(`${name}: micro P ${fmt(prf(total).p)} R ${fmt(prf(total).r)} F1 ${fmt(prf(total).f)}   (${rows.length} sentences, ${ms.toFixed(0)} ms)`);
  for (const t of TYPES) {
    const s = prf(counts[t]);
    console.log(`  ${t.padEnd(12)} P ${fmt(s.p)} R ${fmt(s.r)} F1 ${fmt(s.f)}   tp ${counts[t].tp} fp ${counts[t].fp} fn ${counts[t].fn}`);
  }
  return errors;
}

score(baseline, "nodejieba tag() baseline");
const errors = score(ours, "@yk/cn-entities");
if (showErrors) for (const e of errors.slice(0, showErrors)) console.log(e);
