/**
 * Knowledge for recognizing names in running text. Source: common usage of Chinese news
 * writing and the transliteration tables of foreign names (外国人名译名), collected by hand
 * for @yk; none is taken from an annotated evaluation set.
 */

/** Characters used to transliterate foreign names and places (克林顿, 布莱尔, 阿拉法特). */
export const TRANSLITERATION_CHARS = [
  ...new Set(
    "阿埃艾爱安昂敖奥巴芭拔白拜班邦保堡鲍贝本比彼毕庇宾滨波玻伯泊勃博布查察柴彻楚茨慈达戴黛丹道德登迪笛蒂丁东杜敦顿多朵厄恩尔法凡菲斐费芬丰弗伏福甫冈戈哥格葛根贡古瓜圭哈海亥汉豪赫亨洪胡华霍基吉季加嘉贾杰捷金喀卡凯坎康考柯科克肯库夸奎昆拉腊莱赖兰朗劳勒雷蕾黎里丽利莉连列林琳隆卢鲁路伦罗洛吕马玛迈麦曼芒梅门蒙米密缪摩莫默姆穆纳娜奈南内尼妮涅宁纽努诺欧帕派潘佩彭皮珀普齐奇恰乔切钦琴丘萨塞赛桑瑟森沙莎尚绍舍什施史舒斯丝松苏索塔泰坦汤特滕提汀通图托瓦旺威韦维温沃乌伍西希锡夏谢辛休雅亚扬耶伊依因英尤约泽扎詹卓兹佐" +
      // more of the characters the Xinhua transliteration tables use
      "艾敖巴邦贝毕波伯布策达黛丹德迪蒂杜多厄尔法费弗盖戈格古哈赫胡霍吉加贾杰卡凯坎科克库拉莱兰朗勒雷里利列林卢鲁伦罗洛马麦曼梅蒙米莫穆纳内尼涅努诺帕佩皮普奇乔切萨塞桑沙舍斯索塔泰特图瓦威韦维沃乌西谢亚扬耶伊尤泽扎茨娃琼延若柯沃霍芙丝蕾薇黛莎娅妮丽琳露婭璐佳夫龙朔别默恩万柏翰唐得",
  ),
].join("");

/**
 * Characters common in Chinese given names. Source: frequency lists of given-name characters
 * in public population statistics, collected by hand for @yk. A candidate name whose given
 * part uses none of them needs other evidence.
 */
export const GIVEN_NAME_CHARS = [
  ...new Set(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉宇浩鹏飞波云海林晓峰鑫琳凤梅宁亮俊成东雪燕荣颖婷倩慧欣佳琪晨阳春雷龙新光丹莉婧丰瑞坤彬健鸿清德永福祥生胜利民立安和谦晶璐萌瑶媛雯怡馨悦嘉佩娴淑珍贞惠凯帆博锋龙毅旭昊然哲轩睿泽瀚航洁薇蕾琦琴璇露翠兵虎彪泉江河川山岩石松柏竹梅菊兰桃莲荷芝蓉萱芸莹菲蓓蕊薇茜茹荔香馨秋冬夏季晴朗曦昕旻暄智慧聪敬贤良仁义礼信忠孝廉勤俭宏伯仲叔达远鸣振兴旺发财富贵庆喜乐欢笑美善真诚" +
      // more characters frequent in given names of men and women born since the 1930s
      "小一中正耀康庆峻宏斌翔锐坚奇豪威武全友仁才学顺泰运通楠桐柳枫虹彩凡远骏驰腾跃雄钢锦钰铮银宝珠瑜瑾琼珊瑛璋琛琰祺禄寿恩爱心意诚洁朴实温柔蔼宽厚芬蕙苓莺鹃鹤凰鹰麟骐骥驹培育世久元启迪先进登升盛昌隆茂煌灿照映青碧朱彦晖晔曙景皓煜炜烨焱熙征政治定泰岳峻岭崇嵩巍岩坤城堂基墨境夏原宗宪家宸宜宣容寅实尊川州巧帅希庭廷弘念恒恬愉慕扬昀昂星晋晗晟普曼朋望朝杉杭栋树根桦梁梓森楷歌毓汉池沁沛沐津洲润涵深渊湘源溪滨潇潮澄澜灏炳焕爽牧玮环珂珑生田甲申畅百益眉砚硕祖禾秉科程穗竞童端策素紫纯维绮继绪群羽翰舒艺芊茂茵荃菁萌蓓蔚虹衡裕誉豫资赛越路辰迎逸邦郁野钧铭镇闻阁雁集霖霞靖韬韵颂颐风飘骅魁鼎齐孟季守克双亚淼启旭奎魁彩娣妹英姣姿娇婉嫣媚妙嬿金钱",
  ),
].join("");

