#!/usr/bin/env node
// The proof that "users install individual packages" works: pack every public package, install
// the tarballs into a fresh project outside the workspace, then import (ESM), require (CJS) and
// type-check a tiny TypeScript consumer against the packed types. Also runs publint on each.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", env: { ...process.env, CI: "true" } });

const packages = readdirSync(join(root, "packages"))
  .map((dir) => ({ dir: join(root, "packages", dir), json: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) }))
  .filter((p) => !p.json.private);

/** A one-page PDF showing `text` in Helvetica, with a correct cross-reference table. */
function tinyPdf(text) {
  const content = `BT /F1 24 Tf 72 700 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

const work = mkdtempSync(join(tmpdir(), "yk-pack-"));
const tarballs = [];
for (const p of packages) {
  run("npx", ["publint", "--strict", p.dir], root);
  // are the types right for node16 CJS and ESM and bundlers? (node10 cannot see subpath exports such as page.schema.json)
  run("npx", ["attw", "--pack", p.dir, "--format", "ascii", "--profile", "node16"], root);
  const out = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], p.dir));
  tarballs.push(join(work, out[0].filename));
  console.log(`packed ${p.json.name}: ${out[0].files.length} files, ${(out[0].size / 1024).toFixed(1)} kB`);
}

const consumer = join(work, "consumer");
run("mkdir", ["-p", consumer], work);
writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, version: "0.0.0" }));
// nodejieba's install script runs `npx @mapbox/node-pre-gyp`, which npm cancels without a terminal;
// having it installed first is the documented fix for our users too.
const typescript = JSON.parse(readFileSync(join(root, "node_modules/typescript/package.json"), "utf8")).version;
run("npm", ["install", "--no-audit", "--no-fund", "@mapbox/node-pre-gyp@2.0.3", `typescript@${typescript}`, "@types/node@20"], consumer);
run("npm", ["install", "--no-audit", "--no-fund", ...tarballs], consumer);

for (const p of packages) {
  const name = p.json.name;
  const esm = run("node", ["--input-type=module", "-e", `import * as m from "${name}"; console.log(Object.keys(m).length)`], consumer).trim();
  const cjs = run("node", ["-e", `const m = require("${name}"); console.log(Object.keys(m).length)`], consumer).trim();
  if (!(Number(esm) > 0) || esm !== cjs) throw new Error(`${name}: ESM exports ${esm}, CJS exports ${cjs}`);
  console.log(`${name}: import and require give ${esm} exports`);
}
// the JSON Schema is exported as a file
run("node", ["-e", `const s = require("@yk/schema/page.schema.json"); if (!s.$id) process.exit(1)`], consumer);

// @yk/pdf loads pdfjs-dist (ESM only) by a dynamic import: parse a small PDF from both builds
writeFileSync(join(consumer, "tiny.pdf"), tinyPdf("Hello from a PDF"));
for (const [label, code] of [
  ["ESM", `import { parsePdf } from "@yk/pdf"; import { readFileSync } from "node:fs"; const [r] = await parsePdf(readFileSync("tiny.pdf")); console.log(r.text)`],
  ["CJS", `const { parsePdf } = require("@yk/pdf"); parsePdf(require("node:fs").readFileSync("tiny.pdf")).then(([r]) => console.log(r.text))`],
]) {
  const args = label === "ESM" ? ["--input-type=module", "-e", code] : ["-e", code];
  const text = run("node", args, consumer).trim();
  if (text !== "Hello from a PDF") throw new Error(`@yk/pdf (${label}) read ${JSON.stringify(text)}`);
  console.log(`@yk/pdf parses a PDF as ${label}`);
}

// type-check a consumer against the packed types, once as ESM and once as CommonJS
const source = `
import { parsePage, type Page } from "@yk/schema";
import { reflow } from "@yk/reflow";
import { splitPage } from "@yk/article-split";
import { createExtractor } from "@yk/cn-entities";
import { textWidth } from "@yk/lexicon";
import { isPdf, parsePdf, type PdfPageResult } from "@yk/pdf";
const page: Page = splitPage("本报讯（记者 王明）今天下雨。");
const checked: Page = parsePage(page);
const width: number = textWidth(reflow("一二三").paragraphs[0]!.text);
const extractor = createExtractor();
const pdfPages: Promise<PdfPageResult[]> = parsePdf(new Uint8Array(0));
export const out = [checked.articles.length, width, typeof extractor.extract, isPdf(new Uint8Array(0)), pdfPages];
`;
for (const [type, module] of [["module", "nodenext"], ["commonjs", "nodenext"]]) {
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, version: "0.0.0", type }));
  writeFileSync(join(consumer, "index.ts"), source);
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module, moduleResolution: module, strict: true, noEmit: true, types: ["node"], skipLibCheck: false }, files: ["index.ts"] }),
  );
  run("npx", ["tsc", "-p", "tsconfig.json"], consumer);
  console.log(`types check as ${type}`);
}
if (!process.env.KEEP_PACK) rmSync(work, { recursive: true, force: true });
console.log("pack check passed");
