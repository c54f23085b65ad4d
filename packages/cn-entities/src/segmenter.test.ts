import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import nodejieba from "nodejieba";
import { HOSTILE_INPUTS } from "../../../test/hostile/inputs.js";
import { nodejiebaSegmenter, pieces, tokensInChunks, unknownWordTag, type Segmenter } from "./segmenter.js";

const seed = readFileSync(new URL("../../reflow/test/fixtures/seed-page.txt", import.meta.url), "utf8");

describe("the default segmenter", () => {
  const segmenter = nodejiebaSegmenter();

  it("equals nodejieba.tag word for word and tag for tag", () => {
    const texts = [
      seed,
      "市委书记王明来到浙江华鑫电子股份有限公司调研，强调要打造“一号改革工程”。",
      "COVID-19疫情期间，iPhone 15售价5999元，5G基站建成1.2万个，ＡＢＣ１２。",
      "a",
      "1",
      "ab1",
      "12a",
      "x1y2z",
      "𠀀𠀁字🙂表情",
      ...Object.values(HOSTILE_INPUTS).map((t) => t.slice(0, 3000)),
    ];
    for (const text of texts) {
      // nodejieba.tag on one huge string is slow; the texts are cut as the extractor cuts them
      for (const [s, e] of pieces(text, 2000)) expect(segmenter.tag(text.slice(s, e))).toEqual(nodejieba.tag(text.slice(s, e)));
    }
  });

  it("tags words it is given as nodejieba would", () => {
    segmenter.addWords!([{ word: "青苗学堂", tag: "nz" }, { word: "华鑫锁业" }]);
    const words = segmenter.tag("青苗学堂和华鑫锁业");
    expect(words).toEqual(nodejieba.tag("青苗学堂和华鑫锁业"));
    expect(words.find((w) => w.word === "青苗学堂")?.tag).toBe("nz");
    expect(words.find((w) => w.word === "华鑫锁业")?.tag).toBe("x");
  });

  it("tags unknown words by cppjieba's rule: x without ASCII, m for digits, eng for letters", () => {
    expect(unknownWordTag("张三丰")).toBe("x");
    expect(unknownWordTag("a")).toBe("x"); // one character: the rule looks at no ASCII
    expect(unknownWordTag("2023")).toBe("m");
    expect(unknownWordTag("5G")).toBe("m"); // it stops after half the word
    expect(unknownWordTag("G5")).toBe("eng");
  });

  it("places its words as tag and a search in order would, long texts too", () => {
    const text = seed.repeat(3) + "\ud800孤" + "𠀀𠀁字";
    const plain: Segmenter = { tag: (t) => segmenter.tag(t) }; // the same words, located the slow way
    const fast = tokensInChunks(segmenter, text);
    expect(fast).toEqual(tokensInChunks(plain, text));
    for (const t of fast) expect(text.slice(t.start, t.end)).toBe(t.word);
  });
});

describe("nodejiebaSegmenter().frequency", () => {
  it("gives jieba's counts: common words often, given names listed as nouns rarely, unknown words 0", () => {
    const seg = nodejiebaSegmenter();
    expect(seg.frequency!("少年")).toBeGreaterThan(1000);
    expect(seg.frequency!("宏志")).toBeGreaterThan(0);
    expect(seg.frequency!("宏志")).toBeLessThan(50);
    expect(seg.frequency!("金拓机电")).toBe(0);
  });
});

describe("the shipped dictionary (model/jieba.dict.utf8)", () => {
  const text = readFileSync(new URL("../model/jieba.dict.utf8", import.meta.url), "utf8");
  const words = text.split("\n").filter(Boolean).map((line) => line.split(" ")[0]!);

  it("is sorted by word in UTF-16 order, each word once: its look-ups are a binary search", () => {
    for (let i = 1; i < words.length; i++) if (!(words[i - 1]! < words[i]!)) expect(`${words[i - 1]} before ${words[i]}`).toBe("in order");
  });

  it("finds its first, last and middle words with their tags and counts, and no word between them", () => {
    const seg = nodejiebaSegmenter();
    for (const k of [0, 1, words.length >> 1, words.length - 2, words.length - 1]) {
      const [word, count, tag] = text.split("\n").filter(Boolean)[k]!.split(" ");
      expect(seg.frequency!(word!)).toBe(Number(count));
      expect(seg.tag(word!).map((w) => w.tag)).toContain(tag);
    }
    // a string that sorts between two neighbours is not a word
    expect(seg.frequency!(words[100]! + "\u0001")).toBe(0);
    expect(seg.frequency!("")).toBe(0);
  });

  it("keeps nodejieba's short words and proper nouns, without its rare long words", () => {
    const all = readFileSync((nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT, "utf8").split("\n").filter(Boolean);
    const kept = new Set(words);
    expect(kept.size).toBeLessThan(all.length * 0.7);
    for (const line of all) {
      const [word, count, tag] = line.split(" ");
      const shouldKeep = Number(count) >= 4 || [...word!].length <= 2 || ["ns", "nt", "nz", "nrt", "j"].includes(tag!);
      if (shouldKeep !== kept.has(word!)) expect(`${line}: kept ${kept.has(word!)}`).toBe(`kept ${shouldKeep}`);
    }
  });
});
