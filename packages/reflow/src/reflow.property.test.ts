import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { reflow, reflowText, normalize } from "./index.js";

/** `FUZZ_RUNS=20000 npx vitest run` for long fuzzing runs; the default keeps CI quick. */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 400);

/** Non-white-space characters after the documented normalizations, as a sorted multiset. */
function glyphs(text: string): string {
  // a hyphen that broke a Latin word at a line end is the one documented removal beyond white space
  return [...normalize(text).text].filter((c) => !/\s/.test(c) && c !== "\u3000" && c !== "-").sort().join("");
}

const pageLike = fc.array(
  fc.oneof(
    fc.constantFrom("本报讯（记者 王明）", "快 打 造“ 世 界", "1 月 11 日", "\n", "\n\n", "\r\n", "　　", " ", "。", "，", "Latin words-\n", "2023"),
    fc.string({ unit: fc.constantFrom(..."的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞") }),
    fc.string(),
  ),
  { maxLength: 60 },
).map((parts) => parts.join(""));

describe("reflow properties", () => {
  it("never throws on any string, and maps offsets into the input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), pageLike), (raw) => {
        const r = reflow(raw);
        for (const p of r.paragraphs) {
          expect(p.offsets.length).toBe(p.text.length);
          for (const o of p.offsets) expect(o === -1 || (o >= 0 && o < raw.length)).toBe(true);
          for (const s of p.spans) expect(s.start >= 0 && s.end <= raw.length && s.start < s.end).toBe(true);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("loses and duplicates no non-white-space character beyond documented normalizations", () => {
    fc.assert(
      fc.property(pageLike, (raw) => {
        const out = reflow(raw).paragraphs.map((p) => p.text).join("");
        expect(glyphs(out)).toBe(glyphs(raw));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("is idempotent on its own output", () => {
    fc.assert(
      fc.property(pageLike, (raw) => {
        const once = reflowText(raw);
        expect(reflowText(once)).toBe(once);
      }),
      { numRuns: Math.ceil(FUZZ_RUNS / 2) },
    );
  });

  it("handles a 10 MB single line", () => {
    const raw = "测".repeat(10 * 1024 * 1024);
    const r = reflow(raw);
    expect(r.paragraphs).toHaveLength(1);
    expect(r.paragraphs[0]!.text.length).toBe(raw.length);
  });
});