/** A character that follows a name but ends no name: 王明说, 薛原报道. */
export const NAME_FOLLOWERS = "来说在到是和与的等也就都又向对为将把被从了着过表指强认要于今昨前赴率带同深一先亲报称称等";

/** Words after a name that show it is one: 王明说, 李华表示, 张三同志. */
export const PERSON_CUES_AFTER = [
  "说", "表示", "指出", "认为", "强调", "介绍", "告诉", "透露", "坦言", "回忆", "同志", "先生", "女士", "小姐",
  "老人", "夫妇", "一行", "等人", "本人", "家", "主持", "会见", "出席", "宣布", "称", "答", "问",
];

/**
 * Titles and honorifics that follow a bare surname as a form of address: 李老师, 郑先生, 毛主席,
 * 唐外长 (the surname alone is the name). Occupations that do not address (代表, 委员, 记者) are
 * left out: 党代表 is no person 党.
 */
export const TITLES_OF_ADDRESS = [
  "先生", "女士", "小姐", "太太", "夫人", "老师", "师傅", "同志", "大爷", "大妈", "阿姨", "大姐", "大哥",
  "主席", "总书记", "书记", "总理", "部长", "省长", "市长", "县长", "区长", "镇长", "乡长", "村长", "主任",
  "局长", "厅长", "处长", "科长", "司长", "校长", "院长", "所长", "厂长", "站长", "馆长", "社长", "行长",
  "会长", "经理", "总经理", "董事长", "总裁", "总统", "首相", "外长", "大使", "教授", "院士", "博士", "医生",
  "大夫", "律师", "教练", "队长", "团长", "师长", "军长", "司令", "政委",
];
/** One-character forms of address after a surname, only in words the segmenter does not know: 郑某, 胡老, 王总. */
export const SHORT_FORMS_OF_ADDRESS = "某老总";
/** Doctrines named after a person: 邓小平理论, 马克思主义, 毛泽东思想 (the name is a person). */
export const DOCTRINE_WORDS = ["理论", "思想", "主义"];
/** What a one-character country abbreviation heads, the country standing for its people: 中方, 俄政府, 美军. */
export const ABBREVIATION_HEADS = ["方", "政府", "总统", "总理", "外长", "军", "军方"];

/** Verbs that take a one-character abbreviation of China or a Chinese place: 访华, 在京, 赴港. */
export const ABBREVIATION_VERBS = "访来驻在抵离赴旅援对侵反晋进返回";
/** Verbs of travel and posting that take a one-character country abbreviation: 访美, 驻日, 赴俄. */
export const TRAVEL_VERBS = "访驻赴抵离";
/** One-character abbreviations of China and Chinese cities and regions. */
export const CHINA_ABBREVIATIONS = "华京沪津渝港澳台";
/** One-character abbreviations of countries and continents, used in pairs (中美关系) or after travel verbs. */
export const COUNTRY_ABBREVIATIONS = "中美日俄英法德韩朝印巴以越泰意加澳欧非苏葡";

/**
 * Words that begin with a place's one-character name, which stands for the place in them (华侨:
 * 华 is China, 京剧: 京 is Beijing, 台资: 台 is Taiwan) — the People's Daily annotation marks that
 * character as a place. Source: common words of Chinese news, collected by hand for @yk.
 */
