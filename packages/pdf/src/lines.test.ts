import { describe, expect, it } from "vitest";
import { buildLines, settleSpaces } from "./lines.js";
import type { TextItem } from "./types.js";

const item = (text: string, x0: number, baseline: number, size = 9, width = text.length * size): TextItem => ({
  text,
  x0,
  x1: x0 + width,
  baseline,
  size,
  font: "f",
  vertical: false,
});

describe("settleSpaces", () => {
  it("drops letter-spacing and justification spaces next to Chinese characters", () => {
    expect(settleSpaces("中 国 海 油 党 组 召 开")).toBe("中国海油党组召开");
    expect(settleSpaces("本 报 讯 10 月 14 日 ，")).toBe("本报讯10月14日，");
  });
  it("keeps one space between Latin words and numbers", () => {
    expect(settleSpaces("CHINA  OFFSHORE OIL")).toBe("CHINA OFFSHORE OIL");
    expect(settleSpaces("CN 11-0138")).toBe("CN 11-0138");
  });
});

describe("buildLines", () => {
  it("joins a headline set one character per item, half an em apart", () => {
    const chars = Array.from("临溪县召开大会");
    const lines = buildLines(chars.map((ch, i) => item(ch, 100 + i * 63, 200, 42)));
    expect(lines.map((l) => l.text)).toEqual(["临溪县召开大会"]);
  });
  it("splits a baseline at a column gutter, where the lines of a column start", () => {
    const rows = [300, 313, 326].flatMap((y) => [item("第一栏的正文", 10, y), item("第二栏的正文", 10 + 54 + 12, y)]);
    expect(buildLines(rows).map((l) => l.text)).toEqual(["第一栏的正文", "第二栏的正文", "第一栏的正文", "第二栏的正文", "第一栏的正文", "第二栏的正文"]);
  });
  it("joins a line across one wide justification space", () => {
    const rows = [300, 313, 326].flatMap((y) => [item("第一栏的正文", 10, y), item("第二栏的正文", 10 + 54 + 12, y)]);
    const wide = [item("同步建设沿河步道和亲水平", 10, 339), item("台。", 10 + 108 + 9.5, 339)];
    expect(buildLines([...rows, ...wide]).map((l) => l.text.replace(/ /g, ""))).toContain("同步建设沿河步道和亲水平台。");
  });
  it("keeps the word space between names drawn as separate items", () => {
    const lines = buildLines([item("通讯员", 10, 300), item("田明", 37, 300), item("宋宗泽", 60, 300)]);
    expect(lines[0]!.text).toBe("通讯员田明 宋宗泽");
  });
  it("keeps rotated text out of the lines of the page", () => {
    const lines = buildLines([{ ...item("竖排文字", 10, 300), vertical: true }, item("正文", 100, 300)]);
    expect(lines.find((l) => l.text === "竖排文字")?.vertical).toBe(true);
    expect(lines.find((l) => l.text === "正文")?.vertical).toBe(false);
  });
});
