import type { PdfPageResult } from "@yk/pdf";
import type { Layout, LayoutLine, Span } from "@yk/schema";

type Role = LayoutLine["role"];

/**
 * The printed lines of a field's raw spans, in order: the PDF's text rendition has one printed
 * line per line, so a field's k-th non-blank line is the one drawn in its k-th box.
 */
function lineSpans(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    let start = s.start;
    for (let i = s.start; i <= s.end; i++) {
      if (i === s.end || text[i] === "\n") {
        let a = start;
        let b = i;
        while (a < b && /\s/.test(text[a]!)) a++;
        while (b > a && /\s/.test(text[b - 1]!)) b--;
        if (b > a) out.push({ start: a, end: b });
        start = i + 1;
      }
    }
  }
  return out;
}

/**
 * Where a PDF page's fields lie, as the page model's `layout`: each article's region and each
 * printed line with its role, its box and (when the field's lines and boxes pair up one to one)
 * the span of its text in the text rendition.
 */
export function layoutOf(result: PdfPageResult): Layout {
  const { page, text, regions } = result;
  const lines: LayoutLine[] = [];
  const add = (role: Role, article: string | null, boxes: readonly Layout["page"][], spans: readonly Span[]) => {
    const each = lineSpans(text, spans);
    const paired = each.length === boxes.length;
    boxes.forEach((box, k) => lines.push({ role, article, box: { ...box }, ...(paired ? { span: each[k]! } : {}) }));
  };
  regions.articles.forEach((r, i) => {
    const a = page.articles[i];
    if (!a || a.id !== r.id) return;
    add("kicker", a.id, r.kicker, a.fieldSpans?.kicker ?? []);
    add("headline", a.id, r.headline, a.fieldSpans?.headline ?? []);
    add("subheadline", a.id, r.subheadline, a.fieldSpans?.subheadline ?? []);
    add("byline", a.id, r.byline, a.byline?.spans ?? []);
    r.paragraphs.forEach((boxes, j) => {
      const p = a.paragraphs[j];
      add(p?.subhead ? "subhead" : "paragraph", a.id, boxes, p?.spans ?? []);
    });
    r.captions.forEach((boxes, j) => {
      const c = a.captions[j];
      add("caption", a.id, boxes, [...(c?.spans ?? []), ...(c?.credit?.spans ?? [])].sort((x, y) => x.start - y.start));
    });
  });
  regions.furniture.forEach((boxes, j) => add("furniture", null, boxes, page.furniture[j]?.spans ?? []));
  regions.unassigned.forEach((boxes, j) => add("unassigned", null, boxes, page.unassigned[j]?.spans ?? []));
  return {
    page: { ...regions.page },
    articles: regions.articles.map((r) => ({ id: r.id, box: { ...r.box } })),
    lines,
  };
}
