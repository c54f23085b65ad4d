import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import nodejieba from "nodejieba";
import { HOSTILE_INPUTS } from "../../../test/hostile/inputs.js";
import { JiebaDataError, JiebaSegmentation } from "./jieba.js";
import { jiebaSegmenter, nodejiebaSegmenter, pieces, tokensInChunks, type Segmenter, type Token } from "./segmenter.js";

const files = nodejieba as unknown as { DEFAULT_HMM_DICT: string; DEFAULT_USER_DICT: string };
const hmmModel = readFileSync(files.DEFAULT_HMM_DICT);
const seed = readFileSync(new URL("../../reflow/test/fixtures/seed-page.txt", import.meta.url), "utf8");

/** Sentences written for this test in the styles of county, city and national papers. */
const SENTENCES = [
  "本报讯（通讯员 林晓东 记者 周雨桐）3月15日上午，县委常委、常务副县长郑国华带队深入白沙镇，督查春耕备耕和森林防火工作。",
  "今年一季度，全市规模以上工业增加值同比增长8.6%，高新技术产业投资增长23.1%，增速居全省第三位。",
  "青山街道“邻里食堂”开业以来，已为辖区300余名独居老人提供助餐服务，日均供餐约120份。",
  "在江东新区智能制造产业园，浙江瑞祥精密机械有限公司的生产线正满负荷运转，订单已排到了8月底。",
  "市气象台预计，受冷空气影响，明天我市将有一次明显降温过程，最低气温降至2℃左右，请市民注意防寒保暖。",
  "他说：“我们要把群众的小事当成自己的大事，把好事办好、实事办实。”",
  "据了解，该项目总投资约12.5亿元，计划于2025年6月建成投产，达产后年产值可达30亿元以上。",
  "农历腊月廿三，南湖村文化礼堂里热闹非凡，村民们写春联、包饺子，喜迎小年。",
  "5G基站、iPhone 15、COVID-19、GDP和CPI同比上涨0.7个百分点，ＡＢＣ１２３与abc123并排。",
  "第十四届全国运动会男子100米决赛中，来自广东队的选手以10秒05的成绩夺冠。",
  "图为市第二人民医院医护人员为患者进行康复训练。（本报记者 陈思远 摄）",
  "社区网格员小王每天走访20多户，把政策送到居民家门口\t逐户登记\n并建立台账。",
  "黄河流域生态保护和高质量发展座谈会在郑州召开",
  "尔康路与迎宾大道交叉口的红绿灯已于昨日恢复正常运行",
];

/** nodejieba's words for a text as the extractor reads them: cut(text, true), its tags, their offsets. */
const reference = nodejiebaSegmenter();

/** The first place where `tokens` do not cover `text` one after another, or null (one expect for a million words). */
function gapIn(text: string, tokens: readonly Token[]): string | null {
  let at = 0;
  for (const t of tokens) {
    if (t.start !== at || t.end <= t.start || t.word !== text.slice(t.start, t.end)) return `${JSON.stringify(t)} after ${at}`;
    at = t.end;
  }
  return at === text.length ? null : `ends at ${at} of ${text.length}`;
}
const expectCovers = (text: string, tokens: readonly Token[]) => expect(gapIn(text, tokens)).toBeNull();

