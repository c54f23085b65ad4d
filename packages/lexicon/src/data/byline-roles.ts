/**
 * Roles that stand before a contributor's name in Chinese newspaper bylines and credits.
 * Source: the usage of Chinese dailies (本报记者, 融媒记者, 通讯员 …), collected by hand for @yk.
 * Longest first is not required: the matcher sorts.
 */
export type ContributorKind = "author" | "photographer" | "correspondent" | "editor";

/** Role word → kind of contributor. Prefixes such as 本报/融媒/首席/特约/见习 combine with these. */
export const BYLINE_ROLES: Readonly<Record<string, ContributorKind>> = {
  记者: "author",
  首席记者: "author",
  特约记者: "author",
  见习记者: "author",
  实习记者: "author",
  驻站记者: "author",
  通讯员: "correspondent",
  特约通讯员: "correspondent",
  实习生: "author",
  作者: "author",
  撰稿: "author",
  文: "author",
  摄影: "photographer",
  摄影记者: "photographer",
  摄像: "photographer",
  图: "photographer",
  摄: "photographer",
  编辑: "editor",
  责任编辑: "editor",
  责编: "editor",
  校对: "editor",
  版式: "editor",
  美编: "editor",
  制图: "editor",
  审核: "editor",
  审校: "editor",
};

/** Words that may stand before a role: 本报记者, 融媒首席记者, 新华社记者, 央视记者 … */
export const BYLINE_ROLE_PREFIXES = ["本报", "融媒", "全媒体", "新媒体", "本台", "本刊", "新华社", "中新社", "人民日报", "首席", "特约", "见习", "实习", "资深", "驻站", "报社"];

/** Wire and paper datelines: 本报讯, 本报北京3月24日电, 新华社北京1月11日电 */
export const DATELINE_AGENCIES = ["本报", "新华社", "中新社", "中新网", "人民网", "新华网", "央视网", "法新社", "路透社", "美联社"];
