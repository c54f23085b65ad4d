import { createHash } from "node:crypto";
import type { Article, Byline, Entity, Mention, Page, Span, Warning } from "@yk/schema";
import { alignField, rawSpansOf } from "./align.js";
import { CLIENT_SCRIPT } from "./client.js";
import { escapeText as esc } from "./escape.js";
import { ROLES, type Role } from "./palette.js";
import { STYLE } from "./style.js";

export interface RenderOptions {
  /** The document's title (default: the page's source name). */
  title?: string;
}

/** A span of the raw page and what it became: the card field (by element id) that holds it. */
interface Label {
  start: number;
  end: number;
  role: Role;
  owner: string;
}

const spansAttr = (spans: readonly Span[]) => spans.map((s) => `${s.start}-${s.end}`).join(" ");
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

/**
 * The page's head: a Content-Security-Policy that allows only this document's own style and
 * script (by hash) and nothing from the network, so that even markup that slipped through
 * escaping could run no script and fetch nothing.
 */
function head(title: string): string {
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${sha256(STYLE)}'`,
    `script-src 'sha256-${sha256(CLIENT_SCRIPT)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n`
  );
}

const tail = () => `<script>${CLIENT_SCRIPT}</script>\n</body>\n</html>\n`;

/** Field ids: unique in the document, from the page's position and the article's id. */
function idOf(prefix: string, ...parts: Array<string | number>): string {
  return [prefix, ...parts].join("-").replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`);
}

/** A mention placed in a field's text. */
interface Mark {
  start: number;
  end: number;
  entity: Entity;
  mention: Mention;
  spans: readonly Span[];
}

function entityTitle(e: Entity): string {
  const parts = [`${e.type}: ${e.text}`];
  if (e.titles?.length) parts.push(`titles: ${e.titles.join("、")}`);
  if (e.normalized !== undefined && e.normalized !== null) parts.push(`= ${e.normalized}${e.unit ?? ""}`);
  return parts.join(" · ");
}

/** A field's text with its mentions as <mark>s, nested when one holds another; a mention that crosses another's edge stays in the entity list only. */
function markedText(text: string, marks: Mark[]): string {
  const sorted = marks
    .filter((m) => m.start >= 0 && m.end > m.start && m.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let pos = 0;
  const open: number[] = [];
  const closeUpTo = (limit: number) => {
    while (open.length && open[open.length - 1]! <= limit) {
      const end = open.pop()!;
      out += esc(text.slice(pos, end)) + "</mark>";
      pos = end;
    }
  };
  for (const m of sorted) {
    closeUpTo(m.start);
    if (open.length && m.end > open[open.length - 1]!) continue;
    out += esc(text.slice(pos, m.start));
    pos = m.start;
    const e = m.entity;
    const norm = e.type === "date" && e.normalized != null ? ` data-norm="${esc(String(e.normalized))}"` : "";
    out +=
      `<mark class="ent ent-${esc(e.type)}" tabindex="0" data-type="${esc(e.type)}" data-field="${esc(m.mention.field)}"` +
      `${m.mention.index !== undefined ? ` data-index="${m.mention.index}"` : ""} data-start="${m.start}" data-end="${m.end}"` +
      ` data-spans="${spansAttr(m.spans)}"${norm} title="${esc(entityTitle(e))}">`;
    open.push(m.end);
  }
  closeUpTo(Infinity);
  return out + esc(text.slice(pos));
}

interface PageContext {
  raw: string | undefined;
  prefix: string;
  labels: Label[];
  /** Raw offsets where the raw text must be cut so that a highlight is exact. */
  cuts: number[];
}

/** One focusable field of a card: its text with entity marks, and its raw spans for highlighting. */
function field(ctx: PageContext, tag: string, role: Role, id: string, text: string, spans: readonly Span[], marks: Omit<Mark, "spans">[]): string {
  for (const s of spans) ctx.labels.push({ start: s.start, end: s.end, role, owner: id });
  const map = ctx.raw !== undefined && marks.length ? alignField(ctx.raw, spans, text) : null;
  const placed = marks.map((m) => {
    const found = m.mention.span ? [m.mention.span] : map ? rawSpansOf(map, m.start, Math.min(m.end, text.length)) : [];
    const own = found.length ? found : spans;
    for (const s of own) ctx.cuts.push(s.start, s.end);
    return { ...m, spans: own };
  });
  return `<${tag} class="f ${role}" id="${id}" tabindex="0" data-spans="${spansAttr(spans)}">${markedText(text, placed)}</${tag}>\n`;
}

function mentionsOf(a: Article, fieldName: Mention["field"], index?: number): Omit<Mark, "spans">[] {
  const out: Omit<Mark, "spans">[] = [];
  for (const entity of a.entities) {
    for (const mention of entity.mentions) {
      if (mention.field === fieldName && mention.index === index) out.push({ start: mention.start, end: mention.end, entity, mention });
    }
  }
  return out;
}

function contributors(byline: Byline): string {
  const items = byline.contributors.map(
    (c) => `<li><span class="name">${esc(c.name)}</span> <span class="muted">${c.role ? esc(c.role) + " · " : ""}${esc(c.kind)}</span></li>`,
  );
  const d = byline.dateline;
  const dateline = d
    ? `<p class="muted small">dateline: ${esc([d.agency, d.place, d.date].filter(Boolean).join(" · ") || d.text)}</p>\n`
    : "";
  return dateline + (items.length ? `<ul class="contributors">${items.join("")}</ul>\n` : "");
}

function entityList(a: Article): string {
  if (a.entities.length === 0) return "";
  const items = a.entities.map((e) => {
    const extra = [e.titles?.length ? e.titles.join("、") : "", e.normalized != null ? `= ${e.normalized}${e.unit ?? ""}` : ""].filter(Boolean).join(" ");
    return `<li><span class="ent ent-${esc(e.type)}">${esc(e.text)}</span> <span class="muted">${esc(e.type)}${extra ? " · " + esc(extra) : ""}</span></li>`;
  });
  return `<details class="entities"><summary>entities (${a.entities.length})</summary><ul>${items.join("")}</ul></details>\n`;
}

function card(ctx: PageContext, a: Article): string {
  const id = (...parts: Array<string | number>) => idOf(ctx.prefix, a.id, ...parts);
  const fs = a.fieldSpans ?? { kicker: [], headline: [], subheadline: [] };
  let out = `<article class="card" id="${id()}" aria-labelledby="${id("title")}">\n`;
  out += `<p class="meta" id="${id("title")}"><span class="badge">${esc(a.id)}</span> ${esc(a.kind)}${a.headline ? "" : " · no headline"}</p>\n`;
  if (a.kicker !== null) out += field(ctx, "p", "kicker", id("kicker"), a.kicker, fs.kicker, mentionsOf(a, "kicker"));
  if (a.headline !== null) out += field(ctx, "h2", "headline", id("headline"), a.headline, fs.headline, mentionsOf(a, "headline"));
  if (a.subheadline !== null) out += field(ctx, "p", "subheadline", id("subheadline"), a.subheadline, fs.subheadline, mentionsOf(a, "subheadline"));
  if (a.byline) {
    out += field(ctx, "p", "byline", id("byline"), a.byline.text, a.byline.spans, mentionsOf(a, "byline"));
    out += contributors(a.byline);
  }
  a.paragraphs.forEach((p, i) => {
    out += field(ctx, p.subhead ? "h3" : "p", p.subhead ? "subhead" : "paragraph", id("p", i), p.text, p.spans, mentionsOf(a, "paragraph", i));
  });
  a.captions.forEach((c, i) => {
    out += `<figure>\n` + field(ctx, "figcaption", "caption", id("caption", i), c.text, c.spans, mentionsOf(a, "caption", i));
    if (c.credit) out += field(ctx, "p", "credit", id("credit", i), c.credit.text, c.credit.spans, mentionsOf(a, "byline", i)) + contributors(c.credit);
    out += `</figure>\n`;
  });
  const cont = a.continuation;
  if (cont?.continuedTo) out += `<p class="muted small">continued on page ${esc(cont.continuedTo)}</p>\n`;
  if (cont?.continuedFrom) out += `<p class="muted small">continued from page ${esc(cont.continuedFrom)}</p>\n`;
  return out + entityList(a) + `</article>\n`;
}

function furnitureCard(ctx: PageContext, page: Page): string {
  if (page.furniture.length === 0 && page.unassigned.length === 0) return "";
  const item = (role: Role, i: number, label: string, text: string, spans: readonly Span[]) => {
    const id = idOf(ctx.prefix, role, i);
    for (const s of spans) ctx.labels.push({ start: s.start, end: s.end, role, owner: id });
    return `<li class="f ${role}" id="${id}" tabindex="0" data-spans="${spansAttr(spans)}"><span class="muted">${esc(label)}</span> ${esc(text)}</li>`;
  };
  const furniture = page.furniture.map((f, i) => item("furniture", i, f.kind ?? "furniture", f.text, f.spans));
  const unassigned = page.unassigned.map((u, i) => item("unassigned", i, u.kind ?? "unassigned", u.text, u.spans));
  return (
    `<aside class="card" aria-label="furniture and unassigned text">\n` +
    (furniture.length ? `<h2 class="small-h">furniture (${furniture.length})</h2>\n<ul class="plain">${furniture.join("\n")}</ul>\n` : "") +
    (unassigned.length ? `<h2 class="small-h">unassigned (${unassigned.length})</h2>\n<ul class="plain">${unassigned.join("\n")}</ul>\n` : "") +
    `</aside>\n`
  );
}

function warningList(ctx: PageContext, warnings: readonly Warning[]): string {
  if (warnings.length === 0) return "";
  const items = warnings.map((w) => {
    const spans = (w.spans ?? []).filter((s) => s.end > s.start);
    for (const s of spans) ctx.cuts.push(s.start, s.end);
    const code = spans.length && ctx.raw !== undefined
      ? `<a class="warn" href="#${idOf(ctx.prefix, "o", spans[0]!.start)}" data-spans="${spansAttr(spans)}">${esc(w.code)}</a>`
      : `<span class="warn">${esc(w.code)}</span>`;
    return `<li>${code} ${esc(w.message)}</li>`;
  });
  return `<section class="warnings" aria-label="warnings"><h2 class="small-h">warnings (${warnings.length})</h2><ul class="plain">${items.join("\n")}</ul></section>\n`;
}

/**
 * The raw text cut at every label and cut offset, each piece a <span> that knows its start
 * offset (data-s) and, when a field holds it, its role (class) and the field's id (data-f).
 */
function rawPane(ctx: PageContext, anchors: ReadonlySet<number>): string {
  const raw = ctx.raw!;
  const n = raw.length;
  const owner = new Int32Array(n).fill(-1);
  const clamp = (x: number) => Math.max(0, Math.min(n, x));
  const bounds = new Set<number>([0, n]);
  ctx.labels.forEach((l, i) => {
    const a = clamp(l.start);
    const b = clamp(l.end);
    owner.fill(i, a, b);
    bounds.add(a).add(b);
  });
  for (const c of ctx.cuts) bounds.add(clamp(c));
  const points = [...bounds].sort((x, y) => x - y);
  let out = "";
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k]!;
    const b = points[k + 1]!;
    const label = ctx.labels[owner[a]!];
    const id = anchors.has(a) ? ` id="${idOf(ctx.prefix, "o", a)}"` : "";
    const attrs = label ? ` class="r-${label.role}" data-f="${label.owner}" title="${label.role}"` : "";
    out += `<span data-s="${a}"${id}${attrs}>${esc(raw.slice(a, b))}</span>`;
  }
  return `<div class="raw" id="${idOf(ctx.prefix, "raw")}" lang="zh" tabindex="0" aria-label="raw page text" data-length="${n}">${out}</div>\n`;
}

const num = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : 0);

/**
 * The page as printed (pages read from a PDF carry a `layout`): each article's region outlined,
 * each printed line a box in its role's colour with its raw text drawn in it. Pointing at a line
 * highlights its raw span; a focused field lights its lines here too.
 */
function layoutFigure(page: Page, raw: string | undefined): string {
  const layout = page.layout!;
  const p = layout.page;
  const w = num(p.x1 - p.x0);
  const h = num(p.bottom - p.top);
  if (!(w > 0 && h > 0)) return "";
  let out = `<rect class="sheet" x="${num(p.x0)}" y="${num(p.top)}" width="${w}" height="${h}"/>`;
  for (const l of layout.lines) {
    const b = l.box;
    const bw = num(b.x1 - b.x0);
    const bh = num(b.bottom - b.top);
    if (!(bw > 0 && bh > 0)) continue;
    const span = l.span && raw !== undefined && l.span.end <= raw.length ? l.span : undefined;
    const text = span ? raw!.slice(span.start, span.end) : "";
    const size = num(bh * 0.9);
    out +=
      `<g class="line r-${esc(l.role)}"${span ? ` data-spans="${span.start}-${span.end}"` : ""}>` +
      `<rect x="${num(b.x0)}" y="${num(b.top)}" width="${bw}" height="${bh}"/>` +
      (text ? `<text x="${num(b.x0)}" y="${num(b.bottom - bh * 0.12)}" font-size="${size}" textLength="${bw}" lengthAdjust="spacingAndGlyphs">${esc(text)}</text>` : "") +
      `</g>`;
  }
  for (const a of layout.articles) {
    const b = a.box;
    out +=
      `<rect class="region" x="${num(b.x0)}" y="${num(b.top)}" width="${num(b.x1 - b.x0)}" height="${num(b.bottom - b.top)}"/>` +
      `<text class="region-id" x="${num(b.x0 + 2)}" y="${num(b.top + 11)}" font-size="11">${esc(a.id)}</text>`;
  }
  return (
    `<figure class="layout-figure"><svg class="layout" viewBox="${num(p.x0)} ${num(p.top)} ${w} ${h}" role="img" lang="zh" ` +
    `aria-label="the page as printed: ${layout.articles.length} article regions, ${layout.lines.length} lines">${out}</svg>` +
    `<figcaption class="muted small">the page as printed: article regions outlined, each line in its role's colour</figcaption></figure>\n`
  );
}

