import { describe, expect, it } from "vitest";
import { concatMapped, reflow } from "@yk/reflow";
import { splitPage, parseContributors, pageUnits, matchLeadingByline } from "./index.js";
import { pageSpans, uncovered } from "../../../test/hostile/properties.js";

// Pages written for these tests (invented stories and names), printed the way an extractor gives a
// narrow column: one line per printed line, no indents.
const lines = (...l: string[]) => l.join("\n") + "\n";
const names = (a: { byline: { contributors: { name: string }[] } | null } | undefined) => a?.byline?.contributors.map((c) => c.name) ?? [];

describe("article assembly", () => {
  it("cuts a story run into the one before it when its headline group was printed after it", () => {
    const raw = lines(
      "第04版 综合",
      "2024年3月6日 星期三",
      "青山镇新修村道全线通车",
      "本报记者 林 青",
      "3月5日，青山镇连接五个行政",
      "村的新修村道全线通车，沿线两千",
      "多户村民出行时间缩短一半。",
      "据介绍，这条村道全长十二公",
      "里，去年秋天开工，镇里组织村民",
      "投工投劳，节省资金近百万元。",
      "河湾小学的孩子们今年春天第",
      "一次在新建的图书室里上了阅读课。",
      "图书室的三千多册图书，由县图书",
      "馆和爱心企业共同捐赠。",
      "校长孙明说，学校还将开设每",
      "周一次的读书分享会，让孩子们爱",
      "上阅读、学会表达。",
      "河湾小学有了图书室",
      "——三千册图书来自县图书馆和爱心企业",
      "责任编辑：周 平",
    );
    const page = splitPage(raw);
    expect(page.articles.map((a) => [a.kind, a.headline, a.paragraphs.length])).toEqual([
      ["news", "青山镇新修村道全线通车", 2],
      ["news", "河湾小学有了图书室", 2],
    ]);
    const school = page.articles[1]!;
    expect(school.subheadline).toBe("——三千册图书来自县图书馆和爱心企业");
    expect(school.paragraphs[0]!.text.startsWith("河湾小学的孩子们")).toBe(true);
    expect(names(page.articles[0])).toEqual(["林青"]);
    expect(page.warnings.some((w) => w.code === "headline-after-body")).toBe(true);
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });

  it("opens a new story at a byline after a subheaded story's body, and keeps a part's byline under its subhead", () => {
    const raw = lines(
      "第05版 民生",
      "2024年4月9日 星期二",
      "春到山乡处处新",
      "春天里，记者走进两个山村，看新",
      "产业怎样让村民的日子红火起来。",
      "东坡村——",
      "茶园里采茶忙",
      "本报记者 林 青",
      "清明前后，东坡村的茶园里满是",
      "采茶的村民，新茶一上市就被订购一空。",
      "村里今年新建了一座茶叶加工厂，",
      "茶农不出村就能把鲜叶卖个好价钱。",
      "西岭村——",
      "果树下养起土鸡",
      "本报记者 赵 华",
      "西岭村的果园里，成群的土鸡在树",
      "下觅食，果园的收入多了一份。",
      "村民说，鸡粪还田，果子也更甜了。",
      "本报记者 孙 明",
      "县城的老旧小区里，电梯安装工程",
      "这个月陆续完工，老人们下楼方便了。",
      "住在六楼的刘大爷说，盼了好几年",
      "的电梯终于装上了，心里踏实多了。",
      "老旧小区装上电梯",
      "责任编辑：周 平",
    );
    const page = splitPage(raw);
    const stories = page.articles.filter((a) => a.kind !== "teaser");
    expect(stories.map((a) => a.headline)).toEqual(["春到山乡处处新", "老旧小区装上电梯"]);
    // the parts' reporters are the first story's; the reporter after its last body paragraph opens the next
    expect(names(stories[0])).toEqual(["林青", "赵华"]);
    expect(names(stories[1])).toEqual(["孙明"]);
    expect(stories[1]!.paragraphs[0]!.text.startsWith("县城的老旧小区里")).toBe(true);
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });

  it("keeps numbered photo captions and their credits in the story of the photos", () => {
    const raw = lines(
      "2024年3月6日 星期三",
      "第07版",
      "春耕时节田间忙",
      "本报记者 林 青",
      "眼下正值春耕时节，各地农民抢",
      "抓农时，田间一派忙碌。",
      "图①：农民在田间驾驶插秧机。",
      "张 华摄",
      "图②：农技人员查看秧苗长势。",
      "本报记者 李 强摄",
      "图③：村民在大棚里移栽菜苗。",
      "刘 伟摄",
    );
    const page = splitPage(raw);
    expect(page.articles).toHaveLength(1);
    const a = page.articles[0]!;
    expect(a.paragraphs.map((p) => p.text.slice(0, 2))).toEqual(["眼下", "图①", "图②", "图③"]);
    const credited = [...names(a), ...a.captions.flatMap((c) => c.credit?.contributors.map((x) => x.name) ?? [])];
    expect(credited.sort()).toEqual(["刘伟", "张华", "李强", "林青"].sort());
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });

  it("reads a dateline's bracket of reporters that layout broke over two lines", () => {
    // (typed text: paragraphs apart by a blank line, the dateline's line broken inside its bracket)
    const raw = [
      "第03版 要闻",
      "新城区首座智慧停车场启用",
      "本报北京3月5日电  （记者陈小",
      "红）新城区首座智慧停车场5日正式启用，可提供八百个车位。",
      "停车场采用无感支付，车辆进出无需停车缴费。",
    ].join("\n\n");
    const a = splitPage(raw).articles[0]!;
    expect(a.headline).toBe("新城区首座智慧停车场启用");
    expect(a.byline?.text).toBe("本报北京3月5日电（记者陈小红）");
    expect(names(a)).toEqual(["陈小红"]);
    expect(a.paragraphs[0]!.text.startsWith("新城区首座智慧停车场5日")).toBe(true);
  });

  it("keeps a story told in parts, each under its subheads with its reporter, as one article", () => {
    const raw = lines(
      "第06版 地方",
      "节日里的坚守",
      "长假期间，许多人坚守在工作岗",
      "位上，守护着万家团圆。",
      "地点：城南高铁站",
      "候车室里的引导员",
      "本报记者 王 明",
      "早上六点，引导员刘芳已经站在",
      "候车室门口，为旅客指引方向。",
      "地点：东山林场",
      "护林员的巡山路",
      "本报记者 赵 强",
      "天刚亮，护林员老孙就背上水壶",
      "出发，沿着山路巡查火情。",
    );
    const page = splitPage(raw);
    expect(page.articles).toHaveLength(1);
    const a = page.articles[0]!;
    expect(a.headline).toBe("节日里的坚守");
    expect(names(a)).toEqual(["王明", "赵强"]);
    expect(a.paragraphs.filter((p) => p.subhead).map((p) => p.text)).toEqual(["地点：城南高铁站", "候车室里的引导员", "地点：东山林场", "护林员的巡山路"]);
  });

  it("cuts a title closed by its column label off the story reflow joined it to", () => {
    const raw = lines(
      "第05版 评论",
      "让老街焕发新活力（民生观）",
      "老街改造既要留住烟火气，也要方",
      "便居民生活。近年来，不少城市在",
      "改造中注重保留老建筑，让老街重",
      "新热闹起来。",
      "改造老街，还要听取居民意见。",
    );
    const a = splitPage(raw).articles;
    expect(a.map((x) => [x.headline, x.paragraphs.map((p) => p.text.slice(0, 4))])).toEqual([["让老街焕发新活力（民生观）", ["老街改造", "改造老街"]]]);
  });

  it("cuts a closing note in brackets off the kicker that reflow joined to its last line", () => {
    const raw = lines(
      "乡村振兴要靠人才（学思践悟）",
      "乡村振兴，人才是关键。要让愿意留在乡",
      "村、建设家乡的人留得安心，让愿意上山",
      "下乡、回报乡村的人更有信心，激励各类",
      "人才在农村广阔天地大施所能、大展才",
      "华。",
      "（作者为某某大学农村发展研究院研究员",
      "、乡村振兴研究中心主任兼学会秘书长）",
      "扎根田间地头",
      "把论文写在大地上",
      "农业科技工作者常年扎根田间地头，把实",
      "验室搬进农家小院，帮助农民解决生产中",
      "的难题，这样的做法值得提倡。",
    );
    const page = splitPage(raw);
    expect(page.articles.map((a) => [a.kicker, a.headline, a.paragraphs.length])).toEqual([
      [null, "乡村振兴要靠人才（学思践悟）", 2],
      ["扎根田间地头", "把论文写在大地上", 1],
    ]);
    expect(page.articles[0]!.paragraphs[1]!.text).toBe("（作者为某某大学农村发展研究院研究员、乡村振兴研究中心主任兼学会秘书长）");
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });

  it("opens the next story at a byline printed right after a story's closing byline in brackets", () => {
    const raw = lines(
      "第03版 要闻",
      "2024年5月8日 星期三",
      "全县春播基本结束",
      "入夏以来，全县抓住有利天气抢种",
      "玉米、大豆，春播已基本结束。",
      "农技人员分片包村，指导农户科学",
      "播种、合理施肥。",
      "（本报记者 林 青）",
      "本报记者 赵 华",
      "县城新建的体育公园本周向市民开",
      "放，园内有健身步道和球场。",
      "每天傍晚，前来锻炼的市民络绎不",
      "绝，公园里十分热闹。",
      "体育公园开园迎客",
    );
    const page = splitPage(raw);
    expect(page.articles.map((a) => [a.headline, names(a)])).toEqual([
      ["全县春播基本结束", ["林青"]],
      ["体育公园开园迎客", ["赵华"]],
    ]);
  });

  it("reads a short label among the page's top lines as the section, known word or not", () => {
    const raw = lines("2024年3月6日 星期三", "第07版", "政治", "春耕时节田间忙", "本报记者 林 青", "眼下正值春耕时节，各地农民抢", "抓农时，田间一派忙碌。");
    const page = splitPage(raw);
    expect(page.section).toBe("政治");
    expect(page.publication.page).toBe(7);
  });
});

