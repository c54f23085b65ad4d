import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeParsePage } from "@yk/schema";
import { readFileSync } from "node:fs";
import { ROLES, splitPage, type SplitOptions } from "./index.js";
import { composePage } from "./test-utils/compose.js";
import { PAGES } from "./test-utils/pages.js";
import { pageSpans, uncovered } from "../../../test/hostile/properties.js";

const seedPage = readFileSync(new URL("../../cli/fixtures/seed-page.txt", import.meta.url), "utf8");
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const pieces = fc.constantFrom(
  "本报讯（记者 王明）", "本报讯（记者 ", "融媒记者 卢斌 摄", "时政·要闻", "下转第3版", "——副题在此", "责任编辑 刘洋",
  "今天下午，市长来到企业调研。", "快 打 造“ 世 界", "\n", "\n\n", "\r\n", "　　", "（", "）", "“", "”", "2023年1月12日 星期四",
);
const page = fc.array(fc.oneof(pieces, fc.string(), fc.string({ unit: "binary" })), { maxLength: 40 }).map((p) => p.join(""));

describe("splitPage properties", () => {
  it("any string gives a schema-valid page and loses no character", () => {
    fc.assert(
      fc.property(page, (raw) => {
        const result = splitPage(raw);
        const valid = safeParsePage(result);
        expect(valid.success).toBe(true);
        expect(uncovered(raw, pageSpans(result))).toEqual([]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("assembly under any line roles", () => {
  // The role model's decode changes with every retraining; the assembly must place every character
  // whatever roles it is handed (the evaluation hook `rolesOf` stands in for the decoder here).
  const rolesOf = (seed: number) => (units: readonly unknown[]) => {
    let state = seed >>> 0 || 1;
    return units.map(() => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return ROLES[(state >>> 8) % ROLES.length]!;
    });
  };
  const raws = [seedPage, ...PAGES.map(composePage)];

  it("loses no character of the seed and the test pages for random roles", () => {
    const lost: string[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      for (const [k, raw] of raws.entries()) {
        const result = splitPage(raw, { rolesOf: rolesOf(seed * 31 + k) } as SplitOptions);
        expect(safeParsePage(result).success).toBe(true);
        const missing = uncovered(raw, pageSpans(result));
        if (missing.length > 0) lost.push(`page ${k} seed ${seed}: ${JSON.stringify(raw.slice(missing[0]!, missing[0]! + 12))}`);
      }
    }
    expect(lost).toEqual([]);
  });
});
