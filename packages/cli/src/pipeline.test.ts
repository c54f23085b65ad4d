import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseText } from "./pipeline.js";

const seed = readFileSync(new URL("../fixtures/seed-page.txt", import.meta.url), "utf8");

describe("the seed page end to end: entities per EXPECTED.md", () => {
  const page = parseText(seed, { date: "2023-01-12" });
  const all = page.articles.flatMap((a) => a.entities);
  const titlesOf = (name: string) => [...new Set(all.filter((e) => e.type === "person" && e.text === name).flatMap((e) => e.titles ?? []))];

  it("finds the six people with all their titles, bylines and credits included", () => {
    expect(titlesOf("章旭升")).toEqual(["市委书记"]);
    expect(titlesOf("胡勇春").sort()).toEqual(["市委副书记", "市长"].sort());
    expect(titlesOf("李浩锋").sort()).toEqual(["市委常委", "市政府党组成员"].sort());
    expect(titlesOf("陈晓苏")).toEqual(["融媒首席记者"]);
    expect(titlesOf("徐敏")).toEqual(["融媒记者"]);
    expect(titlesOf("卢斌")).toEqual(["融媒记者"]);
    // and no one else: no company's name part taken for a person
    expect([...new Set(all.filter((e) => e.type === "person").map((e) => e.text))].sort()).toEqual(["章旭升", "胡勇春", "李浩锋", "陈晓苏", "徐敏", "卢斌"].sort());
  });

  it("finds the twelve companies and bodies, and the places", () => {
    const orgs = new Set(all.filter((e) => e.type === "organization").map((e) => e.text));
    const expected = ["团市委", "市青少年宫", "安胜科技", "正阳科技", "众泰汽车", "深伟业科技", "飞神车业", "浙江金拓机电有限公司", "浙江伟创源实业有限公司", "王力安防科技股份有限公司", "浙江超人科技股份有限公司", "浙江飞剑工贸有限公司"];
    expect(expected.filter((o) => !orgs.has(o))).toEqual([]);
    const places = new Set(all.filter((e) => e.type === "location").map((e) => e.text));
    expect(places.has("经济开发区") && places.has("永康")).toBe(true);
  });

  it("normalizes the dates against the publication date, the lunar one too", () => {
    const date = (text: string) => all.find((e) => e.type === "date" && e.text.startsWith(text))?.normalized;
    expect(date("1月11日")).toBe("2023-01-11");
    expect(date("1月18日")).toBe("2023-01-18");
    expect(date("正月初七")).toBe("2023-01-28");
    expect(date("2022年")).toBe("2022");
    expect(all.some((e) => e.type === "percent" && e.normalized === 6)).toBe(true);
    expect(all.some((e) => e.type === "event" && e.text === "“四大双千”")).toBe(true);
  });
});
