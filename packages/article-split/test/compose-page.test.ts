// The page composer and the metrics of scripts/eval-layout.mjs, on articles written for this test
// (made-up places, people and events) and, when ../shared/pd-2019-10 is present, on 5 real pages.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ES modules of the package's scripts, without type declarations
import { composePage, lineLabels, namesOf, normalizeText, roleOfSourceParagraph, seedOf } from "../scripts/compose-page.mjs";
// @ts-expect-error -- idem
import { figures, scorePage } from "../scripts/eval-layout.mjs";
// @ts-expect-error -- idem
import { loadPdPages, splitOf } from "../scripts/pd-pages.mjs";
import { splitPage } from "@yk/article-split";
import { SINGLE_SURNAMES } from "@yk/lexicon";

interface Region { start: number; end: number; role: string; article: number }
interface GoldArticle {
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  byline: string | null;
  contributors: { name: string; kind: string }[];
  paragraphs: { text: string; subhead: boolean }[];
  credits: string[];
}
interface Composed { raw: string; gold: { date: string; page: number; section: string | null; articles: GoldArticle[] }; regions: Region[] }

const NBSP = "\u00a0";
const fakePage = {
  id: "20300314-04",
  date: "2030-03-14",
  page: 4,
  articles: [
    {
      kicker: "春耕时节走乡村——",
      title: "青禾镇的新稻种试种成功",
      subtitle: "三个合作社带动两百余户增收",
      paragraphs: [
        `本报南州3月13日电${NBSP}${NBSP}（记者林青岚）青禾镇农技站今年试种的早熟稻种，经过一个冬季的育秧，长势良好。`,
        "站长介绍，新稻种耐寒性强，比往年提前十天插秧，亩产预计提高一成。",
        "合作社带头试种",
        "镇上的三个合作社先行试种，再把经验教给周边农户。到目前为止，已有两百余户报名参加下一季的种植。",
        "（相关报道见第七版）",
      ],
    },
    {
      kicker: "",
      title: "河滨步道",
      subtitle: "",
      paragraphs: [
        "清晨的河滨步道上，跑步的人、遛狗的人和晨练的老人来来往往，柳枝刚刚抽出新芽。",
        `周${NBSP}${NBSP}平摄（影像中国）`,
      ],
    },
    {
      kicker: "",
      title: "让社区食堂办得更长久（民生观察）",
      subtitle: "",
      paragraphs: [
        `本报记者${NBSP}${NBSP}韩${NBSP}${NBSP}松`,
        "社区食堂开张容易，办好难。价格要让老人吃得起，经营也要算得过账，两头都得兼顾。",
        "有的社区引入餐饮企业托管，由街道提供场地、企业负责经营，老人凭卡享受优惠，收支基本持平。",
        "（作者为南州市社会科学院研究员）",
        "版式设计：罗一鸣",
      ],
    },
  ],
};

const compose = (seed: number): Composed => composePage(fakePage, seed);
const isWhite = (ch: string) => /\s/.test(ch);

function regionText(c: Composed, article: number, roles: string[]): string {
  return normalizeText(c.regions.filter((r) => r.article === article && roles.includes(r.role)).map((r) => c.raw.slice(r.start, r.end)).join(""));
}

