import { splitPage } from "@yk/article-split";
import { loadPdPages, splitOf } from "./pd-pages.mjs";
import { composePage, seedOf } from "./compose-page.mjs";
const [from = 0, count = 3] = process.argv.slice(2).map(Number);
const pages = loadPdPages().filter((p) => splitOf(p) === "tune").slice(from, from + count);
for (const page of pages) {
const { raw, gold, layout } = composePage(page, seedOf(`${page.id}#diag`));
const parsed = splitPage(raw);
const c = (s) => (s ?? "").replace(/\s+/g, "").replace(/^——/, "");
const show = (k, h, s, by, paras, kind) => console.log(`  ${kind ?? ""} K=${c(k) || "-"} | H=${c(h) || "-"} | S=${c(s) || "-"} | BY=${by ?? "-"} | ${paras.length}p: ${paras.map((p) => (p.subhead ? "#" : "") + (p.text ?? p).slice(0, 6)).join("/").slice(0, 90)}`);
console.log("GOLD", page.id, layout.separator, layout.displaced);
for (const a of gold.articles) show(a.kicker, a.headline, a.subheadline, a.byline, a.paragraphs);
console.log("PRED");
for (const a of parsed.articles) show(a.kicker, a.headline, a.subheadline, a.byline?.text, a.paragraphs.length ? a.paragraphs : a.captions, a.kind);
}
