import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createExtractor, lunarToIso, EntityError, type Segmenter } from "./index.js";

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

  it("takes the place out of a word with its people or government, and places the dictionary files as names", () => {
    expect(types("澳门市民踊跃参加活动，新加坡政府表示欢迎。", "location")).toEqual(["澳门", "新加坡"]);
    expect(types("他们参观了白金汉宫和清凉寺。", "location")).toEqual(["白金汉宫", "清凉寺"]);
  });

  it("takes abbreviated bodies and parties by their own names", () => {
    expect(types("北大和师大的学生参加了辩论，自由党候选人发表演讲。", "organization")).toEqual(["北大", "师大", "自由党"]);
    expect(types("执政党和反对党展开辩论。", "organization")).toEqual([]);
  });

  it("takes a foreign name the segmenter cut into pieces whole, and a foreign place before its division", () => {
    // 库/n 尼科娃/nr, 伊万诺娃/nr (伊 is a surname too, but no Chinese name has four characters of transliteration)
    expect(types("俄罗斯的库尼科娃和伊万诺娃都进入了决赛。", "person")).toEqual(["库尼科娃", "伊万诺娃"]);
    expect(types("洪水已威胁到南部的丘布特省。", "location")).toEqual(["丘布特省"]);
    // no verb after a name joins it: 林丹/x 达到/v
    expect(types("林丹达到了自己的目标。", "person")).not.toContain("林丹达");
  });

  it("takes a place and the body known by its level as one organization", () => {
    expect(types("九江市委、市政府决定，泉州红十字会副会长出席。", "organization")).toEqual(["九江市委", "泉州红十字会"]);
    // one place only: the province is a place of its own
    const es = extractor.extract("据报道，湖南省衡山市委确定了三项任务。");
    expect(es.filter((e) => e.type === "organization").map((e) => e.text)).toEqual(["衡山市委"]);
    expect(es.filter((e) => e.type === "location").map((e) => e.text)).toEqual(["湖南省"]);
  });

  it("reads a body's name across a verb between nouns, and keeps the province out of it", () => {
    expect(types("浙江文化扶贫委员会主任出席，南昌家庭服务社和杭州地质所的专家参加。", "organization")).toEqual(["浙江文化扶贫委员会", "南昌家庭服务社", "杭州地质所"]);
    // a verb right after the place is the sentence's, not the name's
    expect(types("他们在北京举行委员会会议。", "organization")).toEqual([]);
    const es = extractor.extract("会上，湖北省宜昌市第一中学的老师发言。");
    expect(es.filter((e) => e.type === "organization").map((e) => e.text)).toEqual(["宜昌市第一中学"]);
    expect(es.filter((e) => e.type === "location").map((e) => e.text)).toEqual(["湖北省"]);
    expect(types("在公共场所吸烟的人少了。", "organization")).toEqual([]);
  });

  it("takes a place with its division or a building named by it as one place", () => {
    expect(types("代表团抵达马斯喀特机场后，前往坎大哈省和帕克斯顿市。", "location")).toEqual(["马斯喀特机场", "坎大哈省", "帕克斯顿市"]);
    expect(types("签字仪式在人民大会堂举行。", "location")).toEqual(["人民大会堂"]);
    expect(types("江苏今年新一轮乡局级干部调整。", "location")).toEqual(["江苏"]);
  });

  it("takes no common word the dictionary files as a place, by how places begin and end", () => {
    expect(types("这段新建的公路在山洞旁，他们肩负神圣使命。", "location")).toEqual([]);
    // places the dictionary knows and the gazetteer does not: Chinese, natural, transliterated
    expect(types("代表团访问了栾城、太行山、德班和温得和克。", "location")).toEqual(["栾城", "太行山", "德班", "温得和克"]);
  });

  it("takes names after callings and foreign titles, and a name the dictionary files as a place that speaks", () => {
    expect(types("正如学者丁东所言，作家王蒙和名将邓亚萍出席。", "person")).toEqual(["丁东", "王蒙", "邓亚萍"]);
    expect(types("美国圣公会的牧师约翰·马吉记录了这一切。", "person")).toEqual(["约翰·马吉"]);
    // 于洋/ns says something: a person; 北京/ns 说不定 is no saying
    expect(types("比赛结束后，于洋说，队员们尽力了。", "person")).toEqual(["于洋"]);
    expect(types("北京说不定会下雨。", "person")).toEqual([]);
  });

  it("takes the units of a body with it, and a paper without the 报 of 报道", () => {
    expect(types("浙江大学出版社编辑部主任说，县政府新闻办公室也表示。", "organization")).toEqual(["浙江大学出版社编辑部", "县政府新闻办公室"]);
    // a body of a kind named by nothing names no unit
    expect(types("大学医学院的学生参加了活动。", "organization")).toEqual([]);
    expect(types("据日本《朝日新闻》报道，会谈取得进展。", "organization")).toEqual(["日本《朝日新闻》"]);
  });

  it("takes a name run together with the word after it, a surname addressed as 老, and a name before 大夫", () => {
    // 钱华说/x, 吴华说/x: the segmenter ran the name into 说
    expect(types("钱华说，这是好事；吴华说，他们很满意。", "person")).toEqual(["钱华", "吴华"]);
    expect(types("老于的女儿要考大学了。", "person")).toEqual(["于"]);
    expect(types("王汝大夫擅长中医。", "person")).toEqual(["王汝"]);
    // not the start of a transliteration
    expect(types("小戈麦尔斯基集合全国的优秀选手。", "person")).not.toContain("戈");
  });

  it("marks the place's character in words that begin with it, but not in money", () => {
    expect(types("这位台胞喜欢京戏，常去港商开的餐馆吃川菜。", "location")).toEqual(["台", "京", "港", "川"]);
    expect(types("合同金额达1800多亿美元。", "location")).toEqual([]);
    expect(types("探测器飞向火星和木星。", "location")).toEqual(["火星", "木星"]);
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

  it("takes a foreign name up to a preposition after it, and no person in a body's abbreviation", () => {
    // 内马尔/x 因伤/x: 因 transliterates, but starts the next word here
    expect(types("巴西足球运动员内马尔因伤缺席了本场比赛。", "person")).toEqual(["内马尔"]);
    // 文明办/nr: jieba files the office as a name
    expect(types("团省委和省文明办联合发起了这项活动。", "person")).toEqual([]);
    expect(types("世界卫生组织总干事谭德塞在日内瓦发表讲话。", "person")).toEqual(["谭德塞"]);
    expect(types("小张说，他准备报考大学。", "person")).toEqual(["张"]);
  });

  it("takes a name the dictionary knows whose given name is a word but no noun", () => {
    expect(types("会上，孙甜甜和张国庆分别发言。", "person")).toEqual(["孙甜甜", "张国庆"]);
    // the dictionary files these as names too
    expect(types("他用小提琴演奏，三权分立的制度取代了封建制。", "person")).toEqual([]);
  });

  it("takes no noun and locative run together for a name", () => {
    expect(types("信中他表示感谢。", "person")).toEqual([]);
  });
});