describe("roleOfSourceParagraph", () => {
  it("takes a dateline and its bracket as the byline and the rest as the paragraph", () => {
    const text = "本报南州3月13日电  （记者林青岚、王一平）青禾镇农技站今年试种早熟稻种。";
    const r = roleOfSourceParagraph(text, 0);
    expect(r.kind).toBe("dateline");
    expect(text.slice(0, r.bylineEnd)).toBe("本报南州3月13日电  （记者林青岚、王一平）");
    expect(text.slice(r.restStart)).toBe("青禾镇农技站今年试种早熟稻种。");
    expect(r.contributors.map((c: { name: string }) => c.name)).toEqual(["林青岚", "王一平"]);
  });

  it("keeps a bracket that names no one in the paragraph", () => {
    const text = "新华社南州3月13日电  （南州市政府供稿）青禾镇农技站今年试种早熟稻种。";
    const r = roleOfSourceParagraph(text, 0);
    expect(text.slice(0, r.bylineEnd)).toBe("新华社南州3月13日电");
    expect(r.contributors).toEqual([]);
  });

  it("tells bylines, photo credits, notes and subheads apart", () => {
    expect(roleOfSourceParagraph(`本报记者${NBSP}${NBSP}韩${NBSP}${NBSP}松`, 0)).toMatchObject({ kind: "byline", contributors: [{ name: "韩松", kind: "author" }] });
    expect(roleOfSourceParagraph("新华社记者  罗一鸣摄", 3)).toMatchObject({ kind: "credit", contributors: [{ name: "罗一鸣", kind: "photographer" }] });
    expect(roleOfSourceParagraph("周  平摄（影像中国）", 2)).toMatchObject({ kind: "credit", contributors: [{ name: "周平" }] });
    expect(roleOfSourceParagraph("（作者为南州市社会科学院研究员）", 5).kind).toBe("note");
    expect(roleOfSourceParagraph("合作社带头试种", 2).kind).toBe("subhead");
    expect(roleOfSourceParagraph("合作社带头试种", 0).kind).toBe("body");
    expect(roleOfSourceParagraph("他说：“好。”", 3).kind).toBe("body");
    expect(roleOfSourceParagraph("乡亲们，朋友们，", 1).kind).toBe("body");
    expect(roleOfSourceParagraph("（二）", 4).kind).toBe("subhead");
    expect(roleOfSourceParagraph("版式设计：林  青", 6).kind).toBe("staff");
    expect(roleOfSourceParagraph("版式设计  林  青", 6).kind).toBe("staff");
    expect(roleOfSourceParagraph("（本报记者  林  青）", 6)).toMatchObject({ kind: "byline", contributors: [{ name: "林青" }] });
    expect(roleOfSourceParagraph("（罗一鸣、王小川）", 6)).toMatchObject({ kind: "byline", contributors: [{ name: "罗一鸣" }, { name: "王小川" }] });
    expect(roleOfSourceParagraph("（南州日报社）", 6).kind).toBe("note");
    expect(roleOfSourceParagraph("本报记者  罗一鸣  林  青摄影报道", 2)).toMatchObject({ kind: "credit", contributors: [{ name: "罗一鸣", kind: "photographer" }, { name: "林青", kind: "photographer" }] });
  });

  it("joins letter-spaced names and splits names at white space and 、", () => {
    expect(namesOf("韩立新  周  平").map((c: { name: string }) => c.name)).toEqual(["韩立新", "周平"]);
    expect(namesOf("记者罗一鸣、通讯员王小川")).toEqual([{ name: "罗一鸣", kind: "author" }, { name: "王小川", kind: "correspondent" }]);
  });
});

