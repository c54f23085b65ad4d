import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parsePage } from "@yk/schema";
import { reflow } from "@yk/reflow";
import { isHan } from "@yk/lexicon";
import { ROLES, decodeRoles, fieldStarts, matchCredit, matchLeadingByline, matchRunInByline, nameTokens, pageUnits, scorerOf, splitPage, furnitureKind, unitFeatures, unitRoles, type UnitShape } from "./index.js";
import { ROLE_WEIGHTS } from "./data/role-weights.js";
import { hanBigrams, hanPairKeys, neighbourPairShare, pairSearch, textCues } from "./roles.js";
import { pageSpans, uncovered } from "../../../test/hostile/properties.js";

/** Lines of a column as a PDF extractor gives them: wrapped at `width`, first line 2 shorter, blank lines between. */
function column(paragraphs: string[], width: number): string {
  const out: string[] = [];
  for (const p of paragraphs) {
    let rest = p;
    let w = width - 2;
    while (rest.length > 0) {
      out.push(rest.slice(0, w));
      rest = rest.slice(w);
      w = width;
    }
  }
  return out.join("\n\n");
}

// A page written for this test: a story with in-article subheads (小标题), an end note, a names-only
// byline on its own line; then a second story whose byline runs into its first body line.
const story = [
  "本报记者  欧阳明  陶  然",
  column([
    "入冬以来，江口镇组织农技人员走村入户，指导农户做好大棚蔬菜防冻保暖，全镇两千多个大棚运行平稳。",
    "夜间巡棚成了常态",
  ], 16),
  column([
    "每到寒潮来临，合作社的技术员都会在夜里查看棚内温度，发现问题及时加盖草帘、开启补光灯。",
    "销路不愁价格稳",
  ], 16),
  column([
    "镇里牵线超市和学校食堂，与种植户签订长期收购协议，今年冬季蔬菜价格保持平稳。",
    "（作者单位：江口镇农业综合服务中心）",
  ], 16),
].join("\n\n");
const page = [
  "第03版 农村",
  "大棚蔬菜暖过冬",
  story,
  "县乡村公路养护提质",
  "本报记者 童 欣 冬季公路养护工作近日全面展开，全县组织养护队伍清理边沟、修补坑槽，确保群众出行安全。",
].join("\n\n");

describe("the role model on a page of another paper", () => {
  const parsed = parsePage(splitPage(page));

  it("keeps in-article subheads inside their story, marked as subheads", () => {
    const a = parsed.articles.find((x) => x.headline === "大棚蔬菜暖过冬")!;
    expect(a).toBeDefined();
    const subheads = a.paragraphs.filter((p) => p.subhead).map((p) => p.text);
    expect(subheads).toEqual(["夜间巡棚成了常态", "销路不愁价格稳"]);
    expect(a.paragraphs.filter((p) => !p.subhead)).toHaveLength(4);
  });

  it("keeps the end note as the story's last paragraph, not the next story's kicker", () => {
    const a = parsed.articles.find((x) => x.headline === "大棚蔬菜暖过冬")!;
    expect(a.paragraphs.at(-1)?.text).toBe("（作者单位：江口镇农业综合服务中心）");
    const next = parsed.articles.find((x) => x.headline === "县乡村公路养护提质")!;
    expect(next.kicker).toBeNull();
  });

  it("reads a names-only byline and a byline run into the first body line", () => {
    const [first, second] = ["大棚蔬菜暖过冬", "县乡村公路养护提质"].map((h) => parsed.articles.find((x) => x.headline === h)!);
    expect(first!.byline?.contributors.map((c) => c.name)).toEqual(["欧阳明", "陶然"]);
    expect(second!.byline?.contributors).toEqual([{ name: "童欣", role: "本报记者", kind: "author" }]);
    expect(second!.paragraphs[0]?.text.startsWith("冬季公路养护")).toBe(true);
  });

  it("reads the page number and label and loses no character", () => {
    expect(parsed.publication.page).toBe(3);
    expect(parsed.section).toBe("农村");
    expect(uncovered(page, pageSpans(parsed))).toEqual([]);
  });
});

