import * as crypto from "node:crypto";
import { matchCredit, matchLeadingByline, pageFacts } from "@yk/article-split";
import { SCHEMA_VERSION, type Article, type Byline, type Caption, type Contributor, type Furniture, type Page, type Span, type Unassigned, type Warning } from "@yk/schema";
import { markedByline } from "./bylines.js";
import type { ArticleRegion, Layout } from "./layout.js";
import type { Box, Line } from "./types.js";
import { roundBox } from "./types.js";

/** Where each field of an article lies on the page: the boxes of the lines it was read from. */
export interface ArticleRegions {
  id: string;
  box: Box;
  kicker: Box[];
  headline: Box[];
  subheadline: Box[];
  byline: Box[];
  paragraphs: Box[][];
  captions: Box[][];
}

export interface PageRegions {
  /** The page itself: 0, 0, width, height in points. */
  page: Box;
  articles: ArticleRegions[];
  /** In the order of `page.furniture`. */
  furniture: Box[][];
  /** In the order of `page.unassigned`. */
  unassigned: Box[][];
}

export interface PageOptions {
  publication?: string;
  date?: string;
  edition?: string;
  sourceName?: string;
  pageNumber: number;
}

/** Text read from lines: per UTF-16 code unit, its offset in the text rendition and its line. */
interface Run {
  text: string;
  at: number[];
  line: Line[];
}

/**
 * The text rendition of a page: every line on its own line, blank lines between blocks, in the order
 * the page is read. Spans of every field point into it.
 */
class Rendition {
  text = "";
  private readonly starts = new Map<Line, number>();

  block(lines: readonly Line[]): void {
    if (lines.length === 0) return;
    if (this.text.length > 0) this.text += "\n\n";
    lines.forEach((line, i) => {
      if (i > 0) this.text += "\n";
      this.starts.set(line, this.text.length);
      this.text += line.text;
    });
  }

  run(lines: readonly Line[]): Run {
    const run: Run = { text: "", at: [], line: [] };
    for (const line of lines) {
      const start = this.starts.get(line)!;
      run.text += line.text;
      for (let i = 0; i < line.text.length; i++) {
        run.at.push(start + i);
        run.line.push(line);
      }
    }
    return run;
  }
}

function slice(run: Run, from = 0, to = run.text.length): Run {
  return { text: run.text.slice(from, to), at: run.at.slice(from, to), line: run.line.slice(from, to) };
}

const WORD = /[A-Za-z0-9]/;

/**
 * Body text without the word spaces kept on the page's lines for bylines: a space stays only between
 * two Latin words or numbers.
 */
function withoutCjkSpaces(run: Run): Run {
  const out: Run = { text: "", at: [], line: [] };
  for (let i = 0; i < run.text.length; i++) {
    const ch = run.text[i]!;
    if (ch === " " && !(WORD.test(out.text[out.text.length - 1] ?? "") && WORD.test(run.text[i + 1] ?? ""))) continue;
    out.text += ch;
    out.at.push(run.at[i]!);
    out.line.push(run.line[i]!);
  }
  return out;
}

/** Spans of `run.text.slice(from, to)` in the rendition: runs of consecutive offsets. */
function spansOf(run: Run, from = 0, to = run.text.length): Span[] {
  const spans: Span[] = [];
  for (let i = from; i < to; i++) {
    const at = run.at[i]!;
    const last = spans[spans.length - 1];
    if (last && last.end === at) last.end = at + 1;
    else spans.push({ start: at, end: at + 1 });
  }
  return spans;
}

function boxesOf(run: Run, from = 0, to = run.text.length): Box[] {
  return [...new Set(run.line.slice(from, to))].map((l) => roundBox(l.box));
}

/** Trim white space off a slice of a run, keeping offsets. */
function trimmed(run: Run, from: number, to: number): [number, number] {
  while (from < to && /\s/.test(run.text[from]!)) from++;
  while (to > from && /\s/.test(run.text[to - 1]!)) to--;
  return [from, to];
}