function legend(): string {
  return `<ul class="legend" aria-label="colours of the raw page">${ROLES.map((r) => `<li class="r-${r}">${r}</li>`).join("")}</ul>\n`;
}

function pageSection(page: Page, k: number, several: boolean): string {
  const prefix = `p${k + 1}`;
  const raw = page.source.text;
  const ctx: PageContext = { raw, prefix, labels: [], cuts: [] };
  const cards = page.articles.map((a) => card(ctx, a)).join("") + furnitureCard(ctx, page);
  const warnings = warningList(ctx, page.warnings);
  const pub = page.publication;
  const facts = [
    pub.name,
    pub.date,
    pub.page !== undefined ? `page ${pub.page}` : undefined,
    pub.edition,
    page.section ?? undefined,
    `${page.articles.length} article${page.articles.length === 1 ? "" : "s"}`,
    `${page.warnings.length} warning${page.warnings.length === 1 ? "" : "s"}`,
  ].filter((x): x is string => Boolean(x));
  const anchors = new Set(page.warnings.flatMap((w) => (w.spans?.[0] ? [w.spans[0].start] : [])));
  let left: string;
  if (raw === undefined) {
    left = `<p class="notice">This page does not carry its raw text (<code>source.text</code>): parse it with <code>yk parse --format html</code> to see the spans.</p>\n`;
  } else {
    const mismatch = raw.length !== page.source.length
      ? `<p class="notice">source.text has ${raw.length} code units but source.length says ${page.source.length}: spans may be off.</p>\n`
      : "";
    left = (page.layout ? layoutFigure(page, raw) : "") + mismatch + rawPane(ctx, anchors);
  }
  return (
    `<section class="page" id="${prefix}" aria-label="page ${k + 1}">\n` +
    `<header class="page-head">${several ? `<h2 class="small-h">page ${k + 1}</h2>` : ""}<p class="facts">${esc(facts.join(" · "))}</p>\n${warnings}${legend()}</header>\n` +
    `<div class="panes">\n<section class="pane left" aria-label="raw page">\n<h2 class="small-h">raw page</h2>\n${left}</section>\n` +
    `<section class="pane right" aria-label="articles" lang="zh">\n${cards || '<p class="notice">no articles</p>\n'}</section>\n</div>\n</section>\n`
  );
}