describe("parseContributors", () => {
  it("takes a round-up's 综合 for a word, not a reporter", () => {
    expect(parseContributors("综合本报记者李刚、王明报道")?.map((c) => c.name)).toEqual(["李刚", "王明"]);
  });
});

describe("headline groups placed by the assembly", () => {
  it("gives a picture story's title printed under the photo's credit the picture's text, though the title shares no word with it", () => {
    // every unit on its own line and a blank line after each; the roles as a page's decode gives them
    const units: [string, string][] = [
      ["第07版 视点", "furniture"],
      ["青山镇新修村道全线通车", "headline"],
      ["本报记者 林 青", "byline"],
      ["10月8日，青山镇连接五个行政村的新修村道全线通车，沿线两千多户村民出行时间缩短一半。", "body"],
      ["据介绍，这条村道全长十二公里，去年秋天开工，镇里组织村民投工投劳，节省资金近百万元。", "body"],
      ["金秋时节，河湾村的稻田一片金黄，村民们抢抓晴好天气收割晾晒。", "body"],
      ["图为村民在田间收割水稻。", "body"],
      ["赵华明摄", "credit"],
      ["丰收好时光", "headline"],
      ["县医院远程会诊覆盖全部乡镇", "headline"],
      ["本报记者 周 平", "byline"],
      ["记者从县卫健委获悉，县医院的远程会诊已覆盖全县十二个乡镇。", "body"],
    ];
    const raw = units.map(([text]) => text).join("\n\n") + "\n";
    const roleOf = new Map(units);
    const rolesOf = (us: readonly { mapped: { text: string } }[]) => us.map((u) => roleOf.get(u.mapped.text) ?? "body");
    const page = splitPage(raw, { rolesOf } as never);
    expect(page.articles.map((a) => [a.kind, a.headline, a.paragraphs.length + a.captions.filter((c) => c.text).length])).toEqual([
      ["news", "青山镇新修村道全线通车", 2],
      ["photo", "丰收好时光", 2],
      ["brief", "县医院远程会诊覆盖全部乡镇", 1],
    ]);
    expect(page.articles[1]!.captions.at(-1)!.credit?.contributors.map((c) => c.name)).toEqual(["赵华明"]);
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });
  it("keeps a part's title that the model read as a headline inside its story when the two bodies speak of the same things", () => {
    const units: [string, string][] = [
      ["第05版 民生", "furniture"],
      ["东坡村的茶园绿了", "headline"],
      ["本报记者 林 青", "byline"],
      ["清明前后，东坡村的茶园里满是采茶的村民，茶农们趁着好天气抢摘新茶。", "body"],
      ["村里今年新建了一座茶叶加工厂，茶农采下的鲜叶当天就能送进加工厂制成新茶。", "body"],
      // the title of the story's second part, which the model read as a headline
      ["新茶卖上好价钱", "headline"],
      ["东坡村的新茶一上市就被订购一空，村里的茶农们说，茶叶加工厂制成的新茶比往年卖得好。", "body"],
      ["采茶的村民算了一笔账，今年东坡村的茶园每亩多收两千元，茶农们的日子越过越红火。", "body"],
      ["河湾小学有了图书室", "headline"],
      ["河湾小学的孩子们今年春天第一次在新建的图书室里上了阅读课。", "body"],
      ["图书室的三千多册图书，由县图书馆和爱心企业共同捐赠。", "body"],
    ];
    const raw = units.map(([text]) => text).join("\n\n") + "\n";
    const roleOf = new Map(units);
    const page = splitPage(raw, { rolesOf: (us: readonly { mapped: { text: string } }[]) => us.map((u) => roleOf.get(u.mapped.text) ?? "body") } as never);
    expect(page.articles.map((a) => [a.headline, a.paragraphs.length])).toEqual([
      ["东坡村的茶园绿了", 5],
      ["河湾小学有了图书室", 2],
    ]);
    expect(page.articles[0]!.paragraphs[2]).toMatchObject({ text: "新茶卖上好价钱", subhead: true });
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });
  it("keeps a round-up's next item, opened by its own dateline and headed by no group, in the story when it speaks of the same things", () => {
    const units: [string, string][] = [
      ["第02版 要闻", "furniture"],
      ["假期出行总体平稳", "headline"],
      ["本报北京10月7日电  （记者林青）记者从交通运输部获悉：国庆假期，全国铁路、公路、水路、民航运行总体平稳，假期前六天共发送旅客五亿人次。", "body"],
      ["交通运输部门全力做好假期运输服务保障，为旅客安全便捷出行提供优质服务。", "body"],
      ["本报北京10月7日电  （记者周平）记者从公安部获悉：国庆假期，全国道路交通运行总体平稳，假期前六天全国公路旅客出行量同比增长。", "body"],
      ["各地公安交管部门全力做好假期道路交通安全服务保障，为旅客安全出行保驾护航。", "body"],
      ["河湾小学有了图书室", "headline"],
      ["本报记者 赵 华", "byline"],
      ["河湾小学的孩子们今年春天第一次在新建的图书室里上了阅读课。", "body"],
    ];
    const raw = units.map(([text]) => text).join("\n\n") + "\n";
    const roleOf = new Map(units);
    const page = splitPage(raw, { rolesOf: (us: readonly { mapped: { text: string } }[]) => us.map((u) => roleOf.get(u.mapped.text) ?? "body") } as never);
    expect(page.articles.map((a) => [a.headline, a.paragraphs.length])).toEqual([
      ["假期出行总体平稳", 4],
      ["河湾小学有了图书室", 1],
    ]);
    expect(names(page.articles[0])).toEqual(["林青", "周平"]);
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });
});

