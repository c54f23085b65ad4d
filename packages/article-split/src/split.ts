import * as crypto from "node:crypto";
import { isHan } from "@yk/lexicon";
import { reflow, sliceMapped, spansOf, trimMapped, type MappedText, type ReflowOptions, type ReflowParagraph, type ReflowResult } from "@yk/reflow";
import {
  SCHEMA_VERSION,
  type Article,
  type Byline,
  type Contributor,
  type Furniture,
  type Page,
  type Span,
  type Unassigned,
  type Warning,
} from "@yk/schema";
import { matchCredit, matchLeadingByline, matchTrailingByline } from "./byline.js";
import { continuationAtEnd, dateOfLine, furnitureKind, pageNumberOf, sectionOfHeader } from "./furniture.js";

export interface SplitOptions extends ReflowOptions {
  /** Name of the publication (not printed on most pages). */
  publication?: string;
  /** Publication date, YYYY-MM-DD: completes datelines such as 3月24日电. */
  date?: string;
  /** The printed page number (版次), when not read from the page: 5 or "5". */
  page?: string | number;
  edition?: string;
  /** File name or label of the input, for `page.source.name`. */
  sourceName?: string;
}

export class SplitError extends Error {
  readonly code: "YK_INVALID_OPTION" | "YK_INVALID_INPUT";
  constructor(code: SplitError["code"], message: string) {
    super(message);
    this.name = "SplitError";
    this.code = code;
  }
}

type Mapped = MappedText & { spans: Span[] };

/** One unit of the page after classification, in extraction order. */
type Item =
  | { type: "headline"; line: Mapped; tight: boolean; hasSpace: boolean }
  | { type: "byline"; byline: Byline }
  | { type: "credit"; mapped: Mapped; contributors: Contributor[] }
  | { type: "furniture"; furniture: Furniture }
  | { type: "body"; mapped: Mapped; continuedTo?: string; continuedFrom?: string };

interface HeadlineGroup {
  /** Position in the item list of its first and last line. */
  first: number;
  last: number;
  kicker: Mapped[];
  headline: Mapped[];
  subheadline: Mapped[];
  joinWithSpace: boolean;
}

interface Draft {
  first: number;
  last: number;
  byline: Byline | null;
  paragraphs: Mapped[];
  credit: Item & { type: "credit" } | null;
  continuedTo: string | null;
  continuedFrom: string | null;
  open: boolean;
}

function withSpans(m: MappedText, raw: string): Mapped {
  return { ...m, spans: spansOf(m, raw) };
}

function checkOptions(options: SplitOptions): void {
  if (options === null || typeof options !== "object") {
    throw new SplitError("YK_INVALID_OPTION", `options must be an object, got ${options === null ? "null" : typeof options}`);
  }
  if (options.date !== undefined && (typeof options.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(options.date))) {
    throw new SplitError("YK_INVALID_OPTION", `option date must be YYYY-MM-DD, got ${JSON.stringify(options.date)}`);
  }
  if (options.page !== undefined && pageOption(options.page) === null) {
    throw new SplitError("YK_INVALID_OPTION", `option page must be a page number of 1 or more, got ${JSON.stringify(options.page)}`);
  }
  for (const key of ["publication", "edition", "sourceName"] as const) {
    if (options[key] !== undefined && typeof options[key] !== "string") {
      throw new SplitError("YK_INVALID_OPTION", `option ${key} must be a string, got ${typeof options[key]}`);
    }
  }
}

