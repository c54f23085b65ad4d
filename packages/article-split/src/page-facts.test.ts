import { describe, expect, it } from "vitest";
import { parsePage } from "@yk/schema";
import { splitPage, SplitError } from "./index.js";
import { dateOfLine, pageFacts, pageNumberOf, sectionOfHeader } from "./furniture.js";

// A page typed for this test: a header line, a date line, one story, typed as people type text
// (each paragraph one long line, blank lines between).
const typed = [
  "第05版 城乡",
  "2021年6月14日 星期一",
  "全市秋粮收购工作全面展开",
  "本报记者 林海涛",
  "入秋以来，全市各地抓住晴好天气抢收秋粮，截至10月15日，已收购玉米、稻谷等秋粮12.6万吨，比去年同期增加一成多。市粮食和物资储备局组织各收储企业提前检修仓容、校验设备，确保农民卖粮不排队、不压级压价。",
  "在城西粮库，前来售粮的车辆排起了长队。种粮大户赵永福告诉记者，今年他种了300亩玉米，亩产比去年高出80多斤，“价格也不错，心里踏实。”",
  "据介绍，今年全市将新建和维修仓容5万吨，并推广烘干设备，减少粮食产后损失。",
].join("\n\n");

describe("page facts printed on the page", () => {
  it("names the section from the header's label before a column title of a label's shape", () => {
    const facts = pageFacts([
      { kind: "header", text: "第10版 城乡", spans: [] },
      { kind: "section", text: "速览·秋收", spans: [] },
    ]);
    expect(facts.section).toBe("城乡");
    expect(pageFacts([{ kind: "section", text: "城乡·民生", spans: [] }]).section).toBe("城乡·民生");
  });

  it("reads the page number and label from a header line and the date from a date line", () => {
    const page = splitPage(typed);
    expect(() => parsePage(page)).not.toThrow();
    expect(page.publication.page).toBe(5);
    expect(page.section).toBe("城乡");
    expect(page.publication.date).toBe("2021-06-14");
  });

  it("lets the caller's date and page win over the printed ones", () => {
    const page = splitPage(typed, { date: "2021-06-15", page: "7" });
    expect(page.publication).toMatchObject({ date: "2021-06-15", page: 7 });
  });

  it("rejects a page option that is no page number", () => {
    expect(() => splitPage(typed, { page: "abc" })).toThrow(SplitError);
    expect(() => splitPage(typed, { page: 0 })).toThrow(/page number/);
  });

  it("keeps the paragraphs of text typed one paragraph a line", () => {
    const [article] = splitPage(typed).articles;
    expect(article?.headline).toBe("全市秋粮收购工作全面展开");
    expect(article?.byline?.contributors.map((c) => c.name)).toEqual(["林海涛"]);
    expect(article?.paragraphs.map((p) => p.text.slice(0, 5))).toEqual(["入秋以来，", "在城西粮库", "据介绍，今"]);
  });

  it("parses page numbers, header labels and date lines in their printed forms", () => {
    expect(["第05版", "第十二版", "A3", "-7-", "3版", "第02版 要闻", "要闻 08"].map(pageNumberOf)).toEqual([5, 12, 3, 7, 3, 2, 8]);
    expect(sectionOfHeader("第02版 要闻")).toBe("要闻");
    expect(dateOfLine("人民日报 2019年10月8日 星期二")).toBe("2019-10-08");
    expect(dateOfLine("2019年2月30日 星期六")).toBeNull();
  });
});