describe("byline and furniture forms of national dailies", () => {
  it("takes the bracket of a dateline printed after spaces", () => {
    const m = matchLeadingByline("本报南州3月13日电  （记者林青岚）全省春耕生产有序推进。", 2024)!;
    expect(m.contributors).toEqual([{ name: "林青岚", role: "记者", kind: "author" }]);
    expect(m.dateline?.date).toBe("2024-03-13");
  });

  it("reads photo credits with the picture's source, and names-only lines", () => {
    expect(matchCredit("周 平摄（影像中国）")).toEqual([{ name: "周平", role: null, kind: "photographer" }]);
    expect(nameTokens("李建毅 王 志")).toEqual(["李建毅", "王志"]);
    expect(nameTokens("推进乡村振兴")).toBeNull();
  });

  it("does not take a credit's 摄 for a run-in body", () => {
    expect(matchRunInByline("融媒记者 卢斌 摄", "融媒记者 卢斌 摄")).toBeNull();
  });

  it("reads a run-in byline whose body starts with a number right after the name (the space lost)", () => {
    expect(matchRunInByline("本报记者 周立新3月", "本报记者 周立新3月4日，城南新区的第一批居民搬进了新居。")?.text).toBe("本报记者 周立新");
  });

  it("reads staff lines of several forms", () => {
    for (const line of ["本版责编：王明 李华", "责编：王明、李华", "版式设计：张丹峰", "责任编辑 周敏 校对 吴昊"]) expect(furnitureKind(line)).toBe("staff");
  });
});

describe("scoring", () => {
  it("scores each unit by integer keys exactly as by its features' names", () => {
    const result = reflow(`${page}\n\n（作者为江口镇农业综合服务中心主任）\n\n本报记者 童 欣摄`);
    const shapes = pageUnits(result, {}).map((u) => u.shape);
    const pageShape = { blankLines: result.gapStyle === "blank-lines" };
    const names = unitFeatures(shapes, pageShape);
    // the shipped weights, and weights that give every feature of this page a row of its own
    const own = { scale: 1000, transitions: [], features: Object.fromEntries(names.flat().map((f, k) => [f, ROLES.map((_, r) => ((k * 31 + r * 7) % 97) - 48)])) };
    for (const weights of [ROLE_WEIGHTS, own]) {
      const scorer = scorerOf(weights);
      const table = scorer.emissions(shapes, pageShape);
      expect(table).toHaveLength(shapes.length * ROLES.length);
      names.forEach((features, i) => expect(table.subarray(i * ROLES.length, (i + 1) * ROLES.length)).toEqual(scorer.emit(features)));
    }
    expect(names.flat().length).toBeGreaterThan(shapes.length * 40);
  });
});

