/** Scores of parsed pages against the specs they were printed from. */
import type { Page } from "@yk/schema";
import type { SpecPage } from "./compose.js";

export interface Scores {
  articles: { gold: number; found: number; matched: number; f1: number };
  /** Advertisements that came out as one article of kind "other" each (and not as news). */
  ads: { gold: number; found: number };
  /** Share of kicker, headline and subheadline fields of matched articles that came out exactly. */
  headlineFields: number;
  /** Exact-paragraph F1 over matched articles. */
  paragraphs: number;
  bylines: number;
  captions: number;
  /** Characters of the specs (bar white space) missing from every field of the output. */
  lost: number;
}

const strip = (s: string) => s.replace(/\s+/g, "");

export function score(specs: readonly SpecPage[], pages: readonly Page[]): Scores {
  let gold = 0;
  let found = 0;
  let matched = 0;
  let fieldsOk = 0;
  let fields = 0;
  let parGold = 0;
  let parFound = 0;
  let parOk = 0;
  let bylineOk = 0;
  let bylines = 0;
  let capOk = 0;
  let caps = 0;
  let lost = 0;
  let adsGold = 0;
  let adsFound = 0;
  specs.forEach((spec, i) => {
    const page = pages[i]!;
    gold += spec.articles.length;
    found += page.articles.filter((a) => a.kind !== "other").length;
    if (spec.ad) {
      adsGold++;
      const strip2 = (t: string | null) => (t ?? "").replace(/\s+/g, "");
      if (page.articles.some((a) => a.kind === "other" && strip2(a.headline) === strip2(spec.ad!.slogan))) adsFound++;
    }
    const out = strip(JSON.stringify(page));
    for (const a of spec.articles) {
      const got = page.articles.find((x) => x.headline === a.headline);
      for (const p of a.paragraphs) for (const ch of strip(p)) if (!out.includes(ch)) lost++;
      if (!got) continue;
      matched++;
      for (const [want, have] of [[a.kicker, got.kicker], [a.headline, got.headline], [a.subheadline, got.subheadline]] as const) {
        fields++;
        if ((want ?? null) === have) fieldsOk++;
      }
      const wantPars = new Set(a.paragraphs);
      parGold += a.paragraphs.length;
      parFound += got.paragraphs.length;
      parOk += got.paragraphs.filter((p) => wantPars.has(p.text)).length;
      bylines++;
      const names = got.byline?.contributors.map((c) => c.name) ?? [];
      if (JSON.stringify(names) === JSON.stringify(a.byline?.names ?? [])) bylineOk++;
      if (a.photo) {
        caps++;
        const c = got.captions[0];
        if (c && c.text === a.photo.caption && JSON.stringify(c.credit?.contributors.map((x) => x.name)) === JSON.stringify(a.photo.credit_names)) capOk++;
      }
    }
  });
  const f = (ok: number, g: number, p: number) => (ok === 0 ? 0 : (2 * ok) / (g + p));
  return {
    articles: { gold, found, matched, f1: f(matched, gold, found) },
    ads: { gold: adsGold, found: adsFound },
    headlineFields: fields ? fieldsOk / fields : 0,
    paragraphs: f(parOk, parGold, parFound),
    bylines: bylines ? bylineOk / bylines : 0,
    captions: caps ? capOk / caps : 1,
    lost,
  };
}
