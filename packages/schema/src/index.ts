export {
  SCHEMA_VERSION,
  SCHEMA_ID,
  Span,
  ContributorKind,
  Contributor,
  Dateline,
  Byline,
  Paragraph,
  Caption,
  EntityType,
  MentionField,
  Mention,
  Entity,
  ArticleKind,
  Article,
  FurnitureKind,
  Furniture,
  Unassigned,
  Warning,
  Publication,
  Source,
  Page,
} from "./model.js";
export { parsePage, safeParsePage, PageValidationError, type PageIssue, type SafeParsePageResult } from "./validate.js";
export { pageJsonSchema } from "./json-schema.js";
export { toNinjs, toJsonLd, articleBody, articleUri, type NinjsDocument } from "./convert.js";