describe("jiebaSegmenter (the package's own segmentation)", () => {
  const segmenter = jiebaSegmenter();

  it("gives nodejieba's cut(text, true) word for word and tag for tag on news sentences", () => {
    for (const text of [...SENTENCES, SENTENCES.join(""), seed]) {
      for (const [s, e] of pieces(text, 2000)) {
        const piece = text.slice(s, e);
        expect(segmenter.tokens!(piece)).toEqual(reference.tokens!(piece));
        expect(segmenter.tag(piece)).toEqual(nodejieba.tag(piece));
      }
    }
  });

  it("reads unknown names and numbers as jieba's HMM and rules do", () => {
    const words = segmenter.tag("郑国华和林晓东在3.14米高的台上，写下abc123与2024.5。").map((w) => w.word);
    expect(words).toEqual(nodejieba.cut("郑国华和林晓东在3.14米高的台上，写下abc123与2024.5。", true));
    expect(words).toContain("abc123"); // letters then letters or digits: one word
    expect(words).toContain("3.14"); // digits and dots: one word
  });

  it("covers the text with its words, offsets in UTF-16 code units, surrogate pairs and lone surrogates included", () => {
    for (const text of ["𠀀𠀁字🙂表情，👍🏽好", "\ud800孤\udc00单", "a\ud83d", SENTENCES.join("\r\n")]) expectCovers(text, segmenter.tokens!(text));
    // an emoji is one word, never cut between its surrogates
    expect(segmenter.tag("好🙂好").map((w) => w.word)).toContain("🙂");
    // where nodejieba can read the text (no lone surrogate), the words are its words
    expect(segmenter.tag("𠀀𠀁字🙂表情，👍🏽好")).toEqual(nodejieba.tag("𠀀𠀁字🙂表情，👍🏽好"));
  });

  it("gives a long text's words piece by piece, as the pieces cut out and segmented one by one would", () => {
    const text = seed.repeat(3) + "\ud800孤" + "𠀀𠀁字" + SENTENCES.join("");
    const sliced: Segmenter = { tag: (t) => segmenter.tag(t) }; // each piece sliced out, its words found in order
    const tokens = tokensInChunks(segmenter, text);
    expect(tokens).toEqual(tokensInChunks(sliced, text));
    expectCovers(text, tokens);
  });

  it("takes hostile input in stride: empty, blank, binary, long runs of Latin and digits", { timeout: 120_000 }, () => {
    expect(segmenter.tokens!("")).toEqual([]);
    expect(segmenter.tag("")).toEqual([]);
    const latin = "abcdefghij".repeat(5000);
    expect(segmenter.tag(latin)).toEqual([{ word: latin, tag: "eng" }]);
    const digits = "0123456789".repeat(5000) + "。";
    expect(segmenter.tokens!(digits).map((t) => [t.word.length, t.tag])).toEqual([
      [50_000, "m"],
      [1, "x"],
    ]);
    for (const [name, text] of Object.entries(HOSTILE_INPUTS)) {
      const tokens = tokensInChunks(segmenter, text.slice(0, 300_000));
      expectCovers(text.slice(0, 300_000), tokens);
      if (!/[\ud800-\udfff]/.test(text) && text.length < 200_000) {
        // the same words as nodejieba's, piece by piece
        const ours = tokens.map((t) => `${t.start}:${t.end}:${t.tag}`);
        const theirs = tokensInChunks(reference, text).map((t) => `${t.start}:${t.end}:${t.tag}`);
        expect(ours, name).toEqual(theirs);
      }
    }
  });

  it("segments a long run of characters it has never seen in linear time", () => {
    const time = (text: string) => {
      const started = performance.now();
      expectCovers(text, segmenter.tokens!(text));
      return performance.now() - started;
    };
    const rare = "䶮䶯䶰䶱䶲"; // CJK extension A: no dictionary word, no HMM emission
    time(rare.repeat(4_000)); // warm
    const small = Math.min(time(rare.repeat(4_000)), time(rare.repeat(4_000)));
    const large = time(rare.repeat(40_000));
    expect(large).toBeLessThan(Math.max(30 * small, 2000)); // ten times the text: not a hundred times the time
  });

  it("knows words given to addWords, with their tag (x when none), as nodejieba's insertWord does", () => {
    const text = "樟溪云谷数字小镇和晴川智造工坊签约";
    expect(segmenter.tag(text)).toEqual(reference.tag(text));
    expect(segmenter.tag(text).map((w) => w.word)).not.toContain("晴川智造工坊");
    const words = [{ word: "樟溪云谷", tag: "ns" }, { word: "晴川智造工坊" }];
    segmenter.addWords!(words);
    reference.addWords!(words);
    const after = segmenter.tag(text);
    expect(after).toEqual(reference.tag(text));
    expect(after.find((w) => w.word === "樟溪云谷")?.tag).toBe("ns");
    expect(after.find((w) => w.word === "晴川智造工坊")?.tag).toBe("x");
  });

  it("gives jieba's counts: common words often, rare ones rarely, unknown words 0", () => {
    for (const word of ["少年", "宏志", "经济", "的", "金拓机电", "", "a"]) expect(segmenter.frequency!(word)).toBe(reference.frequency!(word));
    expect(segmenter.frequency!("经济")).toBeGreaterThan(1000);
  });
});

