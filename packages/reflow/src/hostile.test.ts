import { describe, expect, it } from "vitest";
import { HOSTILE_INPUTS } from "../../../test/hostile/inputs.js";
import { isIgnorable } from "../../../test/hostile/properties.js";
import { reflow, reflowText, normalize } from "./index.js";

/**
 * Each kept character with its count, in character order: the same multiset test as sorting every
 * character, but linear (the sort of the 10 MB line's 3.5 million characters took 2.7 s a side).
 */
const glyphs = (text: string) => {
  const counts = new Map<string, number>();
  for (const c of normalize(text).text) {
    if (isIgnorable(c.charCodeAt(0)) || c === "-") continue;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([c, n]) => `${c}×${n}`).join(" ");
};

describe.each(Object.entries(HOSTILE_INPUTS))("reflow on %s", (_name, raw) => {
  it("does not throw, keeps every character, maps offsets into the input", () => {
    const result = reflow(raw);
    const out = result.paragraphs.map((p) => p.text).join("");
    expect(glyphs(out)).toBe(glyphs(raw));
    for (const p of result.paragraphs) {
      expect(p.offsets.length).toBe(p.text.length);
      // one assertion per paragraph, not per offset: millions of expect() calls on the 10 MB line
      // took most of the whole suite's time
      expect(p.offsets.find((o) => !(o >= -1 && o < raw.length))).toBeUndefined();
    }
  });

  it("is idempotent on its own output", () => {
    const once = reflowText(raw);
    expect(reflowText(once)).toBe(once);
  });
});

describe("limits", () => {
  it("refuses input over maxLength with a typed error naming the limit", () => {
    expect(() => reflow("x".repeat(11), { maxLength: 10 })).toThrow(/over the maxLength of 10/);
    expect(() => reflow("x", { maxLength: -1 })).toThrow(/option maxLength must be a non-negative number/);
  });
});
