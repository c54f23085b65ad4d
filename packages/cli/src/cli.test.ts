import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, truncateSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { parsePage } from "@yk/schema";
import { copyFileSync } from "node:fs";
import { run, EXIT, defaultJobs, BYTES_PER_WORKER } from "./cli.js";
import { decode } from "./decode.js";

const seedPath = new URL("../fixtures/seed-page.txt", import.meta.url).pathname;
const bin = new URL("../dist/bin.cjs", import.meta.url).pathname;
const shim = new URL("../bin/yk.cjs", import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

async function call(argv: string[], stdin: string | Uint8Array = "", extra: { stdinPiped?: boolean; isTTY?: boolean } = {}) {
  let out = "";
  let err = "";
  const code = await run(argv, {
    stdout: (s) => (out += typeof s === "string" ? s : Buffer.from(s).toString("utf8")),
    stderr: (s) => (err += s),
    stdin: () => (typeof stdin === "string" ? Buffer.from(stdin) : stdin),
    ...extra,
  });
  return { code, out, err };
}

describe("help, version and input", () => {
  it("--help, -h and help print the global usage on stdout and exit 0; --version and -v the version", async () => {
    for (const argv of [["--help"], ["-h"], ["help"]]) {
      const r = await call(argv);
      expect(r, argv.join(" ")).toMatchObject({ code: EXIT.ok, err: "" });
      expect(r.out).toMatch(/^Usage: yk \[options\] \[command\]/);
      for (const command of ["parse", "entities", "reflow", "validate", "schema"]) expect(r.out).toMatch(new RegExp(`^  ${command} `, "m"));
      expect(r.out).toContain("Exit codes: 0 ok; 1 bad input");
    }
    for (const argv of [["--version"], ["-v"]]) expect(await call(argv)).toEqual({ code: EXIT.ok, out: `${version}\n`, err: "" });
  });

  it("a command's help is its own, whether asked with -h, --help or help <command>; it reads no file", async () => {
    for (const argv of [["parse", "-h"], ["parse", "--help"], ["help", "parse"]]) {
      const r = await call(argv);
      expect(r.code, argv.join(" ")).toBe(EXIT.ok);
      expect(r.out).toMatch(/^Usage: yk parse \[options\] \[input\]/);
      expect(r.out).toContain("--jobs <N>");
      expect(r.out).toContain("A folder is read recursively");
    }
    expect((await call(["entities", "--help"])).out).toMatch(/^Usage: yk entities \[options\] \[input\][\s\S]*--jsonl/);
  });

  it("no command prints the usage on stderr and exits 2", async () => {
    const r = await call([]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^Usage: yk /);
  });

  it("reads piped stdin when no input is given, for every command that takes one", async () => {
    const page = "本报讯（记者 王明）今天下雨。";
    const parsed = await call(["parse", "--format", "jsonl"], page, { stdinPiped: true });
    expect(parsed.code).toBe(EXIT.ok);
    expect(JSON.parse(parsed.out).articles[0].byline.contributors[0].name).toBe("王明");
    expect(JSON.parse(parsed.out).source.name).toBe("stdin");
    expect((await call(["reflow"], "第一行\n\n第二行。", { stdinPiped: true })).out).toBe("第一行第二行。\n");
    const people = JSON.parse((await call(["entities"], "市长王明来到永康。", { stdinPiped: true })).out);
    expect(people).toContainEqual(expect.objectContaining({ type: "person", text: "王明" }));
    expect((await call(["validate"], "{}", { stdinPiped: true })).code).toBe(EXIT.badInput);
    // nothing piped (a terminal, /dev/null): no input is a usage error, not a wait on the keyboard
    for (const command of ["parse", "entities", "reflow", "validate"]) {
      const r = await call([command], page, { stdinPiped: false });
      expect(r.code, command).toBe(EXIT.usage);
      expect(r.err).toBe(`yk: missing input: give a file, or - for stdin, or pipe text in (see yk ${command} --help)\n`);
    }
  });

  it("checks --page and --publication values and passes them to the page", async () => {
    const ok = JSON.parse((await call(["parse", "-", "--page", "3", "--publication", "永康日报"], "本报讯（记者 王明）今天下雨。")).out);
    expect(ok.publication).toMatchObject({ name: "永康日报", page: 3 });
    for (const bad of ["abc", "0", "3.5", "-1", "", "A3"]) {
      const r = await call(["parse", "-", "--page", bad], "x");
      expect(r.code, bad).toBe(EXIT.usage);
      expect(r.err).toBe(`yk: option '--page <N>' argument '${bad}' is invalid. It must be a page number of 1 or more, such as 3.\n`);
    }
    expect((await call(["parse", "-", "--publication", " "], "x")).err).toMatch(/^yk: option '--publication <name>' argument ' ' is invalid/);
  });
});

describe("yk parse", () => {
  it("--format text summarizes the seed page with people and their titles", async () => {
    const r = await call(["parse", seedPath, "--format", "text", "--date", "2023-01-12"]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("headline:    用心解难争主动 助企发展抢先机");
    expect(r.out).toContain("章旭升（市委书记）");
    expect(r.out).toContain("正月初七=2023-01-28");
  });

  it("--format json prints a valid page with entities; ninjs and jsonld print one document per article", async () => {
    const page = parsePage(JSON.parse((await call(["parse", seedPath, "--date", "2023-01-12"])).out));
    expect(page.articles.some((a) => a.entities.some((e) => e.type === "person" && e.text === "胡勇春"))).toBe(true);
    expect(JSON.parse((await call(["parse", seedPath, "--format", "ninjs"])).out)).toHaveLength(page.articles.length);
    expect(JSON.parse((await call(["parse", seedPath, "--format", "jsonld"])).out)[0]["@type"]).toBe("NewsArticle");
  });

  it("reads a PDF, told by its bytes, not its name: one page per PDF page, entities included", async () => {
    const pdf = new URL("../../../examples/pdf-page/page.pdf", import.meta.url).pathname;
    const dir = mkdtempSync(join(tmpdir(), "yk-pdf-"));
    const renamed = join(dir, "page.bin");
    copyFileSync(pdf, renamed);
    const page = parsePage(JSON.parse((await call(["parse", renamed])).out));
    expect(page.articles.length).toBeGreaterThan(2);
    expect(page.articles.some((a) => a.entities.some((e) => e.type === "person"))).toBe(true);
    // a damaged PDF: one line, exit 1
    writeFileSync(join(dir, "bad.pdf"), readFileSync(pdf).subarray(0, 400));
    const bad = await call(["parse", join(dir, "bad.pdf")]);
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.err).toMatch(/^yk: .*\n$/);
    expect(bad.err.split("\n")).toHaveLength(2);
    // a folder may mix text pages and PDFs
    writeFileSync(join(dir, "a.txt"), "本报讯（记者 王明）今天下雨。");
    rmSync(join(dir, "bad.pdf"));
    copyFileSync(pdf, join(dir, "b.pdf"));
    const folder = await call(["parse", dir, "--jobs", "1"]);
    expect(folder.code).toBe(EXIT.ok);
    const lines = folder.out.trim().split("\n").map((l) => parsePage(JSON.parse(l)));
    expect(lines.map((p) => p.source.name?.replace(/^.*[\\/]/, ""))).toEqual(["a.txt", "b.pdf"]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads stdin, UTF-16 with BOM and GB18030", async () => {
    const text = "本报讯（记者 王明）今天下雨。";
    expect(decode(iconv.encode(text, "gb18030"), "x")).toBe(text);
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]), "x")).toBe(text);
    expect(decode(Buffer.from("\uFEFF" + text), "x")).toBe(text);
    const r = await call(["parse", "-", "--format", "jsonl"], iconv.encode(text, "gbk"));
    expect(JSON.parse(r.out).articles[0].byline.contributors[0].name).toBe("王明");
  });

  it("exits 2 on usage errors and 1 on bad input, with one clear line on stderr", async () => {
    const cases: [string[], number, RegExp][] = [
      [["parse", seedPath, "--format", "xml"], EXIT.usage, /^yk: option '--format <format>' argument 'xml' is invalid\. Allowed choices are json, jsonl, ninjs, jsonld, text, html\.$/],
      [["parse", seedPath, "--date", "2023-02-30"], EXIT.usage, /^yk: option '--date <YYYY-MM-DD>' argument '2023-02-30' is invalid\. It must be a calendar date/],
      [["parse", seedPath, "--colour"], EXIT.usage, /^yk: unknown option '--colour'$/],
      [["parse", "/nonexistent/page.txt"], EXIT.badInput, /^yk: \/nonexistent\/page.txt: cannot read \(ENOENT\)$/],
      [["frobnicate"], EXIT.usage, /^yk: unknown command 'frobnicate'$/],
    ];
    for (const [argv, code, message] of cases) {
      const r = await call(argv);
      expect(r.code, argv.join(" ")).toBe(code);
      expect(r.err.split("\n")[0]).toMatch(message);
    }
    const binary = await call(["parse", "-"], new Uint8Array([0, 1, 2, 3]));
    expect(binary).toMatchObject({ code: EXIT.badInput, err: "yk: stdin: looks like binary data (NUL bytes), not text\n" });
  });
});

