/**
 * Pages written for the tests: other people, places, widths, separators, orders, byline
 * forms, briefs, teasers, headers and continuation markers than the seed page. Each spec is
 * the hand-checked expected parse of the page `composePage` prints from it
 * (committed as test/fixtures/pages/<name>.txt).
 */
import type { PageSpec } from "./compose.js";

export const PAGES: PageSpec[] = [
  {
    name: "county-briefs",
    width: 13,
    seed: 301,
    separator: "blank",
    section: "综合新闻",
    furniture: [
      { text: "2023年5月8日 星期一", kind: "date", before: 0 },
      { text: "综合新闻", kind: "section", before: 0 },
      { text: "简讯", kind: "section", before: 1 },
      { text: "第2版", kind: "page-number", before: 4 },
    ],
    articles: [
      {
        kind: "news",
        kicker: "县政府召开第十二次常务会议",
        headline: "聚力项目攻坚 全力稳住经济大盘",
        subheadline: "——会议研究部署二季度重点工作",
        bylineInline: "本报讯（记者 钱晓燕 通讯员 邵立群）",
        contributors: [
          { name: "钱晓燕", role: "记者", kind: "author" },
          { name: "邵立群", role: "通讯员", kind: "correspondent" },
        ],
        paragraphs: [
          "5月6日，县长周建平主持召开县政府第十二次常务会议，听取一季度经济运行情况汇报，研究部署下阶段重点工作。",
          "会议指出，一季度全县经济实现平稳开局，但也面临需求收缩、预期转弱等压力，必须以更大力度抓项目、稳投资、促消费。",
          "会议强调，要紧盯全年目标任务，建立重大项目周调度机制，确保二季度新开工项目不少于15个，完成投资45亿元以上。",
          "会议还研究了其他事项。",
        ],
      },
      {
        kind: "brief",
        headline: "桃源镇举办农民丰收节",
        bylineTrailing: "（记者 孔令辉）",
        contributors: [{ name: "孔令辉", role: "记者", kind: "author" }],
        paragraphs: ["5月5日，桃源镇第三届农民丰收节开幕，200余名农户带来了茶叶、笋干、蜂蜜等特色农产品，当天销售额达36万元。"],
      },
      {
        kind: "brief",
        headline: "县图书馆延长开放时间",
        bylineTrailing: "（通讯员 聂思远）",
        contributors: [{ name: "聂思远", role: "通讯员", kind: "correspondent" }],
        paragraphs: ["从5月起，县图书馆每周二至周日的开放时间延长至晚上9点，方便上班族和学生借阅图书。"],
      },
      {
        kind: "brief",
        headline: "城北污水处理厂二期投运",
        bylineTrailing: "（记者 钱晓燕）",
        contributors: [{ name: "钱晓燕", role: "记者", kind: "author" }],
        paragraphs: ["近日，城北污水处理厂二期工程正式投入运行，新增日处理能力3万吨，出水水质达到一级A标准。"],
      },
    ],
  },
  {
    name: "wire-displaced",
    width: 21,
    seed: 302,
    separator: "single",
    section: "国内·国际",
    furniture: [{ text: "国内·国际", kind: "section", before: 1 }],
    articles: [
      {
        kind: "news",
        headline: "长三角铁路五一假期发送旅客创新高",
        bylineInline: "新华社上海5月4日电（记者 贺立新、蒋琳）",
        contributors: [
          { name: "贺立新", role: "记者", kind: "author" },
          { name: "蒋琳", role: "记者", kind: "author" },
        ],
        paragraphs: [
          "记者从中国铁路上海局集团有限公司获悉，五一假期长三角铁路累计发送旅客1620万人次，同比增长62.4%，单日最高发送旅客达到358万人次。",
          "为应对客流高峰，铁路部门加开旅客列车1100余列，并在上海虹桥、杭州东、南京南等车站增设临时售票窗口和爱心服务台。",
        ],
        headlineAfterBody: true,
      },
      {
        kind: "photo",
        kicker: "春耕时节农机唱主角",
        headline: "田间地头忙插秧",
        tightHeadline: true,
        credit: "本报记者 郁文涛 摄",
        creditFirst: true,
        contributors: [{ name: "郁文涛", role: "本报记者", kind: "photographer" }],
        captions: ["5月3日，西岙村的种粮大户驾驶插秧机在田间作业。眼下正值早稻插秧时节，全县已完成早稻种植8.6万亩。"],
      },
    ],
  },
  {
    name: "livelihood-crlf",
    knownDivergence: "the role model reads 让群众少跑腿 / 政务服务实现“一窗通办” as one headline wrapped over two lines",
    width: 24,
    seed: 303,
    separator: "blank",
    crlf: true,
    section: "民生·服务",
    furniture: [
      { text: "民生·服务", kind: "section", before: 0 },
      { text: "责任编辑 周敏 校对 吴昊", kind: "staff", before: 2 },
    ],
    articles: [
      {
        kind: "news",
        headline: "老旧小区加装电梯提速",
        bylineLine: "本报记者 霍思琪",
        contributors: [{ name: "霍思琪", role: "本报记者", kind: "author" }],
        paragraphs: [
          "今年以来，市住房和城乡建设局把老旧小区加装电梯列入民生实事项目，简化审批流程，对每台电梯给予20万元补助。",
          "截至4月底，全市已有86台电梯完成安装并投入使用，另有124台正在施工，预计年底前可惠及居民1.2万户。",
          "家住幸福里小区的樊阿姨今年72岁，她说：“以前上下楼要歇好几回，现在按个按钮就到家了。”",
        ],
        continuedTo: "3",
      },
      {
        kind: "news",
        kicker: "让群众少跑腿",
        headline: "政务服务实现“一窗通办”",
        bylineLine: "记者 庞雪梅 实习生 符佳怡",
        contributors: [
          { name: "庞雪梅", role: "记者", kind: "author" },
          { name: "符佳怡", role: "实习生", kind: "author" },
        ],
        paragraphs: [
          "记者日前从市行政服务中心了解到，中心已将42个部门的568个事项纳入综合受理窗口，办事群众只需在一个窗口提交材料。",
          "据统计，改革后群众平均办事时间缩短了40%，窗口数量减少了三分之一。",
        ],
      },
    ],
  },
  {
    name: "narrow-continued",
    width: 11,
    seed: 304,
    separator: "blank",
    section: "要闻",
    furniture: [{ text: "要闻", kind: "section", before: 0 }],
    articles: [
      {
        kind: "news",
        headline: "乡村振兴观察团走进南岭村",
        continuedFrom: "1",
        paragraphs: [
          "在南岭村的共富工坊里，几十位村民正在加工出口的竹编工艺品，每人每月能增收2000多元。",
          "村党支部书记尹国栋告诉观察团成员，村里去年引进了两家竹制品企业，村集体经济收入突破了150万元。",
        ],
      },
    ],
  },
  {
    name: "wide-latin",
    knownDivergence: "the role model (CRF) reads the photo story's title 机器人“上岗”流水线 — one short line, one paragraph, a 文/摄 credit — as an in-article subhead of the story before it",
    width: 28,
    seed: 305,
    separator: "blank",
    justify: 0.15,
    section: "科技·创新",
    furniture: [{ text: "科技·创新", kind: "section", before: 0 }],
    articles: [
      {
        kind: "news",
        headline: "本土企业牵头制定国际标准",
        bylineInline: "本报讯（融媒记者 卓雅丽 通讯员 章若琳 汤志伟）",
        contributors: [
          { name: "卓雅丽", role: "融媒记者", kind: "author" },
          { name: "章若琳", role: "通讯员", kind: "correspondent" },
          { name: "汤志伟", role: "通讯员", kind: "correspondent" },
        ],
        paragraphs: [
          "近日，由华拓智能装备股份有限公司牵头制定的ISO 23125国际标准正式发布，这是我市企业首次主导制定国际标准。",
          "公司总经理蔡明远介绍，该标准历时3年完成，来自Germany、Japan等8个国家的专家参与了起草，公司研发投入累计超过8000万元。",
          "据了解，今年我市将新增国家级专精特新“小巨人”企业10家以上，研发经费投入强度力争达到3.5%。",
        ],
      },
      {
        kind: "photo",
        headline: "机器人“上岗”流水线",
        credit: "严可欣 文/摄",
        contributors: [{ name: "严可欣", role: "文/摄", kind: "photographer" }],
        captions: ["在经济技术开发区一家汽车零部件企业的车间里，工业机器人正在进行焊接作业。"],
      },
    ],
  },
  {
    name: "displaced-teasers",
    knownDivergence: "the role model reads the two teasers after a displaced group as the kicker of the next story",
    width: 16,
    seed: 306,
    separator: "blank",
    section: "时政·要闻",
    furniture: [{ text: "时政·要闻", kind: "section", before: 1 }],
    articles: [
      {
        kind: "news",
        kicker: "邬海峰在调研安全生产工作时强调",
        headline: "压实责任链条 守牢安全底线",
        bylineInline: "本报讯（融媒首席记者 房晓东）",
        contributors: [{ name: "房晓东", role: "融媒首席记者", kind: "author" }],
        paragraphs: [
          "5月9日，市委副书记邬海峰带队检查安全生产工作，先后来到建筑工地、危化品企业和人员密集场所，详细察看隐患整改情况。",
          "邬海峰强调，安全生产责任重于泰山，各级各部门要层层压实责任，做到排查到位、整改到位，坚决防范各类事故发生。",
        ],
        headlineAfterBody: true,
      },
      { kind: "teaser", headline: "打好污染防治攻坚战 建设美丽宜居新城" },
      { kind: "teaser", headline: "图书馆里书香浓" },
      {
        kind: "news",
        kicker: "常务副市长甘立军赴企业走访",
        headline: "精准服务助企纾困",
        tightHeadline: true,
        bylineInline: "本报讯（融媒记者 殷梦婷）",
        contributors: [{ name: "殷梦婷", role: "融媒记者", kind: "author" }],
        paragraphs: [
          "5月8日，市委常委、常务副市长甘立军走访了锐达电器和博恒汽配，了解企业订单、用工和融资情况。",
          "甘立军指出，要用心用情做好服务，帮助企业解决实际困难，推动经济运行持续回升向好。",
        ],
      },
    ],
  },
];