function pageOption(page: string | number): number | null {
  const n = typeof page === "number" ? page : /^\s*\d{1,4}\s*$/.test(String(page)) ? Number(page) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** Classify each reflowed paragraph: furniture, byline, credit, headline line or body. */
function classify(result: ReflowResult, options: SplitOptions): Item[] {
  const { raw, lines, paragraphs } = result;
  const year = options.date ? Number(options.date.slice(0, 4)) : undefined;
  const items: Item[] = [];
  let continuedFrom: string | null = null;
  const pushBodyItem = (mapped: Mapped) => {
    pushBody(items, mapped, raw);
    if (continuedFrom !== null) {
      const body = items[items.length - 1];
      if (body?.type === "body") body.continuedFrom = continuedFrom;
      continuedFrom = null;
    }
  };
  paragraphs.forEach((p: ReflowParagraph) => {
    const mapped = withSpans(p, raw);
    const single = p.firstLine === p.lastLine;
    const kind = single ? furnitureKind(p.text) : null;
    if (kind) {
      const cont = kind === "continuation" ? continuationAtEnd(p.text) : null;
      items.push({ type: "furniture", furniture: { kind, text: p.text, spans: mapped.spans } });
      // 下转第3版 closes the body before it; 上接第1版 opens the body after it
      if (cont && (cont[1] === "上接" || cont[1] === "接")) continuedFrom = cont[2]!;
      else if (cont) attachContinuation(items, cont[2]!);
      return;
    }
    const lead = matchLeadingByline(p.text, year);
    if (lead) {
      const bylinePart = sliceMapped(p, 0, lead.length);
      items.push({
        type: "byline",
        byline: { text: lead.text, dateline: lead.dateline, contributors: lead.contributors, spans: spansOf(bylinePart, raw) },
      });
      const rest = trimMapped(sliceMapped(p, lead.length));
      if (rest.text.length > 0) pushBodyItem(withSpans(rest, raw));
      return;
    }
    if (p.hint === "headline" || (single && p.text.length <= 40)) {
      const credit = matchCredit(p.text);
      if (credit && credit.some((c) => c.kind === "photographer")) {
        items.push({ type: "credit", mapped, contributors: credit });
        return;
      }
      if (credit) {
        // 本报记者 王明 通讯员 李华: a byline on its own line
        items.push({ type: "byline", byline: { text: p.text, dateline: null, contributors: credit, spans: mapped.spans } });
        return;
      }
    }
    if (p.hint === "headline") {
      const line = lines[p.firstLine]!;
      const tight = line.newlinesBefore === 1;
      items.push({ type: "headline", line: mapped, tight, hasSpace: line.meaningfulSpace && /\S\s\S/.test(p.text) });
      return;
    }
    pushBodyItem(mapped);
  });
  return items;
}

function attachContinuation(items: Item[], page: string): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i]!;
    if (it.type === "body") {
      it.continuedTo = page;
      return;
    }
    if (it.type === "headline") return;
  }
}

/** A body paragraph; a continuation marker closing it (…（下转第3版）) becomes furniture. */
function pushBody(items: Item[], mapped: Mapped, raw: string): void {
  const cont = continuationAtEnd(mapped.text);
  if (cont && cont.index > 0) {
    const body = withSpans(trimMapped(sliceMapped(mapped, 0, cont.index)), raw);
    const marker = withSpans(sliceMapped(mapped, cont.index), raw);
    const item: Item = { type: "body", mapped: body };
    if (cont[1] === "上接" || cont[1] === "接") item.continuedFrom = cont[2]!;
    else item.continuedTo = cont[2]!;
    items.push(item);
    items.push({ type: "furniture", furniture: { kind: "continuation", text: marker.text, spans: marker.spans } });
    return;
  }
  items.push({ type: "body", mapped });
}

function similarLength(lines: readonly Mapped[]): boolean {
  let min = Infinity;
  let max = 0;
  for (const l of lines) {
    min = Math.min(min, l.text.length);
    max = Math.max(max, l.text.length);
  }
  return max - min <= 1;
}

/**
 * Group headline lines into headline groups and give each line its role. Lines printed
 * together (single line breaks on a blank-line page) are one unit; a lone sentence-like line
 * right before a unit with parallel phrases is its kicker (引题); a line starting with —— is
 * a subheadline (副题).
 */
