import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeParsePage } from "@yk/schema";
import { splitPage } from "./index.js";

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
        const covered = new Uint8Array(raw.length);
        const mark = (spans: { start: number; end: number }[]) => spans.forEach((s) => covered.fill(1, s.start, s.end));
        for (const a of result.articles) {
          Object.values(a.fieldSpans ?? {}).forEach(mark);
          if (a.byline) mark(a.byline.spans);
          a.paragraphs.forEach((p) => mark(p.spans));
          a.captions.forEach((c) => (mark(c.spans), c.credit && mark(c.credit.spans)));
        }
        result.furniture.forEach((f) => mark(f.spans));
        result.unassigned.forEach((u) => mark(u.spans));
        for (let i = 0; i < raw.length; i++) {
          const c = raw.charCodeAt(i);
          const ignorable = /\s/.test(raw[i]!) || c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0x3000;
          if (!ignorable) expect(covered[i], `offset ${i} of ${JSON.stringify(raw)}`).toBe(1);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