export const ABBREVIATED_PLACE_WORDS = [
  "华侨", "华人", "华裔", "华商", "华工", "华埠", "京剧", "京戏", "京腔", "京味", "沪剧", "港人", "港商", "港资",
  "台胞", "台商", "台资", "澳人", "中药", "中医", "中医药", "中草药", "中西医", "藏区", "藏胞", "藏药", "藏医",
  "川菜", "粤菜", "粤语",
  // (not currencies: 美元, 日元 and 港币 are money, the annotation marks no place in them)
];
/** Words after a pair of country abbreviations that make the pair two places: 中美关系, 印巴谈判. */
export const RELATION_WORDS = [
  "关系", "两国", "三国", "双方", "合作", "会谈", "谈判", "贸易", "经贸", "友好", "友谊", "之间", "首脑", "元首", "峰会",
  "联合", "战略", "边境", "外长", "建交", "对话", "磋商", "高层", "两军", "人民", "军事", "共同", "双边",
];

/** Words that look like places to a segmenter but name no place (jieba tags some of them ns). */
export const GENERIC_PLACE_WORDS = [
  "城市", "农村", "山区", "海洋", "外国", "两国", "大国", "各国", "本国", "他国", "异国", "祖国", "国内", "国外",
  "海外", "内地", "边疆", "地方", "当地", "本地", "外地", "城乡", "乡村", "山水", "沿海", "内陆", "世界", "全球",
  "全国", "天下", "人间", "家乡", "故乡", "老家", "基层", "边境", "街头", "市场", "社区", "小区", "山村", "城里",
  "乡下", "北方", "南方", "东方", "西方", "塞外", "海内外", "大陆", "东部", "西部", "中部",
  "上市", "上游", "下游", "前方", "后方",
  // words of sport, order and daily life that jieba's dictionary files as places
  "上半场", "下半场", "治安", "大桥", "大街", "城镇", "小城镇", "小镇", "乡镇", "大城市", "平原", "古都", "海港", "海峡", "南北", "东西", "回国",
  "福利", "普及", "长达", "滑坡", "黑洞", "西瓜",
  // festivals and seasons, times of the year rather than places (jieba files some as ns)
  "新春", "春节", "元旦", "元宵", "元宵节", "清明", "清明节", "端午", "端午节", "中秋", "中秋节", "国庆", "国庆节",
  "重阳", "重阳节", "除夕", "新年", "年关", "岁末", "年初", "年底", "开春", "入冬", "立春", "立秋",
];

/** Bodies named only by their kind (市政府, 县委): references, not names, unless a place name precedes them. */
export const GENERIC_BODY_WORDS = [
  "政府", "市政府", "县政府", "省政府", "区政府", "镇政府", "乡政府", "党委", "党组",
  "公安局", "派出所", "法院", "检察院", "党组织", "公司", "保险公司", "银行", "学校", "医院", "大学", "中学", "小学",
  "工会", "部门", "机关", "党政机关", "政府部门", "企业", "工厂", "合作社", "委员会", "代表团", "协会", "学会", "中心",
  "出版社", "办公室", "俱乐部", "博物馆", "图书馆", "纪念馆", "领导小组", "联合会", "足球队", "篮球队", "球队", "游击队",
  "登山队", "代表队", "研究所", "研究院", "报社", "杂志社", "电视台", "电台", "大会", "会议", "政府机关",
];

/** Heads that make no organization name in news usage, whatever precedes them (中国政府 is 中国 + a generic 政府). */
export const NON_NAMING_HEADS = ["政府", "人民政府", "当局", "方面"];

/**
 * Organizations known by a name without a suffix: international bodies and well-known companies.
 * Source: common knowledge of world news, collected by hand for @yk.
 */
export const KNOWN_ORGANIZATIONS = [
  "联合国", "安理会", "北约", "欧盟", "东盟", "非统", "非盟", "阿盟", "欧佩克", "世贸组织", "世界银行", "国际货币基金组织",
  "亚行", "亚洲开发银行", "世卫组织", "世界卫生组织", "国际奥委会", "亚奥理事会", "国际足联", "亚足联", "红十字会",
  "新华社", "中新社", "路透社", "美联社", "法新社", "共同社", "塔斯社", "微软", "英特尔", "苹果公司", "谷歌", "丰田",
  "索尼", "松下", "三星", "通用汽车", "福特", "波音", "空客", "西门子", "诺基亚", "摩托罗拉", "国际商用机器公司",
  "华为", "联想", "海尔", "中兴", "阿里巴巴", "腾讯", "百度", "中石油", "中石化", "国家电网", "中国移动", "中国联通",
  // (names that are also common words — 现代, 大众 — are left out: they would match 现代化, 大众化)
];
