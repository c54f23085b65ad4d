import { describe, expect, it } from "vitest";
import { blockOf } from "./blocks.js";
import { headlineGroups, paragraphsOf, readingOrder } from "./layout.js";
import type { Line } from "./types.js";

const line = (text: string, x0: number, top: number, size = 9, width = text.length * size): Line => ({
  text,
  pieces: [],
  box: { x0, top, x1: x0 + width, bottom: top + size },
  size,
  font: "f",
  vertical: false,
});

describe("readingOrder", () => {
  it("reads a spanning lead block, then the columns under it left to right", () => {
    const lead = blockOf([line("通栏导语", 10, 100, 9, 300)]);
    const left = blockOf([line("左栏一", 10, 120, 9, 140), line("左栏二", 10, 133, 9, 140)]);
    const right = blockOf([line("右栏一", 170, 120, 9, 140), line("右栏二", 170, 133, 9, 140)]);
    expect(readingOrder([right, left, lead]).map((b) => b.lines[0]!.text)).toEqual(["通栏导语", "左栏一", "右栏一"]);
  });
});

describe("headlineGroups", () => {
  it("takes the largest type as the headline, smaller type above as kicker and below as subheadline", () => {
    const kicker = blockOf([line("引题文字", 50, 100, 16)]);
    const headline = blockOf([line("主标题", 40, 122, 36)]);
    const sub = blockOf([line("——副题文字", 45, 165, 16)]);
    const [g] = headlineGroups([sub, headline, kicker]);
    expect([g!.kicker, g!.headline, g!.subheadline].map((ls) => ls.map((l) => l.text).join(""))).toEqual(["引题文字", "主标题", "——副题文字"]);
  });
  it("keeps headlines of neighbouring columns apart", () => {
    const groups = headlineGroups([blockOf([line("左边标题", 10, 100, 24)]), blockOf([line("右边标题", 400, 100, 24)])]);
    expect(groups).toHaveLength(2);
  });
});

describe("paragraphsOf", () => {
  it("starts a paragraph at an indented line and runs one on into the next column", () => {
    const col1 = blockOf([line("第一段开头", 28, 100, 9, 117), line("第一段续行", 10, 113, 9, 135), line("栏底未完", 10, 126, 9, 135)]);
    const col2 = blockOf([line("接着写完。", 160, 100, 9, 45), line("第二段", 178, 113, 9, 117)]);
    expect(paragraphsOf([col1, col2]).map((p) => p.lines.map((l) => l.text).join(""))).toEqual(["第一段开头第一段续行栏底未完接着写完。", "第二段"]);
  });
});
