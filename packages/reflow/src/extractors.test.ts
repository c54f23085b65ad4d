import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { detectExtractorStyle, normalizeExtracted, normalize, reflow, ReflowError } from "./index.js";
import { bigramPlausibility } from "./extracted.js";

const seedPage = readFileSync(new URL("../../cli/fixtures/seed-page.txt", import.meta.url), "utf8");

/** Lines as a pdftotext block gives them: single newlines, a blank line between blocks. */
const block = (...lines: string[]) => lines.join("\n");

// running text written for this test (a made-up county), set 14 characters to the line
const OPENING = block("　　清晨六点，溪口镇的菜市场已经", "热闹起来，摊主们把刚从地里摘来的", "青菜、萝卜和番茄摆得整整齐齐。");
const CUT = block("镇里去年投入资金改造了市场的顶棚", "和排水沟，还在入口处设置了公平秤");
const REST = block("和农产品检测室，方便群众放心买菜", "。附近的村民说，现在买菜干净多了。");

const nonSpace = (s: string) => [...s.replace(/\s+/g, "")].sort().join("");

describe("detectExtractorStyle", () => {
  it("reads the seed page (a blank line after each line) as typeset", () => {
    expect(detectExtractorStyle(seedPage)).toBe("typeset");
  });

  it("reads blocks without justification gaps as pdftotext and lines without any blank line as pdfjs", () => {
    // pdftotext's blocks are long: a column's run of text, a blank line between blocks
    const boxes = ["市场焕新颜", [OPENING, CUT, REST, OPENING, CUT].join("\n"), "本报记者 赵一鸣"].join("\n\n");
    expect(detectExtractorStyle(boxes)).toBe("pdftotext");
    expect(detectExtractorStyle(boxes.replace(/\n\n/g, "\n"))).toBe("pdfjs");
  });

  it("reads a digit run broken onto lines of its own as pdftotext, a page number printed alone as no such run", () => {
    const typed = ["05", "民生", OPENING, CUT, REST].join("\n");
    expect(detectExtractorStyle(typed)).toBe("pdfjs");
    const broken = ["民生", OPENING, "全县 6", "0", "余名群众", CUT, REST].join("\n");
    expect(detectExtractorStyle(broken)).toBe("pdftotext");
  });

  it("reads two-space justification gaps inside boxes as pdfminer", () => {
    const boxes = [OPENING.replace("摊主们", "摊主  们"), CUT, "市场焕新颜", REST.replace("检测室", "检测  室")].join("\n\n");
    expect(detectExtractorStyle(boxes)).toBe("pdfminer");
  });

  it("leaves short and non-text input as typeset", () => {
    expect(detectExtractorStyle("")).toBe("typeset");
    expect(detectExtractorStyle("一行\n两行")).toBe("typeset");
    expect(detectExtractorStyle(42 as unknown as string)).toBe("typeset");
  });
});