/**
 * One self-contained HTML document of a parsed page (or of the pages of one PDF): the raw page on
 * the left coloured by what each span became, the articles as cards on the right. Inline CSS and
 * a little script, nothing from the network; every text from the page is escaped.
 */
export function renderPageHtml(page: Page | readonly Page[], options: RenderOptions = {}): string {
  const pages: readonly Page[] = Array.isArray(page) ? page : [page as Page];
  const title = options.title ?? pages[0]?.source.name ?? "page";
  return (
    head(`${title} · yk`) +
    `<body>\n<header class="top"><h1>${esc(title)}</h1></header>\n<main>\n` +
    pages.map((p, k) => pageSection(p, k, pages.length > 1)).join("") +
    `</main>\n` +
    tail()
  );
}

/** A line of a folder's index: a page's HTML file and what the page holds, or why it failed. */
export interface IndexEntry {
  /** The page's HTML file, relative to the index. */
  href: string;
  /** The input's name, as shown. */
  name: string;
  articles: number;
  warnings: ReadonlyArray<{ code: string; message: string }>;
  /** Why the page could not be parsed (then it has no HTML file). */
  error?: string;
}

/** The entry of {@link renderIndexHtml} for a file's pages. */
export function indexEntry(name: string, href: string, pages: readonly Page[]): IndexEntry {
  return {
    href,
    name,
    articles: pages.reduce((n, p) => n + p.articles.length, 0),
    warnings: pages.flatMap((p) => p.warnings.map((w) => ({ code: w.code, message: w.message }))),
  };
}

