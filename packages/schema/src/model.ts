/**
 * The data model of a parsed page: one zod source of truth for the TypeScript types, the
 * runtime validation and the published JSON Schema (generated at build from these schemas).
 */
import { z } from "zod";

export const SCHEMA_VERSION = "2.0.0";
export const SCHEMA_ID = `https://yk-news.github.io/schema/page/${SCHEMA_VERSION}/page.schema.json`;

const offset = z.int().min(0);

/** A range of the raw input: UTF-16 code units, `end` exclusive (unist/micromark positions). */
export const Span = z.strictObject({ start: offset, end: offset })
  .refine((s) => s.end >= s.start, { message: "end must not be before start", path: ["end"] })
  .meta({ id: "Span", description: "Offsets into the raw input in UTF-16 code units; end exclusive." });
export type Span = z.infer<typeof Span>;

const Spans = z.array(Span).meta({ description: "Where the text came from in the raw input; inserted text has no span." });

export const ContributorKind = z.enum(["author", "photographer", "correspondent", "editor"]);
export type ContributorKind = z.infer<typeof ContributorKind>;

export const Contributor = z.strictObject({
    name: z.string().min(1),
    role: z.string().nullable().meta({ description: "The role as printed: 融媒首席记者, 通讯员, 摄影." }),
    kind: ContributorKind,
  })
  .meta({ id: "Contributor" });
export type Contributor = z.infer<typeof Contributor>;

export const Dateline = z.strictObject({
    text: z.string().meta({ description: "The dateline as printed: 本报讯, 新华社北京1月11日电." }),
    agency: z.string().nullable().meta({ description: "本报, 新华社 …" }),
    place: z.string().nullable(),
    date: z.string().nullable().meta({ description: "ISO date when the year is known, else the printed date." }),
  })
  .meta({ id: "Dateline" });
export type Dateline = z.infer<typeof Dateline>;

export const Byline = z.strictObject({
    text: z.string().meta({ description: "The byline or credit as printed (inner spaces kept)." }),
    dateline: Dateline.nullable().optional(),
    contributors: z.array(Contributor),
    spans: Spans,
  })
  .meta({ id: "Byline" });
export type Byline = z.infer<typeof Byline>;

export const Paragraph = z.strictObject({
    text: z.string(),
    spans: Spans,
    subhead: z.boolean().optional().meta({ description: "An in-article subhead (小标题): a short line heading the paragraphs after it." }),
  })
  .meta({ id: "Paragraph" });
export type Paragraph = z.infer<typeof Paragraph>;

export const Caption = z.strictObject({ text: z.string(), spans: Spans, credit: Byline.nullable().optional() })
  .meta({ id: "Caption", description: "A photo caption with its credit (融媒记者 X 摄)." });
export type Caption = z.infer<typeof Caption>;

export const EntityType = z.enum([
  "person",
  "organization",
  "location",
  "date",
  "time",
  "number",
  "percent",
  "money",
  "event",
]);
export type EntityType = z.infer<typeof EntityType>;

export const MentionField = z.enum(["kicker", "headline", "subheadline", "byline", "paragraph", "caption", "text"]);
export type MentionField = z.infer<typeof MentionField>;

export const Mention = z.strictObject({
    field: MentionField,
    index: z.int().min(0).optional().meta({ description: "Which paragraph or caption, for those fields." }),
    start: offset.meta({ description: "Start in the field's text (UTF-16)." }),
    end: offset,
    span: Span.optional().meta({ description: "The same mention in raw-input coordinates, when known." }),
  })
  .meta({ id: "Mention" });
export type Mention = z.infer<typeof Mention>;

export const Entity = z.strictObject({
    type: EntityType,
    text: z.string().min(1),
    normalized: z
      .union([z.string(), z.number(), z.null()])
      .optional()
      .meta({ description: "ISO date for dates (YYYY-MM-DD, YYYY-MM or YYYY), a number for numbers, percents and money." }),
    unit: z.string().optional().meta({ description: "元, 亿元, 人 … for numbers and money." }),
    titles: z.array(z.string()).optional().meta({ description: "For persons: every title seen before the name." }),
    mentions: z.array(Mention),
  })
  .meta({ id: "Entity" });
export type Entity = z.infer<typeof Entity>;

export const ArticleKind = z.enum(["news", "photo", "brief", "teaser", "commentary", "notice", "other"]);
export type ArticleKind = z.infer<typeof ArticleKind>;

