// People's Daily pages (pd-pages.mjs; third-party text, read from ../shared and never committed)
// printed to PDF by @yk/pdf's test page composer, so that the layout evaluation can score the text
// each PDF extractor gives of them. The PDF and the extracted text live in memory only.
//
// The articles of a page keep their order and are set on a five-column grid, row after row, each
// over one to three columns by its length; what does not fit the page is left out (the composer
// returns what it printed, which is the gold).
import { composePage } from "./compose-page.mjs";

/** Columns an article spans: long text and long headlines take more. */
function spanOf(a) {
  const chars = a.paragraphs.reduce((n, p) => n + p.text.length, 0);
  const byText = chars > 1200 ? 3 : chars > 500 ? 2 : 1;
  const byHeadline = Math.ceil(Array.from(a.headline ?? "").length / 9);
  return Math.max(1, Math.min(3, Math.max(byText, byHeadline)));
}

const DATELINE = /(?:讯|电)/;

/**
 * A SpecPage of one composed People's Daily page (composePage's gold gives the roles: kicker,
 * headline, subheadline, byline and its names, paragraphs) and the gold in eval-layout's form.
 */
export function specOfPdPage(pdPage, seed) {
  const { gold } = composePage(pdPage, seed);
  const articles = [];
  let column = 0;
  for (const g of gold.articles) {
    if (!g.headline || g.paragraphs.length === 0) continue;
    const span = spanOf(g);
    if (column + span > 5) column = 0;
    const spanWidth = span * 146.8 + (span - 1) * 12;
    const headlineSize = Math.max(12, Math.min(span === 1 ? 16 : span === 2 ? 26 : 34, Math.floor((spanWidth - 10) / Array.from(g.headline).length)));
    // the byline as printed, with the names it prints (a dateline's names may be printed elsewhere in the source)
    const text = g.byline?.replace(/\s+/g, " ").trim();
    const names = g.contributors.filter((c) => text?.replace(/\s+/g, "").includes(c.name.replace(/\s+/g, ""))).map((c) => c.name);
    const byline = text ? { text, names, alone: !DATELINE.test(text) } : undefined;
    articles.push({
      ...(g.kicker ? { kicker: g.kicker } : {}),
      headline: g.headline,
      ...(g.subheadline ? { subheadline: g.subheadline } : {}),
      ...(byline ? { byline } : {}),
      paragraphs: g.paragraphs.map((p) => p.text),
      column,
      span,
      headlineSize,
    });
    column += span;
  }
  const weekday = "日一二三四五六"[new Date(`${gold.date}T00:00:00Z`).getUTCDay()];
  const [y, m, d] = gold.date.split("-").map(Number);
  const furniture = [
    { text: `${y}年${m}月${d}日 星期${weekday}`, top: true },
    { text: `第${gold.page}版`, top: true },
  ];
  return { spec: { width: 842, height: 1191, columns: 5, bodySize: 9, articles, furniture }, date: gold.date, page: gold.page };
}

/** eval-layout's gold of a printed spec: the articles as printed, no section (none is printed). */
export function goldOfPrinted(printed, { date, page }) {
  return {
    date,
    page,
    section: null,
    articles: printed.articles.map((a) => ({
      kicker: a.kicker ?? null,
      headline: a.headline,
      subheadline: a.subheadline ?? null,
      byline: a.byline?.text ?? null,
      contributors: (a.byline?.names ?? []).map((name) => ({ name, kind: "author" })),
      paragraphs: a.paragraphs.map((text) => ({ text, subhead: false })),
      captions: [],
      credits: [],
      displaced: false,
    })),
  };
}
