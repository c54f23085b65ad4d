/**
 * Chinese surnames. Source: the common single surnames of the Baijiaxing (百家姓) and the
 * most frequent surnames of mainland population statistics, plus the classical compound
 * surnames; collected by hand for @yk. Order does not matter.
 */
export const SINGLE_SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由" +
  // more surnames of the Baijiaxing frequent in news names (傅, 洪, 阎, 钮); not ones that are common words' first characters (全, 应, 宣)
  "傅洪阎钮郅恽竺习";

export const COMPOUND_SURNAMES = [
  "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
  "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "万俟", "澹台", "公冶", "太史", "申屠", "钟离", "闻人",
];

/**
 * Common Japanese family names of two or three characters, as Chinese news writes them (佐藤, 桥本,
 * 岸田). One-character ones (林, 森, 原, 菅) are left out: they read as Chinese surnames.
 * Source: frequency lists of Japanese surnames and the names of post-war prime ministers.
 */
export const JAPANESE_SURNAMES = [
  "佐藤", "铃木", "高桥", "田中", "渡边", "伊藤", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐佐木", "山口",
  "松本", "井上", "木村", "清水", "山崎", "阿部", "池田", "桥本", "山下", "石川", "中岛", "前田", "藤田", "小川",
  "后藤", "冈田", "长谷川", "村上", "近藤", "石井", "坂本", "远藤", "青木", "藤井", "西村", "福田", "太田", "三浦",
  "藤原", "冈本", "松田", "中川", "中野", "原田", "小野", "田村", "竹内", "金子", "和田", "中山", "石田", "上田",
  "森田", "柴田", "酒井", "工藤", "横山", "宫崎", "宫本", "内田", "高木", "安藤", "岛田", "谷口", "大野", "高田",
  "丸山", "今井", "河野", "藤本", "村田", "武田", "上野", "杉山", "增田", "小山", "大冢", "平野", "菅原", "久保",
  "松井", "千叶", "岩崎", "樱井", "木下", "野口", "松尾", "菊地", "野村", "新井", "渡部", "岸田", "小渊", "鸠山",
  "麻生", "安倍", "小泉", "宫泽", "海部", "细川", "羽田", "村山", "野田", "石破", "二阶", "小池", "久间", "竹下",
  "中曾根", "田中", "三木", "大平", "铃木", "佐藤", "吉田", "岸", "池田",
].filter((n) => n.length >= 2);