/** A last line of two to four characters, set well right of where the paragraph before it starts. */
function isSignature(lines: readonly Line[], before: readonly Line[]): boolean {
  if (lines.length !== 1) return false;
  const line = lines[0]!;
  const left = Math.min(...before.map((l) => l.box.x0));
  return /^[\u4e00-\u9fff]{2,4}$/.test(line.text.replace(/\s+/g, "")) && line.box.x0 - left > 4 * line.size;
}

/**
 * Display type over a line or two without a sentence or a byline (a slogan over a phone number): an
 * advertisement or a notice, kind "other".
 */
function isAdvertisement(paragraphs: readonly Article["paragraphs"][number][], byline: Byline | null): boolean {
  if (byline || paragraphs.length > 2) return false;
  const body = paragraphs.map((p) => p.text).join("");
  return body.length <= 40 && !/[。！？；，]/.test(body);
}

const CREDIT_TAIL_RE = /[。！？”）)]\s*([^。！？”）)]{2,40})$/;

function captionOf(run: Run): { caption: Caption; boxes: Box[] } {
  const tail = CREDIT_TAIL_RE.exec(run.text);
  const contributors = tail ? matchCredit(tail[1]!) : matchCredit(run.text);
  let credit: Byline | null = null;
  let end = run.text.length;
  if (contributors && tail) {
    const start = run.text.length - tail[1]!.length;
    credit = { text: tail[1]!, dateline: null, contributors, spans: spansOf(run, start) };
    end = start;
  }
  const body = withoutCjkSpaces(slice(run, 0, end));
  const [a, b] = trimmed(body, 0, body.text.length);
  return { caption: { text: body.text.slice(a, b), spans: spansOf(body, a, b), credit }, boxes: boxesOf(run) };
}

function articleOf(region: ArticleRegion, id: string, r: Rendition, year: number | undefined): { article: Article; regions: ArticleRegions } {
  const g = region.group;
  const field = (lines: readonly Line[]) => {
    const run = r.run(lines);
    return { text: run.text.length > 0 ? run.text : null, spans: spansOf(run), boxes: boxesOf(run) };
  };
  const kicker = field(g?.kicker ?? []);
  const headline = field(g?.headline ?? []);
  const subheadline = field(g?.subheadline ?? []);
  let byline: Byline | null = null;
  let bylineBoxes: Box[] = [];
  const paragraphs: Article["paragraphs"] = [];
  const paragraphBoxes: Box[][] = [];
  const last = region.paragraphs.length - 1;
  region.paragraphs.forEach((p, i) => {
    const run = r.run(p.lines);
    let from = 0;
    if (i === 0 && !byline) {
      const lead = matchLeadingByline(run.text, year);
      const credit = lead ? null : p.lines.length === 1 ? (matchCredit(run.text) ?? markedByline(run.text)) : null;
      if (lead) {
        byline = { text: lead.text, dateline: lead.dateline, contributors: lead.contributors, spans: spansOf(run, 0, lead.length) };
        bylineBoxes = boxesOf(run, 0, lead.length);
        from = lead.length;
      } else if (credit) {
        byline = { text: run.text, dateline: null, contributors: credit, spans: spansOf(run) };
        bylineBoxes = boxesOf(run);
        return;
      }
    }
    if (i === last && i > 0 && isSignature(p.lines, region.paragraphs[i - 1]!.lines)) {
      // the author's name set flush right under the last paragraph: 宗何
      const name = run.text.replace(/\s+/g, "");
      const signature = { name, role: null, kind: "author" as const };
      const b: Byline = byline ?? { text: "", dateline: null, contributors: [], spans: [] };
      byline = { ...b, text: b.text ? `${b.text} ${name}` : name, contributors: [...b.contributors, signature], spans: [...b.spans, ...spansOf(run)] };
      bylineBoxes = [...bylineBoxes, ...boxesOf(run)];
      return;
    }
    const body = withoutCjkSpaces(slice(run, from));
    const [a, b] = trimmed(body, 0, body.text.length);
    if (b <= a) return;
    paragraphs.push({ text: body.text.slice(a, b), spans: spansOf(body, a, b) });
    paragraphBoxes.push(boxesOf(body, a, b));
  });
  const captions = region.captions.map((c) => captionOf(r.run(c.lines)));
  const bodyLength = paragraphs.reduce((n, p) => n + p.text.length, 0);
  const kind: Article["kind"] =
    paragraphs.length === 0 && captions.length > 0
      ? "photo"
      : paragraphs.length === 0
        ? "teaser"
        : isAdvertisement(paragraphs, byline)
          ? "other"
          : !g && paragraphs.length === 1 && bodyLength <= 200
            ? "brief"
            : "news";
  const article: Article = {
    id,
    kind,
    kicker: kicker.text,
    headline: headline.text,
    subheadline: subheadline.text,
    byline,
    paragraphs,
    captions: captions.map((c) => c.caption),
    entities: [],
    fieldSpans: { kicker: kicker.spans, headline: headline.spans, subheadline: subheadline.spans },
  };
  return {
    article,
    regions: {
      id,
      box: roundBox(region.box),
      kicker: kicker.boxes,
      headline: headline.boxes,
      subheadline: subheadline.boxes,
      byline: bylineBoxes,
      paragraphs: paragraphBoxes,
      captions: captions.map((c) => c.boxes),
    },
  };
}