describe("headline lines", () => {
  it("continue a headline over the next line when its column label's bracket is left open", () => {
    const units: [string, string][] = [
      ["小镇快递进村入户，群众收寄更方便（改革", "headline"],
      ["落实在基层）", "headline"],
      ["本报记者 林 青", "byline"],
      ["今年以来，青山镇在各村设立快递服务点，村民在家门口就能收寄包裹。", "body"],
    ];
    const raw = units.map(([text]) => text).join("\n\n") + "\n";
    const roleOf = new Map(units);
    const page = splitPage(raw, { rolesOf: (us: readonly { mapped: { text: string } }[]) => us.map((u) => roleOf.get(u.mapped.text) ?? "body") } as never);
    expect(page.articles.map((a) => [a.kind, a.headline])).toEqual([["brief", "小镇快递进村入户，群众收寄更方便（改革落实在基层）"]]);
  });
});

describe("bylines the assembly reads", () => {
  it("reads a round-up's bracketed list of a score of reporters broken over many narrow lines as its byline", () => {
    const reporters = ["林青", "赵华明", "周平", "王立新", "孙丽", "陈晓东", "刘海燕", "张建国", "杨帆", "黄志强", "吴敏", "郑春雨", "何静", "罗永军",
      "高峰", "梁晓燕", "宋涛", "谢文斌", "韩雪", "唐立国", "冯丽娟", "于洋", "董春明", "萧红梅", "程鹏", "曹建华"];
    const list = `（综合本报记者${reporters.join("、")}报道）`;
    // printed over narrow lines of fourteen characters, a blank line after each
    const listLines: string[] = [];
    for (let k = 0; k < list.length; k += 14) listLines.push(list.slice(k, k + 14));
    const raw = ["第03版 要闻", "各地假日消费持续升温", "假日期间，各地商圈、景区人气", "旺盛，餐饮、住宿、出行等消费明", "显增长。", ...listLines].join("\n\n");
    const page = splitPage(raw);
    expect(page.articles).toHaveLength(1);
    expect(names(page.articles[0])).toEqual(reporters);
    expect(page.articles[0]!.paragraphs.some((p) => p.text.includes("（"))).toBe(false);
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });

  it("reads a dateline whose date's digits justification spaced apart", () => {
    const m = matchLeadingByline("本报北京1 0月9日电（记者林青）外交部发言人9日表示，", 2024);
    expect(m?.dateline?.date).toBe("2024-10-09");
    expect(m?.contributors.map((c) => c.name)).toEqual(["林青"]);
    expect(m?.text).toBe("本报北京1 0月9日电（记者林青）");
    expect(matchLeadingByline("本报上海2 0 2 4年3月 5日电 通讯", 2023)?.dateline?.date).toBe("2024-03-05");
  });

  it("reads a line of names only under a headline group as the story's byline, whatever role the model gave it", () => {
    const raw = lines("第06版 经济", "小镇快递进村入户", "林 青 赵华明", "今年以来，青山镇在各村设立快递", "服务点，村民在家门口就能收寄包裹。");
    // the assembly alone: every unit but the headline read as body text
    const rolesOf = (units: readonly { mapped: { text: string } }[]) => units.map((u) => (u.mapped.text === "小镇快递进村入户" ? "headline" : u.mapped.text === "第06版 经济" ? "furniture" : "body"));
    const page = splitPage(raw, { rolesOf } as never);
    expect(page.articles.map((a) => [a.headline, a.paragraphs.length])).toEqual([["小镇快递进村入户", 1]]);
    expect(names(page.articles[0])).toEqual(["林青", "赵华明"]);
    // a lone two-character word under a headline is no byline: 回信 (回 is a surname too)
    const letter = splitPage(lines("小镇快递进村入户", "回信", "今年以来，青山镇在各村设立快递", "服务点，村民在家门口就能收寄包裹。"), { rolesOf } as never);
    expect(letter.articles[0]!.byline).toBeNull();
    expect(letter.articles[0]!.paragraphs[0]!.text).toBe("回信");
  });
});

