import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parsePage, safeParsePage, PageValidationError, pageJsonSchema, toNinjs, toJsonLd, SCHEMA_ID } from "./index.js";
import { handBuiltSeedPage } from "./fixtures.test-helpers.js";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../test/fixtures/ninjs/${name}`, import.meta.url), "utf8"));

function ninjsValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema(fixture("GeoJSON-schema.json"));
  return ajv.compile(fixture("ninjs-schema_3.1.json"));
}

describe("parsePage", () => {
  it("accepts the hand-built seed page", () => {
    const page = parsePage(handBuiltSeedPage());
    expect(page.articles).toHaveLength(3);
    expect(page.section).toBe("时政·要闻");
  });

  it("rejects broken variants with messages naming each bad path", () => {
    const page = handBuiltSeedPage() as unknown as Record<string, any>;
    page.articles[1].byline.contributors[0].kind = "painter";
    page.articles[0].captions[0].spans[0] = { start: 10, end: 5 };
    page.source.sha256 = "nope";
    delete page.warnings;
    let error: PageValidationError | undefined;
    try {
      parsePage(page);
    } catch (e) {
      error = e as PageValidationError;
    }
    expect(error).toBeInstanceOf(PageValidationError);
    const paths = error!.issues.map((i) => i.path);
    expect(paths).toContain("articles[1].byline.contributors[0].kind");
    expect(paths).toContain("articles[0].captions[0].spans[0].end");
    expect(paths).toContain("source.sha256");
    expect(paths).toContain("warnings");
    expect(error!.message).toContain("articles[1].byline.contributors[0].kind");
  });

  it("takes the raw input as source.text only when its length is source.length", () => {
    const page = handBuiltSeedPage() as unknown as Record<string, any>;
    const length: number = page.source.length;
    page.source.text = "字".repeat(length);
    expect(parsePage(page).source.text).toHaveLength(length);
    page.source.text = "字".repeat(length + 1);
    const result = safeParsePage(page);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => i.path)).toContain("source.text");
    delete page.source.text;
    expect(safeParsePage(page).success).toBe(true);
  });

  it("takes a layout (where each line lies on a printed page) and names a bad box's path", () => {
    const page = handBuiltSeedPage() as unknown as Record<string, any>;
    const box = () => ({ x0: 10, top: 20, x1: 200, bottom: 44 });
    page.layout = {
      page: { x0: 0, top: 0, x1: 842, bottom: 1191 },
      articles: [{ id: "a1", box: box() }],
      lines: [{ role: "headline", article: "a1", box: box(), span: { start: 0, end: 8 } }, { role: "furniture", article: null, box: box() }],
    };
    expect(parsePage(page).layout?.lines).toHaveLength(2);
    expect(new Ajv2020({ strict: false }).compile(pageJsonSchema())(page)).toBe(true);
    page.layout.lines[1].role = "masthead";
    page.layout.articles[0].box.top = "20";
    const result = safeParsePage(page);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => i.path).sort()).toEqual(["layout.articles[0].box.top", "layout.lines[1].role"]);
  });

  it("safeParsePage does not throw", () => {
    const result = safeParsePage({ schemaVersion: "0.0.1" });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.length).toBeGreaterThan(3);
    expect(safeParsePage(null).success).toBe(false);
  });
});

describe("JSON Schema", () => {
  it("compiles in Ajv 2020 and agrees with zod on valid and invalid pages", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(pageJsonSchema());
    expect(validate(handBuiltSeedPage())).toBe(true);
    const withText = handBuiltSeedPage() as unknown as Record<string, any>;
    withText.source.text = "字".repeat(withText.source.length);
    expect(validate(withText)).toBe(true);
    const bad = handBuiltSeedPage() as unknown as Record<string, any>;
    bad.articles[0].kind = "poem";
    expect(validate(bad)).toBe(false);
  });

  it("the shipped dist/page.schema.json is not stale", () => {
    const shipped = JSON.parse(readFileSync(new URL("../dist/page.schema.json", import.meta.url), "utf8"));
    expect(shipped).toEqual(pageJsonSchema());
    expect(shipped.$id).toBe(SCHEMA_ID);
    expect(shipped.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });
});

describe("converters", () => {
  it("toNinjs output validates against the official ninjs 3.1 schema", () => {
    const validate = ninjsValidator();
    const page = parsePage(handBuiltSeedPage());
    for (const article of page.articles) {
      const doc = toNinjs(article, page);
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
    const news = toNinjs(page.articles[1]!, page);
    expect(news.headlines).toEqual([
      { role: "kicker", value: "章旭升在开展“四大双千”活动时指出" },
      { role: "main", value: "用心解难争主动 助企发展抢先机" },
    ]);
    expect(news.by).toBe("本报讯（融媒首席记者 陈晓苏）");
    expect(news.people).toContainEqual({ name: "章旭升", rel: "mentioned" });
    expect(news.places).toEqual([{ name: "永康", rel: "mentioned" }]);
    expect(toNinjs(page.articles[0]!, page).type).toBe("picture");
  });

  it("the official ninjs example validates too (the validator is wired right)", () => {
    const validate = ninjsValidator();
    expect(validate(fixture("example_simple_text_article.json"))).toBe(true);
    expect(validate({ uri: "x:y", headlines: [{ value: "a", extra: 1 }] })).toBe(false);
  });

  it("toJsonLd gives a schema.org NewsArticle", () => {
    const page = parsePage(handBuiltSeedPage());
    const doc = toJsonLd(page.articles[1]!, page);
    expect(doc["@type"]).toBe("NewsArticle");
    expect(doc.headline).toBe("用心解难争主动 助企发展抢先机");
    expect(doc.alternativeHeadline).toBe("章旭升在开展“四大双千”活动时指出");
    expect(doc.author).toEqual([{ "@type": "Person", name: "陈晓苏", jobTitle: "融媒首席记者" }]);
    expect(doc.datePublished).toBe("2023-01-12");
    expect(doc.printSection).toBe("时政·要闻");
    expect(doc.dateline).toBe("本报讯");
    expect(doc.mentions).toContainEqual({ "@type": "Person", name: "章旭升" });
  });
});
