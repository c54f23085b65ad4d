/**
 * Newspaper pages written for the tests (a made-up county paper; no sentence is taken from any
 * corpus), laid out at random on a five-column grid by a seed.
 */
import { rng, type SpecArticle, type SpecPage } from "./compose.js";

const SENTENCES = [
  "春耕时节，临溪县各乡镇抢抓晴好天气，组织农机手下田作业，全县已完成早稻育秧两万余亩。",
  "县农业农村局派出十二个技术服务小组，深入田间地头指导农户科学施肥、合理用药。",
  "在城关镇东湖村，种粮大户周永强正驾驶插秧机来回穿梭，一排排秧苗整齐地立在水田里。",
  "他说，今年流转了三百亩耕地，全部采用机械化育插秧，比人工省下近一半的成本。",
  "截至目前，全县农机具保有量达到一万一千台套，主要农作物耕种收综合机械化率超过八成。",
  "为解决群众办事来回跑的问题，县政务服务中心新设了企业开办专区，实行一窗受理、限时办结。",
  "工作人员介绍，新办企业从申请营业执照到领取发票，最快一个工作日就能全部办完。",
  "今年以来，中心已为两千三百多家市场主体提供帮办代办服务，群众满意率保持在百分之九十九以上。",
  "下一步，县里还将推动更多事项掌上办、就近办，让数据多跑路、群众少跑腿。",
  "位于经济开发区的一家新材料企业里，两条新建生产线正在进行最后的调试。",
  "企业负责人表示，项目全部投产后，每年可新增产值四亿元，带动三百余人就业。",
  "开发区管委会建立了项目专班，对重点企业实行一对一服务，帮助协调用地、用电和融资难题。",
  "一季度，开发区规模以上工业增加值同比增长百分之九点六，增速位居全市前列。",
  "近日，县第一人民医院与省城一家三甲医院签订合作协议，共建远程会诊中心。",
  "通过视频系统，县里的患者不出远门就能得到省级专家的诊断意见，节省了时间和费用。",
  "医院还将定期选派骨干医生外出进修，提升心血管、肿瘤等专科的诊疗水平。",
  "今年春季学期，县城新建的实验小学正式投入使用，可提供一千八百个学位。",
  "学校配有图书馆、科学实验室和室内体育馆，课后服务开设了书法、编程、合唱等二十多门课程。",
  "不少家长说，孩子在家门口就能上好学校，接送也方便了许多。",
  "清明假期，临溪古镇迎来游客高峰，青石板老街上人头攒动，各类非遗展演吸引了众多目光。",
  "县文旅部门统计，三天假期全县共接待游客十六万人次，实现旅游收入九千余万元。",
  "为保障游客出行，交警部门在主要路口增派警力，并开通了从高铁站到古镇的旅游专线。",
  "连日来，县住建部门对城区老旧小区改造项目开展质量巡查，发现问题当场督促整改。",
  "今年全县计划改造老旧小区四十二个，涉及居民五千八百户，目前已有十五个小区开工。",
  "改造内容包括更换供水管网、加装电梯、增设停车位和充电桩，居民可以参与方案讨论。",
  "在溪口镇的一处河道整治现场，挖掘机正在清理淤泥，工人们忙着砌筑生态护岸。",
  "县水利局负责人介绍，整治完成后，这段河道的防洪标准将从十年一遇提高到二十年一遇。",
  "全县今年将完成中小河流治理六十公里，同步建设沿河步道和亲水平台。",
  "近年来，临溪县大力发展茶产业，全县茶园面积达到八万亩，茶农人均增收明显。",
  "在南山茶场，采茶工人手指翻飞，一芽一叶的嫩梢被轻轻放进竹篓。",
  "茶场负责人说，今年的头茶品质好、价格稳，线上订单比去年同期多了三成。",
  "县里还举办了茶文化节，邀请各地客商参加产销对接会，现场签约金额超过两亿元。",
];

const HEADLINES = [
  "抢抓农时春耕忙",
  "政务服务跑出加速度",
  "新项目加快投产达效",
  "远程会诊让群众少跑路",
  "新学校迎来首批学生",
  "古镇假期游人如织",
  "老旧小区换新颜",
  "治理河道筑牢防线",
  "一片茶叶富了一方百姓",
  "开发区一季度实现开门红",
  "全县农机化水平稳步提升",
  "家门口的好学校",
];

