#!/usr/bin/env node
// The proof that "users install individual packages" works. Every public package is packed; then
// each is installed into an empty project of its own from tarballs alone (its own and those of the
// @yk packages it depends on, as npm would fetch them from the registry), where it is imported
// (ESM), required (CommonJS), type-checked from its packed types in ESM and CommonJS, and its
// README's examples are run as written and compared with their sample outputs. The command line is
// also run as `npx @yk/cli` and after a global install. publint and attw check each package too.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { transformSync } from "esbuild";
import { codeBlocks, isOutput, isYkCommand, shellCommands } from "./readme-blocks.mjs";

const root = resolve(new URL("..", import.meta.url).pathname);
const run = (cmd, args, cwd, env = {}) =>
  execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", env: { ...process.env, CI: "true", ...env } });
const sh = (line, cwd, env) => run("/bin/sh", ["-c", line], cwd, env);

const packages = readdirSync(join(root, "packages"))
  .map((dir) => ({ dir: join(root, "packages", dir), json: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) }))
  .filter((p) => !p.json.private);
const byName = new Map(packages.map((p) => [p.json.name, p]));

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
const tarballs = new Map();
for (const p of packages) {
  run("npx", ["publint", "--strict", p.dir], root);
  // are the types right for node16 CJS and ESM and bundlers? (node10 cannot see subpath exports such as page.schema.json)
  run("npx", ["attw", "--pack", p.dir, "--format", "ascii", "--profile", "node16"], root);
  const out = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], p.dir));
  tarballs.set(p.json.name, join(work, out[0].filename));
  console.log(`packed ${p.json.name}: ${out[0].files.length} files, ${(out[0].size / 1024).toFixed(1)} kB`);
}

/** A package and the @yk packages it depends on, directly or not: what npm would fetch for it. */
function closure(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const dep of Object.keys(byName.get(name).json.dependencies ?? {})) if (byName.has(dep)) closure(dep, seen);
  return seen;
}
const needsNodejieba = (names) => [...names].some((n) => "nodejieba" in (byName.get(n).json.dependencies ?? {}));

// The files the READMEs' examples name (as in the doc tests): the seed page, and that page parsed.
const fixtures = join(work, "fixtures");
mkdirSync(fixtures);
copyFileSync(join(root, "packages/cli/fixtures/seed-page.txt"), join(fixtures, "page.txt"));
run(process.execPath, [join(root, "packages/cli/bin/yk.cjs"), "parse", "page.txt", "--date", "2023-01-12", "--out", "page.json"], fixtures);

const typescript = JSON.parse(readFileSync(join(root, "node_modules/typescript/package.json"), "utf8")).version;
const nodePreGyp = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies["@mapbox/node-pre-gyp"];

/** An empty project with `names` installed from their tarballs. */
function project(slug, names) {
  const dir = join(work, slug);
  mkdirSync(dir);
  // nodejieba builds in its install script: allowed here, as a user's project must (npm asks for
  // allowScripts); its `npx @mapbox/node-pre-gyp`, cancelled by npm without a terminal, needs
  // node-pre-gyp installed alongside: the documented fix for our users too.
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `consumer-${slug}`, private: true, version: "0.0.0", allowScripts: { nodejieba: true } }));
  for (const f of ["page.txt", "page.json"]) copyFileSync(join(fixtures, f), join(dir, f));
  const extra = needsNodejieba(names) ? [`@mapbox/node-pre-gyp@${nodePreGyp}`] : [];
  run("npm", ["install", "--no-audit", "--no-fund", `typescript@${typescript}`, "@types/node@20", ...extra, ...[...names].map((n) => tarballs.get(n))], dir);
  return dir;
}

/** Type-check TypeScript sources (name → code) as ESM (.mts) and CommonJS (.cts), against the packed .d.ts files. */
function typeCheck(dir, sources) {
  const files = Object.entries(sources).flatMap(([name, code]) =>
    ["mts", "cts"].map((extension) => {
      writeFileSync(join(dir, `${name}.${extension}`), code + "\nexport {};\n");
      return `${name}.${extension}`;
    }),
  );
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, types: ["node"], skipLibCheck: false }, files }),
  );
  run(process.execPath, [join(dir, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], dir);
}

const sameOutput = (where, sample, printed) => {
  if (sample && sample.code !== (printed.endsWith("\n") ? printed : printed + "\n")) {
    throw new Error(`${where}: prints\n${printed}\nnot its sample output\n${sample.code}`);
  }
};