/** The index of a folder run: each page with its article count and warnings, linked to its view. */
export function renderIndexHtml(entries: readonly IndexEntry[], options: RenderOptions = {}): string {
  const title = options.title ?? "pages";
  const href = (h: string) => esc(h.split("/").map(encodeURIComponent).join("/"));
  const rows = entries.map((e) => {
    const name = e.error ? esc(e.name) : `<a href="${href(e.href)}">${esc(e.name)}</a>`;
    const warnings = e.error
      ? `<span class="warn">failed</span> ${esc(e.error)}`
      : e.warnings.map((w) => `<span class="warn">${esc(w.code)}</span> ${esc(w.message)}`).join("<br>");
    return `<tr><td>${name}</td><td class="num">${e.error ? "–" : e.articles}</td><td class="num">${e.error ? "–" : e.warnings.length}</td><td>${warnings}</td></tr>`;
  });
  const articles = entries.reduce((n, e) => n + (e.error ? 0 : e.articles), 0);
  return (
    head(`${title} · yk`) +
    `<body>\n<header class="top"><h1>${esc(title)}</h1><p class="facts">${entries.length} pages · ${articles} articles · ${entries.filter((e) => e.error).length} failed</p></header>\n<main class="index">\n` +
    `<table><thead><tr><th scope="col">page</th><th scope="col">articles</th><th scope="col">warnings</th><th scope="col">what</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody></table>\n</main>\n` +
    tail()
  );
}
