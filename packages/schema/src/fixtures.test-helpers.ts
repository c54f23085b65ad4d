import { createHash } from "node:crypto";
import { SCHEMA_VERSION, type Page } from "./model.js";

/**
 * A hand-built page with the content of the seed page's expected parse (../shared/seed/EXPECTED.md),
 * trimmed to what the schema tests need. Spans are illustrative but consistent (start < end).
 */
export function handBuiltSeedPage(): Page {
  const raw = "seed";
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { name: "seed-page.txt", length: 2614, sha256: createHash("sha256").update(raw).digest("hex") },
    publication: { date: "2023-01-12" },
    section: "时政·要闻",
    articles: [
      {
        id: "a1",
        kind: "photo",
        kicker: null,
        headline: "“青苗学堂”寒假公益托管班开课啦",
        subheadline: null,
        byline: null,
        paragraphs: [],
        captions: [
          {
            text: "1月11日，团市委、市青少年宫联合开办的“青苗学堂”寒假公益托管班开课。托管时间从1月11日到1月18日，分上午下午2个班，内容为作业辅导和各种手工制作。",
            spans: [{ start: 20, end: 111 }],
            credit: { text: "融媒记者 卢斌 摄", contributors: [{ name: "卢斌", role: "融媒记者", kind: "photographer" }], spans: [{ start: 113, end: 122 }] },
          },
        ],
        entities: [
          { type: "organization", text: "团市委", mentions: [{ field: "caption", index: 0, start: 6, end: 9 }] },
          { type: "date", text: "1月11日", normalized: "2023-01-11", mentions: [{ field: "caption", index: 0, start: 0, end: 5 }] },
        ],
      },
      {
        id: "a2",
        kind: "news",
        kicker: "章旭升在开展“四大双千”活动时指出",
        headline: "用心解难争主动 助企发展抢先机",
        subheadline: null,
        byline: {
          text: "本报讯（融媒首席记者 陈晓苏）",
          dateline: { text: "本报讯", agency: "本报", place: null, date: null },
          contributors: [{ name: "陈晓苏", role: "融媒首席记者", kind: "author" }],
          spans: [{ start: 124, end: 139 }],
        },
        paragraphs: [{ text: "1月11日下午，市委书记章旭升深入经济开发区企业。", spans: [{ start: 141, end: 170 }] }],
        captions: [],
        entities: [
          { type: "person", text: "章旭升", titles: ["市委书记"], mentions: [{ field: "paragraph", index: 0, start: 12, end: 15 }] },
          { type: "location", text: "永康", mentions: [{ field: "paragraph", index: 0, start: 20, end: 22 }] },
        ],
      },
      {
        id: "t1",
        kind: "teaser",
        kicker: null,
        headline: "合理安排“三生”空间 努力创造“四宜”环境",
        subheadline: null,
        byline: null,
        paragraphs: [],
        captions: [],
        entities: [],
      },
    ],
    furniture: [{ kind: "section", text: "时政·要闻", spans: [{ start: 1519, end: 1524 }] }],
    unassigned: [],
    warnings: [],
  };
}