/** Run a README's examples in a project where its package is installed, as a user would. */
function runReadme(p, dir) {
  const file = join(p.dir, "README.md");
  const blocks = codeBlocks(readFileSync(file, "utf8"));
  const sources = {};
  blocks.forEach((block, i) => {
    const where = `${p.json.name} README:${block.line}`;
    const sample = blocks[i + 1] && isOutput(blocks[i + 1]) ? blocks[i + 1] : undefined;
    if (block.lang === "js") {
      const name = `readme-${block.line}`;
      writeFileSync(join(dir, `${name}.mjs`), block.code);
      writeFileSync(join(dir, `${name}.cjs`), transformSync(block.code, { format: "cjs", platform: "node", target: "node20" }).code);
      const esm = run(process.execPath, [`${name}.mjs`], dir);
      const cjs = run(process.execPath, [`${name}.cjs`], dir);
      if (esm !== cjs) throw new Error(`${where}: CommonJS printed\n${cjs}\nESM printed\n${esm}`);
      sameOutput(where, sample, esm);
      sources[name] = block.code;
    } else if (block.lang === "sh") {
      let printed = "";
      for (const command of shellCommands(block.code)) {
        if (!isYkCommand(command)) continue; // npm install …: done above, from the tarballs
        // the installed bin, as npm linked it; `npx --no --` fails rather than download from the registry
        printed = sh(command.replace(/\bnpx (yk|@yk\/cli)\b/g, "npx --no -- $1"), dir, { PATH: `${join(dir, "node_modules/.bin")}:${process.env.PATH}` });
      }
      sameOutput(where, sample, printed);
    }
  });
  return sources;
}

for (const p of packages) {
  const name = p.json.name;
  const names = closure(name);
  const dir = project(name.replace(/^@yk\//, ""), names);
  const esm = run("node", ["--input-type=module", "-e", `import * as m from "${name}"; console.log(Object.keys(m).length)`], dir).trim();
  const cjs = run("node", ["-e", `const m = require("${name}"); console.log(Object.keys(m).length)`], dir).trim();
  if (!(Number(esm) > 0) || esm !== cjs) throw new Error(`${name}: ESM exports ${esm}, CJS exports ${cjs}`);
  const sources = runReadme(p, dir);
  typeCheck(dir, { ...sources, exports: `import * as m from "${name}";\nexport const count: number = Object.keys(m).length;\n` });
  console.log(`${name}: installed from ${names.size} tarball(s) (${[...names].join(", ")}); import and require give ${esm} exports; README examples run; types check as ESM and CommonJS`);
  if (name === "@yk/schema") {
    // the JSON Schema is exported as a file
    run("node", ["-e", `const s = require("@yk/schema/page.schema.json"); if (!s.$id) process.exit(1)`], dir);
  }
  if (name === "@yk/cli") {
    const version = sh("npx --no -- @yk/cli --version", dir).trim();
    if (version !== p.json.version) throw new Error(`npx @yk/cli --version printed ${version}`);
    // a global install, as the README says (into a prefix of our own, not the machine's)
    const prefix = join(work, "global");
    run("npm", ["install", "-g", "--prefix", prefix, "--no-audit", "--no-fund", "--allow-scripts=nodejieba", `@mapbox/node-pre-gyp@${nodePreGyp}`, ...[...names].map((n) => tarballs.get(n))], work);
    const summary = run(join(prefix, "bin", "yk"), ["parse", "page.txt", "--format", "text", "--date", "2023-01-12"], dir);
    if (!summary.includes("[a1] ")) throw new Error(`a global yk printed:\n${summary}`);
    console.log("@yk/cli: runs as npx @yk/cli and after a global install");
  }
  if (name === "@yk/pdf") {
    // @yk/pdf loads pdfjs-dist (ESM only) by a dynamic import: parse a small PDF from both builds
    writeFileSync(join(dir, "tiny.pdf"), tinyPdf("Hello from a PDF"));
    for (const [label, code] of [
      ["ESM", `import { parsePdf } from "@yk/pdf"; import { readFileSync } from "node:fs"; const [r] = await parsePdf(readFileSync("tiny.pdf")); console.log(r.text)`],
      ["CJS", `const { parsePdf } = require("@yk/pdf"); parsePdf(require("node:fs").readFileSync("tiny.pdf")).then(([r]) => console.log(r.text))`],
    ]) {
      const args = label === "ESM" ? ["--input-type=module", "-e", code] : ["-e", code];
      const text = run("node", args, dir).trim();
      if (text !== "Hello from a PDF") throw new Error(`@yk/pdf (${label}) read ${JSON.stringify(text)}`);
      console.log(`@yk/pdf parses a PDF as ${label}`);
    }
  }
}
if (!process.env.KEEP_PACK) rmSync(work, { recursive: true, force: true });
console.log("pack check passed");
