import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parsePage } from "@yk/schema";
import { splitPage, SplitError, parseContributors, matchLeadingByline, furnitureKind, matchRunInByline } from "./index.js";
import { isIgnorable, pageSpans, uncovered } from "../../../test/hostile/properties.js";

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), "utf8");
const compact = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, "");

/** Non-ignorable raw offsets covered by no span (lost) and by more than one (duplicated). */
function coverage(raw: string, page: ReturnType<typeof splitPage>): { lost: number[]; duplicated: number[] } {
  const spans = pageSpans(page);
  const count = new Uint8Array(raw.length);
  for (const s of spans) for (let i = s.start; i < s.end; i++) if (!isIgnorable(raw.charCodeAt(i))) count[i]!++;
  const duplicated = [...count.keys()].filter((i) => count[i]! > 1);
  return { lost: uncovered(raw, spans), duplicated };
}

describe("seed page", () => {
  const raw = fixture("seed-page.txt");
  const page = splitPage(raw, { date: "2023-01-12", sourceName: "seed-page.txt" });

  it("is a valid page with 时政·要闻 as section and furniture", () => {
    expect(() => parsePage(page)).not.toThrow();
    expect(page.section).toBe("时政·要闻");
    expect(page.furniture).toContainEqual(expect.objectContaining({ kind: "section", text: "时政·要闻" }));
  });

  it("finds the photo news with its caption and credit", () => {
    const photo = page.articles.find((a) => a.kind === "photo")!;
    expect(compact(photo.headline)).toBe("“青苗学堂”寒假公益托管班开课啦");
    expect(photo.captions).toHaveLength(1);
    expect(photo.captions[0]!.text).toBe(
      "1月11日，团市委、市青少年宫联合开办的“青苗学堂”寒假公益托管班开课。托管时间从1月11日到1月18日，分上午下午2个班，内容为作业辅导和各种手工制作。",
    );
    expect(photo.captions[0]!.credit?.contributors).toEqual([{ name: "卢斌", role: "融媒记者", kind: "photographer" }]);
  });

  it("gives the first article the headline group found after its body", () => {
    const a = page.articles.find((x) => x.byline?.contributors[0]?.name === "陈晓苏")!;
    expect(a.kind).toBe("news");
    expect(a.kicker).toBe("章旭升在开展“四大双千”活动时指出");
    expect(a.headline).toBe("用心解难争主动 助企发展抢先机");
    expect(a.byline!.text).toBe("本报讯（融媒首席记者 陈晓苏）");
    expect(a.byline!.contributors).toEqual([{ name: "陈晓苏", role: "融媒首席记者", kind: "author" }]);
    const starts = ["1月11日下午，", "章旭升一行先后来", "“2022年销售额", "章旭升对企业为永", "章旭升强调，各级"];
    expect(a.paragraphs).toHaveLength(5);
    a.paragraphs.forEach((p, k) => expect(p.text.startsWith(starts[k]!)).toBe(true));
    expect(page.warnings.some((w) => w.code === "headline-after-body")).toBe(true);
  });

  it("splits the byline off the second article's first line", () => {
    const a = page.articles.find((x) => x.byline?.contributors[0]?.name === "徐敏")!;
    expect(a.kicker).toBe("胡勇春赴经济开发区开展“四大双千”活动");
    expect(a.headline).toBe("政企同心 携手打造世界五金之都");
    expect(a.byline!.text).toBe("本报讯（融媒记者 徐敏）");
    expect(a.paragraphs).toHaveLength(6);
    expect(a.paragraphs[0]!.text.startsWith("日前，市委副书记、市长胡勇春")).toBe(true);
    expect(a.paragraphs[5]!.text.startsWith("胡勇春强调，企业强")).toBe(true);
  });

  it("keeps the headline-only groups as teasers (one item or two, as EXPECTED.md allows)", () => {
    const teasers = page.articles.filter((a) => a.kind === "teaser");
    const text = teasers.map((a) => compact(`${a.kicker ?? ""}${a.headline ?? ""}${a.subheadline ?? ""}`)).join("");
    expect(text).toBe("合理安排“三生”空间努力创造“四宜”环境城市建设让人民拥有更多获得感");
    expect(teasers.length).toBeGreaterThanOrEqual(1);
    expect(page.articles).toHaveLength(3 + teasers.length);
  });

  it("loses and duplicates no character", () => {
    expect(coverage(raw, page)).toEqual({ lost: [], duplicated: [] });
  });
});