describe("the one-pass text searches", () => {
  const PATTERNS = [/[。！？]./, /[，、；]/, /[：:]/, /[“”「」]/, /\s/, /[0-9]/];
  const byPatterns = (t: string) => PATTERNS.reduce((bits, re, k) => bits | (re.test(t) ? 1 << k : 0), 0);

  it("find the characters the six patterns find, for every UTF-16 unit", () => {
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      // each unit alone, and after a stop (a stop followed by it is an inner stop unless it ends the line)
      for (const t of [ch, `。${ch}`, `${ch}？`]) if (textCues(t) !== byPatterns(t)) expect([t, textCues(t)]).toEqual([t, byPatterns(t)]);
    }
  });

  it("find them in texts", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."。！？，、；：:“”「」 \n\u3000\u2028a1９字") }), (t) => textCues(t) === byPatterns(t)),
      { numRuns: 500 },
    );
  });

  it("find the Han pairs that String.includes finds, few or many", () => {
    const gram = fc.constantFrom(..."新闻记者报道本市今年，。 a𠀋");
    fc.assert(
      fc.property(fc.string({ unit: gram, maxLength: 24 }), fc.array(fc.string({ unit: gram, maxLength: 80 }), { maxLength: 4 }), (head, bodies) => {
        const grams = hanBigrams(head);
        const keys = hanPairKeys(head);
        expect(keys.size).toBe(grams.size);
        const search = pairSearch(keys);
        for (const body of bodies) {
          const found = search.in([body]);
          // the same text given in parts (an empty one too): pairs across the joins count
          const cut = Math.floor(body.length / 2);
          expect(search.in([body.slice(0, cut), "", body.slice(cut)])).toEqual(found);
          const shared = [...grams].filter((g) => body.includes(g)).length;
          expect(found.size).toBe(shared);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("give each text's share of Han pairs with the one before it as the sets of their pairs do", () => {
    // long texts too: the sorting scratch grows past its first size
    const gram = fc.constantFrom(..."新闻记者报道本市今年，。 a𠀋豈");
    const bySets = (a: string, b: string): number => {
      const [x, y] = [hanPairKeys(a), hanPairKeys(b)];
      const [small, large] = x.size <= y.size ? [x, y] : [y, x];
      return small.size === 0 ? 0 : [...small].filter((k) => large.has(k)).length / small.size;
    };
    fc.assert(
      fc.property(fc.array(fc.string({ unit: gram, maxLength: 200 }), { minLength: 2, maxLength: 6 }), fc.boolean(), (texts, backwards) => {
        const share = neighbourPairShare(texts);
        const order = texts.slice(1).map((_, i) => i + 1);
        for (const k of backwards ? order.reverse() : order) expect(share(k)).toBe(bySets(texts[k - 1]!, texts[k]!));
      }),
      { numRuns: 300 },
    );
  });
});

describe("features read through the page scratch", () => {
  const gram = fc.constantFrom(..."新闻记者报道新闻，。 a𠀋");
  const shapeOf = (text: string, lines: number): UnitShape => ({
    text, lines, width: Math.min(text.length, 18), firstWidth: Math.min(text.length, 18), lastWidth: Math.min(text.length, 18) || 1, column: 18,
    newlinesBefore: 2, spaced: false, spread: false, standalone: lines === 1, byline: false, credit: false, names: false, fixed: null,
  });
  // mostly one-line units (runs of short lines between bodies), a few bodies, a small alphabet (pairs recur)
  const units = fc
    .array(fc.tuple(fc.oneof(fc.string({ unit: gram, maxLength: 60 }), fc.string({ unit: gram, minLength: 300, maxLength: 500 })), fc.constantFrom(1, 1, 1, 1, 2, 3)), { minLength: 1, maxLength: 20 })
    .map((us) => us.map(([t, l]) => shapeOf(t, l)));
  const bucket = (v: number, edges: number[]) => edges.filter((e) => v >= e).length;
  /** The share of a short line's bigrams the nearest body within six units prints in its first (after) or last (before) 400 characters. */
  const shareBy = (us: UnitShape[], i: number, step: 1 | -1): number => {
    const grams = hanBigrams(us[i]!.text);
    if (grams.size === 0) return 0;
    for (let k = i + step, n = 0; k >= 0 && k < us.length && n < 6; k += step, n++) {
      const u = us[k]!;
      if (u.lines > 1 || u.text.length > 40) {
        const body = step === 1 ? u.text.slice(0, 400) : u.text.slice(-400);
        return [...grams].filter((g) => body.includes(g)).length / grams.size;
      }
    }
    return 0;
  };

  it("give a short line the share of its Han pairs that the bodies around it print, as String.includes finds them", () => {
    fc.assert(
      fc.property(units, (us) => {
        const features = unitFeatures(us, { blankLines: true });
        us.forEach((u, i) => {
          if (u.lines !== 1 || u.text.length > 40) return;
          expect(features[i]).toContain(`shared-after=${bucket(shareBy(us, i, 1), [0.1, 0.3, 0.6])}`);
          expect(features[i]).toContain(`shared-before=${bucket(shareBy(us, i, -1), [0.1, 0.3, 0.6])}`);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("tell a break inside a word the stories print from one between words", () => {
    fc.assert(
      fc.property(units, (us) => {
        const features = unitFeatures(us, { blankLines: true });
        us.forEach((u, i) => {
          const prev = us[i - 1];
          const flag = features[i]!.find((f) => f.startsWith("x:break-"));
          if (!prev || !prev.text || !u.text || !isHan(prev.text.slice(-1)) || !isHan(u.text[0]!)) return expect(flag).toBeUndefined();
          const pair = prev.text.slice(-1) + u.text[0];
          const inside = us.some((v) => v.lines >= 2 && v.text.includes(pair));
          expect(flag).toBe(`x:break-${inside ? "inside-word" : "between-words"}&lines=${Math.min(u.lines, 2)}`);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("read a page the same after a larger one (nothing of a page is left for the next)", () => {
    const result = reflow(`${page}\n\n（作者为江口镇农业综合服务中心主任）\n\n本报记者 童 欣摄`);
    const shapes = pageUnits(result, {}).map((u) => u.shape);
    const pageShape = { blankLines: result.gapStyle === "blank-lines" };
    const first = unitFeatures(shapes, pageShape);
    const scorer = scorerOf(ROLE_WEIGHTS);
    const scores = scorer.emissions(shapes, pageShape);
    const roles = unitRoles(shapes, pageShape);
    // larger pages: one whose buffers the module keeps, one of more units than it keeps buffers for
    for (const copies of [4, Math.ceil(5000 / shapes.length)]) {
      const larger = Array.from({ length: copies }, () => shapes).flat().map((u, i) => ({ ...u, text: `${u.text}${"新闻".repeat(i % 50)}` }));
      unitFeatures(larger, pageShape);
      scorer.emissions(larger, pageShape);
      expect(unitRoles(larger, pageShape)).toHaveLength(larger.length);
      expect(unitFeatures(shapes, pageShape)).toEqual(first);
      expect(scorer.emissions(shapes, pageShape)).toEqual(scores);
      expect(unitRoles(shapes, pageShape)).toEqual(roles);
    }
  });
});

describe("decoding under the page grammar", () => {
  it("never gives a continuation role without its field before it, and keeps fixed units fixed", () => {
    const n = ROLES.length;
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.constantFrom(null, "furniture", "byline", "body"), { minLength: 30, maxLength: 30 }),
        (rows, fixedPool) => {
          const emissions = rows.map((r) => Float64Array.from(r));
          const fixed = emissions.map((_, i) => fixedPool[i] as (typeof ROLES)[number] | null);
          const roles = decodeRoles(emissions, () => 0, fixed).map((r) => ROLES[r]!);
          roles.forEach((role, i) => {
            if (fixed[i]) expect(role).toBe(fixed[i]);
            if (role.endsWith("+")) expect([role, role.slice(0, -1)]).toContain(roles[i - 1]);
            if (role === "kicker" || role === "kicker+") {
              if (i + 1 < roles.length && !fixed[i + 1]) expect(["kicker+", "headline"]).toContain(roles[i + 1]);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("does not continue a headline line with parallel phrases that the line before lacks", () => {
    const shape = (text: string, spaced: boolean): UnitShape => ({
      text, lines: 1, width: text.length, firstWidth: text.length, lastWidth: text.length, column: 18, newlinesBefore: 2,
      spaced, spread: false, standalone: true, byline: false, credit: false, names: false, fixed: null,
    });
    expect(fieldStarts([shape("县委召开全会部署明年工作", false), shape("稳中求进 奋力开创新局面", true)])).toEqual(["free", "new-field"]);
  });
});
