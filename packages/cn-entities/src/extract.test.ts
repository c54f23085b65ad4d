import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { articleFields, createExtractor, lunarToIso, EntityError, type Segmenter } from "./index.js";

const seed = readFileSync(new URL("../../reflow/test/fixtures/seed-page.txt", import.meta.url), "utf8");
const extractor = createExtractor();
const find = (entities: ReturnType<typeof extractor.extract>, type: string, text: string) => entities.find((e) => e.type === type && e.text === text);

describe("extract", () => {
  it("links stacked titles to people, also when the name recurs without them", () => {
    const text = "日前，市委副书记、市长胡勇春赴经济开发区调研。市委常委、市政府党组成员李浩锋参加。胡勇春强调，要优化服务。";
    const es = extractor.extract(text, { date: "2023-01-12" });
    expect(find(es, "person", "胡勇春")?.titles).toEqual(["市委副书记", "市长"]);
    expect(find(es, "person", "胡勇春")?.mentions).toHaveLength(2);
    expect(find(es, "person", "李浩锋")?.titles).toEqual(["市委常委", "市政府党组成员"]);
  });

  it("finds people in bylines and credits with other names", () => {
    const es = extractor.extract("本报讯（记者 欧阳明 通讯员 宋佳） 县长刘志远来到城南村。", {});
    expect(find(es, "person", "欧阳明")?.titles).toEqual(["记者"]);
    expect(find(es, "person", "宋佳")?.titles).toEqual(["通讯员"]);
    expect(find(es, "person", "刘志远")?.titles).toEqual(["县长"]);
  });

  it("finds company names, full and short, without the words before them", () => {
    const es = extractor.extract("在浙江金拓机电有限公司，他走访了安胜科技、飞神车业和杭州华鑫电子股份有限公司。", {});
    for (const name of ["浙江金拓机电有限公司", "安胜科技", "飞神车业", "杭州华鑫电子股份有限公司"]) expect(find(es, "organization", name), name).toBeTruthy();
  });

  it("normalizes dates against the publication date, lunar dates too", () => {
    const es = extractor.extract("1月11日下午，正月初七将全线开工，去年增长6%，投资1.2亿元。", { date: "2023-01-12" });
    expect(es.find((e) => e.type === "date" && e.text.startsWith("1月11日"))?.normalized).toBe("2023-01-11");
    expect(find(es, "date", "正月初七")?.normalized).toBe("2023-01-28");
    expect(find(es, "date", "去年")?.normalized).toBe("2022");
    expect(find(es, "percent", "6%")?.normalized).toBe(6);
    expect(find(es, "money", "1.2亿元")?.normalized).toBe(120000000);
    expect(lunarToIso("腊", "二十三", new Date("2024-01-20T00:00:00"))).toBe("2024-02-02");
  });

  it("gives quoted campaign names and mention offsets into the text", () => {
    const es = extractor.extract(seed, { date: "2023-01-12" });
    const campaign = find(es, "event", "“四大双千”")!;
    for (const m of campaign.mentions) expect(seed.slice(m.start, m.end)).toBe("“四大双千”");
  });

  it("takes a segmenter adapter and rejects a bad one with a typed error", () => {
    const calls: string[] = [];
    const fake: Segmenter = { tag: (t) => (calls.push(t), [{ word: t, tag: "x" }]) };
    createExtractor({ segmenter: fake }).extract("市长王明来到永康。");
    // the text first; then short look-ups of candidate names (is 王明 a common word?)
    expect(calls[0]).toBe("市长王明来到永康。");
    for (const c of calls.slice(1)) expect("市长王明来到永康。".includes(c)).toBe(true);
    expect(() => createExtractor({ segmenter: {} as Segmenter })).toThrowError(EntityError);
  });

  it("reads an article's fields as one text, with mentions into each field", () => {
    const fields = [
      { field: "headline" as const, text: "新能源项目落地开发区" },
      { field: "paragraph" as const, index: 0, text: "本报讯 3月2日，县委书记陈晓峰来到城东街道调研。" },
      { field: "paragraph" as const, index: 1, text: "陈晓峰指出，要抓好项目建设。" },
      { field: "caption" as const, index: 0, text: "图为陈晓峰在现场。" },
    ];
    const es = extractor.extractFields(fields, { date: "2024-03-05" });
    const person = find(es, "person", "陈晓峰")!;
    expect(person.titles).toEqual(["县委书记"]);
    // titled once, known in every field after it
    expect(person.mentions.map((m) => [m.field, m.index])).toEqual([
      ["paragraph", 0],
      ["paragraph", 1],
      ["caption", 0],
    ]);
    for (const e of es) {
      for (const m of e.mentions) {
        const f = fields.find((x) => x.field === m.field && x.index === m.index)!;
        expect(f.text.slice(m.start, m.end)).toBe(e.text);
      }
    }
    expect(find(es, "date", "3月2日")?.normalized).toBe("2024-03-02");
  });

  it("never lets an entity or a title cross from one field into the next", () => {
    const es = extractor.extractFields([
      { field: "headline", text: "访问团抵达深圳" },
      { field: "paragraph", index: 0, text: "市政府代表团今天出发。" },
      { field: "subheadline", text: "本报记者" },
      { field: "paragraph", index: 1, text: "王海涛、李明等人参加。" },
    ]);
    // a role ending one field is no byline of a name opening the next
    expect(find(es, "person", "王海涛")?.titles).toEqual([]);
    // 深圳 + 市 of the next field is not 深圳市
    expect(find(es, "location", "深圳")?.mentions).toEqual([{ field: "headline", start: 5, end: 7 }]);
  });

  it("rejects fields that are not texts with a typed error", () => {
    expect(() => extractor.extractFields("text" as never)).toThrowError(EntityError);
    expect(() => extractor.extractFields([{ field: "paragraph", text: 3 as never }])).toThrowError(EntityError);
    expect(extractor.extractFields([])).toEqual([]);
  });

  it("takes a company's name back to the first word that cannot be in one", () => {
    const orgs = (text: string) => extractor.extract(text).filter((e) => e.type === "organization").map((e) => e.text);
    expect(orgs("他在义乌只有金宏达贸易有限公司一家供货商。")).toContain("金宏达贸易有限公司");
    expect(orgs("政府已经批准华腾公司的申请。")).toContain("华腾公司");
    expect(orgs("员工的工资待遇与公司效益挂钩。")).toEqual([]);
    expect(orgs("全市有三家保险公司开展这项业务。")).toEqual([]);
    // not the verbs of the sentence before it, nor another company before them
    expect(orgs("本次比赛得到华泰保安有限公司的支持。")).toEqual(["华泰保安有限公司"]);
    expect(orgs("1996年，上海华联公司买下南新公司。")).toEqual(["上海华联公司", "南新公司"]);
  });

  it("takes a trade name the model reads as a person's, run straight into an industry, as the company", () => {
    // (names invented; the model alone reads 振华 and 永盛 here as people)
    const found = extractor.extract("调研组来到振华汽车、永盛工贸等企业。");
    expect(find(found, "organization", "振华汽车")).toBeDefined();
    expect(find(found, "organization", "永盛工贸")).toBeDefined();
    expect(found.filter((e) => e.type === "person")).toEqual([]);
    // a person before a company, with a verb between, stays a person
    expect(find(extractor.extract("刘建平来到浙江绿谷竹业有限公司。"), "person", "刘建平")).toBeDefined();
  });
});

