/**
 * Converters from our model to the formats other newsroom tools read: IPTC ninjs 3.x and
 * schema.org NewsArticle (JSON-LD). Both are pure functions of an article and its page.
 */
import type { Article, Entity, Page } from "./model.js";

const PARAGRAPH_SEPARATOR = "\n\n";

/** The article's body as plain text: paragraphs separated by blank lines. */
export function articleBody(article: Article): string {
  return article.paragraphs.map((p) => p.text).join(PARAGRAPH_SEPARATOR);
}

function namesOf(entities: readonly Entity[], type: Entity["type"]): string[] {
  return [...new Set(entities.filter((e) => e.type === type).map((e) => e.text))];
}

/** A stable URI for an article: the page's content hash plus the article id. */
export function articleUri(article: Article, page: Page): string {
  return `urn:yk:page:${page.source.sha256}:${encodeURIComponent(article.id)}`;
}

function dateTimeOf(page: Page): string | undefined {
  // Print dates carry no time; midnight China Standard Time keeps the calendar day right.
  return page.publication.date ? `${page.publication.date}T00:00:00+08:00` : undefined;
}

function bylineText(article: Article): string | undefined {
  if (article.byline) return article.byline.text;
  const credits = article.captions.map((c) => c.credit?.text).filter((t): t is string => !!t);
  return credits.length > 0 ? credits.join("; ") : undefined;
}

/** A ninjs 3.x document; what ninjs cannot carry (spans, kinds) stays in our page. */
export type NinjsDocument = Record<string, unknown> & { uri: string };

export function toNinjs(article: Article, page: Page): NinjsDocument {
  const headlines: { role: string; value: string }[] = [];
  if (article.kicker) headlines.push({ role: "kicker", value: article.kicker });
  if (article.headline) headlines.push({ role: "main", value: article.headline });
  if (article.subheadline) headlines.push({ role: "subheadline", value: article.subheadline });

  const doc: NinjsDocument = {
    uri: articleUri(article, page),
    type: article.kind === "photo" ? "picture" : "text",
    language: "zh",
  };
  const created = dateTimeOf(page);
  if (created) doc.contentCreated = created;
  if (headlines.length > 0) doc.headlines = headlines;
  const by = bylineText(article);
  if (by) doc.by = by;
  const located = article.byline?.dateline?.place;
  if (located) doc.located = located;
  const body = articleBody(article);
  if (body) doc.bodies = [{ role: "main", contentType: "text/plain", charCount: body.length, value: body }];
  if (article.captions.length > 0) {
    doc.descriptions = article.captions.map((c) => ({ role: "caption", contentType: "text/plain", value: c.text }));
  }
  if (page.section) doc.slugline = page.section;
  if (article.kind !== "news") doc.genres = [{ name: article.kind }];

  const people = namesOf(article.entities, "person").map((name) => ({ name, rel: "mentioned" }));
  for (const c of [...(article.byline?.contributors ?? []), ...article.captions.flatMap((c) => c.credit?.contributors ?? [])]) {
    if (!people.some((p) => p.name === c.name && p.rel === c.kind)) people.push({ name: c.name, rel: c.kind });
  }
  if (people.length > 0) doc.people = people;
  const organisations = namesOf(article.entities, "organization").map((name) => ({ name, rel: "mentioned" }));
  if (organisations.length > 0) doc.organisations = organisations;
  const places = namesOf(article.entities, "location").map((name) => ({ name, rel: "mentioned" }));
  if (places.length > 0) doc.places = places;
  return doc;
}

/** schema.org NewsArticle as JSON-LD. */
export function toJsonLd(article: Article, page: Page): Record<string, unknown> {
  const alternative = [article.kicker, article.subheadline].filter((t): t is string => !!t);
  const contributors = [...(article.byline?.contributors ?? []), ...article.captions.flatMap((c) => c.credit?.contributors ?? [])];
  const person = (c: (typeof contributors)[number]) => ({ "@type": "Person", name: c.name, ...(c.role ? { jobTitle: c.role } : {}) });
  const doc: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": articleUri(article, page),
    inLanguage: "zh-CN",
    headline: article.headline ?? article.kicker ?? undefined,
    articleBody: articleBody(article) || undefined,
  };
  if (alternative.length > 0) doc.alternativeHeadline = alternative.join(" ");
  const authors = contributors.filter((c) => c.kind === "author" || c.kind === "correspondent").map(person);
  if (authors.length > 0) doc.author = authors;
  const photographers = contributors.filter((c) => c.kind === "photographer").map(person);
  if (photographers.length > 0) doc.contributor = photographers;
  const editors = contributors.filter((c) => c.kind === "editor").map(person);
  if (editors.length > 0) doc.editor = editors;
  if (article.byline?.dateline) doc.dateline = article.byline.dateline.text;
  if (page.publication.date) doc.datePublished = page.publication.date;
  if (page.section) doc.printSection = page.section;
  if (page.publication.page !== undefined) doc.printPage = String(page.publication.page);
  if (page.publication.edition) doc.printEdition = page.publication.edition;
  if (page.publication.name) doc.publisher = { "@type": "Organization", name: page.publication.name };
  if (article.captions.length > 0) {
    doc.image = article.captions.map((c) => ({
      "@type": "ImageObject",
      caption: c.text,
      ...(c.credit?.contributors.length ? { creator: c.credit.contributors.map(person) } : {}),
    }));
  }
  const typeOf: Partial<Record<Entity["type"], string>> = { person: "Person", organization: "Organization", location: "Place", event: "Event" };
  const mentions = article.entities
    .filter((e) => typeOf[e.type])
    .map((e) => ({ "@type": typeOf[e.type], name: e.text }));
  if (mentions.length > 0) doc.mentions = mentions;
  for (const key of Object.keys(doc)) if (doc[key] === undefined) delete doc[key];
  return doc;
}
