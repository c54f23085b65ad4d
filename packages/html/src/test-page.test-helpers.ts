import { createHash } from "node:crypto";
import { SCHEMA_VERSION, type Page, type Span } from "@yk/schema";

/** The span of the n-th occurrence of `part` in `raw` (n from 0). */
export function spanOf(raw: string, part: string, n = 0): Span {
  let at = -1;
  for (let k = 0; k <= n; k++) at = raw.indexOf(part, at + 1);
  if (at < 0) throw new Error(`not in the raw text: ${part}`);
  return { start: at, end: at + part.length };
}

/**
 * A small page written for these tests, with its raw text: a kicker, a headline, a byline, two
 * paragraphs (the first broken over two lines), a person with a title, an organization and a date.
 */
export function smallPage(raw = "市政府召开常务会议\n\n研究部署春季农业生产\n\n本报讯（记者 林晓）\n\n3月2日，副市长周明主持会议，\n听取市农业农村局汇报。\n\n会议要求抓好春耕备耕。\n\n第2版\n"): Page {
  const p0 = spanOf(raw, "3月2日");
  const p0End = spanOf(raw, "汇报。");
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { name: "small.txt", length: raw.length, sha256: createHash("sha256").update(raw).digest("hex"), text: raw },
    publication: { date: "2024-03-03", page: 2 },
    section: null,
    articles: [
      {
        id: "a1",
        kind: "news",
        kicker: "市政府召开常务会议",
        headline: "研究部署春季农业生产",
        subheadline: null,
        fieldSpans: { kicker: [spanOf(raw, "市政府召开常务会议")], headline: [spanOf(raw, "研究部署春季农业生产")], subheadline: [] },
        byline: {
          text: "本报讯（记者 林晓）",
          contributors: [{ name: "林晓", role: "记者", kind: "author" }],
          spans: [spanOf(raw, "本报讯（记者 林晓）")],
        },
        paragraphs: [
          { text: "3月2日，副市长周明主持会议，听取市农业农村局汇报。", spans: [{ start: p0.start, end: p0End.end }] },
          { text: "会议要求抓好春耕备耕。", spans: [spanOf(raw, "会议要求抓好春耕备耕。")] },
        ],
        captions: [],
        entities: [
          { type: "date", text: "3月2日", normalized: "2024-03-02", mentions: [{ field: "paragraph", index: 0, start: 0, end: 4 }] },
          { type: "person", text: "周明", titles: ["副市长"], mentions: [{ field: "paragraph", index: 0, start: 8, end: 10 }] },
          { type: "organization", text: "市农业农村局", mentions: [{ field: "paragraph", index: 0, start: 17, end: 23 }] },
          { type: "organization", text: "市政府", mentions: [{ field: "kicker", start: 0, end: 3 }] },
          { type: "person", text: "林晓", titles: ["记者"], mentions: [{ field: "byline", start: 7, end: 9 }] },
        ],
      },
    ],
    furniture: [{ kind: "page-number", text: "第2版", spans: [spanOf(raw, "第2版")] }],
    unassigned: [],
    warnings: [{ code: "headline-after-body", message: "a test warning", spans: [spanOf(raw, "研究部署春季农业生产")] }],
  };
}
