import { describe, expect, it, afterAll } from "vitest";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePage } from "@yk/schema";
import { HOSTILE_INPUTS } from "../../../test/hostile/inputs.js";
import { run, EXIT } from "./cli.js";

async function call(argv: string[], stdin: Uint8Array = new Uint8Array()) {
  let out = "";
  let err = "";
  const code = await run(argv, { stdout: (s) => (out += typeof s === "string" ? s : Buffer.from(s).toString("utf8")), stderr: (s) => (err += s), stdin: () => stdin });
  return { code, out, err };
}

describe.each(Object.entries(HOSTILE_INPUTS))("yk parse - on %s", (_name, text) => {
  it("prints a valid page, or refuses binary input with one line and exit 1", async () => {
    const r = await call(["parse", "-", "--format", "jsonl"], Buffer.from(text, "utf8"));
    if (text.includes("\u0000")) {
      expect(r).toMatchObject({ code: EXIT.badInput, out: "" });
      expect(r.err).toMatch(/^yk: stdin: looks like binary data[^\n]*\n$/);
      return;
    }
    expect(r.err).toBe("");
    expect(r.code).toBe(EXIT.ok);
    expect(() => parsePage(JSON.parse(r.out))).not.toThrow();
  });
});

describe("yk on bad files and options: one clear line on stderr, the documented exit code", () => {
  const dir = mkdtempSync(join(tmpdir(), "yk-hostile-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const loop = join(dir, "loop.txt");
  symlinkSync(loop, loop); // unreadable: a symbolic link to itself
  writeFileSync(join(dir, "good.txt"), "本报讯（记者 王明）今天下雨。\n");

  it.each([
    [["parse", join(dir, "missing.txt")], EXIT.badInput, `yk: ${join(dir, "missing.txt")}: cannot read (ENOENT)`],
    [["parse", loop], EXIT.badInput, `yk: ${loop}: cannot read (ELOOP)`],
    [["parse", join(dir, "good.txt"), "--date", "2023-1-5"], EXIT.usage, "yk: option '--date <YYYY-MM-DD>' argument '2023-1-5' is invalid. It must be a calendar date YYYY-MM-DD."],
    [["parse", join(dir, "good.txt"), "--format", "yaml"], EXIT.usage, "yk: option '--format <format>' argument 'yaml' is invalid. Allowed choices are json, jsonl, ninjs, jsonld, text, html."],
    [["parse", dir, "--jobs", "0"], EXIT.usage, "yk: option '--jobs <N>' argument '0' is invalid. It must be a whole number ≥ 1."],
    [["parse", dir, "--format", "json"], EXIT.usage, "yk: a folder run with --format json needs --out DIR (one file per page)"],
    [["parse"], EXIT.usage, "yk: missing input: give a file, or - for stdin, or pipe text in (see yk parse --help)"],
    [["parse", join(dir, "good.txt"), "--page", "abc"], EXIT.usage, "yk: option '--page <N>' argument 'abc' is invalid. It must be a page number of 1 or more, such as 3."],
    [["entities"], EXIT.usage, "yk: missing input: give a file, or - for stdin, or pipe text in (see yk entities --help)"],
    [["entities", "-", "--date", "31/12/2023"], EXIT.usage, "yk: option '--date <YYYY-MM-DD>' argument '31/12/2023' is invalid. It must be a calendar date YYYY-MM-DD."],
  ] as [string[], number, string][])("%j", async (argv, code, line) => {
    const r = await call(argv);
    expect(r.code).toBe(code);
    expect(r.err).toBe(line + "\n");
  });

  it("a folder with an unreadable file still parses the others and exits 1", async () => {
    const r = await call(["parse", dir, "--jobs", "1"]);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toBe(`yk: ${loop}: cannot read (ELOOP)\n`);
    const pages = r.out.trim().split("\n").map((l) => parsePage(JSON.parse(l)));
    expect(pages.map((p) => p.source.name)).toEqual([join(dir, "good.txt")]);
  });
});
