import { describe, expect, it } from "vitest";
import { parsePage } from "@yk/schema";
import { alignField, rawSpansOf } from "./align.js";
import { displayText, escapeText } from "./escape.js";
import { contrastRatio, ENTITY_BACKGROUND, HIGHLIGHT, INK, LINK, MUTED, PAPER, ROLE_BACKGROUND, WARN } from "./palette.js";
import { indexEntry, renderIndexHtml, renderPageHtml } from "./render.js";
import { smallPage } from "./test-page.test-helpers.js";

describe("escapeText", () => {
  it("escapes markup and keeps the length in code units (CR as a reference, lone surrogates and NUL as U+FFFD)", () => {
    expect(escapeText(`<script>alert("x")</script>&'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
    expect(escapeText("a\r\nb")).toBe("a&#13;\nb");
    expect(escapeText("\ud800x\udc00\u0000")).toBe("\ufffdx\ufffd\ufffd");
    expect(escapeText("😀")).toBe("😀"); // a valid pair stays
    const hostile = "\ud83d\ude00\ud800本\u0000\r\n";
    expect(displayText(hostile)).toHaveLength(hostile.length);
  });
});

describe("palette", () => {
  it("every text colour is WCAG AA (4.5:1) on each background it is set on", () => {
    for (const bg of [...Object.values(ROLE_BACKGROUND), ...Object.values(ENTITY_BACKGROUND), HIGHLIGHT, PAPER, "#f2f2f2"]) {
      expect(contrastRatio(INK, bg), `ink on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    for (const fg of [MUTED, LINK, WARN]) for (const bg of [PAPER, "#f2f2f2"]) expect(contrastRatio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(PAPER, INK)).toBeGreaterThanOrEqual(4.5); // the date tooltip
  });

  it("computes the WCAG ratio (black on white 21, grey #777 on white about 4.48)", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});

describe("alignField", () => {
  it("finds each character of a reflowed field in the raw text across line breaks", () => {
    const page = smallPage();
    const raw = page.source.text!;
    const p = page.articles[0]!.paragraphs[0]!;
    const map = alignField(raw, p.spans, p.text)!;
    expect(map).not.toBeNull();
    const org = rawSpansOf(map, 17, 23);
    expect(org.map((s) => raw.slice(s.start, s.end)).join("")).toBe("市农业农村局");
    // the comma before the line break and the verb after it: two raw runs
    expect(rawSpansOf(map, 14, 16).map((s) => raw.slice(s.start, s.end))).toEqual(["，", "听"]);
    expect(alignField(raw, p.spans, "不在原文")).toBeNull();
    // a byline's inner space over a line break of the raw text has no raw position, its neighbours do
    const byline = alignField("记者\n林晓", [{ start: 0, end: 5 }], "记者 林晓")!;
    expect([...byline]).toEqual([0, 1, -1, 3, 4]);
    expect(rawSpansOf(byline, 1, 4)).toEqual([{ start: 1, end: 2 }, { start: 3, end: 4 }]);
  });
});

describe("renderPageHtml", () => {
  const page = parsePage(smallPage());
  const html = renderPageHtml(page);

  it("is one self-contained document: inline style and script only, a CSP that allows nothing else", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("puts every field in a focusable element with its raw spans, and the mentions as marks", () => {
    expect(html).toContain('<h2 class="f headline" id="p1-a1-headline" tabindex="0" data-spans="');
    const marks = [...html.matchAll(/<mark [^>]*data-type="(\w+)"[^>]*>([^<]*)</g)].map((m) => `${m[1]}:${m[2]}`);
    expect(marks.sort()).toEqual(["date:3月2日", "organization:市农业农村局", "organization:市政府", "person:周明", "person:林晓"]);
    expect(html).toMatch(/data-norm="2024-03-02"/);
  });

  it("says so when the page carries no raw text, and still shows the cards", () => {
    const { text: _, ...source } = page.source;
    const bare = renderPageHtml({ ...page, source });
    expect(bare).toContain("does not carry its raw text");
    expect(bare).toContain("研究部署春季农业生产");
  });

  it("lists a folder's pages with their article counts and warnings, escaped", () => {
    const index = renderIndexHtml([
      indexEntry("a/<b>.txt", "a/<b>.html", [page]),
      { href: "", name: "broken.txt", articles: 0, warnings: [], error: "broken.txt: cannot read (EACCES)" },
    ]);
    expect(index).toContain('<a href="a/%3Cb%3E.html">a/&lt;b&gt;.txt</a></td><td class="num">1</td><td class="num">1</td>');
    expect(index).toContain("headline-after-body");
    expect(index).toContain("cannot read (EACCES)");
  });
});