/** A laid-out page → the schema's `Page`, its text rendition and the page regions of every field. */
export function toPage(layout: Layout, size: { width: number; height: number }, options: PageOptions): { page: Page; text: string; regions: PageRegions } {
  const r = new Rendition();
  const byTop = <T extends { lines: Line[] }>(list: T[]) => [...list].sort((a, b) => a.lines[0]!.box.top - b.lines[0]!.box.top);
  const furniture = byTop(layout.furniture);
  const headers = furniture.filter((f) => f.kind !== "footer");
  const footers = furniture.filter((f) => f.kind === "footer");
  for (const f of headers) r.block(f.lines);
  for (const region of layout.regions) {
    if (region.group) r.block([...region.group.kicker, ...region.group.headline, ...region.group.subheadline]);
    for (const p of region.paragraphs) r.block(p.lines);
    for (const c of region.captions) r.block(c.lines);
  }
  for (const u of layout.unassigned) r.block(u.lines);
  for (const f of footers) r.block(f.lines);

  const year = options.date ? Number(options.date.slice(0, 4)) : undefined;
  const built = layout.regions.map((region, i) => articleOf(region, `a${i + 1}`, r, year));
  const furnitureOut: Furniture[] = [...headers, ...footers].map((f) => {
    const run = r.run(f.lines);
    return { kind: f.kind, text: run.text, spans: spansOf(run) };
  });
  const unassigned: Unassigned[] = layout.unassigned.map((u) => {
    const run = r.run(u.lines);
    return { kind: u.kind, text: run.text, spans: spansOf(run) };
  });
  const warnings: Warning[] = [];
  const vertical = layout.unassigned.filter((u) => u.kind === "vertical");
  if (vertical.length > 0) {
    warnings.push({
      code: "YK_PDF_VERTICAL_TEXT",
      message: `${vertical.length} run(s) of vertical text kept out of the reading order (in unassigned)`,
      spans: vertical.flatMap((u) => spansOf(r.run(u.lines))),
    });
  }
  // the page's own label, date line and page number (版次), as the text pipeline reads them: the
  // PDF's page index is no page number of the paper
  const facts = pageFacts(furnitureOut);
  const section = facts.section;
  const publication: Page["publication"] = {};
  if (options.publication) publication.name = options.publication;
  const date = options.date ?? facts.date;
  if (date) publication.date = date;
  if (facts.page !== null) publication.page = facts.page;
  if (options.edition) publication.edition = options.edition;
  const page: Page = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      name: options.sourceName ?? null,
      length: r.text.length,
      sha256: crypto.createHash("sha256").update(r.text, "utf8").digest("hex"),
    },
    publication,
    section,
    articles: built.map((b) => b.article),
    furniture: furnitureOut,
    unassigned,
    warnings,
  };
  const regions: PageRegions = {
    page: roundBox({ x0: 0, top: 0, x1: size.width, bottom: size.height }),
    articles: built.map((b) => b.regions),
    furniture: [...headers, ...footers].map((f) => f.lines.map((l) => roundBox(l.box))),
    unassigned: layout.unassigned.map((u) => u.lines.map((l) => roundBox(l.box))),
  };
  return { page, text: r.text, regions };
}

