import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { alternation, wordList, PLACE_FIRST_CHAR_ODDS, PLACE_LAST_CHAR_ODDS } from "./index.js";

describe("wordList", () => {
  const words = ["北京", "北京市", "京", "上海", "海南", "南京", "abc", "ab"];
  const list = wordList(words);

  it("finds the longest word at a position", () => {
    expect(list.longestAt("在北京市工作", 1)).toBe("北京市");
    expect(list.longestAt("在北京市工作", 0)).toBeNull();
    expect(list.longestAt("上海南京", 1)).toBe("海南");
  });

  it("scans leftmost-longest without overlap, as a regular expression alternation does", () => {
    expect(list.matches("上海南京和北京市").map((m) => m.word)).toEqual(["上海", "南京", "北京市"]);
    expect(list.occursIn("今天下雨")).toBe(false);
    expect(list.occursIn("今天去南京")).toBe(true);
  });

  it("agrees with the alternation on any text", () => {
    const re = new RegExp(alternation(words), "g");
    const alphabet = fc.constantFrom(..."北京市上海南abc和 ");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")), (text) => {
        const expected = [...text.matchAll(re)].map((m) => [m.index, m[0]]);
        expect(list.matches(text).map((m) => [m.start, m.word])).toEqual(expected);
      }),
    );
  });
});

describe("the division gazetteer", async () => {
  const { DIVISIONS, DIVISION_SHORT_NAMES } = await import("./index.js");
  it("has China's county-level divisions in full, and short names that are no common words", () => {
    for (const name of ["德令哈市", "阳朔县", "和平区", "恩施土家族苗族自治州"]) expect(DIVISIONS).toContain(name);
    for (const name of ["鹿城", "阳朔", "德令哈"]) expect(DIVISION_SHORT_NAMES).toContain(name);
    // 和平 (peace), 东风 and 市中 (in 市中心) are words first: matched in full only
    for (const name of ["和平", "东风", "市中"]) expect(DIVISION_SHORT_NAMES).not.toContain(name);
    expect(DIVISIONS.length).toBeGreaterThan(3000);
  });
});

describe("execAtEnd", async () => {
  const { execAtEnd } = await import("./index.js");
  it("finds an end-anchored match in the tail, with its index into the whole text", () => {
    const text = "正文".repeat(50) + "（下转第3版）";
    const m = execAtEnd(/（下转第(\d)版）$/, text, 20)!;
    expect(m.index).toBe(100);
    expect(m[1]).toBe("3");
    expect(execAtEnd(/（下转第(\d)版）$/, "短（下转第3版）", 20)!.index).toBe(1);
    expect(execAtEnd(/正文$/, text, 20)).toBeNull();
  });
});

describe("place character odds", () => {
  const odds = (pairs: string, ch: string) => Number(pairs.split(" ").find((p) => p[0] === ch)?.slice(1));
  it("holds a number for each character, places' characters above common words'", () => {
    for (const pair of PLACE_FIRST_CHAR_ODDS.split(" ")) expect(pair).toMatch(/^.-?\d+$/u);
    expect(odds(PLACE_LAST_CHAR_ODDS, "县")).toBeGreaterThan(0);
    expect(odds(PLACE_LAST_CHAR_ODDS, "度")).toBeLessThan(0);
    expect(odds(PLACE_FIRST_CHAR_ODDS, "不")).toBeLessThan(0);
  });
});
