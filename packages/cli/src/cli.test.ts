import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { run, decode, EXIT } from "./cli.js";
import { parsePage } from "@yk/schema";

const seedPath = new URL("../fixtures/seed-page.txt", import.meta.url).pathname;

function call(argv: string[], stdin = "") {
  let out = "";
  let err = "";
  const code = run(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: () => Buffer.from(stdin) });
  return { code, out, err };
}

describe("yk", () => {
  it("parse --format text summarizes the seed page with people and their titles", () => {
    const r = call(["parse", seedPath, "--format", "text", "--date", "2023-01-12"]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("headline:    用心解难争主动 助企发展抢先机");
    expect(r.out).toContain("章旭升（市委书记）");
    expect(r.out).toContain("正月初七=2023-01-28");
  });

  it("parse --format json prints a valid page with entities", () => {
    const r = call(["parse", seedPath, "--date", "2023-01-12"]);
    const page = parsePage(JSON.parse(r.out));
    expect(page.articles.some((a) => a.entities.some((e) => e.type === "person" && e.text === "胡勇春"))).toBe(true);
  });

  it("reads stdin and decodes GB18030", () => {
    const bytes = iconv.encode("本报讯（记者 王明）今天下雨。", "gb18030");
    expect(decode(bytes, "x")).toBe("本报讯（记者 王明）今天下雨。");
    const r = call(["reflow", "-"], "第一行\n\n第二行。");
    expect(r.out).toBe("第一行第二行。\n");
  });

  it("exits 2 on usage errors and 1 on bad input, with one clear line", () => {
    expect(call(["parse", seedPath, "--format", "xml"]).code).toBe(EXIT.usage);
    expect(call(["parse", seedPath, "--date", "tomorrow"]).code).toBe(EXIT.usage);
    const missing = call(["parse", "/nonexistent/page.txt"]);
    expect(missing.code).toBe(EXIT.badInput);
    expect(missing.err).toBe("yk: /nonexistent/page.txt: cannot read (ENOENT)\n");
    expect(call(["frobnicate"]).code).toBe(EXIT.usage);
    expect(() => decode(Buffer.from([0, 1, 2, 3]), "b")).toThrow(/binary/);
  });

  it("validate reports each bad path", () => {
    const r = call(["validate", "-"], JSON.stringify({ schemaVersion: "1.0.0", articles: [{}] }));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toContain("stdin: source:");
    expect(r.err).toContain("stdin: articles[0].kind:");
    expect(readFileSync(seedPath, "utf8").length).toBeGreaterThan(1000);
  });
});