describe("JiebaSegmentation over a dictionary of its own", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const none = bytes("");
  const words = (j: JiebaSegmentation, text: string) => {
    const { count, starts, ends } = j.segment(text);
    return Array.from({ length: count }, (_, k) => text.slice(starts[k], ends[k]));
  };

  it("takes the most probable route through the dictionary's words", () => {
    // 研究生命 → 研究/生命 (both frequent) rather than 研究生/命
    const j = new JiebaSegmentation(bytes("研究 500 vn\n研究生 20 n\n生命 400 n\n命 10 n\n起源 300 n\n"), none, hmmModel);
    expect(words(j, "研究生命起源")).toEqual(["研究", "生命", "起源"]);
    const k = new JiebaSegmentation(bytes("研究 5 vn\n研究生 2000 n\n生命 4 n\n命 1000 n\n起源 300 n\n"), none, hmmModel);
    expect(words(k, "研究生命起源")).toEqual(["研究生", "命", "起源"]);
  });

  it("keeps a user dictionary's one-character word from the HMM, and tags listed words", () => {
    const j = new JiebaSegmentation(bytes("起源 300 n\n"), bytes("栎 nr\n"), hmmModel);
    expect(words(j, "栎起源")).toEqual(["栎", "起源"]);
    const { count, tags } = j.segment("栎起源");
    expect(count).toBe(2);
    expect(j.tagNames[tags[0]!]).toBe("nr");
    expect(j.tagNames[tags[1]!]).toBe("n");
  });

  it("refuses a dictionary line that is not \"word count tag\" with a typed error", () => {
    expect(() => new JiebaSegmentation(bytes("研究 500\n"), none, hmmModel)).toThrowError(JiebaDataError);
    expect(() => new JiebaSegmentation(bytes("研究 zero vn\n"), none, hmmModel)).toThrowError(JiebaDataError);
    expect(() => new JiebaSegmentation(bytes(""), none, hmmModel)).toThrowError(JiebaDataError);
    expect(() => new JiebaSegmentation(bytes("研究 5 vn\n"), none, bytes("0 0 0 0\n"))).toThrowError(JiebaDataError);
  });

  it("reads its tables back from the bytes it wrote them to, the same words before and after new ones, and ignores other files' tables", () => {
    const inputs = [readFileSync(new URL("../model/jieba.dict.utf8", import.meta.url)), readFileSync(files.DEFAULT_USER_DICT), hmmModel] as const;
    const built = new JiebaSegmentation(...inputs);
    const tables = built.serialize();
    const read = new JiebaSegmentation(...inputs, tables);
    const unaligned = new Uint8Array(tables.length + 1);
    unaligned.set(tables, 1);
    const fromUnaligned = new JiebaSegmentation(...inputs, unaligned.subarray(1));
    const text = [...SENTENCES, seed, "云计算和区块链，𠀀𠀁字🙂"].join("\n");
    const wordsAndTags = (j: JiebaSegmentation) => {
      const { count, tags } = j.segment(text);
      const names = Array.from(tags.subarray(0, count), (t) => j.tagNames[t] ?? "?");
      return words(j, text).map((w, k) => `${w}/${names[k]}`).join(" ");
    };
    expect(wordsAndTags(read)).toBe(wordsAndTags(built));
    expect(wordsAndTags(fromUnaligned)).toBe(wordsAndTags(built));
    for (const word of ["经济", "云计算", "区块链", "金拓机电"]) expect(read.count(word)).toBe(built.count(word));
    for (const j of [built, read]) j.insertWord("晴川智造工坊", "nz");
    expect(words(read, "晴川智造工坊签约")).toEqual(["晴川智造工坊", "签约"]);
    expect(wordsAndTags(read)).toBe(wordsAndTags(built));
    // tables of another dictionary are not read: the words are this dictionary's
    const small = new JiebaSegmentation(bytes("研究 500 vn\n生命 400 n\n起源 300 n\n"), none, hmmModel, tables);
    expect(small.count("经济")).toBe(0);
    expect(words(small, "研究生命起源")).toEqual(["研究", "生命", "起源"]);
  });
});
