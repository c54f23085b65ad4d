/**
 * Suffixes that end organization names, and stand-alone abbreviations of Chinese bodies.
 * Source: naming rules of Chinese enterprises (企业名称登记管理规定: 字号 + 行业 + 组织形式) and
 * the names of party, government and public bodies; collected by hand for @yk.
 */

/** Legal forms that end a company's full name. */
export const COMPANY_FORMS = ["股份有限公司", "有限责任公司", "有限公司", "集团有限公司", "集团股份有限公司", "集团公司", "总公司", "分公司", "公司", "集团", "合作社", "商行", "工作室", "事务所", "研究院", "研究所"];

/**
 * Industry words that end a company's short name (华拓科技, 锐达车业): 字号 (2–4 Han) + industry.
 * Only used with a preceding trade name of at least two characters.
 */
export const INDUSTRY_WORDS = [
  "科技", "车业", "汽车", "工贸", "实业", "机电", "电器", "电子", "电气", "机械", "制造", "控股", "股份", "集团",
  "五金", "工具", "智能", "新能源", "能源", "医药", "药业", "生物", "材料", "化工", "纺织", "服饰", "食品", "物流",
  "贸易", "地产", "置业", "建设", "建工", "传媒", "文化", "网络", "信息", "软件", "通信", "光电", "电机", "门业",
  "锁业", "工业", "农业", "银行", "证券", "保险", "航空", "钢铁", "水泥", "家居", "陶瓷", "塑业", "铝业", "铜业",
];

/** Endings of public bodies, institutions and associations. */
export const BODY_SUFFIXES = [
  "委员会", "常委会", "人民政府", "政府", "党委", "党组", "党支部", "支部", "总支", "纪委", "监委", "人大", "政协",
  "法院", "人民法院", "检察院", "人民检察院", "公安局", "派出所", "办公室", "办公厅", "管委会", "管理委员会", "指挥部",
  "领导小组", "工作组", "联合会", "总工会", "工会", "妇联", "团委", "共青团", "协会", "学会", "商会", "基金会", "研究会",
  "促进会", "委", "局", "厅", "部", "署", "处", "办", "中心", "大学", "学院", "中学", "小学", "幼儿园", "学校", "学堂",
  "医院", "卫生院", "诊所", "研究院", "研究所", "科学院", "社科院", "图书馆", "博物馆", "文化馆", "体育馆", "纪念馆",
  "美术馆", "青少年宫", "少年宫", "文化宫", "报社", "日报", "晚报", "电视台", "广播电台", "出版社", "通讯社", "杂志社",
  "银行", "信用社", "交易所", "军区", "部队", "武警", "队", "俱乐部", "党", "国务院", "议会", "联合国", "组织",
  // delegations, troupes and fleets sent by a country or city: 美国代表团, 中国艺术团
  "代表团", "代表队", "访问团", "考察团", "艺术团", "乐团", "剧团", "合唱团", "舰队", "编队", "联盟", "组委会", "理事会",
  // federations and associations by their usual short names: 残联, 足协, 文联
  "女排", "男排", "女篮", "男篮", "女足", "男足",
  "教委", "计委", "经委", "体委", "科委", "村委会", "居委会", "总厂", "分厂", "联校", "集训队", "登山队", "工作组",
  "残联", "足协", "作协", "文联", "侨联", "科协", "工商联", "青联", "学联", "台联", "田协", "篮协", "记协",
];

/**
 * Well-known abbreviations of bodies that carry no suffix (团市委, 中央, 新华社).
 * Prefix-less entries; place prefixes (湖州市委) are composed by the matcher.
 */
/**
 * Buildings and grounds: a name ending in one is a place, not a body (北京图书大厦, 中国美术馆,
 * 人民大会堂, 香港展览中心), as the People's Daily annotation guidelines have it.
 */
export const FACILITY_WORDS = [
  "大厦", "大楼", "广场", "饭店", "宾馆", "酒店", "大会堂", "会堂", "体育场", "体育馆", "美术馆", "博物馆", "纪念馆",
  "展览馆", "展览中心", "会展中心", "演艺中心", "机场", "车站", "火车站", "码头", "港口", "公园", "农庄", "山庄", "大剧院",
  "剧院", "航天城",
];

/** Words a newspaper's or magazine's name ends in, or that follow it: 《朝日新闻》, 《时代》周刊. */
export const MEDIA_WORDS = ["日报", "晚报", "时报", "早报", "周报", "新闻", "周刊", "月刊", "杂志", "画报", "报"];

export const BODY_ABBREVIATIONS = [
  "团市委", "团县委", "团省委", "团中央", "市人大", "市政协", "中共中央", "党中央", "国务院", "全国人大", "全国政协", "中纪委", "新华社", "中新社",
  "外交部", "国防部", "教育部", "财政部", "商务部", "公安部", "民政部", "科技部", "工信部", "文化部", "卫生部",
  "农业部", "国家计委", "国家经贸委", "人民银行", "解放军", "人民解放军", "联合国", "欧盟", "东盟", "世贸组织",
  "市政府党组", "市委常委会",
  // the party committee of the place the paper serves is one body, named by its level alone
  "市委", "县委", "省委", "区委",
  // legislatures, cabinets and armed services, named by their kind (美国国会, 海军少将)
  "国会", "内阁", "海军", "空军", "陆军", "武警",
];
