import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { COMPANY_FORM_WORDS, INDUSTRY, ROLE_WORDS, TWO_COUNTRY_WORDS, scanLists } from "./patterns.js";

describe("scanLists", () => {
  // texts where the lists' words overlap, repeat, run into each other and sit at the edges
  const texts = [
    "",
    "关系",
    "中美两国关系稳定，双方边界边境地区保持安宁。",
    "浙江华腾科技有限公司和博恒达科技、华腾车业签约，记者王明报道。",
    "本报记者李华 通讯员张强摄 两国建交三十周年，有限责任公司股份有限公司",
    "科技科技有限公司有限公司关系关系等国等国",
    "记者",
  ];
  it("finds what each list's own matches and occursIn find", () => {
    for (const text of texts) {
      const scanned = scanLists(text);
      expect(scanned.companyForms).toEqual(COMPANY_FORM_WORDS.matches(text));
      expect(scanned.industries).toEqual(INDUSTRY.matches(text));
      expect(scanned.twoCountries).toEqual(TWO_COUNTRY_WORDS.matches(text));
      expect(scanned.hasRole).toBe(ROLE_WORDS.occursIn(text));
    }
  });
  it("agrees with the lists' own scans on random runs of their words", () => {
    const piece = fc.oneof(fc.constantFrom("有限公司", "公司", "科技", "车业", "两国", "关系", "边境", "记者", "通讯员", "摄影", "王", "，", "有限"), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const scanned = scanLists(text);
        expect(scanned.companyForms).toEqual(COMPANY_FORM_WORDS.matches(text));
        expect(scanned.industries).toEqual(INDUSTRY.matches(text));
        expect(scanned.twoCountries).toEqual(TWO_COUNTRY_WORDS.matches(text));
        expect(scanned.hasRole).toBe(ROLE_WORDS.occursIn(text));
      }),
      { numRuns: 300 },
    );
  });
  it("finds the words of a text that has them", () => {
    const scanned = scanLists("中美两国关系稳定，华腾科技有限公司记者王明");
    expect(scanned.twoCountries.map((m) => m.word)).toEqual(["两国", "关系"]);
    expect(scanned.companyForms.length).toBeGreaterThan(0);
    expect(scanned.hasRole).toBe(true);
  });
});
