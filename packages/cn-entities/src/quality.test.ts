import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import nodejieba from "nodejieba";
import { createExtractor } from "./index.js";

/**
 * Sentences written for this test (local, national, international and sports news, none from
 * the People's Daily dev set), annotated as that set is: exact spans of people, places and
 * organizations. A floor on micro F1, and a margin over jieba's own tags.
 */
type Span = { type: string; start: number; end: number };
const TYPES = ["person", "location", "organization"];
// the second and third files were written later, in the copy of a provincial daily and a metro paper
const rows = ["handmade-ner.jsonl", "handmade-ner-2.jsonl", "handmade-ner-3.jsonl"]
  .flatMap((file) => readFileSync(new URL(`../test/fixtures/${file}`, import.meta.url), "utf8").trim().split("\n"))
  .map((line) => {
    const row = JSON.parse(line) as { text: string; entities: [string, string][] };
    let pos = 0;
    const gold = row.entities.map(([type, text]): Span => {
      const start = row.text.indexOf(text, pos);
      pos = start + text.length;
      return { type, start, end: pos };
    });
    return { text: row.text, gold };
  });

function microF1(predict: (text: string) => Span[]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { text, gold } of rows) {
    const g = new Set(gold.map((s) => `${s.type}:${s.start}:${s.end}`));
    const p = new Set(predict(text).filter((s) => TYPES.includes(s.type)).map((s) => `${s.type}:${s.start}:${s.end}`));
    for (const k of p) (g.has(k) ? tp++ : fp++);
    for (const k of g) if (!p.has(k)) fn++;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return (2 * precision * recall) / (precision + recall || 1);
}

describe("entity quality on sentences the rules were not written from", () => {
  const { extract } = createExtractor();
  const ours = microF1((text) => extract(text).flatMap((e) => e.mentions.map((m) => ({ type: e.type, start: m.start, end: m.end }))));
  const jieba = microF1((text) => {
    const out: Span[] = [];
    let pos = 0;
    for (const { word, tag } of nodejieba.tag(text)) {
      const start = text.indexOf(word, pos);
      pos = start + word.length;
      const type = tag.startsWith("nr") ? "person" : tag === "ns" ? "location" : tag === "nt" ? "organization" : null;
      if (type) out.push({ type, start, end: pos });
    }
    return out;
  });

  it("reaches a micro F1 of 0.85 and beats jieba's tags by a wide margin", () => {
    expect(ours).toBeGreaterThanOrEqual(0.85);
    expect(ours - jieba).toBeGreaterThan(0.3);
  });
});

/**
 * Pages written for this test in the style of local dailies (a county daily, a city daily, a
 * district paper; people and companies invented): organizations and people's titles by distinct
 * text, as scripts/eval-pages.mjs scores them. A page's bodies of government (县政府) and the
 * bodies inside titles (县委 in 县委书记) are accepted, not required.
 */
describe("organizations and titles on hand-written pages of local dailies", () => {
  const { extract } = createExtractor();
  const dir = new URL("../test/fixtures/pages/", import.meta.url);
  const pages = ["county-daily", "city-daily", "district-paper"].map((name) => ({
    text: readFileSync(new URL(`${name}.txt`, dir), "utf8"),
    gold: JSON.parse(readFileSync(new URL(`${name}.json`, dir), "utf8")) as { organizations: string[]; acceptable?: string[]; people: { name: string; titles: string[] }[] },
  }));
  const f1 = (pairs: [Set<string>, Set<string>, Set<string>][]) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [gold, found, acceptable] of pairs) {
      for (const x of found) if (gold.has(x)) tp++;
      else if (!acceptable.has(x)) fp++;
      for (const x of gold) if (!found.has(x)) fn++;
    }
    return (2 * tp) / (2 * tp + fp + fn || 1);
  };
  const results = pages.map(({ text, gold }) => ({ gold, entities: extract(text) }));

  it("finds the organizations with an F1 of at least 0.75", () => {
    const score = f1(results.map(({ gold, entities }) => [new Set(gold.organizations), new Set(entities.filter((e) => e.type === "organization").map((e) => e.text)), new Set(gold.acceptable ?? [])]));
    expect(score).toBeGreaterThanOrEqual(0.75);
  });

  it("links people to their titles with an F1 of at least 0.85", () => {
    const score = f1(
      results.map(({ gold, entities }) => [
        new Set(gold.people.flatMap((p) => p.titles.map((t) => `${p.name}:${t}`))),
        new Set(entities.filter((e) => e.type === "person").flatMap((e) => (e.titles ?? []).map((t) => `${e.text}:${t}`))),
        new Set<string>(),
      ]),
    );
    expect(score).toBeGreaterThanOrEqual(0.85);
  });
});

/** The People's Daily dev split, from ../shared (not shipped): skipped, saying so, where it is absent. */
const devFile = new URL("../../../../shared/ner-dev/peoples-daily.dev.jsonl", import.meta.url);
const hasDev = existsSync(devFile);
if (!hasDev) console.warn(`quality.test: ${devFile.pathname} is absent: the dev-set F1 test is skipped`);
describe.skipIf(!hasDev)("People's Daily dev split (../shared/ner-dev)", () => {
  it("reaches a micro F1 of 0.89 on people, places and organizations", () => {
    const dev = readFileSync(devFile, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { text: string; entities: Span[] });
    const { extract } = createExtractor();
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const row of dev) {
      const gold = new Set(row.entities.map((s) => `${s.type}:${s.start}:${s.end}`));
      const found = new Set(extract(row.text).filter((e) => TYPES.includes(e.type)).flatMap((e) => e.mentions.map((m) => `${e.type}:${m.start}:${m.end}`)));
      for (const k of found) (gold.has(k) ? tp++ : fp++);
      for (const k of gold) if (!found.has(k)) fn++;
    }
    expect((2 * tp) / (2 * tp + fp + fn)).toBeGreaterThanOrEqual(0.89);
  });
});
