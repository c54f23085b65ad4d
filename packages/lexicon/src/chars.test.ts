import { describe, expect, it } from "vitest";
import { charWidth, endsSentence, textWidth, isHan, alternation } from "./index.js";

describe("character classes", () => {
  it("measures print width: Han 1, half-width 0.5, compressible punctuation 0.75, spaces 0", () => {
    expect(textWidth("永康")).toBe(2);
    expect(textWidth("2023年")).toBe(3);
    expect(charWidth("，")).toBe(0.75);
    expect(textWidth("快 打 造")).toBe(3);
  });
  it("knows sentence ends behind closing marks, and Latin full stops from decimals", () => {
    expect(endsSentence("活动。”")).toBe(true);
    expect(endsSentence("活动”")).toBe(false);
    expect(endsSentence("on Monday.")).toBe(true);
    expect(endsSentence("达到98.")).toBe(false);
    expect(isHan("〇")).toBe(true);
  });
  it("text helpers are total: non-strings give 0 or false, never an exception", () => {
    for (const bad of [null, undefined, 42, {}, []]) {
      expect(textWidth(bad as never)).toBe(0);
      expect(endsSentence(bad as never)).toBe(false);
    }
  });
  it("alternations put longer words first", () => {
    expect(alternation(["记者", "首席记者"])).toBe("首席记者|记者");
  });
});
