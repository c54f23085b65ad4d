import { describe, expect, it } from "vitest";
import { splitPage } from "@yk/article-split";
import { HOSTILE_INPUTS } from "../../../test/hostile/inputs.js";
import { displayText } from "./escape.js";
import { renderPageHtml } from "./render.js";

/** The raw pane's text as the HTML parser reads it: the tags dropped, the five references and &#13; decoded. */
function rawPaneText(html: string): string {
  const pane = /<div class="raw"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
  const refs: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#13;": "\r" };
  return pane.replace(/<\/?span[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#39|#13);/g, (r) => refs[r]!);
}

describe.each(Object.entries(HOSTILE_INPUTS))("the view of %s", (_name, raw) => {
  it("renders every character of the raw page once, as text, with no markup of the page's own", () => {
    const page = splitPage(raw);
    page.source.text = raw;
    const html = renderPageHtml(page);
    expect(rawPaneText(html)).toBe(displayText(raw));
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(img|svg|iframe|h1>用心|p class="byline")/);
    // every article has its card
    expect((html.match(/<article class="card"/g) ?? []).length).toBe(page.articles.length);
  });
});
