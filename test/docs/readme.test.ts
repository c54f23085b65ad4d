/**
 * The doc tests: every fenced code block of every README (the root's, each package's, each
 * example's) is run or type-checked as written, and every sample output is checked against what
 * the code prints. The rules are in README.md beside this file. `YK_DOCS_UPDATE=1 npx vitest run
 * --project docs` rewrites the sample outputs from the code instead of comparing them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { transformSync } from "esbuild";
import { codeBlocks, isOutput, isYkCommand, shellCommands, type Block } from "../../scripts/readme-blocks.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const update = process.env.YK_DOCS_UPDATE === "1";
const run = promisify(execFile);

const rootJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const workspacePackages = readdirSync(join(root, "packages")).map(
  (dir) => JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) as { name: string; private?: boolean },
);
const publicNames = new Set(workspacePackages.filter((p) => !p.private).map((p) => p.name));

const readmes = [
  "README.md",
  ...readdirSync(join(root, "packages")).map((d) => `packages/${d}/README.md`),
  ...readdirSync(join(root, "examples")).map((d) => `examples/${d}/README.md`),
].filter((f) => existsSync(join(root, f)));

// Inside the repository (under node_modules/.cache), so that `@yk/...` in an example resolves
// to the workspace's built packages exactly as a user's project resolves the installed ones.
const work = join(root, "node_modules", ".cache", `yk-doctest-${process.pid}`);
/** Where examples run: a folder with the files a README's example names (page.txt, page.json). */
const sandbox = join(work, "sandbox");
const binDir = join(work, "bin");
const tsBlocks: { file: string; block: Block; code: string }[] = [];
const rewrites = new Map<string, { start: number; end: number; text: string }[]>();

beforeAll(() => {
  mkdirSync(sandbox, { recursive: true });
  mkdirSync(binDir, { recursive: true });
  // `yk` as npm links it, so that a README's `yk …` runs the workspace's command line
  writeFileSync(join(binDir, "yk"), `#!/bin/sh\nexec "${process.execPath}" "${join(root, "packages/cli/bin/yk.cjs")}" "$@"\n`);
  chmodSync(join(binDir, "yk"), 0o755);
  writeFileSync(join(sandbox, "page.txt"), readFileSync(join(root, "packages/cli/fixtures/seed-page.txt")));
  const made = spawnSync(join(binDir, "yk"), ["parse", "page.txt", "--date", "2023-01-12", "--out", "page.json"], { cwd: sandbox, encoding: "utf8" });
  if (made.status !== 0) throw new Error(`cannot make page.json: ${made.stderr}`);
});

afterAll(() => {
  for (const [file, edits] of rewrites) {
    let text = readFileSync(join(root, file), "utf8");
    for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    writeFileSync(join(root, file), text);
  }
  rmSync(work, { recursive: true, force: true });
});

/** Compare a sample output block with what the code printed (or, in update mode, rewrite it). */
function checkSample(file: string, sample: Block | undefined, printed: string) {
  if (!sample) return;
  const text = printed.endsWith("\n") ? printed : printed + "\n";
  if (update) {
    if (text !== sample.code) rewrites.set(file, [...(rewrites.get(file) ?? []), { start: sample.start, end: sample.end, text }]);
    return;
  }
  expect(sample.code, `${file}:${sample.line}: the sample output is not what the code prints (YK_DOCS_UPDATE=1 rewrites it)`).toBe(text);
}

/** What a README's `npm …` line may be: a root script, or an install of our packages (done for real by check:pack). */
function checkNpmCommand(command: string, where: string) {
  const words = command.split(/\s+/);
  const [, verb, ...rest] = words;
  if (verb === "ci") return expect(rest.filter((w) => !w.startsWith("-")), where).toEqual([]);
  if (verb === "start" || verb === "test") return expect(rootJson.scripts[verb], `${where}: no root script ${verb}`).toBeTruthy();
  if (verb === "run") return expect(rootJson.scripts[rest[0]!], `${where}: no root script ${rest[0]}`).toBeTruthy();
  if (verb === "install" || verb === "i") {
    const names = rest.filter((w) => !w.startsWith("-"));
    expect(names.length, where).toBeGreaterThan(0);
    for (const spec of names) {
      if (spec.startsWith("@mapbox/node-pre-gyp@")) {
        // the version the repository itself installs, which is the one known to work
        expect(spec, where).toBe(`@mapbox/node-pre-gyp@${rootJson.devDependencies["@mapbox/node-pre-gyp"]}`);
      } else expect(publicNames.has(spec), `${where}: ${spec} is not one of our public packages`).toBe(true);
    }
    return;
  }
  throw new Error(`${where}: no doc-test rule for "${command}"`);
}

