import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Entity } from "@yk/schema";
import { createExtractor } from "./index.js";

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const extractor = createExtractor();
const newsy = fc.array(
  fc.oneof(
    fc.constantFrom("市委副书记、市长", "记者 ", "王明", "欧阳", "有限公司", "1月11日", "正月初七", "6%", "1.2亿元", "“四大双千”", "访华", "中美关系", "、", "，", "。", "（", "）"),
    fc.string(),
    fc.string({ unit: "binary" }),
  ),
  { maxLength: 30 },
).map((parts) => parts.join(""));

describe("extract properties", () => {
  it("never throws; entities are schema-valid and mentions point at their text", () => {
    fc.assert(
      fc.property(newsy, (text) => {
        for (const e of extractor.extract(text, { date: "2023-01-12" })) {
          expect(Entity.safeParse(e).success).toBe(true);
          for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(e.text);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