describe("normalizeExtracted", () => {
  it("returns typeset text untouched (the same object)", () => {
    const norm = normalize(seedPage);
    expect(normalizeExtracted(norm, "typeset")).toBe(norm);
  });

  it("glues digit runs that pdftotext broke onto lines of their own", () => {
    const text = block("今年的农民丰收节定于9月", "1", "8日在县体育中心举行，届时全县 6", "0", "余家合作社将参加展销。");
    const out = normalizeExtracted(normalize(text), "pdftotext").text;
    expect(out).toContain("9月18日在县体育中心");
    expect(out).toContain("全县 60余家");
    // the justification space beside the digits goes in reflow's line cleaning
    expect(reflow(text, { extractor: "pdftotext" }).paragraphs.map((p) => p.text).join("")).toContain("全县60余家");
  });

  it("glues the pieces of a date header", () => {
    const out = normalizeExtracted(normalize(block("溪口日报", "2", "026.", "3.", "17 星期二", "第一版")), "pdftotext").text;
    expect(out).toContain("2026.3.17 星期二");
  });

  it("does not glue a page number between a section name and a date line", () => {
    const text = block("民生", "07", "2026年3月17日 星期二");
    expect(normalizeExtracted(normalize(text), "pdfjs").text).toBe(text);
  });

  it("maps every character to its raw offset and loses none", () => {
    const raw = [CUT, "市场焕新颜", REST, OPENING].join("\n\n");
    const out = normalizeExtracted(normalize(raw), "pdftotext");
    expect(nonSpace(out.text)).toBe(nonSpace(raw));
    for (let i = 0; i < out.text.length; i++) {
      const o = out.offsets[i]!;
      if (o >= 0) expect(raw[o]).toBe(out.text[i]);
      else expect(out.text[i]).toBe("\n");
    }
  });

  it("joins a box cut mid-sentence to the box right after it that completes it", () => {
    const raw = [OPENING, CUT, REST].join("\n\n");
    const texts = reflow(raw, { extractor: "pdftotext" }).paragraphs.map((p) => p.text);
    expect(texts).toContain("镇里去年投入资金改造了市场的顶棚和排水沟，还在入口处设置了公平秤和农产品检测室，方便群众放心买菜。附近的村民说，现在买菜干净多了。");
  });

  it("joins a box cut mid-sentence to the one after a headline the extractor read between them, the headline after", () => {
    const raw = [OPENING, CUT, "市场焕新颜", REST].join("\n\n");
    const out = normalizeExtracted(normalize(raw), "pdftotext").text;
    expect(out).toContain("设置了公平秤\n和农产品检测室");
    expect(out.indexOf("市场焕新颜")).toBeGreaterThan(out.indexOf("现在买菜干净多了"));
    // a box of running text between them is no headline: nothing moves
    const kept = normalizeExtracted(normalize([OPENING, CUT, OPENING, REST].join("\n\n")), "pdftotext").text;
    expect(kept).not.toContain("设置了公平秤\n和农产品检测室");
  });

  it("joins a box cut mid-sentence to the one after a staff line read between them, the staff line after", () => {
    const raw = [OPENING, CUT, "责任编辑 王小明", REST].join("\n\n");
    const out = normalizeExtracted(normalize(raw), "pdftotext").text;
    expect(out).toContain("设置了公平秤\n和农产品检测室");
    expect(out.indexOf("责任编辑 王小明")).toBeGreaterThan(out.indexOf("现在买菜干净多了"));
    // a name line that is no staff line (a byline) is not read past
    const byline = normalizeExtracted(normalize([OPENING, CUT, "本报记者 王小明", REST].join("\n\n")), "pdftotext").text;
    expect(byline).not.toContain("设置了公平秤\n和农产品检测室");
  });

  it("does not move boxes: a continuation printed elsewhere stays where the extractor put it", () => {
    // moved by continuity within a window, boxes went wrong more often than right (see README)
    const raw = [REST, "市场焕新颜", OPENING, CUT].join("\n\n");
    const out = normalizeExtracted(normalize(raw), "pdftotext").text;
    expect(out.indexOf("附近的村民说")).toBeLessThan(out.indexOf("镇里去年投入资金"));
  });

  it("glues text set vertically, one character to a line, back into one line", () => {
    const raw = ["本报记者 赵一鸣", block("溪", "口", "日", "报", "社", "出", "版"), OPENING].join("\n\n");
    expect(normalizeExtracted(normalize(raw), "pdfminer").text).toContain("溪口日报社出版");
    // two lines of one character are not a run
    const two = block("一", "二", "清晨六点，溪口镇的菜市场已经");
    expect(normalizeExtracted(normalize(two), "pdfminer").text).toContain("一\n二");
  });

  it("closes up justification gaps and letter-spacing, not the gap between parallel phrases", () => {
    const raw = [block("市 场 焕 新 颜"), block("菜篮子拎得稳 好日子过得甜"), block("清晨六点，溪口镇的菜市场已经", "热闹起来， 摊主们 把刚从 地里摘来的", "青菜、萝卜和番茄摆得整整齐齐。")].join("\n\n");
    const out = normalizeExtracted(normalize(raw), "pdfminer").text;
    expect(out).toContain("市场焕新颜");
    expect(out).toContain("菜篮子拎得稳 好日子过得甜");
    expect(out).toContain("热闹起来，摊主们把刚从地里摘来的");
  });

  it("cuts a date line and a page label that pdf.js joined into one line", () => {
    const out = normalizeExtracted(normalize(block("2026年3月17日 星期二 第5版", "本版责任编辑 李华", OPENING)), "pdfjs").text;
    expect(out).toMatch(/2026年3月17日 星期二 ?\n第5版/);
    const other = normalizeExtracted(normalize(block("第5版 要闻 溪口日报 2026年3月17日", OPENING)), "pdfjs").text;
    expect(other).toMatch(/第5版 要闻 ?\n溪口日报 2026年3月17日/);
    // a sentence that names a page is no header
    expect(normalizeExtracted(normalize(block("2026年3月17日 星期二 第5版刊登了通知。", OPENING)), "pdfjs").text).not.toMatch(/星期二\s*\n第5版/);
  });

  it("sets a caption line closing with a photo credit apart from the text around it", () => {
    const raw = block("市场焕新颜", "村民在新市场里挑选蔬菜。本报记者 赵一鸣 摄", "清晨六点，溪口镇的菜市场已经", "热闹起来，摊主们把刚从地里摘来的");
    const out = normalizeExtracted(normalize(raw), "pdfjs").text;
    expect(out).toContain("市场焕新颜\n\n村民在新市场里挑选蔬菜。本报记者 赵一鸣 摄\n\n清晨六点");
  });

  it("counts running-text bigrams: a word across a line break is more plausible than a non-word", () => {
    expect(bigramPlausibility("设置")).toBeGreaterThan(bigramPlausibility("置秤"));
  });
});