describe("composePage", () => {
  const seeds = Array.from({ length: 24 }, (_, i) => i * 7919 + 1);

  it("labels every non-white-space character of raw with exactly one region", () => {
    for (const seed of seeds) {
      const c = compose(seed);
      const count = new Uint8Array(c.raw.length);
      let last = 0;
      for (const r of c.regions) {
        expect(r.start).toBeGreaterThanOrEqual(last);
        expect(r.end).toBeGreaterThan(r.start);
        expect(isWhite(c.raw[r.start]!) || isWhite(c.raw[r.end - 1]!)).toBe(false);
        expect(c.raw.slice(r.start, r.end)).not.toMatch(/[\r\n]/);
        for (let i = r.start; i < r.end; i++) count[i]!++;
        last = r.end;
      }
      for (let i = 0; i < c.raw.length; i++) if (!isWhite(c.raw[i]!)) expect(count[i], `seed ${seed} offset ${i}`).toBe(1);
    }
  });

  it("prints the gold fields, in order, where its regions say", () => {
    for (const seed of seeds) {
      const c = compose(seed);
      expect(c.gold).toMatchObject({ date: "2030-03-14", page: 4 });
      expect(c.gold.articles).toHaveLength(3);
      const flat = normalizeText(c.raw);
      c.gold.articles.forEach((a, i) => {
        expect(regionText(c, i, ["kicker"])).toBe(normalizeText(a.kicker));
        expect(regionText(c, i, ["headline"])).toBe(normalizeText(a.headline));
        expect(regionText(c, i, ["subheadline"])).toBe(normalizeText(a.subheadline));
        expect(regionText(c, i, ["body", "subhead", "note"])).toBe(normalizeText(a.paragraphs.map((p) => p.text).join("")));
        expect(regionText(c, i, ["credit"])).toBe(normalizeText(a.credits.join("")));
        if (a.byline) expect(regionText(c, i, ["byline"])).toBe(normalizeText(a.byline));
        let at = 0;
        for (const p of a.paragraphs) {
          const found = flat.indexOf(normalizeText(p.text), at);
          expect(found, p.text).toBeGreaterThanOrEqual(at);
          at = found + 1;
        }
      });
      const section = c.regions.find((r) => r.role === "furniture:section");
      expect(section ? c.raw.slice(section.start, section.end) : null).toBe(c.gold.section);
      const page = c.regions.find((r) => r.role === "furniture:page-number")!;
      expect(Number(/\d+/.exec(c.raw.slice(page.start, page.end))![0])).toBe(4);
    }
  });

  it("labels the source's own paragraphs by construction", () => {
    const [first, photo, comment] = compose(11).gold.articles;
    expect(first!.byline).toBe(`本报南州3月13日电${NBSP}${NBSP}（记者林青岚）`);
    expect(first!.contributors).toEqual([{ name: "林青岚", kind: "author" }]);
    expect(first!.paragraphs.map((p) => p.subhead)).toEqual([false, false, true, false, false]);
    expect(photo!.paragraphs).toHaveLength(1);
    expect(photo!.contributors).toEqual([{ name: "周平", kind: "photographer" }]);
    expect(comment!.byline).toBe(`本报记者${NBSP}${NBSP}韩${NBSP}${NBSP}松`);
    expect(comment!.paragraphs.at(-1)).toEqual({ text: "（作者为南州市社会科学院研究员）", subhead: false });
    const c = compose(11);
    const staff = c.regions.filter((r) => r.role === "furniture:staff").map((r) => c.raw.slice(r.start, r.end));
    expect(normalizeText(staff.join(""))).toContain("版式设计：罗一鸣");
  });

  it("invents bylines for articles without one, from the surname list, never for one that has one", () => {
    const invented = seeds.map((s) => compose(s).gold.articles[1]!).filter((a) => a.byline !== null);
    expect(invented.length).toBeGreaterThan(0);
    for (const a of invented) {
      const authors = a.contributors.filter((c) => c.kind !== "photographer");
      expect(authors.length).toBeGreaterThan(0);
      for (const c of authors) expect(SINGLE_SURNAMES).toContain(c.name[0]);
      expect(normalizeText(a.byline)).toContain(authors.map((c) => c.name).join(""));
    }
    for (const s of seeds) expect(compose(s).gold.articles[2]!.byline).toBe(`本报记者${NBSP}${NBSP}韩${NBSP}${NBSP}松`);
  });

  it("labels every printed line with the role holding most of it", () => {
    for (const seed of seeds.slice(0, 8)) {
      const c = compose(seed);
      const lines = lineLabels(c);
      expect(lines.length).toBe(c.raw.split(/\r?\n/).filter((l) => l.trim()).length);
      for (const l of lines) {
        expect(c.raw.slice(l.start, l.end)).toBe(l.text);
        expect(l.roles.map((r: Region) => r.role)).toContain(l.role);
        for (const r of l.roles) expect(r.start >= l.start && r.end <= l.end).toBe(true);
      }
      const headline = lines.filter((l: { role: string; article: number }) => l.role === "headline" && l.article === 0);
      expect(normalizeText(headline.map((l: { text: string }) => l.text).join(""))).toBe("青禾镇的新稻种试种成功");
    }
  });

  it("is deterministic from the seed, and seeds vary the layout", () => {
    expect(compose(5)).toEqual(compose(5));
    expect(new Set(seeds.map((s) => compose(s).raw)).size).toBe(seeds.length);
    const layouts = seeds.map((s) => compose(s).raw);
    expect(layouts.some((raw) => raw.includes("\n\n"))).toBe(true);
    expect(layouts.some((raw) => !raw.includes("\n\n"))).toBe(true);
    expect(seedOf("20191008-02#0")).toBe(seedOf("20191008-02#0"));
  });
});

