import { expect, it } from "vitest";
// @ts-expect-error plain JavaScript example
import { entities } from "./index.mjs";

it("finds the local names from the user dictionary, and the titled person", () => {
  const found = entities().map((e: { type: string; text: string }) => `${e.type}:${e.text}`);
  expect(found).toContain("location:芝英镇");
  expect(found).toContain("organization:锐捷五金");
  expect(found).toContain("person:卜筱岚");
  expect(found).toContain("date:昨日");
});
