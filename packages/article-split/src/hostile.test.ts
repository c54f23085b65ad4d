import { describe, expect, it } from "vitest";
import { safeParsePage } from "@yk/schema";
import { HOSTILE_INPUTS } from "../../../test/hostile/inputs.js";
import { pageSpans, uncovered } from "../../../test/hostile/properties.js";
import { splitPage, SplitError } from "./index.js";


describe.each(Object.entries(HOSTILE_INPUTS))("splitPage on %s", (_name, raw) => {
  it("gives a schema-valid page that loses no character", () => {
    const page = splitPage(raw);
    const valid = safeParsePage(page);
    expect(valid.success ? [] : valid.issues).toEqual([]);
    expect(uncovered(raw, pageSpans(page))).toEqual([]);
  });
});

describe("invalid options", () => {
  it("throw a SplitError with a code and a message naming the option", () => {
    const cases: [unknown, RegExp][] = [
      [{ date: "2023-13-45x" }, /option date/],
      [{ page: {} }, /option page/],
      [{ publication: 3 }, /option publication/],
      ["nope", /options must be an object/],
    ];
    for (const [options, message] of cases) {
      let error: SplitError | undefined;
      try {
        splitPage("正文。", options as never);
      } catch (e) {
        error = e as SplitError;
      }
      expect(error).toBeInstanceOf(SplitError);
      expect(error!.code).toBe("YK_INVALID_OPTION");
      expect(error!.message).toMatch(message);
    }
    expect(() => splitPage(null as never)).toThrowError(/splitPage expects a string/);
  });
});