describe("reflow's extractor option", () => {
  it("carries the style on the result, detected or given", () => {
    expect(reflow(seedPage).extractor).toBe("typeset");
    const boxes = ["市场焕新颜", [OPENING, CUT, REST, OPENING, CUT].join("\n"), "本报记者 赵一鸣"].join("\n\n");
    expect(reflow(boxes, { extractor: "typeset" }).extractor).toBe("typeset");
    expect(reflow(boxes, { extractor: "auto" }).extractor).toBe("pdftotext");
    expect(reflow(boxes).extractor).toBe("pdftotext");
  });

  it("rejects an unknown style with a typed error", () => {
    const call = () => reflow("文字", { extractor: "ocr" as never });
    expect(call).toThrow(ReflowError);
    expect(call).toThrow(/option extractor/);
  });
});

describe("every extractor style keeps every character (property)", () => {
  const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
  // pieces of extractor output: column lines cut mid-sentence, lone digits, blank lines, bylines
  const extracted = fc
    .array(
      fc.oneof(
        fc.constantFrom("镇里去年投入资金改造了市场的顶棚", "和排水沟，还在入口处设置了公平秤", "本报讯（记者 王明）今年全", "市场焕新颜", "1", "0", "2.", "5月", "日是", "　　", " ", "。"),
        fc.constantFrom("\n", "\n", "\n\n", "\r\n", "\f"),
        fc.string(),
      ),
      { maxLength: 80 },
    )
    .map((parts) => parts.join(""));
  const glyphs = (text: string) => [...normalize(text).text].filter((c) => !/\s/.test(c) && c !== "\u3000" && c !== "-").sort().join("");

  it.each(["pdftotext", "pdfminer", "pdfjs"] as const)("%s: mapped, nothing lost or doubled", (style) => {
    fc.assert(
      fc.property(extracted, (raw) => {
        const norm = normalize(raw);
        const out = normalizeExtracted(norm, style);
        expect(out.offsets.length).toBe(out.text.length);
        for (let i = 0; i < out.text.length; i++) {
          const o = out.offsets[i]!;
          if (o >= 0) expect(norm.text[norm.offsets.indexOf(o)]).toBe(out.text[i]);
        }
        expect(glyphs(out.text)).toBe(glyphs(norm.text));
        const paragraphs = reflow(raw, { extractor: style }).paragraphs.map((p) => p.text).join("");
        expect(glyphs(paragraphs)).toBe(glyphs(raw));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("large extractor output", () => {
  it("reads one block of 600 000 lines (pdftotext, no blank line) without overflowing the stack", () => {
    const raw = "今年的丰收节定于9月\n1\n8日举行，全县 6\n0\n余家合作社参加。\n".repeat(100_000);
    const r = reflow(raw);
    expect(r.extractor).toBe("pdftotext");
    expect(r.paragraphs.map((p) => p.text).join("")).toContain("9月18日举行，全县60余家合作社参加。今年");
  });
});