describe("yk entities, reflow, validate, schema", () => {
  it("entities --jsonl keeps order and count, one output line per input line", async () => {
    const input = ['{"text":"市长王明来到永康。"}', "not json", '{"text":"1月11日下午"}'].join("\n");
    const r = await call(["entities", "-", "--jsonl", "--date", "2023-01-12"], input);
    const lines = r.out.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].entities).toContainEqual(expect.objectContaining({ type: "person", start: 2, end: 4, text: "王明", titles: ["市长"] }));
    expect(lines[1]).toEqual({ entities: [], error: 'expected {"text": "..."}' });
    expect(lines[2].entities[0]).toMatchObject({ type: "date", normalized: "2023-01-11" });
    expect(r.code).toBe(EXIT.badInput);
  });

  it("reflow prints paragraphs; validate reports each bad path; schema prints the JSON Schema", async () => {
    expect((await call(["reflow", "-"], "第一行\n\n第二行。")).out).toBe("第一行第二行。\n");
    const r = await call(["validate", "-"], JSON.stringify({ schemaVersion: "1.0.0", articles: [{}] }));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toContain("stdin: source:");
    expect(r.err).toContain("stdin: articles[0].kind:");
    expect(JSON.parse((await call(["schema"])).out).$id).toMatch(/page\.schema\.json$/);
  });
});