describe("pages written for the tests", () => {
  it("a county page: section, kicker/subheadline, two-role byline, continuation, brief with trailing byline, staff line", () => {
    const raw = fixture("page-county-economy.txt");
    const page = parsePage(splitPage(raw, { date: "2023-04-13" }));
    expect(page.section).toBe("经济·民生");
    const main = page.articles.find((a) => a.headline === "全力以赴稳增长")!;
    expect(main.subheadline).toBe("——我县一季度经济运行实现“开门红”");
    expect(main.byline!.contributors).toEqual([
      { name: "王丽娟", role: "本报记者", kind: "author" },
      { name: "陈国强", role: "通讯员", kind: "correspondent" },
    ]);
    expect(main.paragraphs).toHaveLength(3);
    expect(main.paragraphs[2]!.text.endsWith("良好态势。")).toBe(true);
    expect(main.continuation).toEqual({ continuedTo: "2", continuedFrom: null });
    const brief = page.articles.find((a) => a.headline === "城东新区公园开园")!;
    expect(brief.kind).toBe("brief");
    expect(brief.byline!.contributors).toEqual([{ name: "赵敏", role: "记者", kind: "author" }]);
    expect(brief.paragraphs[0]!.text.endsWith("儿童乐园。")).toBe(true);
    expect(page.furniture.map((f) => f.kind).sort()).toEqual(["continuation", "section", "staff"]);
    expect(coverage(raw, page)).toEqual({ lost: [], duplicated: [] });
  });

  it("a wire page with single line breaks: Xinhua dateline with three reporters, photo news", () => {
    const raw = fixture("page-wire-single.txt");
    const page = parsePage(splitPage(raw, { date: "2023-03-25" }));
    expect(page.section).toBe("国际·环球");
    const wire = page.articles.find((a) => a.byline?.dateline?.agency === "新华社")!;
    expect(wire.byline!.dateline).toEqual({ text: "新华社北京3月24日电", agency: "新华社", place: "北京", date: "2023-03-24" });
    expect(wire.byline!.contributors.map((c) => c.name)).toEqual(["李明", "张华", "周强"]);
    expect(wire.paragraphs.map((p) => p.text)).toEqual([
      "国家统计局24日发布数据显示，1至2月份，全国规模以上工业增加值同比增长2.4%，比去年12月份加快1.1个百分点。",
      "国家统计局新闻发言人表示，随着各项政策措施持续发力，国民经济延续恢复态势，主要指标边际改善。",
    ]);
    const photo = page.articles.find((a) => a.kind === "photo")!;
    expect(`${photo.kicker ?? ""}${photo.headline}`).toBe("春耕时节农机唱主角田间地头忙播种");
    expect(photo.captions[photo.captions.length - 1]!.credit!.contributors).toEqual([{ name: "孙建华", role: null, kind: "photographer" }]);
    expect(coverage(raw, page)).toEqual({ lost: [], duplicated: [] });
  });

  // Known divergence since the CRF role model (README, "The role model"): two phrase lines of a
  // photo group are read as one headline wrapped over two lines, not kicker + headline. Nothing
  // but the type size tells them apart; the day the parse is right, this says so.
  it.fails("a wire page's photo group: kicker 春耕时节农机唱主角, headline 田间地头忙播种 (known divergence)", () => {
    const page = parsePage(splitPage(fixture("page-wire-single.txt"), { date: "2023-03-25" }));
    const photo = page.articles.find((a) => a.kind === "photo")!;
    expect(photo.kicker).toBe("春耕时节农机唱主角");
    expect(photo.headline).toBe("田间地头忙播种");
  });
});

