import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { parsePage } from "@yk/schema";
import { splitPage } from "./index.js";
import { composePage } from "./test-utils/compose.js";
import { PAGES } from "./test-utils/pages.js";
import { renderPages } from "./test-utils/render-pages.js";
import { pageSpans, uncovered } from "../../../test/hostile/properties.js";

const dir = new URL("../test/fixtures/pages/", import.meta.url);
if (process.env.RENDER_PAGES) renderPages(dir);
const compact = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, "") || null;

describe.each(PAGES)("page $name", (spec) => {
  const file = new URL(`${spec.name}.txt`, dir);
  const raw = existsSync(file) ? readFileSync(file, "utf8") : "";

  it("the committed fixture is what the spec prints", () => {
    expect(raw).toBe(composePage(spec));
  });

  const page = parsePage(splitPage(raw, { date: "2023-05-10" }));

  it("has the section label", () => {
    expect(page.section).toBe(spec.section);
    for (const f of spec.furniture ?? []) expect(page.furniture).toContainEqual(expect.objectContaining({ kind: f.kind, text: f.text }));
  });

  // a known divergence is a failure we expect (it.fails): the day the parse is right, this says so
  (spec.knownDivergence ? it.fails : it)(`gives every article its kind, headline fields, contributors and paragraphs${spec.knownDivergence ? ` (known divergence: ${spec.knownDivergence})` : ""}`, () => {
    const got = page.articles.map((a) => ({
      kind: a.kind,
      kicker: compact(a.kicker),
      headline: compact(a.headline),
      subheadline: compact(a.subheadline),
      contributors: a.byline?.contributors ?? a.captions.flatMap((c) => c.credit?.contributors ?? []),
      paragraphs: a.kind === "photo" ? a.captions.map((c) => c.text) : a.paragraphs.map((p) => p.text),
    }));
    const want = spec.articles.map((a) => ({
      kind: a.kind,
      kicker: compact(a.kicker),
      headline: compact(a.headline),
      subheadline: compact(a.subheadline),
      contributors: a.contributors ?? [],
      paragraphs: a.paragraphs ?? a.captions ?? [],
    }));
    const key = (x: { headline: string | null; paragraphs: string[] }) => `${x.headline}|${x.paragraphs[0] ?? ""}`;
    expect([...got].sort((x, y) => key(x).localeCompare(key(y)))).toEqual([...want].sort((x, y) => key(x).localeCompare(key(y))));
  });

  it("records continuation markers", () => {
    for (const a of spec.articles.filter((x) => x.continuedTo || x.continuedFrom)) {
      const found = page.articles.find((x) => compact(x.headline) === compact(a.headline))!;
      expect(found.continuation).toEqual({ continuedTo: a.continuedTo ?? null, continuedFrom: a.continuedFrom ?? null });
    }
  });

  it("loses no character", () => {
    const lost = uncovered(raw, pageSpans(page));
    expect(lost).toEqual([]);
  });
});