const slug = (file: string, block: Block) => `${file.replace(/\/?README\.md$/, "").replace(/\//g, "-") || "root"}-${block.line}`;

for (const file of readmes) {
  const markdown = readFileSync(join(root, file), "utf8");
  const blocks = codeBlocks(markdown);
  if (blocks.length === 0) continue; // prose only
  describe(file, () => {
    blocks.forEach((block, i) => {
      const where = `${file}:${block.line}`;
      const sample = blocks[i + 1] && isOutput(blocks[i + 1]!) ? blocks[i + 1] : undefined;
      if (isOutput(block)) {
        it(`${where} is the output of the block before it`, () => {
          expect(i > 0 && ["js", "sh"].includes(blocks[i - 1]!.lang), `${where}: a sample output follows no runnable block`).toBe(true);
        });
        return;
      }
      if (block.lang === "js") {
        tsBlocks.push({ file, block, code: block.code });
        it(`${where} runs as ESM and as CommonJS, printing the same${sample ? " as its sample output" : ""}`, async () => {
          const name = slug(file, block);
          const esm = join(work, `${name}.mjs`);
          const cjs = join(work, `${name}.cjs`);
          writeFileSync(esm, block.code);
          writeFileSync(cjs, transformSync(block.code, { format: "cjs", platform: "node", target: "node20" }).code);
          const [a, b] = await Promise.all([esm, cjs].map((f) => run(process.execPath, [f], { cwd: sandbox, encoding: "utf8" })));
          expect(b!.stdout, `${where}: CommonJS printed something else than ESM`).toBe(a!.stdout);
          checkSample(file, sample, a!.stdout);
        });
        return;
      }
      if (block.lang === "sh") {
        it(`${where}: its yk commands run${sample ? " and print its sample output" : ""}, its npm commands are ones we have`, async () => {
          let printed = "";
          for (const command of shellCommands(block.code)) {
            if (command.startsWith("npm ")) checkNpmCommand(command, where);
            else if (isYkCommand(command)) {
              const line = command.replace(/\bnpx (yk|@yk\/cli)\b/g, "yk");
              const r = await run("/bin/sh", ["-c", line], {
                cwd: file === "README.md" ? root : sandbox,
                encoding: "utf8",
                env: { ...process.env, PATH: `${binDir}:${process.env.PATH}` },
              });
              printed = r.stdout;
            } else throw new Error(`${where}: no doc-test rule for "${command}"`);
          }
          checkSample(file, sample, printed);
        });
        return;
      }
      it(`${where} is a block the doc tests know`, () => {
        throw new Error(`${where}: a \`${block.lang || "(no language)"}\` block is neither run nor checked: use js, sh or text output`);
      });
    });
  });
}

/**
 * Type-check examples as a TypeScript user writes them, as ESM (.mts) and as CommonJS (.cts): strict,
 * against our built .d.ts files, in one program for both kinds (the .d.ts files themselves are
 * checked by check:pack). Returns tsc's report, empty when all is well.
 */
function typeCheck(name: string, examples: { name: string; code: string }[]): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const files = examples.flatMap(({ name, code }) =>
    ["mts", "cts"].map((extension) => {
      writeFileSync(join(dir, `${name}.${extension}`), code + "\nexport {};\n");
      return `${name}.${extension}`;
    }),
  );
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true, skipLibCheck: true, types: ["node"] },
      files,
    }),
  );
  const r = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", dir], { cwd: dir, encoding: "utf8" });
  return r.stdout.replaceAll(dir + "/", "") + (r.status === 0 ? "" : `(tsc exit ${r.status})`);
}

it("the js examples type-check as TypeScript, in ESM and in CommonJS (module nodenext, strict)", () => {
  expect(typeCheck("ts", tsBlocks.map(({ file, block, code }) => ({ name: slug(file, block), code })))).toBe("");
});

it("the type check fails an example that only works in ESM, and one that misuses a type", () => {
  const attribute = 'import schema from "@yk/schema/page.schema.json" with { type: "json" };\nconsole.log(schema);\n';
  const report = typeCheck("ts-bad", [
    { name: "attribute", code: attribute },
    { name: "misuse", code: 'import { reflow } from "@yk/reflow";\nconst n: number = reflow("x").paragraphs[0].text;\n' },
  ]);
  expect(report).toMatch(/^attribute\.cts\(1,\d+\): error TS2856/m);
  expect(report).not.toMatch(/^attribute\.mts/m);
  expect(report).toMatch(/^misuse\.mts\(2,\d+\): error TS2322/m);
  expect(report).toMatch(/^misuse\.cts\(2,\d+\): error TS2322/m);
});