describe("bylines and furniture", () => {
  it("parses contributor forms", () => {
    expect(parseContributors("记者 王明 通讯员 李华")).toEqual([
      { name: "王明", role: "记者", kind: "author" },
      { name: "李华", role: "通讯员", kind: "correspondent" },
    ]);
    expect(parseContributors("本报记者 张 伟 摄")).toEqual([{ name: "张伟", role: "本报记者", kind: "photographer" }]);
    expect(parseContributors("欧阳明 文/摄")).toEqual([{ name: "欧阳明", role: "文/摄", kind: "photographer" }]);
    expect(parseContributors("融媒记者卓雅丽通讯员章若琳汤志伟")).toEqual([
      { name: "卓雅丽", role: "融媒记者", kind: "author" },
      { name: "章若琳", role: "通讯员", kind: "correspondent" },
      { name: "汤志伟", role: "通讯员", kind: "correspondent" },
    ]);
    expect(parseContributors("今天天气很好")).toBeNull();
    // 文 as the second half of a letter-spaced name, not the credit 文
    expect(parseContributors("本报记者 钱 文")).toEqual([{ name: "钱文", role: "本报记者", kind: "author" }]);
    // a name starts with a surname: the first word of the body run into the line (核心阅读) is none
    expect(parseContributors("本报特约记者 林青 核心")).toBeNull();
    // a list parted by 、 or in brackets is names to its end, surnames outside the list too
    expect(parseContributors("记者林青、暨佩娟")?.map((c) => c.name)).toEqual(["林青", "暨佩娟"]);
    expect(parseContributors("本报记者 暨佩娟")?.map((c) => c.name)).toEqual(["暨佩娟"]);
  });

  it("reads a run-in byline whose line holds only a few characters of the body", () => {
    const run = matchRunInByline("本报特约记者 林 青 “这", "本报特约记者 林 青 “这");
    expect(run?.text).toBe("本报特约记者 林 青");
    expect(run?.contributors.map((c) => c.name)).toEqual(["林青"]);
    expect(matchRunInByline("本报记者 林青 核心", "本报记者 林青 核心")?.contributors.map((c) => c.name)).toEqual(["林青"]);
    // what follows the names must be body text: not more names, a role, or a bracket
    expect(matchRunInByline("本报记者 林青 赵华", "本报记者 林青 赵华")).toBeNull();
    expect(matchRunInByline("本报记者 林青 通讯员", "本报记者 林青 通讯员")).toBeNull();
  });

  it("matches datelines", () => {
    expect(matchLeadingByline("本报讯（融媒记者 徐敏） 日前")?.text).toBe("本报讯（融媒记者 徐敏）");
    expect(matchLeadingByline("今天本报讯")).toBeNull();
    // a dateline's bracket names its reporters, with a role or without one
    expect(matchLeadingByline("本报杭州3月11日电  （周立、吴晓燕）日前")?.contributors).toEqual([
      { name: "周立", role: null, kind: "author" },
      { name: "吴晓燕", role: null, kind: "author" },
    ]);
  });

  it("cuts a paragraph at a dateline: headline lines that reflow joined to the story stay out of it", () => {
    // single line breaks, the headline wrapped at the column's width: reflow reads one paragraph
    const raw = ["第03版", "全市春季植树造林推进会", "在城南召开部署全年任务", "本报杭州3月11日电  （记者", "王明）3月10日，全市春季植", "树造林工作推进会在城南召", "开，会议部署了今年的绿化", "任务和各地的责任分工。", ""].join("\n");
    const page = splitPage(raw);
    const story = page.articles.find((a) => a.byline?.dateline)!;
    expect(story.byline!.contributors.map((c) => c.name)).toEqual(["王明"]);
    expect(story.paragraphs[0]!.text.startsWith("3月10日")).toBe(true);
    expect(story.paragraphs.some((p) => p.text.includes("部署全年任务"))).toBe(false);
    expect(coverage(raw, page)).toEqual({ lost: [], duplicated: [] });
  });

  it("reads a bracketed list of reporters as the byline of the story it closes, which may go on", () => {
    const raw = [
      "各地群众欢度佳节",
      "",
      "节日期间，城东社区举办了邻里文化节，居民们带来了自己做的点心，一起包饺子、写春联，现场热闹非凡。",
      "",
      "（周立、吴晓燕）",
      "",
      "在城西的农贸市场，商户们早早备足了年货，蔬菜、肉类价格总体平稳，前来采购的市民络绎不绝。",
      "",
      "（本报记者郑海、",
      "",
      "林 青）",
      "",
    ].join("\n");
    const page = splitPage(raw);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]!.byline!.contributors.map((c) => c.name)).toEqual(["周立", "吴晓燕", "郑海", "林青"]);
    expect(page.articles[0]!.paragraphs).toHaveLength(2);
    expect(coverage(raw, page)).toEqual({ lost: [], duplicated: [] });
  });

  it("takes a dateline's bracket from the start of the next paragraph", () => {
    const raw = ["全市春季植树造林工作推进会召开", "", "本报杭州3月11日电", "", "（记者 王明）3月10日，全市春季植树造林工作推进会在城南召开，会议部署了今年的绿化任务。", ""].join("\n");
    const page = splitPage(raw);
    const story = page.articles.find((a) => a.byline?.dateline)!;
    expect(story.byline!.contributors.map((c) => c.name)).toEqual(["王明"]);
    expect(story.paragraphs.map((p) => p.text)).toEqual(["3月10日，全市春季植树造林工作推进会在城南召开，会议部署了今年的绿化任务。"]);
    expect(coverage(raw, page)).toEqual({ lost: [], duplicated: [] });
  });

  it("tells furniture from headlines", () => {
    expect(furnitureKind("时政·要闻")).toBe("section");
    expect(furnitureKind("综合新闻")).toBe("section");
    expect(furnitureKind("下转第3版")).toBe("continuation");
    expect(furnitureKind("第3版")).toBe("page-number");
    expect(furnitureKind("2023年1月12日 星期四")).toBe("date");
    expect(furnitureKind("用心解难争主动 助企发展抢先机")).toBeNull();
  });

  it("rejects a bad date option with a typed error", () => {
    expect(() => splitPage("文字", { date: "12/01/2023" })).toThrowError(SplitError);
  });
});