describe("page units", () => {
  it("cut a headline group that reflow joined into one paragraph where a dash ends a kicker or opens a subtitle", () => {
    const raw = lines("青山县农业技术推广中心高级农艺师林青——", "把论文写在大地上", "——记扎根田间的农技人员", "农业科技工作者常年扎根田间地头，把实", "验室搬进农家小院。");
    const reflowed = reflow(raw);
    const [kicker, headline, subtitle, ...rest] = reflowed.paragraphs;
    // the three lines as one paragraph, as reflow gives them when the kicker's line fills the column
    const group = concatMapped([kicker!, headline!, subtitle!]);
    const joined = { ...reflowed, paragraphs: [{ ...kicker!, text: group.text, offsets: group.offsets, lastLine: subtitle!.lastLine }, ...rest] };
    expect(pageUnits(joined, {}).slice(0, 3).map((u) => u.mapped.text)).toEqual(["青山县农业技术推广中心高级农艺师林青——", "把论文写在大地上", "——记扎根田间的农技人员"]);
  });

  it("cut a whole byline line that reflow joined to the story's first lines", () => {
    const raw = lines("本报通讯员林青赵华", "“今年的稻子长得好！”村民", "指着田里说。");
    const reflowed = reflow(raw);
    const story = concatMapped(reflowed.paragraphs);
    const joined = { ...reflowed, paragraphs: [{ ...reflowed.paragraphs[0]!, text: story.text, offsets: story.offsets, lastLine: reflowed.paragraphs.at(-1)!.lastLine }] };
    const units = pageUnits(joined, {});
    expect(units.map((u) => u.mapped.text)).toEqual(["本报通讯员林青赵华", "“今年的稻子长得好！”村民指着田里说。"]);
    expect(units[0]!.byline?.contributors.map((c) => c.name)).toEqual(["林青", "赵华"]);
  });
});
