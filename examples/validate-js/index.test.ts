import { expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { splitPage } from "@yk/article-split";
// @ts-expect-error plain JavaScript example
import { problems } from "./index.mjs";

it("accepts a parsed page and names the paths of a broken one", () => {
  const raw = readFileSync(new URL("../seed-end-to-end/seed-page.txt", import.meta.url), "utf8");
  const page = JSON.parse(JSON.stringify(splitPage(raw)));
  expect(problems(page)).toEqual([]);
  page.articles[0].kind = "poem";
  delete page.source.sha256;
  const found: string[] = problems(page);
  expect(found.some((p) => p.startsWith("/articles/0/kind"))).toBe(true);
  expect(found.some((p) => p.startsWith("/source: must have required property 'sha256'"))).toBe(true);
});