export const Article = z.strictObject({
    id: z.string().min(1),
    kind: ArticleKind,
    kicker: z.string().nullable().meta({ description: "引题: the line above the headline." }),
    headline: z.string().nullable().meta({ description: "主题." }),
    subheadline: z.string().nullable().meta({ description: "副题, often starting with ——." }),
    byline: Byline.nullable(),
    paragraphs: z.array(Paragraph),
    captions: z.array(Caption),
    entities: z.array(Entity),
    fieldSpans: z.strictObject({ kicker: Spans, headline: Spans, subheadline: Spans })
      .optional()
      .meta({ description: "Raw-input spans of the headline group's fields." }),
    continuation: z.strictObject({ continuedTo: z.string().nullable(), continuedFrom: z.string().nullable() })
      .optional()
      .meta({ description: "Continuation markers: 下转第3版 → continuedTo '3'." }),
  })
  .meta({ id: "Article" });
export type Article = z.infer<typeof Article>;

export const FurnitureKind = z.enum(["section", "header", "footer", "page-number", "continuation", "staff", "date", "other"]);
export type FurnitureKind = z.infer<typeof FurnitureKind>;

export const Furniture = z.strictObject({ kind: FurnitureKind.optional(), text: z.string(), spans: Spans })
  .meta({ id: "Furniture", description: "Page furniture: section labels, headers, footers, page numbers, continuation markers." });
export type Furniture = z.infer<typeof Furniture>;

export const Unassigned = z.strictObject({ kind: z.string().optional(), text: z.string(), spans: Spans })
  .meta({ id: "Unassigned", description: "Text that no rule claimed; kept so that no character is lost." });
export type Unassigned = z.infer<typeof Unassigned>;

export const Warning = z.strictObject({ code: z.string().min(1), message: z.string(), spans: Spans.optional() })
  .meta({ id: "Warning" });
export type Warning = z.infer<typeof Warning>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected an ISO date YYYY-MM-DD");

export const Publication = z.strictObject({
    name: z.string().optional(),
    date: isoDate.optional().meta({ description: "Publication date: given by the caller, else read from the page's date line." }),
    page: z.int().min(1).optional().meta({ description: "The printed page number (版次): 第05版 → 5." }),
    edition: z.string().optional(),
  })
  .meta({ id: "Publication" });
export type Publication = z.infer<typeof Publication>;

export const Source = z.strictObject({
    name: z.string().nullable().meta({ description: "File name or label of the input, when known." }),
    length: offset.meta({ description: "Length of the raw input in UTF-16 code units." }),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex digits"),
    text: z.string().optional().meta({
      description: "The raw input itself, which every span points into; only when asked for (yk parse --format html fills it).",
    }),
  })
  // spans are offsets into this text: a text of another length cannot be the one they point into
  .refine((s) => s.text === undefined || s.text.length === s.length, { message: "text.length must equal length", path: ["text"] })
  .meta({ id: "Source" });
export type Source = z.infer<typeof Source>;

export const Box = z.strictObject({ x0: z.number(), top: z.number(), x1: z.number(), bottom: z.number() })
  .meta({ id: "Box", description: "A rectangle on the printed page, in PDF points from its top-left corner (y grows downward)." });
export type Box = z.infer<typeof Box>;

export const LayoutLine = z.strictObject({
    role: z.enum(["kicker", "headline", "subheadline", "byline", "paragraph", "subhead", "caption", "furniture", "unassigned"]),
    article: z.string().nullable().meta({ description: "The id of the article the line belongs to; null for furniture and unassigned text." }),
    box: Box,
    span: Span.optional().meta({ description: "The line's text in the raw input (the PDF's text rendition), when known." }),
  })
  .meta({ id: "LayoutLine", description: "One printed line of a field, where it lies on the page." });
export type LayoutLine = z.infer<typeof LayoutLine>;

export const Layout = z.strictObject({
    page: Box.meta({ description: "The page itself: 0, 0, width, height." }),
    articles: z.array(z.strictObject({ id: z.string(), box: Box })).meta({ description: "Each article's region." }),
    lines: z.array(LayoutLine),
  })
  .meta({ id: "Layout", description: "Where the page's text lies on the printed page (pages read from a PDF, when asked for)." });
export type Layout = z.infer<typeof Layout>;

export const Page = z.strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: Source,
    publication: Publication,
    section: z.string().nullable().meta({ description: "The page label (时政·要闻); also in furniture." }),
    articles: z.array(Article),
    furniture: z.array(Furniture),
    unassigned: z.array(Unassigned),
    warnings: z.array(Warning),
    layout: Layout.optional(),
  })
  .meta({ id: "Page", title: "Parsed Chinese newspaper page" });
export type Page = z.infer<typeof Page>;