describe("extract: evidence beyond titles", () => {
  const types = (text: string, type: string) => extractor.extract(text).filter((e) => e.type === type).map((e) => e.text);

  it("takes three-character names the dictionary knows, whatever their given-name characters", () => {
    expect(types("这部传记讲述了华罗庚和茅以升的求学经历。", "person")).toEqual(["华罗庚", "茅以升"]);
    // jieba's dictionary files 雷阵雨 and 青少年 as names too: their given parts are common words
    expect(types("北京雷阵雨转多云，青少年宫照常开放。", "person")).toEqual([]);
  });

  it("reads two countries' abbreviations before 两国 and 关系, any countries", () => {
    expect(types("埃塞俄比亚和肯尼亚两国元首会晤，埃肯两国关系进一步发展。", "location")).toEqual(["埃塞俄比亚", "肯尼亚", "埃", "肯"]);
    expect(types("他对美关系的看法没有改变。", "location")).toEqual(["美"]);
    expect(types("他们两国关系良好。", "location")).toEqual([]);
  });

  it("takes the place of a wire story's dateline, a country and a city as two", () => {
    const es = extractor.extract("本报法国里昂3月2日电记者陈立新报道：");
    expect(es.filter((e) => e.type === "location").map((e) => e.text)).toEqual(["法国", "里昂"]);
    expect(find(es, "person", "陈立新")).toBeTruthy();
  });

  it("does not take the dictionary's common phrases or a country's bodies of a kind as organizations", () => {
    expect(types("天文学和社会科学的研究都取得了进展。", "organization")).toEqual([]);
    const es = extractor.extract("德国公司纷纷裁员，非洲球队表现出色。");
    expect(es.filter((e) => e.type === "organization")).toEqual([]);
    expect(es.filter((e) => e.type === "location").map((e) => e.text)).toEqual(["德国", "非洲"]);
  });

  it("takes a place and the body known by its level as one organization", () => {
    expect(types("九江市委、市政府决定，泉州红十字会副会长出席。", "organization")).toEqual(["九江市委", "泉州红十字会"]);
    // one place only: the province is a place of its own
    const es = extractor.extract("据报道，湖南省衡山市委确定了三项任务。");
    expect(es.filter((e) => e.type === "organization").map((e) => e.text)).toEqual(["衡山市委"]);
    expect(es.filter((e) => e.type === "location").map((e) => e.text)).toEqual(["湖南省"]);
  });

  it("takes a place with its division or a building named by it as one place", () => {
    expect(types("代表团抵达马斯喀特机场后，前往坎大哈省和帕克斯顿市。", "location")).toEqual(["马斯喀特机场", "坎大哈省", "帕克斯顿市"]);
    expect(types("签字仪式在人民大会堂举行。", "location")).toEqual(["人民大会堂"]);
    expect(types("江苏今年新一轮乡局级干部调整。", "location")).toEqual(["江苏"]);
  });

  it("takes a name run together with the word after it, a surname addressed as 老, and a name before 大夫", () => {
    // 钱华说/x, 吴华说/x: the segmenter ran the name into 说
    expect(types("钱华说，这是好事；吴华说，他们很满意。", "person")).toEqual(["钱华", "吴华"]);
    expect(types("老于的女儿要考大学了。", "person")).toEqual(["于"]);
    expect(types("王汝大夫擅长中医。", "person")).toEqual(["王汝"]);
    // not the start of a transliteration
    expect(types("小戈麦尔斯基集合全国的优秀选手。", "person")).not.toContain("戈");
  });

  it("takes a transliteration where places stand for a place, not a person", () => {
    expect(types("随后代表团前往拉巴特，抵达卡萨布兰卡。", "location")).toEqual(["拉巴特", "卡萨布兰卡"]);
    expect(types("随后代表团前往拉巴特，抵达卡萨布兰卡。", "person")).toEqual([]);
    // a person's view is no place
    expect(types("在克林顿看来，这是好事。", "person")).toEqual(["克林顿"]);
  });

  it("keeps names, places and bodies apart where the segmenter runs them together", () => {
    // 区 is a surname, but not right after a place: 柯桥/x 区华舍/x
    expect(types("县长来到柯桥区华舍街道检查工作。", "person")).toEqual([]);
    // a name the segmenter knows whole runs past a surname and two characters: 选手 麦克唐纳/nrt
    expect(types("加拿大选手麦克唐纳获得金牌。", "person")).toEqual(["麦克唐纳"]);
    expect(types("老刘告诉记者，情况好转了。", "person")).toEqual(["刘"]);
    // a contest is no foreign name, a board no person
    expect(types("他在伦敦马拉松赛中夺冠，阿里巴巴集团董事局主席出席。", "person")).toEqual([]);
    // the court is the district's; the province and city are places
    const es = extractor.extract("湖南省长沙市芙蓉区人民法院开庭审理此案。");
    expect(es.filter((e) => e.type === "organization").map((e) => e.text)).toEqual(["芙蓉区人民法院"]);
    expect(es.filter((e) => e.type === "location").map((e) => e.text)).toEqual(["湖南省", "长沙市"]);
    // a known place the segmenter files as a brand names its committee; a common word filed as a place names nothing
    expect(types("广元市委高度重视，县财政局局长发言。今年新建中小学12所。", "organization")).toEqual(["广元市委", "县财政局"]);
  });

  it("takes a name the dictionary knows whose given name is a word but no noun", () => {
    expect(types("会上，孙甜甜和张国庆分别发言。", "person")).toEqual(["孙甜甜", "张国庆"]);
    // the dictionary files these as names too
    expect(types("他用小提琴演奏，三权分立的制度取代了封建制。", "person")).toEqual([]);
  });

  it("takes no noun and locative run together for a name", () => {
    expect(types("信中他表示感谢。", "person")).toEqual([]);
  });

  it("reads a local body by its level alone, as local papers name them, but no level's government", () => {
    const orgs = types("县发展改革局、县自然资源和规划局要主动靠前服务，区人社局、区卫健局有关负责人和县政府副县长参加。", "organization");
    expect(orgs).toEqual(expect.arrayContaining(["县发展改革局", "县自然资源和规划局", "区人社局", "区卫健局"]));
    expect(orgs).not.toContain("县政府");
  });

  it("takes a body the model found before a title's core as part of the title", () => {
    const people = extractor.extract("区委常委、县委办主任孔令波和区总工会主席韩秋云出席。").filter((e) => e.type === "person");
    expect(people.find((p) => p.text === "孔令波")?.titles?.sort()).toEqual(["区委常委", "县委办主任"].sort());
    expect(people.find((p) => p.text === "韩秋云")?.titles).toEqual(["区总工会主席"]);
  });
});

describe("articleFields", () => {
  it("lists an article's fields in reading order, paragraphs and captions by index, and their mentions point into each field", () => {
    const article = {
      kicker: "春耕备耕正当时",
      headline: "县农技站送技术下乡",
      subheadline: null,
      paragraphs: [{ text: "本报讯 县农技站站长李明华带队走访农户。" }, { text: "李明华说，今年将推广新品种。" }],
      captions: [{ text: "农技人员在田间指导。" }],
    };
    const fields = articleFields(article as never);
    expect(fields.map((f) => [f.field, f.index ?? null, f.text.slice(0, 4)])).toEqual([
      ["kicker", null, "春耕备耕"],
      ["headline", null, "县农技站"],
      ["paragraph", 0, "本报讯 "],
      ["paragraph", 1, "李明华说"],
      ["caption", 0, "农技人员"],
    ]);
    const person = extractor.extractFields(fields).find((e) => e.type === "person" && e.text === "李明华");
    expect(person?.mentions.map((m) => [m.field, m.index])).toEqual([
      ["paragraph", 0],
      ["paragraph", 1],
    ]);
  });
});
