import { describe, expect, it } from "vitest";
import { Entity } from "@yk/schema";
import { HOSTILE_INPUTS } from "../../../test/hostile/inputs.js";
import { createExtractor, EntityError } from "./index.js";

const extractor = createExtractor();

describe.each(Object.entries(HOSTILE_INPUTS))("extract on %s", (_name, text) => {
  it("does not throw; every entity is schema-valid and its mentions point at its text", () => {
    for (const e of extractor.extract(text, { date: "2023-01-12" })) {
      expect(Entity.safeParse(e).success).toBe(true);
      for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(e.text);
    }
  });
});

describe("regular expressions under adversarial repetition", () => {
  // Catastrophic backtracking would hang these; each must simply complete.
  it.each([
    ["stacked title prefixes", "市委市政府党组".repeat(4000) + "书记"],
    ["titles without a name", "副市长、".repeat(5000)],
    ["role words", "记者通讯员".repeat(5000)],
    ["company forms", "有限".repeat(8000) + "公司"],
    ["open quotes", "“".repeat(20000)],
    ["digits", "9".repeat(50000) + "%"],
    ["dates", "1月".repeat(20000)],
  ])("%s", (_name, text) => {
    expect(Array.isArray(extractor.extract(text))).toBe(true);
  });
});

describe("invalid options and limits", () => {
  it("throw an EntityError with a code and a message naming the option", () => {
    const cases: [() => unknown, string, RegExp][] = [
      [() => createExtractor({ userDictionary: "x" as never }), "YK_INVALID_OPTION", /option userDictionary/],
      [() => createExtractor({ gazetteer: { person: "x" } as never }), "YK_INVALID_OPTION", /option gazetteer.person/],
      [() => createExtractor({ maxLength: 0 }).extract("长"), "YK_INPUT_TOO_LARGE", /over the maxLength of 0/],
      [() => extractor.extract("文字", { date: "tomorrow" }), "YK_INVALID_OPTION", /context.date/],
      [() => extractor.extract(42 as never), "YK_INVALID_INPUT", /expects a string/],
    ];
    for (const [call, code, message] of cases) {
      let error: EntityError | undefined;
      try {
        call();
      } catch (e) {
        error = e as EntityError;
      }
      expect(error).toBeInstanceOf(EntityError);
      expect(error!.code).toBe(code);
      expect(error!.message).toMatch(message);
    }
  });
});