describe("--format html", () => {
  it("prints one self-contained document of the page, its raw text included and escaped", async () => {
    const r = await call(["parse", "-", "--format", "html"], "本报讯（记者 王明）<script>alert(1)</script>今天下雨。\r\n");
    expect(r).toMatchObject({ code: EXIT.ok, err: "" });
    expect(r.out).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    expect(r.out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(r.out).toContain("&#13;");
    expect(r.out.match(/<script/g)).toHaveLength(1);
    // the JSON of the same page stays as it was: no raw text unless a view asks for it
    expect(JSON.parse((await call(["parse", "-"], "今天下雨。\n")).out).source.text).toBeUndefined();
  });
});

describe("--extractor", () => {
  // pdftotext-like blocks written for this test: a paragraph cut at a column's foot, its end in the next block
  const blocks = [
    "市场焕新颜",
    "镇里去年投入资金改造了市场的顶棚\n和排水沟，还在入口处设置了公平秤",
    "和农产品检测室，方便群众放心买菜\n。附近的村民说，现在买菜干净多了。",
  ].join("\n\n");
  const joined = "镇里去年投入资金改造了市场的顶棚和排水沟，还在入口处设置了公平秤和农产品检测室，方便群众放心买菜。附近的村民说，现在买菜干净多了。";

  it("reads the text as the named extractor's (typeset: as it is)", async () => {
    expect((await call(["reflow", "--extractor", "pdftotext", "-"], blocks)).out).toContain(joined);
    expect((await call(["reflow", "--extractor", "typeset", "-"], blocks)).out).not.toContain(joined);
    const page = JSON.parse((await call(["parse", "--extractor", "pdftotext", "-"], blocks)).out);
    expect(page.articles.flatMap((a: { paragraphs: { text: string }[] }) => a.paragraphs.map((p) => p.text))).toContain(joined);
  });

  it("rejects a style it does not know, naming the choices", async () => {
    const r = await call(["reflow", "--extractor", "ocr", "-"], blocks);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain("pdftotext");
  });
});

describe("folder runs (built binary, worker pool)", () => {
  const dir = mkdtempSync(join(tmpdir(), "yk-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pages = join(dir, "pages");
  mkdirSync(join(pages, "nested"), { recursive: true });
  const seed = readFileSync(seedPath);
  writeFileSync(join(pages, "a.txt"), seed);
  writeFileSync(join(pages, "nested", "b.txt"), iconv.encode(seed.toString("utf8"), "gb18030"));
  writeFileSync(join(pages, "c.txt"), Buffer.from([0, 1, 2, 3, 4]));
  writeFileSync(join(pages, "d.txt"), "本报讯（记者 王明）今天下雨。\n");
  writeFileSync(join(pages, "ignored.md"), "# not a page");

  it("writes JSON Lines in input order, reports the bad file and still finishes the others", () => {
    const r = spawnSync(process.execPath, [bin, "parse", pages, "--jobs", "2", "--date", "2023-01-12"], { encoding: "utf8" });
    expect(r.status).toBe(EXIT.badInput);
    expect(r.stderr).toBe(`yk: ${join(pages, "c.txt")}: looks like binary data (NUL bytes), not text\n`);
    const lines = r.stdout.trim().split("\n").map((l) => parsePage(JSON.parse(l)));
    expect(lines.map((p) => p.source.name)).toEqual([join(pages, "a.txt"), join(pages, "d.txt"), join(pages, "nested", "b.txt")]);
    expect(lines[2]!.articles.length).toBe(lines[0]!.articles.length);
  });

  it("--format json --out DIR writes one file per page, mirroring the folder", () => {
    const out = join(dir, "out2");
    const r = spawnSync(process.execPath, [bin, "parse", pages, "--format", "json", "--out", out, "--jobs", "2"], { encoding: "utf8" });
    expect(r.status).toBe(EXIT.badInput);
    expect(existsSync(join(out, "a.json"))).toBe(true);
    expect(existsSync(join(out, "nested", "b.json"))).toBe(true);
    expect(readdirSync(out).sort()).toEqual(["a.json", "d.json", "nested"]);
    parsePage(JSON.parse(readFileSync(join(out, "d.json"), "utf8")));
  });

  it("--format html --out DIR writes a view per page and an index.html with article counts, warnings and failures", () => {
    const out = join(dir, "out-html");
    const r = spawnSync(process.execPath, [bin, "parse", pages, "--format", "html", "--out", out, "--jobs", "2", "--date", "2023-01-12"], { encoding: "utf8" });
    expect(r.status).toBe(EXIT.badInput);
    expect(readdirSync(out).sort()).toEqual(["a.html", "d.html", "index.html", "nested"]);
    expect(existsSync(join(out, "nested", "b.html"))).toBe(true);
    const view = readFileSync(join(out, "a.html"), "utf8");
    expect(view).toMatch(/^<!doctype html>/);
    const articles = (view.match(/<article class="card"/g) ?? []).length;
    expect(articles).toBeGreaterThanOrEqual(4);
    const index = readFileSync(join(out, "index.html"), "utf8");
    const row = (name: string) => index.split("\n").find((l) => l.includes(`>${name}<`)) ?? "";
    expect(row("a.txt")).toContain(`<a href="a.html">a.txt</a></td><td class="num">${articles}</td><td class="num">1</td>`);
    expect(row("a.txt")).toContain("headline-after-body");
    expect(index).toContain('<a href="nested/b.html">nested/b.txt</a>');
    expect(index).toMatch(/<td>c\.txt<\/td>.*failed.*binary data/);
  });
});

describe("the progress bar of a folder run", () => {
  it("is drawn on stderr when it is a terminal, ending at every page done; not otherwise", async () => {
    const dir = mkdtempSync(join(tmpdir(), "yk-bar-"));
    try {
      for (const name of ["a", "b", "c"]) writeFileSync(join(dir, `${name}.txt`), `本报讯（记者 王明）${name}今天下雨。\n`);
      const tty = await call(["parse", dir, "--jobs", "1"], "", { isTTY: true });
      expect(tty.code).toBe(EXIT.ok);
      expect(tty.out.trim().split("\n")).toHaveLength(3);
      expect(tty.err.split("\r").filter(Boolean)).toEqual([
        "[" + "#".repeat(10) + "-".repeat(20) + "] 1/3 pages",
        "[" + "#".repeat(20) + "-".repeat(10) + "] 2/3 pages",
        "[" + "#".repeat(30) + "] 3/3 pages\n",
      ]);
      expect((await call(["parse", dir, "--jobs", "1"], "", { isTTY: false })).err).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the committed bin shim", () => {
  it("runs the built command line", () => {
    const r = spawnSync(process.execPath, [shim, "--version"], { encoding: "utf8" });
    expect(r).toMatchObject({ status: 0, stdout: `${version}\n` });
    const piped = spawnSync(process.execPath, [shim, "reflow"], { input: "第一行\n\n第二行。", encoding: "utf8" });
    expect(piped).toMatchObject({ status: 0, stdout: "第一行第二行。\n" });
  });

  it("says to build first, in one line, when dist/ is not there yet (a fresh clone after npm ci)", () => {
    const dir = mkdtempSync(join(tmpdir(), "yk-shim-"));
    try {
      mkdirSync(join(dir, "bin"));
      copyFileSync(shim, join(dir, "bin", "yk.cjs"));
      const r = spawnSync(process.execPath, [join(dir, "bin", "yk.cjs"), "--help"], { encoding: "utf8" });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("yk: @yk/cli is not built yet (no dist/bin.cjs): run `npm run build` at the repository root first\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the default pool size", () => {
  it("is one worker per 8 MB of pages, at least one, at most the cores", () => {
    const dir = mkdtempSync(join(tmpdir(), "yk-jobs-"));
    try {
      // sparse files: the size is what counts, nothing is written
      const files = Array.from({ length: 5 }, (_, i) => join(dir, `${i}.txt`));
      for (const f of files) writeFileSync(f, "");
      expect(defaultJobs(files, 4)).toBe(1); // empty pages: start-up would be all a second worker adds
      for (const f of files) truncateSync(f, BYTES_PER_WORKER / 2);
      expect(defaultJobs(files, 4)).toBe(2); // 2.5 workers' worth
      expect(defaultJobs(files, 1)).toBe(1);
      for (const f of files) truncateSync(f, BYTES_PER_WORKER * 2);
      expect(defaultJobs(files, 4)).toBe(4);
      expect(defaultJobs([...files, join(dir, "missing.txt")], 8)).toBe(8);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
