import { expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
// @ts-expect-error plain JavaScript example
import { runSeed } from "./index.mjs";

it("parses the seed page and writes valid page, ninjs and JSON-LD files", () => {
  const out = pathToFileURL(mkdtempSync(`${tmpdir()}/yk-seed-`) + "/");
  const { page, ninjs, jsonld } = runSeed(out);
  expect(page.articles.map((a: { kind: string }) => a.kind).sort()).toEqual(["news", "news", "photo", "teaser", "teaser"]);
  expect(ninjs).toHaveLength(5);
  expect(jsonld.find((d: { headline?: string }) => d.headline === "政企同心 携手打造世界五金之都").author[0].name).toBe("徐敏");
  expect(JSON.parse(readFileSync(new URL("page.json", out), "utf8")).section).toBe("时政·要闻");
});
