import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { reflow, ReflowError, spansOf } from "./index.js";

const reflowText = (raw: string) => reflow(raw).paragraphs.map((p) => p.text).join("\n\n");
import { generateLayout, paragraphF1 } from "./test-utils/layout-generator.js";
import { corpusParagraph } from "./test-utils/corpus.js";

const seed = readFileSync(new URL("../test/fixtures/seed-page.txt", import.meta.url), "utf8");

describe("seed page", () => {
  const result = reflow(seed);
  const texts = result.paragraphs.map((p) => p.text);

  it("recovers the caption paragraph with justification spaces removed", () => {
    expect(texts).toContain(
      "1月11日，团市委、市青少年宫联合开办的“青苗学堂”寒假公益托管班开课。托管时间从1月11日到1月18日，分上午下午2个班，内容为作业辅导和各种手工制作。",
    );
  });

  it("recovers the first article's five paragraphs", () => {
    const starts = ["1月11日下午，市委书记章旭升", "章旭升一行先后来到", "“2022年销售额增长6%", "章旭升对企业为永康", "章旭升强调，各级各部门"];
    for (const s of starts) expect(texts.filter((t) => t.startsWith(s))).toHaveLength(1);
    const first = texts.find((t) => t.startsWith("1月11日下午"))!;
    expect(first).toContain("加快打造“世界五金之都品质活力永康”。市委常委、市政府党组成员李浩锋参加。");
    expect(first.endsWith("李浩锋参加。")).toBe(true);
    const third = texts.find((t) => t.startsWith("“2022年"))!;
    expect(third).toContain("比例为7%，新的一年");
    expect(third).toContain("负责人普遍对2023年发展充满信心。他们说");
    expect(third.endsWith("力争提早开工、早日达产达效。")).toBe(true);
  });

  it("recovers the second article's paragraphs, the first behind its byline", () => {
    const starts = ["在浙江金拓机电有限公司", "“项目进展情况如何？”", "王力安防科技股份有限公司作为", "胡勇春还走访了"];
    for (const s of starts) expect(texts.filter((t) => t.startsWith(s)), s).toHaveLength(1);
    const withByline = texts.find((t) => t.includes("日前，市委副书记、市长胡勇春"))!;
    expect(withByline.startsWith("本报讯（融媒记者 徐敏）")).toBe(true);
    expect(withByline.endsWith("市委常委、市政府党组成员李浩锋参加。")).toBe(true);
    expect(texts.filter((t) => t.startsWith("胡勇春强调，企业强"))).toHaveLength(1);
    // a full line ending a sentence, followed by a full line, does not end the paragraph
    expect(texts.find((t) => t.startsWith("胡勇春还走访了"))).toContain("遇到的问题。他指出，越是困难时刻");
  });

  it("keeps headline lines apart with their meaningful spaces, and hints them", () => {
    const headline = result.paragraphs.find((p) => p.text === "用心解难争主动 助企发展抢先机");
    expect(headline?.hint).toBe("headline");
    expect(texts).toContain("政企同心 携手打造世界五金之都");
    expect(texts).toContain("章旭升在开展“四大双千”活动时指出");
    expect(texts).toContain("融媒记者 卢斌 摄");
    expect(texts).toContain("时政·要闻");
  });

  it("loses no character: every non-space raw character is in exactly one paragraph", () => {
    const seen = new Map<number, number>();
    for (const p of result.paragraphs) for (const o of p.offsets) if (o >= 0) seen.set(o, (seen.get(o) ?? 0) + 1);
    for (let i = 0; i < seed.length; i++) {
      if (/\s/.test(seed[i]!)) continue;
      expect(seen.get(i), `offset ${i} (${seed[i]})`).toBe(1);
    }
  });

  it("maps every paragraph back to raw text through its offsets", () => {
    for (const p of result.paragraphs) {
      for (let i = 0; i < p.text.length; i++) {
        const o = p.offsets[i]!;
        if (o >= 0) expect(seed[o]).toBe(p.text[i]);
      }
      for (const s of p.spans) expect(s.end).toBeGreaterThan(s.start);
    }
  });
});

