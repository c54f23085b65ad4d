import { expect, it } from "vitest";
// @ts-expect-error plain JavaScript example
import { column, paragraphsOf } from "./index.mjs";

it("reflows the pasted column into two paragraphs", () => {
  expect(paragraphsOf(column).map((p: { text: string }) => p.text)).toEqual([
    "县长刘志远来到城南村，察看了新建的村民活动中心和文化礼堂，详细了解项目进展。",
    "他强调，要把好事办好、实事办实，让群众真正得到实惠，不断增强获得感。",
  ]);
});
