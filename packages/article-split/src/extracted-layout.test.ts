import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitPage } from "./index.js";
import { attachCaptions, headlinesOutOfBody, headsBoxOverWiderText, kickersFromWrappedHeadlines, pairDisplacedHeadlines } from "./extracted-layout.js";
import type { Article } from "@yk/schema";
import { pageSpans, uncovered } from "../../../test/hostile/properties.js";

// Pages written for these tests (a made-up county; no sentence from any corpus), laid out as the
// PDF extractors give them: pdf.js runs one line each and no blank line, pdftotext's blocks.
const lines = (...l: string[]) => l.join("\n");

const STORY_A = lines(
  "溪口镇新建的农贸市场本月开业，",
  "一百二十个摊位全部租出。镇里还在",
  "市场旁修了停车场和公厕。",
  "附近的村民说，现在买菜方便多了，",
  "价格也比以前公道。",
);
const STORY_B = lines(
  "县图书馆今年新增图书两万册，开",
  "放时间延长到晚上九点。馆里新设了",
  "少儿阅览区和电子阅览室。",
  "暑假期间，每天来看书的学生有三",
  "百多人，周末还有志愿者讲故事。",
);

describe("splitPage on text from PDF extractors (extracted-layout)", () => {
  it("gives a headline the extractor put far from its story to the story no headline heads", () => {
    // pdfminer boxes: a story, a second story under its headline, and the first one's headline last
    const raw = [lines("本报记者 赵一鸣 通讯员 钱晓", STORY_A), "图书馆夜间开放", lines("本报讯（记者 孙立）", STORY_B), "新市场开门迎客"].join("\n\n");
    const page = splitPage(raw, { extractor: "pdfminer" });
    const byHeadline = new Map(page.articles.map((a) => [a.headline, a]));
    expect(byHeadline.get("新市场开门迎客")?.paragraphs[0]?.text).toMatch(/^溪口镇新建的农贸市场/);
    expect(byHeadline.get("新市场开门迎客")?.byline?.contributors.map((c) => c.name)).toEqual(["赵一鸣", "钱晓"]);
    expect(byHeadline.get("图书馆夜间开放")?.paragraphs[0]?.text).toMatch(/^县图书馆今年新增图书/);
    expect(page.articles.filter((a) => a.kind === "teaser")).toEqual([]);
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
    // read as it is, the displaced headline heads nothing
    expect(splitPage(raw, { extractor: "typeset" }).articles.find((a) => a.headline === "新市场开门迎客")?.paragraphs ?? []).toEqual([]);
  });

  it("reads a caption line closing with a photo credit as the story's caption, not its text", () => {
    const raw = lines("乡村振兴看溪口系列报道", "新市场开门迎客", "村民在新市场里挑选蔬菜。本报记者 赵一鸣 摄", "本报记者 钱晓", STORY_A, "图书馆夜间开放", "本报讯（记者 孙立）", STORY_B);
    const page = splitPage(raw, { extractor: "pdfjs" });
    const market = page.articles.find((a) => a.headline === "新市场开门迎客");
    expect(market?.kicker).toBe("乡村振兴看溪口系列报道");
    expect(market?.captions[0]?.text).toBe("村民在新市场里挑选蔬菜。");
    expect(market?.captions[0]?.credit?.contributors).toEqual([{ name: "赵一鸣", role: "本报记者", kind: "photographer" }]);
    expect(market?.paragraphs.map((p) => p.text).join("")).not.toContain("挑选蔬菜");
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });

  it("reads a slogan and a phone line as an advertisement, and a letter-spaced headline closed up", () => {
    const raw = lines("图 书 馆 夜 间 开 放", "本报讯（记者 孙立）", STORY_B, "溪口土鸡蛋新鲜上市", "订购热线 0571-8888 6666");
    const page = splitPage(raw, { extractor: "pdfjs" });
    expect(page.articles.find((a) => a.headline === "图书馆夜间开放")?.paragraphs).toHaveLength(2);
    const ad = page.articles.find((a) => a.headline === "溪口土鸡蛋新鲜上市");
    expect(ad?.kind).toBe("other");
    expect(ad?.paragraphs.map((p) => p.text)).toEqual(["订购热线0571-8888 6666"]);
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });

  it("gives a row of headlines read before their stories to the stories in order", () => {
    // pdftotext reads the headlines of two stories set side by side, then the two stories
    const raw = ["第3版", "新市场开门迎客", "图书馆夜间开放", lines("本报讯（记者 孙立）" + STORY_A), lines("本报讯（记者 钱晓）" + STORY_B)].join("\n\n");
    const page = splitPage(raw, { extractor: "pdftotext" });
    const byHeadline = new Map(page.articles.map((a) => [a.headline, a]));
    expect(byHeadline.get("新市场开门迎客")?.byline?.contributors.map((c) => c.name)).toEqual(["孙立"]);
    expect(byHeadline.get("图书馆夜间开放")?.byline?.contributors.map((c) => c.name)).toEqual(["钱晓"]);
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });

  it("gives no story to an advertisement's slogan and phone line", () => {
    // pdftotext: a story under its headline, a story whose headline the extractor lost, an ad last
    const raw = ["第3版", "新市场开门迎客", lines("本报讯（记者 孙立）" + STORY_A), lines("本报讯（记者 钱晓）" + STORY_B), "临溪春茶上市欢迎选购", "订购热线 0571-8888 6666"].join("\n\n");
    const page = splitPage(raw, { extractor: "pdftotext" });
    const story = page.articles.find((a) => a.byline?.contributors.some((c) => c.name === "钱晓"));
    expect(story?.headline).toBeNull();
    expect(page.articles.find((a) => a.kind === "other")?.headline).toBe("临溪春茶上市欢迎选购");
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });

  it("frees a body the layout stage gave an advertisement's slogan for a headline that waits", () => {
    // item positions: a story's headline (0), its body read before the ad (1), the slogan (2) and phone line (3)
    const group = (at: number, text: string) => ({ first: at, last: at, kicker: [], headline: [{ text }], subheadline: [] });
    const story = group(0, "新市场开门迎客");
    const slogan = group(2, "临溪春茶上市欢迎选购");
    const phone = group(3, "订购热线 0571-8888 6666");
    const body = { first: 1, last: 1, byline: null, paragraphs: [{ text: "溪口镇新建的农贸市场本月开业。" }], credit: null };
    const headlineOf = new Map([[body, slogan]]);
    pairDisplacedHeadlines([story, slogan, phone], [body], headlineOf);
    expect(headlineOf.get(body)).toBe(story);
  });

  it("reads a slogan whose phone line was read as its byline, with no text under it, as an advertisement", () => {
    const article = (headline: string, byline: string | null, paragraphs: string[]): Article => ({
      id: "",
      kind: "news",
      kicker: null,
      headline,
      subheadline: null,
      byline: byline === null ? null : { text: byline, contributors: [], spans: [] },
      paragraphs: paragraphs.map((text) => ({ text, spans: [] })),
      captions: [],
      entities: [],
    });
    const placed = [
      { at: 0, article: article("新市场开门迎客", "本报记者 孙立", ["溪口镇新建的农贸市场本月开业。"]) },
      { at: 5, article: article("临溪春茶上市欢迎选购", "订购热线 0571-8888 6666", []) },
    ];
    attachCaptions(placed, []);
    expect(placed.map((p) => p.article.kind)).toEqual(["news", "other"]);
  });

  it("reads a row's headline taken for the next one's kicker as a headline when more stories follow the row than headlines", () => {
    const storyC = lines("城关镇今年为辖区老人开设了助餐", "点，每天中午供应两荤两素。老人们", "说，饭菜可口，价格也实惠。");
    const raw = ["第3版", "新市场开门迎客", "图书馆夜间开放", "老人吃上暖心饭", lines("本报讯（记者 孙立）" + STORY_A), lines("本报讯（记者 钱晓）" + STORY_B), lines("本报讯（记者 李文）" + storyC)].join("\n\n");
    const page = splitPage(raw, { extractor: "pdftotext" });
    const heads = page.articles.map((a) => [a.kicker, a.headline, a.byline?.contributors.map((c) => c.name).join()]);
    expect(heads).toEqual([
      [null, "新市场开门迎客", "孙立"],
      [null, "图书馆夜间开放", "钱晓"],
      [null, "老人吃上暖心饭", "李文"],
    ]);
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });

  it("reads a kicker 'wrapped' onto a line of another length, a headline in the next box after it, as kicker and headline", () => {
    // pdfminer boxes a kicker with its headline: two groups side by side come out as two boxes
    const raw = "乡村振兴看溪口\n新市场开门迎客\n\n图书馆夜间开放\n便民服务进万家";
    const item = (role: string, text: string) => {
      const start = raw.indexOf(text);
      return { type: "headline", role, line: { text, spans: [{ start, end: start + text.length }] } };
    };
    const roles = (raw2: string, items: ReturnType<typeof item>[]) => {
      kickersFromWrappedHeadlines(items, raw2);
      return items.map((it) => it.role);
    };
    const read = () => [item("kicker", "乡村振兴看溪口"), item("kicker+", "新市场开门迎客"), item("headline", "图书馆夜间开放"), item("headline+", "便民服务进万家")];
    // lines of one length stay one field (parallel phrases); the second box's two lines are of one length too
    expect(roles(raw, read())).toEqual(["kicker", "kicker+", "headline", "headline+"]);
    const longer = read();
    longer[0]!.line.text = "乡村振兴看溪口镇";
    expect(roles(raw, longer)).toEqual(["kicker", "headline", "headline", "headline+"]);
    // without the box gap (text with single line breaks) the role model's reading stands
    const single = read();
    single[0]!.line.text = "乡村振兴看溪口镇";
    expect(roles(raw.replace("\n\n", "\n"), single)).toEqual(["kicker", "kicker+", "headline", "headline+"]);
  });

  it("reads a line pdfminer boxed alone over column text as a headline, and keeps a subhead over typed paragraphs or a piece of the text", () => {
    // pdfminer boxes: a headline over its story, a short unpunctuated line alone, more text with no dateline
    const raw = ["第3版", lines("新市场开门迎客", "本报讯（记者 孙立）" + STORY_A), "便民服务进市场", STORY_B].join("\n\n");
    const detected = splitPage(raw);
    expect(detected.articles.map((a) => a.headline)).toEqual(["新市场开门迎客", "便民服务进市场"]);
    expect(detected.articles[1]!.paragraphs[0]!.text).toMatch(/^县图书馆今年新增图书/);
    expect(splitPage(raw, { extractor: "pdfminer" }).articles.map((a) => a.headline)).toEqual(["新市场开门迎客", "便民服务进市场"]);
    expect(uncovered(raw, pageSpans(detected))).toEqual([]);
    // over paragraphs typed a paragraph to the line (no column under it), detected alike, the line stays a subhead
    const typed = STORY_B.replace(/\n/g, "").replace("阅览室。", "阅览室。\n\n");
    const typedPage = ["第3版", lines("新市场开门迎客", "本报讯（记者 孙立）" + STORY_A), "便民服务进市场", typed].join("\n\n");
    const read = splitPage(typedPage);
    expect(read.articles.map((a) => a.headline)).toEqual(["新市场开门迎客"]);
    expect(read.articles[0]!.paragraphs.filter((p) => p.subhead).map((p) => p.text)).toEqual(["便民服务进市场"]);
    // a kicker and its headline boxed together alone: a headline group
    const group = raw.replace("便民服务进市场", "乡村振兴看溪口系列报道\n便民服务进市场");
    const grouped = splitPage(group).articles.find((a) => a.headline === "便民服务进市场");
    expect(grouped?.kicker).toBe("乡村振兴看溪口系列报道");
    expect(grouped?.paragraphs[0]?.text).toMatch(/^县图书馆今年新增图书/);
    // two lines of one length are a headline in two lines (parallel phrases), unless one of them is
    // letter-spaced and the other not: set in two types, a kicker and its headline
    const parallel = raw.replace("便民服务进市场", "乡村振兴看溪口\n便民服务进市场");
    expect(splitPage(parallel).articles.map((a) => [a.kicker, a.headline])[1]).toEqual([null, "乡村振兴看溪口便民服务进市场"]);
    const spaced = raw.replace("便民服务进市场", "乡村振兴看溪口\n便 民 服 务 进 市 场");
    expect(splitPage(spaced).articles.map((a) => [a.kicker, a.headline])[1]).toEqual(["乡村振兴看溪口", "便民服务进市场"]);
    // a line as wide as a paragraph's first line is no headline (a piece of the text pdfminer boxed apart)
    const wide = raw.replace("便民服务进市场", "便民服务进市场还有新建图书角");
    expect(splitPage(wide).articles.map((a) => a.headline)).toEqual(["新市场开门迎客"]);
  });

  it("reads a short unpunctuated line that opens a pdftotext block over running text as the headline of a story, not a subhead", () => {
    // pdftotext blocks a headline with the first lines of the story under it; the second story has no byline
    const raw = ["第3版", lines("新市场开门迎客", "本报讯（记者 孙立）" + STORY_A), lines("便民服务进市场", STORY_B)].join("\n\n");
    const page = splitPage(raw);
    expect(page.articles.map((a) => a.headline)).toEqual(["新市场开门迎客", "便民服务进市场"]);
    expect(page.articles[1]!.paragraphs[0]!.text).toMatch(/^县图书馆今年新增图书/);
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
    // one over paragraphs typed a paragraph to the line (no column under it) stays a subhead
    const typed = STORY_B.replace(/\n/g, "").replace("阅览室。", "阅览室。\n");
    const typedPage = ["第3版", lines("新市场开门迎客", "本报讯（记者 孙立）" + STORY_A), lines("便民服务进市场", typed)].join("\n\n");
    const read = splitPage(typedPage);
    expect(read.articles.map((a) => a.headline)).toEqual(["新市场开门迎客"]);
    expect(read.articles[0]!.paragraphs.filter((p) => p.subhead).map((p) => p.text)).toEqual(["便民服务进市场"]);
  });

  it("reads a headline pdftotext blocked over its story's wider lines as a headline, not the rest of a sentence cut before it", () => {
    // the first story's block ends mid-sentence (its rest is read elsewhere); the next block is a headline over its story
    const first = lines("新市场开门迎客", "本报讯（记者 孙立）溪口镇新建的农", "贸市场本月开业，一百二十个摊位全", "部租出。镇里还在市场旁修了停车场", "和公厕。", "附近的村民说，现在买菜比以前");
    const second = lines("县图书馆今年新增图书两万册，开", "放时间延长到晚上九点。馆里新设了", "少儿阅览区和电子阅览室。");
    const raw = ["2025年4月8日 星期二", "第3版", first, lines("便民服务进市场", second)].join("\n\n");
    const page = splitPage(raw, { extractor: "pdftotext" });
    expect(page.articles.map((a) => a.headline)).toEqual(["新市场开门迎客", "便民服务进市场"]);
    expect(page.articles[0]!.paragraphs.at(-1)!.text).toBe("附近的村民说，现在买菜比以前");
    expect(page.articles[1]!.paragraphs[0]!.text).toMatch(/^县图书馆今年新增图书/);
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
    // the line itself: over wider running text, after a break no word runs across
    const at = (text: string, r: string) => ({ text, spans: [{ start: r.indexOf(text), end: r.indexOf(text) + text.length }] });
    const prevEnd = (r: string, text: string) => r.indexOf(text) + text.length;
    expect(headsBoxOverWiderText(raw, at("便民服务进市场", raw), prevEnd(raw, "买菜比以前"))).toBe(true);
    // a break a word runs across (买菜方 / 便…: 方便) is the cut sentence going on
    const onWord = raw.replace("买菜比以前", "买菜方");
    expect(headsBoxOverWiderText(onWord, at("便民服务进市场", onWord), prevEnd(onWord, "买菜方"))).toBe(false);
    // and so is a line as wide as the lines under it
    const wide = raw.replace("便民服务进市场", "便民服务进市场还有新建图书角");
    expect(headsBoxOverWiderText(wide, at("便民服务进市场还有新建图书角", wide), prevEnd(wide, "买菜比以前"))).toBe(false);
  });

  it("reads the second of two subhead lines as a headline when it opens a pdftotext block over running text", () => {
    // a headline moved before the text it cut, then the headline of the next story boxed with its first lines
    const parts = ["开放时间延长到晚上九点。", "新市场开门迎客", "便民服务进市场", "县图书馆今年新增图书两万册，开\n放时间延长到晚上九点。"];
    const raw = `${parts[0]}\n\n${parts[1]}\n\n${parts[2]}\n${parts[3]}`;
    const items = () =>
      parts.map((text, k) => {
        const start = raw.indexOf(text);
        return { type: "body", mapped: { text, offsets: new Int32Array(0), spans: [{ start, end: start + text.length }], subhead: k === 1 || k === 2 } };
      });
    const read = items();
    headlinesOutOfBody(read, { keepSubheads: true, raw, extractor: "pdftotext" });
    // (the first, boxed alone right above that headline, is a headline line too: the moved headline)
    expect(read.map((it) => it.type)).toEqual(["body", "headline", "headline", "body"]);
    // pdfminer boxes lines of one size together: there the line boxed with the text is a subhead
    const asPdfminer = items();
    headlinesOutOfBody(asPdfminer, { keepSubheads: true, raw, extractor: "pdfminer" });
    expect(asPdfminer.map((it) => it.type)).toEqual(["body", "body", "body", "body"]);
  });

  it("leaves typed text with single line breaks, detected as pdf.js's, as typeset text unless told it is pdf.js's", () => {
    const raw = readFileSync(new URL("../test/fixtures/page-wire-single.txt", import.meta.url), "utf8");
    const typeset = JSON.stringify(splitPage(raw, { extractor: "typeset" }));
    expect(JSON.stringify(splitPage(raw))).toBe(typeset);
    // the repairs would change it: the option is what lets them run
    expect(JSON.stringify(splitPage(raw, { extractor: "pdfjs" }))).not.toBe(typeset);
  });
});
