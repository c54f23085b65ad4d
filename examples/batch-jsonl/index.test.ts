import { expect, it, onTestFinished } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePage } from "@yk/schema";
// @ts-expect-error plain JavaScript example
import { batch } from "./index.mjs";

it("writes one valid page per line, in file order", async () => {
  const folder = new URL("./pages", import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), "yk-batch-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, "pages.jsonl");
  const { code, errors } = await batch(folder, out, 2);
  expect({ code, errors }).toEqual({ code: 0, errors: "" });
  const pages = readFileSync(out, "utf8").trim().split("\n").map((l) => parsePage(JSON.parse(l)));
  expect(pages.map((p) => p.source.name!.split("/").pop())).toEqual(["county-briefs.txt", "seed.txt", "wire-displaced.txt"]);
  expect(pages[1]!.section).toBe("时政·要闻");
});
