import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeParsePage } from "@yk/schema";
import { splitPage } from "./index.js";
import { pageSpans, uncovered } from "../../../test/hostile/properties.js";

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
