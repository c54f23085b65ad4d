#!/usr/bin/env node
// Organizations and people's titles on the hand-written pages of test/fixtures/pages (each a
// page.txt and its page.json: organizations, also-acceptable ones, people with their titles),
// read by the extractor one page at a time. Set-level P/R/F1 by distinct text: an organization
// found anywhere on the page counts once; a title counts as a (person, title) pair.
// usage: node scripts/eval-pages.mjs [--show]
import { readFileSync, readdirSync } from "node:fs";
import { createExtractor } from "../dist/index.js";

const dir = new URL("../test/fixtures/pages/", import.meta.url);
const show = process.argv.includes("--show");
const { extract } = createExtractor();
const counts = { organization: { tp: 0, fp: 0, fn: 0 }, title: { tp: 0, fp: 0, fn: 0 }, person: { tp: 0, fp: 0, fn: 0 } };
const add = (kind, gold, found, acceptable = new Set()) => {
  for (const x of found) if (gold.has(x)) counts[kind].tp++;
  else if (!acceptable.has(x)) {
    counts[kind].fp++;
    if (show) console.log(`  FP ${kind} ${x}`);
  }
  for (const x of gold) if (!found.has(x)) {
    counts[kind].fn++;
    if (show) console.log(`  FN ${kind} ${x}`);
  }
};
for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
  const text = readFileSync(new URL(file, dir), "utf8");
  const gold = JSON.parse(readFileSync(new URL(file.replace(/\.txt$/, ".json"), dir), "utf8"));
  if (show) console.log(file);
  const entities = extract(text);
  const people = entities.filter((e) => e.type === "person");
  add("organization", new Set(gold.organizations), new Set(entities.filter((e) => e.type === "organization").map((e) => e.text)), new Set(gold.acceptable ?? []));
  add("person", new Set(gold.people.map((p) => p.name)), new Set(people.map((e) => e.text)));
  add("title", new Set(gold.people.flatMap((p) => p.titles.map((t) => `${p.name}:${t}`))), new Set(people.flatMap((e) => (e.titles ?? []).map((t) => `${e.text}:${t}`))));
}
const fmt = (x) => x.toFixed(3);
for (const [kind, { tp, fp, fn }] of Object.entries(counts)) {
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  console.log(`${kind.padEnd(12)} P ${fmt(p)} R ${fmt(r)} F1 ${fmt((2 * p * r) / (p + r || 1))}   tp ${tp} fp ${fp} fn ${fn}`);
}
