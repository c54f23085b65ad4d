/**
 * Page furniture of Chinese dailies: the words of section labels, header and footer lines,
 * continuation markers. Source: the page layouts of Chinese dailies, collected by hand for @yk.
 */

/** Words that make up section (page) labels: 时政·要闻, 经济·民生, 综合新闻, 国际新闻. */
export const SECTION_WORDS = [
  "要闻", "时政", "综合", "新闻", "经济", "民生", "社会", "文化", "体育", "国际", "国内", "地方", "城市", "乡村", "农村",
  "教育", "科技", "健康", "生活", "副刊", "专版", "专题", "评论", "理论", "观察", "视点", "财经", "法治", "政法",
  "旅游", "文体", "简讯", "短讯", "快讯", "图片新闻", "图说", "一周", "速览", "要闻简报", "娱乐", "广告", "公告", "副刊", "读书", "人物", "聚焦", "关注", "特刊", "时事", "党建", "镇街",
  "部门", "资讯", "今日", "周刊", "深度", "调查", "文艺", "艺术", "环球", "热点", "县域", "区域", "图片", "摄影",
];

/** Header and footer keywords: 责任编辑 X, 版式 X, 第3版, 2023年1月12日 星期四. */
export const STAFF_LINE_ROLES = ["责任编辑", "编辑", "责编", "校对", "版式", "版式设计", "美编", "组版", "审读", "审核", "制作", "统筹", "策划", "图片编辑", "排版"];

export const WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];