describe("normalization and spacing", () => {
  it("normalizes CRLF, BOM, NBSP, zero-width and full-width digits but keeps CJK punctuation", () => {
    const text = reflowText("\uFEFF２０２３年，记者\u200b走访了ＡＢＣ公司。\r\n");
    expect(text).toBe("2023年，记者走访了ABC公司。");
  });

  it("removes letter-spacing and CJK–digit spaces, keeps Latin word spaces", () => {
    expect(reflowText("快 打 造“ 世 界 五 金 之 都 品 质\n")).toBe("快打造“世界五金之都品质");
    expect(reflowText("负责人普遍对 2023 年发展充满信心。")).toBe("负责人普遍对2023年发展充满信心。");
    expect(reflowText("在AI and Big Data会议上，专家发言。")).toBe("在AI and Big Data会议上，专家发言。");
  });

  it("joins Latin words across lines with a space and drops a line-end hyphen", () => {
    const raw = "The museum opened a new exhibi-\ntion hall on Monday, and more than\n5,000 visitors came on the first day.\n";
    expect(reflowText(raw)).toBe("The museum opened a new exhibition hall on Monday, and more than 5,000 visitors came on the first day.");
  });

  it("uses surviving ideographic indents as paragraph starts", () => {
    const raw = "\u3000\u3000第一段文字很短。\n\u3000\u3000第二段也很短。\n";
    expect(reflow(raw).paragraphs.map((p) => p.text)).toEqual(["第一段文字很短。", "第二段也很短。"]);
  });

  it("throws a typed error past maxLength and for non-strings", () => {
    expect(() => reflow("一二三四五", { maxLength: 3 })).toThrowError(ReflowError);
    try {
      reflow(42 as unknown as string);
    } catch (e) {
      expect((e as ReflowError).code).toBe("YK_INVALID_INPUT");
    }
  });
});

describe("generated layouts", () => {
  it("recovers paragraph boundaries with F1 >= 0.97 across widths 10–30 and seeds", () => {
    const scores: number[] = [];
    for (let seed = 1; seed <= 24; seed++) {
      const width = 10 + ((seed * 11) % 21);
      const paragraphs = Array.from({ length: 40 }, (_, i) => corpusParagraph((i * 17 + seed * 7) % 400));
      const page = generateLayout(paragraphs, {
        width,
        seed,
        separator: seed % 3 === 0 ? "single" : "blank",
        crlf: seed % 4 === 0,
        keepIndent: seed % 5 === 0 ? 0.6 : 0,
      });
      const got = reflow(page.raw).paragraphs.map((p) => p.text);
      scores.push(paragraphF1(got, page.paragraphs).f1);
    }
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(mean).toBeGreaterThanOrEqual(0.97);
    expect(Math.min(...scores)).toBeGreaterThan(0.85);
  });

  it("ends a paragraph without a full stop, and before a number, where the next line lost its indent; not where it is full", () => {
    // a column of 12 em: a paragraph's first line is 2 em shorter (its indent lost by extraction)
    const raw = [
      "清晨六点公园里已经有",
      "不少晨练的居民远处传来一",
      "阵阵欢快的歌声——",
      "走近一看原来是社区合",
      "唱团正在排练新编的曲目团",
      "长说大家每周要练习三次。",
      "2018年合唱团成立时",
      "只有八个人如今已经发展到",
      "六十多人还在市里的比赛中",
      "拿过一等奖大家都很自豪。",
      "30多名新成员今年加入。",
      "今天的排练格外认真。",
      "大家一遍遍地练习新歌直到",
      "满意为止。",
    ].join("\n\n");
    expect(reflow(raw).paragraphs.map((p) => p.text)).toEqual([
      "清晨六点公园里已经有不少晨练的居民远处传来一阵阵欢快的歌声——",
      "走近一看原来是社区合唱团正在排练新编的曲目团长说大家每周要练习三次。",
      "2018年合唱团成立时只有八个人如今已经发展到六十多人还在市里的比赛中拿过一等奖大家都很自豪。",
      "30多名新成员今年加入。",
      // a first line that ends a sentence, then a full line: no paragraph's first line is full
      "今天的排练格外认真。大家一遍遍地练习新歌直到满意为止。",
    ]);
  });

  it("spans merge across dropped white space", () => {
    const raw = "第一行文字\n\n第二行文字。";
    const r = reflow(raw);
    expect(spansOf(r.paragraphs[0]!, raw)).toEqual([{ start: 0, end: raw.length }]);
  });
});
