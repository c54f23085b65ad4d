import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { generatePage } from "../../packages/pdf/src/test-utils/index.js";
// @ts-expect-error plain JavaScript example
import { summarize } from "./index.mjs";

it("reads the example page's articles as they were written", async () => {
  const out = await summarize(readFileSync(new URL("page.pdf", import.meta.url)));
  const articles = out.filter((o: { kind: string }) => !o.kind.startsWith("furniture"));
  // the page was printed from seed 42's spec; articles that did not fit were dropped from the end
  const spec = generatePage(42).articles.slice(0, articles.length);
  expect(articles.map((a: { headline: string }) => a.headline).sort()).toEqual(spec.map((a) => a.headline).sort());
  expect(articles.every((a: { paragraphs: number; box: string }) => a.paragraphs > 0 && / pt$/.test(a.box))).toBe(true);
  expect(out.some((o: { kind: string }) => o.kind === "furniture: date")).toBe(true);
});
