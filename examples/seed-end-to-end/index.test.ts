import { expect, it, onTestFinished } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
// @ts-expect-error plain JavaScript example
import { runSeed } from "./index.mjs";

it("parses the seed page and writes valid page, ninjs and JSON-LD files", () => {
  const dir = mkdtempSync(`${tmpdir()}/yk-seed-`);
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const out = pathToFileURL(dir + "/");
  const { page, ninjs, jsonld } = runSeed(out);
  // the two headline-only teasers may come out as one item or two (EXPECTED.md)
  const kinds: string[] = page.articles.map((a: { kind: string }) => a.kind).sort();
  expect(kinds.filter((k) => k !== "teaser")).toEqual(["news", "news", "photo"]);
  expect(kinds.filter((k) => k === "teaser").length).toBeGreaterThanOrEqual(1);
  expect(ninjs).toHaveLength(page.articles.length);
  expect(jsonld.find((d: { headline?: string }) => d.headline === "政企同心 携手打造世界五金之都").author[0].name).toBe("徐敏");
  expect(JSON.parse(readFileSync(new URL("page.json", out), "utf8")).section).toBe("时政·要闻");
});
