#!/usr/bin/env node
// One generated page through one extractor, gold beside what splitPage made of it: for each gold
// article its kicker / headline / subheadline, byline names and paragraphs, and the parsed article
// with the same headline (or none); then the parsed articles that match no gold one. For working
// through the errors of eval-extractors.mjs on tune seeds (invented text: nothing of ../shared).
//
// usage: node packages/article-split/scripts/diagnose-extractors.mjs --seed S [--pages N]
//          [--extractor pdftotext|pdfminer|pdfjs] [--text] [--paragraphs]
// --text prints the extracted text first; --paragraphs prints each wrong paragraph (gold and got).
import { splitPage } from "@yk/article-split";
import { loadTestUtils } from "../../pdf/scripts/build-test-utils.mjs";
import { extractPages, missingExtractor } from "./extractors.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const seed = Number(arg("--seed", "1"));
const pages = Number(arg("--pages", "1"));
const style = arg("--extractor", "pdftotext");
const missing = missingExtractor(style);
if (missing) {
  console.log(`diagnose-extractors: ${missing}`);
  process.exit(0);
}
const { composePdf, generatePage } = await loadTestUtils();
// the pages as printed: an article that found no room on its page is not in them
const { bytes, pages: specs } = await composePdf(Array.from({ length: pages }, (_, i) => generatePage(seed + i)));
const texts = await extractPages(bytes, style);
const short = (s, n = 24) => (s == null ? "–" : s.length > n ? `${s.slice(0, n)}…` : s);
const names = (b) => (b ? b.contributors.map((c) => c.name).join(",") : "");
const summary = args.includes("--summary");
const tally = new Map();
const count = (key) => tally.set(key, (tally.get(key) ?? 0) + 1);
const log = (...xs) => summary || console.log(...xs);
/** Where a gold headline that heads no parsed article went. */
function whereIs(page, headline) {
  for (const a of page.articles) {
    if (a.kicker === headline) return "as another's kicker";
    if (a.subheadline === headline) return "as another's subheadline";
    if ((a.kicker ?? "").includes(headline) || (a.headline ?? "").includes(headline)) return "inside another headline field";
    const par = a.paragraphs.find((p) => p.text === headline);
    if (par) return par.subhead ? "as a subhead" : "as a paragraph";
    if (a.paragraphs.some((p) => p.text.includes(headline))) return "inside a paragraph";
  }
  const bare = headline.replace(/\s+/g, "");
  for (const a of page.articles) {
    for (const f of [a.kicker, a.headline, a.subheadline]) if (f && f !== headline && f.replace(/\s+/g, "") === bare) return "spaced differently";
    if (a.headline && a.headline.replace(/\s+/g, "").includes(bare)) return "inside another headline field";
  }
  if (page.furniture?.some((f) => JSON.stringify(f).includes(headline))) return "in furniture";
  return "elsewhere";
}

specs.forEach((spec, i) => {
  const text = texts[i];
  const page = splitPage(text, style === "pdfjs" ? { extractor: "pdfjs" } : {});
  log(`\n=== seed ${seed + i} (${style}) ===`);
  if (args.includes("--text")) console.log(text);
  const used = new Set();
  for (const a of spec.articles) {
    const got = page.articles.find((x) => x.headline === a.headline);
    const goldPars = new Set(a.paragraphs);
    const okPars = got ? got.paragraphs.filter((p) => goldPars.has(p.text)).length : 0;
    const fields = got ? [[a.kicker, got.kicker], [a.headline, got.headline], [a.subheadline, got.subheadline]].map(([w, h]) => ((w ?? null) === h ? "ok" : `${short(w, 12)}≠${short(h, 12)}`)) : [];
    const wantNames = (a.byline?.names ?? []).join(",");
    if (got) used.add(got);
    const flag = !got ? "MISS" : fields.every((f) => f === "ok") && names(got.byline) === wantNames && okPars === a.paragraphs.length && got.paragraphs.length === a.paragraphs.length ? "  ok" : " BAD";
    if (!got) {
      const where = whereIs(page, a.headline);
      count(`missed: ${where}`);
      if (args.includes("--context")) {
        const k = text.indexOf(a.headline);
        log(`       ${where}: ${JSON.stringify(text.slice(Math.max(0, k - 40), k + a.headline.length + 40))}`);
      }
    }
    else {
      if ((a.kicker ?? null) !== got.kicker) count(a.kicker ? (got.kicker ? "kicker wrong" : "kicker lost") : "kicker extra");
      if ((a.subheadline ?? null) !== got.subheadline) count(a.subheadline ? (got.subheadline ? "sub wrong" : "sub lost") : "sub extra");
      if (names(got.byline) !== wantNames) count(!wantNames ? "byline extra" : !got.byline ? `byline lost ${a.byline.alone ? "(line)" : "(lead)"}` : `byline other ${a.byline.alone ? "(line)" : "(lead)"}`);
      const okP = got.paragraphs.filter((p) => goldPars.has(p.text)).length;
      if (okP !== a.paragraphs.length || got.paragraphs.length !== a.paragraphs.length) count(got.paragraphs.length === 0 ? "pars none" : got.paragraphs.length > a.paragraphs.length ? "pars too many" : "pars wrong");
    }
    log(`${flag} [c${a.column}+${a.span}] ${a.headline}${a.kicker ? ` k:${a.kicker}` : ""}${a.subheadline ? ` s:${a.subheadline}` : ""} by:${wantNames || "-"}${a.byline ? (a.byline.alone ? "(line)" : "(lead)") : ""} pars:${a.paragraphs.length}${a.photo ? " photo" : ""}`);
    if (!got || summary) continue;
    if (fields.some((f) => f !== "ok")) console.log(`       fields: ${fields.join(" | ")}`);
    if (names(got.byline) !== wantNames) console.log(`       byline got: ${names(got.byline) || "-"} (${short(got.byline?.text, 30)})`);
    if (okPars !== a.paragraphs.length || got.paragraphs.length !== a.paragraphs.length) {
      console.log(`       pars got ${got.paragraphs.length}, exact ${okPars}/${a.paragraphs.length}`);
      if (args.includes("--paragraphs")) {
        const gotTexts = new Set(got.paragraphs.map((p) => p.text));
        for (const p of a.paragraphs) if (!gotTexts.has(p)) console.log(`         want: ${p}`);
        for (const p of got.paragraphs) if (!goldPars.has(p.text)) console.log(`         got:  ${p.text}`);
      }
    }
  }
  for (const x of page.articles) {
    if (used.has(x)) continue;
    count(`extra ${x.kind}`);
    log(`  +++ ${x.kind} ${short(x.headline, 30)}${x.kicker ? ` k:${x.kicker}` : ""} by:${names(x.byline) || "-"} pars:${x.paragraphs.length} ${short(x.paragraphs[0]?.text, 20)}`);
  }
  if (page.warnings?.length) log(`  warnings: ${page.warnings.map((w) => w.code ?? w).join(", ")}`);
});
if (summary) for (const [k, v] of [...tally].sort((x, y) => y[1] - x[1])) console.log(`${String(v).padStart(4)}  ${k}`);