describe("eval-layout metrics", () => {
  /** A parse that is exactly the gold, its spans the composer's regions: every figure must be perfect. */
  function perfectParse(c: Composed) {
    return {
      publication: { date: c.gold.date, page: String(c.gold.page) },
      section: c.gold.section,
      articles: c.gold.articles.map((a) => ({
        kicker: a.kicker,
        headline: a.headline,
        subheadline: a.subheadline,
        byline: { text: a.byline ?? "", contributors: a.contributors.filter((x) => x.kind !== "photographer"), spans: [] },
        paragraphs: a.paragraphs.map((p) => ({ text: p.text, spans: [] })),
        captions: a.credits.length ? [{ text: "", spans: [], credit: { contributors: a.contributors.filter((x) => x.kind === "photographer") } }] : [],
      })),
      furniture: [],
      unassigned: c.regions.map((r) => ({ text: "", spans: [{ start: r.start, end: r.end }] })),
    };
  }

  it("gives a perfect parse perfect figures, and a parse missing an article less", () => {
    const c = compose(3);
    const perfect = figures(scorePage(c.gold, perfectParse(c), c.raw));
    expect(perfect).toMatchObject({ articleF1: 1, paragraphF1: 1, headlineAll: 1, contributorF1: 1, pageNumber: 1, date: 1, charsLost: 0, charsTwice: 0 });
    const partial = perfectParse(c);
    partial.articles.pop();
    const worse = figures(scorePage(c.gold, partial, c.raw));
    expect(worse.articleF1).toBeCloseTo(0.8, 5);
    expect(worse.headlineAll).toBeCloseTo(2 / 3, 5);
  });

  it("counts splitPage's articles and paragraphs on a composed page", () => {
    const c = compose(21);
    const parsed = splitPage(c.raw);
    const counts = scorePage(c.gold, parsed, c.raw);
    expect(counts).toMatchObject({ goldArticles: 3, predArticles: parsed.articles.length, goldParagraphs: 9 });
    expect(counts.predParagraphs).toBe(parsed.articles.reduce((n: number, a: { paragraphs: unknown[] }) => n + a.paragraphs.length, 0));
    expect(counts.chars).toBe(c.raw.replace(/\s/g, "").length);
    expect(counts.lost + counts.twice).toBe(0);
  });
});

// The script runs on the BUILT package (npm test builds first, as for the CLI's tests).
const evalScript = new URL("../scripts/eval-layout.mjs", import.meta.url).pathname;
const runEval = (...args: string[]) => spawnSync(process.execPath, [evalScript, ...args], { encoding: "utf8" });

describe("eval-layout.mjs", () => {
  it("says the articles are absent and exits 0", () => {
    const r = runEval("--dir", "/nonexistent/pd-2019-10");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/not found, skipping/);
  });
});

const pdPages = loadPdPages();
describe.skipIf(!pdPages)("on real People's Daily pages (../shared/pd-2019-10)", () => {
  it("composes and scores 5 pages with exact regions", () => {
    const pages = pdPages.filter((p: { id: string }) => splitOf(p) === "tune").slice(0, 5);
    for (const p of pages) {
      const c: Composed = composePage(p, seedOf(`${p.id}#0`));
      let covered = 0;
      for (const r of c.regions) covered += c.raw.slice(r.start, r.end).replace(/\s/g, "").length;
      expect(covered).toBe(c.raw.replace(/\s/g, "").length);
      const f = figures(scorePage(c.gold, splitPage(c.raw), c.raw));
      expect(f.charsLost + f.charsTwice).toBe(0);
    }
  });

  it("prints the figures of both splits as JSON", () => {
    const r = runEval("--limit", "1", "--variants", "1", "--json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const split of ["tune", "held-out"]) {
      expect(out.splits[split].all.pages).toBe(1);
      expect(out.splits[split].all.articleF1).toBeGreaterThanOrEqual(0);
      expect(out.splits[split].blank.pages + out.splits[split].single.pages).toBe(1);
    }
  });
});
if (!pdPages) console.log("compose-page.test: ../shared/pd-2019-10 not found, skipping the smoke run on real pages");
