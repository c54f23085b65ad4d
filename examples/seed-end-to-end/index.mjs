// The seed page end to end: raw text → page (articles, entities) → page JSON, ninjs and JSON-LD,
// each validated: the page against our schema, ninjs against the official IPTC ninjs 3.1 schema.
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parseText } from "@yk/cli";
import { parsePage, toNinjs, toJsonLd } from "@yk/schema";

const here = (p) => new URL(p, import.meta.url);
const ninjsSchema = (name) => JSON.parse(readFileSync(here(`../../packages/schema/test/fixtures/ninjs/${name}`), "utf8"));

export function runSeed(outDir = here("./out/")) {
  const raw = readFileSync(here("./seed-page.txt"), "utf8");
  // the publication date is not printed on the page; 1月11日 and 正月初七 are resolved against it
  const page = parsePage(parseText(raw, { date: "2023-01-12", sourceName: "seed-page.txt" }));

  const ajv = new Ajv2020({ strict: false });
  addFormats.default ? addFormats.default(ajv) : addFormats(ajv);
  ajv.addSchema(ninjsSchema("GeoJSON-schema.json"));
  const validateNinjs = ajv.compile(ninjsSchema("ninjs-schema_3.1.json"));

  const ninjs = page.articles.map((a) => toNinjs(a, page));
  for (const doc of ninjs) {
    if (!validateNinjs(doc)) throw new Error(`invalid ninjs for ${doc.uri}: ${ajv.errorsText(validateNinjs.errors)}`);
  }
  const jsonld = page.articles.map((a) => toJsonLd(a, page));

  mkdirSync(outDir, { recursive: true });
  writeFileSync(new URL("page.json", outDir), JSON.stringify(page, null, 2));
  writeFileSync(new URL("ninjs.json", outDir), JSON.stringify(ninjs, null, 2));
  writeFileSync(new URL("jsonld.json", outDir), JSON.stringify(jsonld, null, 2));
  return { page, ninjs, jsonld };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { page, ninjs } = runSeed();
  for (const a of page.articles) console.log(`${a.kind.padEnd(7)} ${a.kicker ? a.kicker + " / " : ""}${a.headline ?? ""}`);
  console.log(`wrote out/page.json, out/ninjs.json (${ninjs.length} valid ninjs 3.1 documents), out/jsonld.json`);
}
