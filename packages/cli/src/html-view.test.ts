/// <reference lib="dom" />
// The HTML view (@yk/html) of pages parsed by the project's pipeline, driven in headless Chromium
// (Debian's chromium, which .ci/run installs) through playwright-core.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page as Tab } from "playwright-core";
import { renderPageHtml } from "@yk/html";
import { parsePage, type Page } from "@yk/schema";
import { parseBytes, parseText } from "./pipeline.js";

const CHROMIUM = "/usr/bin/chromium";
const haveBrowser = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!haveBrowser) console.warn(`html-view.test.ts: skipped, ${CHROMIUM} is absent (apt-get install chromium; in CI these tests always run)`);

const seed = readFileSync(new URL("../fixtures/seed-page.txt", import.meta.url), "utf8");

/** A page parsed as `yk parse --format html` parses it: with its raw text. */
function parsed(raw: string, date?: string): Page {
  const page = parseText(raw, { date });
  page.source.text = raw;
  return page;
}

describe.skipIf(!haveBrowser)("the HTML view in headless Chromium", () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "yk-html-"));
  let n = 0;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 60_000); // a browser's start on a busy machine
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  /** Open a page's HTML from a file, as a user would; records dialogs, console errors and requests. */
  async function open(html: string) {
    const file = join(dir, `page-${n++}.html`);
    writeFileSync(file, html);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    const events = { dialogs: [] as string[], errors: [] as string[], requests: [] as string[] };
    tab.on("dialog", (d) => {
      events.dialogs.push(d.message());
      void d.dismiss();
    });
    tab.on("console", (m) => m.type() === "error" && events.errors.push(m.text()));
    tab.on("pageerror", (e) => events.errors.push(e.message));
    tab.on("request", (r) => r.url() !== `file://${file}` && events.requests.push(r.url()));
    const started = performance.now();
    await tab.goto(`file://${file}`, { waitUntil: "load" });
    const wall = performance.now() - started;
    return { tab, events, wall, close: () => context.close() };
  }

  /** The highlighted raw text, as runs of contiguous offsets: [{start, end, text}]. */
  async function highlighted(tab: Tab) {
    const pieces = await tab.$$eval(".raw .hl", (els) => els.map((e) => ({ start: Number(e.getAttribute("data-s")), text: e.textContent ?? "" })));
    const runs: Array<{ start: number; end: number; text: string }> = [];
    for (const p of pieces) {
      const last = runs[runs.length - 1];
      if (last && last.end === p.start) {
        last.end += p.text.length;
        last.text += p.text;
      } else runs.push({ start: p.start, end: p.start + p.text.length, text: p.text });
    }
    return runs;
  }

  const seedPage = parsed(seed, "2023-01-12");

  it("shows every article of the seed page as a card with its headline", async () => {
    const { tab, events, close } = await open(renderPageHtml(seedPage));
    expect(seedPage.articles.length).toBeGreaterThanOrEqual(4);
    for (const a of seedPage.articles) {
      const card = tab.locator(`article.card#p1-${a.id}`);
      await expect(card.count()).resolves.toBe(1);
      if (a.headline) expect(await card.locator(".f.headline").textContent()).toBe(a.headline);
    }
    expect(await tab.locator("article.card").count()).toBe(seedPage.articles.length);
    // the raw pane holds the raw page, character for character
    expect(await tab.locator(".raw").textContent()).toBe(seed);
    expect(events).toEqual({ dialogs: [], errors: [], requests: [] });
    await close();
  });

  it("focusing a field highlights exactly its raw spans: every headline, kicker and byline of the seed page", async () => {
    const { tab, close } = await open(renderPageHtml(seedPage));
    let checked = 0;
    for (const a of seedPage.articles) {
      const fields = [
        ["headline", a.fieldSpans?.headline],
        ["kicker", a.fieldSpans?.kicker],
        ["byline", a.byline?.spans],
      ] as const;
      for (const [name, spans] of fields) {
        if (!spans?.length) continue;
        await tab.focus(`#p1-${a.id}-${name}`);
        const runs = await highlighted(tab);
        expect(runs, `${a.id} ${name}`).toEqual(spans.map((s) => ({ start: s.start, end: s.end, text: seed.slice(s.start, s.end) })));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    // focus elsewhere clears the highlight
    await tab.locator("body").click({ position: { x: 5, y: 5 } });
    expect(await highlighted(tab)).toEqual([]);
    await close();
  });

  it("several pages (of one PDF) are sections of one document, each highlighting in its own raw pane", async () => {
    const other = parsed(seed.replace(/用心解难争主动/g, "凝心聚力谋发展"), "2023-01-12");
    const { tab, close } = await open(renderPageHtml([seedPage, other]));
    expect(await tab.locator("section.page").count()).toBe(2);
    const a2 = other.articles.find((a) => a.id === "a2")!;
    await tab.focus("#p2-a2-headline");
    expect(await tab.locator("#p1 .raw .hl").count()).toBe(0);
    const runs = await tab.$$eval("#p2 .raw .hl", (els) => els.map((e) => e.textContent).join(""));
    expect(runs).toBe(a2.fieldSpans!.headline.map((s) => other.source.text!.slice(s.start, s.end)).join(""));
    await close();
  });

  it("draws a PDF page as printed: article regions outlined, every line in its box with its raw text", async () => {
    const pdf = readFileSync(new URL("../../../examples/pdf-page/page.pdf", import.meta.url));
    const [page] = await parseBytes(pdf, { sourceName: "page.pdf", keepText: true });
    const { layout, source } = parsePage(page);
    expect(layout).toBeDefined();
    const raw = source.text!;
    const { tab, events, close } = await open(renderPageHtml(page!));
    expect(await tab.locator(".layout rect.region").count()).toBe(page!.articles.length);
    const drawn = await tab.$$eval(".layout g.line", (gs) => gs.map((g) => ({ spans: g.getAttribute("data-spans"), text: g.textContent })));
    expect(drawn).toHaveLength(layout!.lines.length);
    // most lines pair with their text (a field whose lines and boxes do not pair up is drawn as boxes only)
    const withText = drawn.filter((d) => d.spans);
    expect(withText.length).toBeGreaterThan(0.9 * drawn.length);
    for (const d of withText) {
      const [a, b] = d.spans!.split("-").map(Number);
      expect(d.text).toBe(raw.slice(a, b));
    }
    // a focused headline lights its lines on the printed page and exactly its raw spans
    for (const a of page!.articles.filter((x) => x.fieldSpans?.headline.length)) {
      await tab.focus(`#p1-${a.id}-headline`);
      expect((await highlighted(tab)).map((r) => r.text)).toEqual(a.fieldSpans!.headline.map((s) => raw.slice(s.start, s.end)));
      const lit = await tab.$$eval(".layout g.line.hl", (gs) => gs.map((g) => g.getAttribute("class")));
      expect(lit.length).toBeGreaterThan(0);
      expect(lit.every((c) => c === "line r-headline hl")).toBe(true);
    }
    expect(events.errors).toEqual([]);
    await close();
  });

  it("marks every mention of the JSON, with its type, field, offsets and normalized date", async () => {
    const { tab, close } = await open(renderPageHtml(seedPage));
    for (const a of seedPage.articles) {
      const fieldText = (field: string, index?: number) => {
        if (field === "kicker") return a.kicker;
        if (field === "headline") return a.headline;
        if (field === "subheadline") return a.subheadline;
        if (field === "paragraph") return a.paragraphs[index!]?.text;
        if (field === "caption") return a.captions[index!]?.text;
        if (field === "byline") return index === undefined ? a.byline?.text : a.captions[index]?.credit?.text;
        return undefined;
      };
      const expected = a.entities
        .flatMap((e) =>
          e.mentions.map((m) => ({
            type: e.type,
            field: m.field,
            index: m.index ?? null,
            start: m.start,
            end: m.end,
            text: fieldText(m.field, m.index)!.slice(m.start, m.end),
            norm: e.type === "date" && e.normalized != null ? String(e.normalized) : null,
          })),
        )
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
      const shown = (
        await tab.$$eval(`#p1-${a.id} mark.ent`, (marks) =>
          marks.map((m) => ({
            type: m.getAttribute("data-type"),
            field: m.getAttribute("data-field"),
            index: m.hasAttribute("data-index") ? Number(m.getAttribute("data-index")) : null,
            start: Number(m.getAttribute("data-start")),
            end: Number(m.getAttribute("data-end")),
            text: m.textContent,
            norm: m.getAttribute("data-norm"),
          })),
        )
      ).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
      expect(shown, a.id).toEqual(expected);
    }
    // a mention's raw span is found in the raw text: focusing it highlights the same characters
    const date = tab.locator("#p1-a2 mark.ent-date").first();
    await date.focus();
    expect((await highlighted(tab)).map((r) => r.text.replace(/\s+/g, "")).join("")).toBe(await date.textContent());
    await close();
  });

  it("a page of 10,000 characters loads and answers a focus in under a second", async () => {
    let raw = "";
    for (let k = 0; raw.length < 10_000; k++) raw += seed.replace(/\d+月\d+日/, `${(k % 12) + 1}月${(k % 28) + 1}日`) + "\n\n";
    raw = raw.slice(0, 10_000);
    const page = parsed(raw, "2023-01-12");
    const { tab, wall, events, close } = await open(renderPageHtml(page));
    const timing = await tab.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { interactive: nav.domInteractive, load: nav.loadEventEnd };
    });
    // the first focus builds the raw pane's index of segments: timed inside the page, without the test's round trips
    const focusMs = await tab.evaluate(() => {
      const t0 = performance.now();
      (document.querySelector(".f.headline") as HTMLElement).focus();
      return performance.now() - t0;
    });
    expect(await tab.locator(".raw .hl").count()).toBeGreaterThan(0);
    console.log(
      `10,000-character page: ${page.articles.length} articles, DOM interactive ${timing.interactive.toFixed(0)} ms, load ${timing.load.toFixed(0)} ms, ` +
        `first focus and highlight ${focusMs.toFixed(1)} ms (goto as the test saw it: ${wall.toFixed(0)} ms)`,
    );
    expect(timing.load + focusMs).toBeLessThan(1000);
    expect(events.errors).toEqual([]);
    await close();
  });

  it("runs no script from a hostile page: markup, </script>, lone surrogates, CR and NUL are text", async () => {
    const attack = [
      `<script>window.pwned=1;alert("raw")</script>`,
      `</script><script>window.pwned=2</script>`,
      `<img src=x onerror="window.pwned=3;alert('img')">`,
      `"><svg onload="alert('svg')">`,
      `\u2028\u2029</style><style>body{display:none}</style>`,
    ].join("\n\n");
    const raw = `${attack}\n\n本报讯（记者 王明）\ud800今天，\r\n市长来到企业\u0000调研<b>。\udc00\n\n` + seed.slice(0, 400);
    const page = parsed(raw, "2023-01-12");
    // fields and names from the page the parser would never make: escaped all the same
    page.source.name = `<script>alert("name")</script>`;
    const first = page.articles[0];
    if (first) {
      first.id = `"><img src=x onerror=alert(1)>`;
      first.headline = `</script><script>alert("headline")</script>`;
      first.entities.push({ type: "person", text: "<i>x</i>", titles: [`"><script>alert(1)</script>`], mentions: [] });
    }
    page.warnings.push({ code: `<img src=x onerror=alert(2)>`, message: `</script>`, spans: [{ start: 0, end: 20 }] });
    const html = renderPageHtml(page);
    const { tab, events, close } = await open(html);
    const state = await tab.evaluate(() => ({
      pwned: (window as unknown as { pwned?: number }).pwned,
      scripts: document.scripts.length,
      injected: document.querySelectorAll("img, svg, b, i, iframe, object, embed").length,
      styles: document.querySelectorAll("style").length,
      bodyShown: getComputedStyle(document.body).display !== "none",
      raw: document.querySelector(".raw")?.textContent,
    }));
    expect(state).toEqual({ pwned: undefined, scripts: 1, injected: 0, styles: 1, bodyShown: true, raw: raw.replace(/\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd") });
    expect(events.dialogs).toEqual([]);
    expect(events.requests).toEqual([]);
    expect(events.errors).toEqual([]);
    // offsets stay right after the CR, NUL and lone surrogates: a byline later in the page highlights exactly
    const withByline = page.articles.slice(1).find((a) => a.byline?.spans.length);
    expect(withByline).toBeDefined();
    await tab.focus(`#p1-${withByline!.id}-byline`);
    const runs = await highlighted(tab);
    expect(runs).toEqual(withByline!.byline!.spans.map((s) => ({ start: s.start, end: s.end, text: raw.slice(s.start, s.end) })));
    await close();
  });

  it("is keyboard reachable with a visible focus, and every text is WCAG AA on its background", async () => {
    const { tab, close } = await open(renderPageHtml(seedPage));
    // Tab goes through the warning link, the raw pane, then the fields of the first card
    const reached: string[] = [];
    for (let k = 0; k < 6; k++) {
      await tab.keyboard.press("Tab");
      reached.push(await tab.evaluate(() => (document.activeElement as HTMLElement).className));
    }
    expect(reached).toContain("f headline");
    const outline = await tab.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style).toBe("solid");
    expect(outline.width).toBeGreaterThanOrEqual(2);
    // contrast of every element's own text against the first opaque background behind it, before and while a field is highlighted
    const worst = async () =>
      tab.evaluate(() => {
        const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]) =>
          [r!, g!, b!].map((v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
        let min = { ratio: 21, what: "" };
        for (const el of Array.from(document.body.querySelectorAll("*"))) {
          const own = Array.from(el.childNodes).some((c) => c.nodeType === 3 && c.textContent!.trim() !== "");
          if (!own || (el as HTMLElement).offsetParent === null) continue;
          let bg: number[] = [];
          for (let e: Element | null = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3] === 1)) {
              bg = c;
              break;
            }
          }
          if (bg.length === 0) bg = [255, 255, 255];
          const [a, b] = [lum(parse(getComputedStyle(el).color)), lum(bg)].sort((x, y) => y - x);
          const ratio = (a! + 0.05) / (b! + 0.05);
          if (ratio < min.ratio) min = { ratio, what: `${el.tagName}.${el.className}: ${el.textContent!.slice(0, 20)}` };
        }
        return min;
      });
    const before = await worst();
    await tab.focus("#p1-a2-headline");
    const during = await worst();
    expect(before.ratio, before.what).toBeGreaterThanOrEqual(4.5);
    expect(during.ratio, during.what).toBeGreaterThanOrEqual(4.5);
    await close();
  });
});
