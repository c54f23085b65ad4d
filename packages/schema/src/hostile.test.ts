import { describe, expect, it } from "vitest";
import { parsePage, safeParsePage, PageValidationError } from "./index.js";
import { handBuiltSeedPage } from "./fixtures.test-helpers.js";

describe("parsePage on garbage", () => {
  const deep: Record<string, unknown> = {};
  let cur = deep;
  for (let i = 0; i < 5000; i++) cur = (cur.next = {}) as Record<string, unknown>;
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["a string", "page"],
    ["an array", []],
    ["articles of the wrong type", { ...handBuiltSeedPage(), articles: "none" }],
    ["a deeply nested extra field", { ...handBuiltSeedPage(), extra: deep }],
    ["ten thousand bad articles", { ...handBuiltSeedPage(), articles: Array.from({ length: 10_000 }, () => ({})) }],
    ["a span with negative offsets", { ...handBuiltSeedPage(), furniture: [{ text: "x", spans: [{ start: -1, end: 2.5 }] }] }],
  ])("%s: a PageValidationError naming paths, never another exception", (_name, value) => {
    expect(safeParsePage(value).success).toBe(false);
    let error: unknown;
    try {
      parsePage(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PageValidationError);
    expect((error as PageValidationError).issues.length).toBeGreaterThan(0);
    for (const issue of (error as PageValidationError).issues) expect(typeof issue.path).toBe("string");
  });
});