function headlineGroups(items: readonly Item[]): HeadlineGroup[] {
  const units: { first: number; last: number; lines: Mapped[]; spaced: boolean[] }[] = [];
  items.forEach((it, i) => {
    if (it.type !== "headline") return;
    const prev = units[units.length - 1];
    if (prev && prev.last === i - 1 && it.tight) {
      prev.last = i;
      prev.lines.push(it.line);
      prev.spaced.push(it.hasSpace);
    } else {
      units.push({ first: i, last: i, lines: [it.line], spaced: [it.hasSpace] });
    }
  });
  const groups: HeadlineGroup[] = [];
  for (const u of units) {
    const isSub = u.lines.map((l) => /^[—－-]{1,2}/.test(l.text));
    const sub = u.lines.filter((_, k) => isSub[k]);
    const main = u.lines.filter((_, k) => !isSub[k]);
    const prev = groups[groups.length - 1];
    const adjacent = prev && prev.last === u.first - 1;
    // a unit of only —— lines is the subheadline of the group before it
    if (adjacent && main.length === 0) {
      prev.subheadline.push(...sub);
      prev.last = u.last;
      continue;
    }
    let kicker: Mapped[] = [];
    let headline: Mapped[] = main;
    let joinWithSpace = false;
    if (main.length >= 2) {
      const spacedIndex = u.spaced.findIndex((s, k) => s && !isSub[k]);
      if (spacedIndex < 0 && similarLength(main)) {
        joinWithSpace = /[”」』]$/.test(main[0]!.text) || /^[“「『]/.test(main[1]!.text);
      } else {
        // position among the main lines of the spaced line (lines before it that are not subheadlines)
        const h = spacedIndex >= 0 ? isSub.slice(0, spacedIndex).filter((x) => !x).length : 1;
        kicker = main.slice(0, h);
        headline = main.slice(h, h + 1);
        sub.push(...main.slice(h + 1));
      }
    }
    // A lone line right before a one-line headline is its kicker (引题): always when the
    // headline has parallel phrases and the kicker none, else when content follows the pair.
    const prevIsLoneLine =
      adjacent && prev.headline.length === 1 && prev.kicker.length === 0 && prev.subheadline.length === 0 && prev.first === prev.last;
    const contentFollows = ["byline", "body", "credit"].includes(items[u.last + 1]?.type ?? "");
    const prevSpaced = prevIsLoneLine && (items[prev.first] as { hasSpace: boolean }).hasSpace;
    const thisSpaced = u.spaced[0] === true && !u.spaced.some((s, k) => s && k > 0);
    if (prevIsLoneLine && kicker.length === 0 && main.length === 1 && !prevSpaced && (thisSpaced || contentFollows)) {
      prev.kicker = prev.headline;
      prev.headline = headline;
      prev.subheadline.push(...sub);
      prev.last = u.last;
      continue;
    }
    groups.push({ first: u.first, last: u.last, kicker, headline, subheadline: sub, joinWithSpace });
  }
  return groups;
}

function hanBigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHan(text[i]!) && isHan(text[i + 1]!)) set.add(text.slice(i, i + 2));
  }
  return set;
}

function groupText(g: HeadlineGroup): string {
  return [...g.kicker, ...g.headline, ...g.subheadline].map((l) => l.text).join("");
}

/** Bodies: runs of body paragraphs; a byline starts one; headlines, furniture and credits end one. */
function drafts(items: readonly Item[]): Draft[] {
  const out: Draft[] = [];
  let cur: Draft | null = null;
  const open = (i: number, byline: Byline | null): Draft => {
    const d: Draft = { first: i, last: i, byline, paragraphs: [], credit: null, continuedTo: null, continuedFrom: null, open: true };
    out.push(d);
    return d;
  };
  items.forEach((it, i) => {
    switch (it.type) {
      case "byline":
        // （记者 王明） on its own line right after a body closes that body (a brief's byline)
        if (cur && cur.open && cur.paragraphs.length > 0 && !cur.byline && /^[（(].*[）)]$/.test(it.byline.text)) {
          cur.byline = it.byline;
          cur.last = i;
          cur.open = false;
          break;
        }
        cur = open(i, it.byline);
        break;
      case "body":
        if (!cur || !cur.open) cur = open(i, null);
        cur.paragraphs.push(it.mapped);
        if (it.continuedTo) cur.continuedTo = it.continuedTo;
        if (it.continuedFrom) cur.continuedFrom = it.continuedFrom;
        cur.last = i;
        break;
      case "credit":
        if (cur && cur.open && cur.paragraphs.length > 0 && !cur.credit) {
          cur.credit = it;
          cur.last = i;
          cur.open = false;
        } else {
          // a credit before its caption (headline, credit, caption): the caption follows
          cur = open(i, null);
          cur.credit = it;
        }
        break;
      case "headline":
        if (cur) cur.open = false;
        break;
      case "furniture":
        if (cur && it.furniture.kind === "section") cur.open = false;
        break;
    }
  });
  return out;
}

/** How far (in items) a headline group may stand from the body it heads. */
const ASSOCIATION_WINDOW = 24;