const KICKERS = ["全县上下凝心聚力谋发展", "聚焦民生实事", "奋力实现一季度开门红", "推进乡村全面振兴"];
const SUBHEADLINES = ["——我县推进重点项目建设综述", "——来自基层一线的报道", "——县城新建学校见闻", "——写在全县春耕生产现场"];
const NAMES = ["王明", "李华", "陈晓雨", "周立新", "赵敏", "孙浩然", "刘芳", "郑宇", "黄佳琪", "吴志刚"];
const CAPTIONS = [
  "农机手在东湖村驾驶插秧机作业。",
  "游客在古镇老街观看非遗展演。",
  "工人在新建生产线上调试设备。",
  "茶场工人采摘春茶。",
  "学生们在新学校的图书馆里阅读。",
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Split five columns into spans of one to three. */
function partition(random: () => number, columns: number): number[] {
  const spans: number[] = [];
  let left = columns;
  while (left > 0) {
    const span = Math.min(left, 1 + Math.floor(random() * 3));
    spans.push(span);
    left -= span;
  }
  return spans;
}

/** One page: rows of articles across a five-column grid. */
export function generatePage(seed: number): SpecPage {
  const random = rng(seed);
  const page: SpecPage = {
    width: 842,
    height: 1191,
    columns: 5,
    bodySize: 9,
    articles: [],
    furniture: [
      { text: "2025年4月8日 星期二", top: true },
      { text: "第3版", top: true },
      { text: "责任编辑 王小明", top: false },
    ],
  };
  if (random() < 0.5) page.margins = random() < 0.5 ? { stacked: "本报特稿" } : { rotated: "临溪日报社出版 本版责任编辑 王小明" };
  if (random() < 0.4) page.ad = { slogan: "临溪春茶上市欢迎选购", phone: "订购热线 0571-8888 6666" };
  const usedHeadlines = new Set<string>();
  for (let row = 0; row < 3; row++) {
    let column = 0;
    for (const span of partition(random, page.columns)) {
      // an unused headline (a one-column headline must stay display type, 12 pt or more, in 137 pt);
      // when none is left the columns stay empty
      const first = Math.floor(random() * HEADLINES.length);
      const headline = HEADLINES.map((_, k) => HEADLINES[(first + k) % HEADLINES.length]!).find(
        (h) => !usedHeadlines.has(h) && !(span === 1 && h.length > 11),
      );
      if (!headline) {
        column += span;
        continue;
      }
      usedHeadlines.add(headline);
      const spanWidth = span * 146.8 + (span - 1) * 12;
      const headlineSize = Math.min(span === 1 ? 16 : span === 2 ? 26 : 34, Math.floor((spanWidth - 10) / headline.length));
      const big = headlineSize >= 24;
      const letterSpaced = big && headline.length <= 8 && random() < 0.4 ? (random() < 0.5 ? "items" : "spaces") : undefined;
      const fitsSpaced = !letterSpaced || headline.length * headlineSize * 1.5 < spanWidth;
      const start = Math.floor(random() * SENTENCES.length);
      const count = span * (2 + Math.floor(random() * 3));
      const paragraphs: string[] = [];
      for (let i = 0; i < count; i += 2) {
        paragraphs.push(SENTENCES[(start + i) % SENTENCES.length]! + SENTENCES[(start + i + 1) % SENTENCES.length]!);
      }
      const a1 = pick(random, NAMES);
      const a2 = pick(random, NAMES.filter((n) => n !== a1));
      const bylineKind = random();
      const article: SpecArticle = {
        headline,
        paragraphs,
        column,
        span,
        headlineSize,
        ...(big && random() < 0.5 ? { kicker: pick(random, KICKERS) } : {}),
        ...(big && random() < 0.4 ? { subheadline: pick(random, SUBHEADLINES) } : {}),
        ...(bylineKind < 0.4
          ? { byline: { text: `本报讯（记者 ${a1}）`, names: [a1], alone: false } }
          : bylineKind < 0.75
            ? { byline: { text: `本报记者 ${a1} 通讯员 ${a2}`, names: [a1, a2], alone: true } }
            : {}),
        ...(span >= 2 && random() < 0.6
          ? { photo: { caption: pick(random, CAPTIONS), credit: `本报记者 ${a2} 摄`, credit_names: [a2], columns: Math.min(span, 2) } }
          : {}),
        ...(letterSpaced && fitsSpaced ? { letterSpaced: letterSpaced as "items" | "spaces" } : {}),
      };
      page.articles.push(article);
      column += span;
    }
  }
  return page;
}
