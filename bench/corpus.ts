/**
 * The benchmark corpus: deterministic pages printed by the test page composer from the
 * layout generator's paragraphs — several articles per page, widths 12–26, blank or single
 * line breaks, bylines, headlines (some after their body), teasers and section labels.
 */
import { composePage, type ArticleSpec, type PageSpec } from "../packages/article-split/src/test-utils/compose.ts";
import { corpusParagraph } from "../packages/reflow/src/test-utils/corpus.ts";
import { createRandom } from "../packages/reflow/src/test-utils/random.ts";

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘";
const GIVEN = "明华建国立新志强海涛丽萍晓燕文博思远雅琳俊杰欣怡子涵浩然";
const HEADLINES = ["聚焦项目建设 推动高质量发展", "优化营商环境 激发市场活力", "民生实事提速增效", "乡村振兴绘新景", "守牢安全生产底线", "科技创新赋能产业升级", "城市更新惠民生", "文化惠民暖人心"];
const SECTIONS = ["时政·要闻", "经济·民生", "综合新闻", "城市·社会", "文化·体育"];

function name(r: () => number): string {
  return SURNAMES[Math.floor(r() * SURNAMES.length)]! + GIVEN[Math.floor(r() * GIVEN.length)]! + (r() < 0.6 ? GIVEN[Math.floor(r() * GIVEN.length)]! : "");
}

export function corpusPage(index: number): string {
  const r = createRandom(1000 + index);
  let p = index * 37;
  const articles: ArticleSpec[] = [];
  const count = 3 + Math.floor(r() * 4);
  for (let a = 0; a < count; a++) {
    if (r() < 0.15) {
      articles.push({ kind: "teaser", headline: HEADLINES[Math.floor(r() * HEADLINES.length)]! });
      continue;
    }
    const paragraphs = Array.from({ length: 3 + Math.floor(r() * 6) }, () => corpusParagraph(p++ % 2000));
    articles.push({
      kind: "news",
      kicker: r() < 0.4 ? `${name(r)}在调研时强调` : undefined,
      headline: HEADLINES[Math.floor(r() * HEADLINES.length)]!,
      bylineInline: r() < 0.7 ? `本报讯（记者 ${name(r)}）` : undefined,
      bylineLine: undefined,
      paragraphs,
      headlineAfterBody: r() < 0.15,
    });
  }
  const spec: PageSpec = {
    name: `bench-${index}`,
    width: 12 + Math.floor(r() * 15),
    seed: 5000 + index,
    separator: r() < 0.6 ? "blank" : "single",
    section: SECTIONS[index % SECTIONS.length]!,
    furniture: [{ text: SECTIONS[index % SECTIONS.length]!, kind: "section", before: 1 }],
    articles,
  };
  return composePage(spec);
}

/** Pages until their UTF-8 size reaches `bytes`. */
export function corpusPages(bytes: number): string[] {
  const pages: string[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const page = corpusPage(i);
    pages.push(page);
    total += Buffer.byteLength(page, "utf8");
  }
  return pages;
}