/** First body whose last item is at or after `at` (bodies sorted by position). */
function lowerBound(bodies: readonly Draft[], at: number): number {
  let lo = 0;
  let hi = bodies.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bodies[mid]!.last < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function nextContentIndex(items: readonly Item[], from: number, step: 1 | -1): number {
  let i = from;
  while (i >= 0 && i < items.length && items[i]!.type === "furniture" && (items[i] as { furniture: Furniture }).furniture.kind !== "section") i += step;
  return i;
}

/**
 * Give each body its headline group: by position (right before its byline or body; right
 * after its body, where extraction put it out of reading order) and by content (Han
 * bigrams the headline shares with the body). Each group is used at most once.
 */
function associate(items: readonly Item[], groups: readonly HeadlineGroup[], bodies: readonly Draft[]): Map<Draft, HeadlineGroup> {
  const pairs: { score: number; g: HeadlineGroup; d: Draft }[] = [];
  // Only nearby bodies compete for a group: a displaced headline stays within a few items of its
  // story, and the bound keeps the cost linear in page length.
  const sorted = [...bodies].sort((a, b) => a.first - b.first);
  // the start of each body's text, made once: every nearby group compares against it
  const texts = new Map<Draft, string>();
  const textOf = (d: Draft): string => {
    let t = texts.get(d);
    if (t === undefined) {
      let joined = "";
      for (const p of d.paragraphs) {
        if (joined.length >= 1200) break;
        joined += p.text;
      }
      t = joined.slice(0, 1200) + (d.credit?.mapped.text ?? "");
      texts.set(d, t);
    }
    return t;
  };
  for (const g of groups) {
    const grams = hanBigrams(groupText(g));
    const nextAfter = nextContentIndex(items, g.last + 1, 1);
    const from = lowerBound(sorted, g.first - ASSOCIATION_WINDOW);
    for (let k = from; k < sorted.length && sorted[k]!.first <= g.last + ASSOCIATION_WINDOW; k++) {
      const d = sorted[k]!;
      const before = nextAfter === d.first;
      const after = nextContentIndex(items, d.last + 1, 1) === g.first;
      const bodyText = textOf(d);
      let shared = 0;
      for (const b of grams) if (bodyText.includes(b)) shared++;
      const content = grams.size > 0 ? shared / grams.size : 0;
      const score = (before ? 2 : 0) + (after ? 1 : 0) + 2 * content;
      const enough = before ? score >= 2 : after ? content >= 0.25 : content >= 0.5;
      if (enough) pairs.push({ score, g, d });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const used = new Set<HeadlineGroup>();
  const result = new Map<Draft, HeadlineGroup>();
  for (const p of pairs) {
    if (used.has(p.g) || result.has(p.d)) continue;
    used.add(p.g);
    result.set(p.d, p.g);
  }
  return result;
}

function joinField(lines: readonly Mapped[], withSpace: boolean): { text: string | null; spans: Span[] } {
  if (lines.length === 0) return { text: null, spans: [] };
  return { text: lines.map((l) => l.text).join(withSpace ? " " : ""), spans: lines.flatMap((l) => l.spans) };
}

// the one-shot crypto.hash (Node 20.12 and later) costs far less per page than a Hash object
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;

function sha256(text: string): string {
  if (oneShotHash) return oneShotHash("sha256", text, "hex");
  return crypto.createHash("sha256").update(text, "utf8").digest("hex");
}

/** The date of the page's first date line (a single line that is nothing but a date). */
function printedDate(result: ReflowResult): string | undefined {
  for (const p of result.paragraphs) {
    if (p.firstLine !== p.lastLine || p.text.length > 40) continue;
    const date = dateOfLine(p.text);
    if (date) return date;
  }
  return undefined;
}

function firstOf<T>(furniture: readonly Furniture[], kind: Furniture["kind"], read: (text: string) => T | null): T | null {
  for (const f of furniture) {
    if (f.kind !== kind) continue;
    const value = read(f.text);
    if (value !== null) return value;
  }
  return null;
}

/**
 * Split a page of extracted text into articles, furniture and unassigned text. Every
 * non-white-space character of `raw` ends up in exactly one place.
 */
export function splitPage(raw: string, options: SplitOptions = {}): Page {
  if (typeof raw !== "string") throw new SplitError("YK_INVALID_INPUT", `splitPage expects a string, got ${raw === null ? "null" : typeof raw}`);
  checkOptions(options);
  return splitReflowed(reflow(raw, options), options);
}

/** The split stage alone, on a page `reflow` already returned (for pipelines that keep the reflow result). */
export function splitReflowed(result: ReflowResult, options: SplitOptions = {}): Page {
  checkOptions(options);
  const raw = result.raw;
  // a date line (2019年10月8日 星期二) dates the page unless the caller did: datelines then get their year
  const date = options.date ?? printedDate(result);
  const items = classify(result, { ...options, date });
  const groups = headlineGroups(items);
  const bodies = drafts(items);
  const headlineOf = associate(items, groups, bodies);
  const warnings: Warning[] = [];

  const furniture: Furniture[] = items.flatMap((it) => (it.type === "furniture" ? [it.furniture] : []));
  const unassigned: Unassigned[] = [];
  const placed: { at: number; article: Article }[] = [];
  let n = 0;
  const nextId = () => `a${++n}`;

  const fields = (g: HeadlineGroup | undefined) => {
    const kicker = joinField(g?.kicker ?? [], false);
    const headline = joinField(g?.headline ?? [], g?.joinWithSpace ?? false);
    const subheadline = joinField(g?.subheadline ?? [], false);
    return {
      kicker: kicker.text,
      headline: headline.text,
      subheadline: subheadline.text,
      fieldSpans: { kicker: kicker.spans, headline: headline.spans, subheadline: subheadline.spans },
    };
  };

  for (const d of bodies) {
    const g = headlineOf.get(d);
    if (d.paragraphs.length === 0 && !d.byline && d.credit && !g) {
      unassigned.push({ kind: "credit", text: d.credit.mapped.text, spans: d.credit.mapped.spans });
      continue;
    }
    const credit: Byline | null = d.credit
      ? { text: d.credit.mapped.text, contributors: d.credit.contributors, spans: d.credit.mapped.spans }
      : null;
    const isPhoto = !!credit && !d.byline && credit.contributors.some((c) => c.kind === "photographer");
    let byline = d.byline;
    if (credit && !isPhoto) {
      // a credit after a bylined story: its contributors join the byline
      if (byline) byline = { ...byline, contributors: [...byline.contributors, ...credit.contributors], spans: [...byline.spans, ...credit.spans] };
      else byline = credit;
    }
    let paragraphs = d.paragraphs;
    // a brief closes with its byline in brackets: …。（记者 王明）
    if ((!byline || byline.contributors.length === 0) && paragraphs.length > 0) {
      const lastP = paragraphs[paragraphs.length - 1]!;
      const trailing = matchTrailingByline(lastP.text);
      if (trailing) {
        const body = withSpans(trimMapped(sliceMapped(lastP, 0, trailing.start)), raw);
        const by = withSpans(sliceMapped(lastP, trailing.start), raw);
        byline = byline
          ? { ...byline, text: `${byline.text} ${by.text}`, contributors: trailing.contributors, spans: [...byline.spans, ...by.spans] }
          : { text: by.text, dateline: null, contributors: trailing.contributors, spans: by.spans };
        paragraphs = [...paragraphs.slice(0, -1), ...(body.text ? [body] : [])];
      }
    }
    if (byline && byline.contributors.length === 0) {
      warnings.push({ code: "byline-without-contributors", message: `no contributor found in byline ${JSON.stringify(byline.text)}`, spans: byline.spans });
    }
    const totalLength = paragraphs.reduce((s, p) => s + p.text.length, 0);
    const kind: Article["kind"] = isPhoto ? "photo" : g && paragraphs.length === 1 && totalLength <= 200 ? "brief" : "news";
    const article: Article = {
      id: nextId(),
      kind,
      ...fields(g),
      byline: isPhoto ? null : byline,
      paragraphs: isPhoto ? [] : paragraphs.map((p) => ({ text: p.text, spans: p.spans })),
      captions: isPhoto ? paragraphs.map((p, k) => ({ text: p.text, spans: p.spans, credit: k === paragraphs.length - 1 ? credit : null })) : [],
      entities: [],
    };
    if (isPhoto && paragraphs.length === 0 && credit) article.captions.push({ text: "", spans: [], credit });
    if (d.continuedTo || d.continuedFrom) article.continuation = { continuedTo: d.continuedTo, continuedFrom: d.continuedFrom };
    if (g && g.first > d.last) {
      warnings.push({ code: "headline-after-body", message: `headline group of ${article.id} was found after its body`, spans: article.fieldSpans!.headline });
    }
    placed.push({ at: g ? Math.min(g.first, d.first) : d.first, article });
  }
  const assigned = new Set(headlineOf.values());
  for (const g of groups) {
    if (assigned.has(g)) continue;
    placed.push({ at: g.first, article: { id: "", kind: "teaser", ...fields(g), byline: null, paragraphs: [], captions: [], entities: [] } });
  }
  placed.sort((a, b) => a.at - b.at);
  const articles = placed.map((p, k) => ({ ...p.article, id: `a${k + 1}` }));

  const section = furniture.find((f) => f.kind === "section")?.text ?? firstOf(furniture, "header", sectionOfHeader);
  const publication: Page["publication"] = {};
  if (options.publication) publication.name = options.publication;
  if (date) publication.date = date;
  const page = options.page !== undefined ? pageOption(options.page) : firstOf(furniture, "page-number", pageNumberOf) ?? firstOf(furniture, "header", pageNumberOf);
  if (page !== null) publication.page = page;
  if (options.edition) publication.edition = options.edition;
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { name: options.sourceName ?? null, length: raw.length, sha256: sha256(raw) },
    publication,
    section,
    articles,
    furniture,
    unassigned,
    warnings,
  };
}
