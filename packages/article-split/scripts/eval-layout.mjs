#!/usr/bin/env node
// Layout evaluation of splitPage on pages composed from real People's Daily articles
// (../shared/pd-2019-10, read here and never committed; see pd-pages.mjs and compose-page.mjs).
// Every page is composed K times (a fixed seed per page id and variant), parsed by the BUILT
// @yk/article-split with no date or page option, and scored against the composer's gold:
//
//   article F1      gold vs predicted articles (every predicted kind, teasers too), matched one to
//                   one greedily by the character-bigram Dice of the white-space-stripped body
//                   (paragraphs + captions joined); a match needs Dice ≥ 0.9
//   paragraph F1    exact: multiset of stripped paragraph texts over the page
//   headline fields kicker / headline / subheadline exact, and all three, over gold articles
//                   (an unmatched gold article counts as wrong)
//   contributor F1  per matched pair, multiset of names (byline contributors + caption credits);
//                   the names of unmatched articles count as misses
//   page / section / date accuracy: page.publication.page read as a number, page.section (on
//                   pages that print one), page.publication.date
//   chars lost / twice: non-white-space raw characters in no output span / in two or more
//
// Figures are printed for the "tune" (1–20 October) and "held-out" (21–31 October) splits, each
// also by separator style and by whether a headline group was printed after its body.
//
// usage: node packages/article-split/scripts/eval-layout.mjs [--split tune|held-out|all]
//          [--variants K] [--limit N] [--json] [--dump N] [--errors] [--dir PATH]
// --extractor pdftotext|pdfminer|pdfjs prints each page to PDF (@yk/pdf's test composer, see
// pd-pdf.mjs) and parses the text that extractor gives of it instead (one variant, no dump or
// error report; skipped, saying why, when the tool is missing). `npm run eval:layout:extractors`
// runs all three.
// --read-as STYLE passes reflow's extractor option (auto, typeset, pdfminer, pdftotext, pdfjs);
// without it the style is detected from each page's text.
// --limit N scores only the first N pages of each split (a quick look while iterating).
// --dump N prints, for the first N pages of the TUNE split only (never look at held-out pages),
// the raw text and the gold and predicted articles side by side. --errors tallies, on the TUNE
// split only, where the characters of each composed role ended up in the parse and why articles
// went unmatched: what to work on next.
// --gold-roles (TUNE split only; refused otherwise) gives the assembly the composer's gold role of
// every unit (gold-roles.mjs, what the role model is trained on) in place of the model's decode:
// the figures of the assembly alone, with perfect roles.
import { pathToFileURL } from "node:url";
import { splitPage } from "@yk/article-split";
import { composePage, normalizeText, seedOf } from "./compose-page.mjs";
import { loadPdPages, splitOf, DEFAULT_PD_DIR } from "./pd-pages.mjs";
import { goldRoles } from "./gold-roles.mjs";
import { ROLES } from "@yk/article-split";

function parseArgs(argv) {
  const opts = { split: "all", variants: 2, json: false, dump: 0, errors: false, limit: Infinity, dir: DEFAULT_PD_DIR, readAs: undefined, extractor: null, goldRoles: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === "--split") opts.split = value();
    else if (a === "--variants") opts.variants = Number(value());
    else if (a === "--json") opts.json = true;
    else if (a === "--dump") opts.dump = Number(value());
    else if (a === "--errors") opts.errors = true;
    else if (a === "--limit") opts.limit = Number(value());
    else if (a === "--dir") opts.dir = value();
    else if (a === "--read-as") opts.readAs = value();
    else if (a === "--extractor") opts.extractor = value();
    else if (a === "--gold-roles") opts.goldRoles = true;
    else usage(`unknown argument ${a}`);
  }
  if (!["tune", "held-out", "all"].includes(opts.split)) usage(`--split must be tune, held-out or all`);
  // gold roles are read from the composer's regions of each page: never on held-out pages
  if (opts.goldRoles && opts.split !== "tune") usage(`--gold-roles needs --split tune (it reads the gold of each page it parses)`);
  if (opts.goldRoles && opts.extractor) usage(`--gold-roles works on composed text, not with --extractor`);
  if (!Number.isInteger(opts.variants) || opts.variants < 1) usage(`--variants must be a positive integer`);
  if (!Number.isInteger(opts.dump) || opts.dump < 0) usage(`--dump must be a non-negative integer`);
  if (opts.limit !== Infinity && (!Number.isInteger(opts.limit) || opts.limit < 1)) usage(`--limit must be a positive integer`);
  return opts;
}

function usage(message) {
  console.error(`eval-layout: ${message}\nusage: eval-layout.mjs [--split tune|held-out|all] [--variants K] [--limit N] [--json] [--dump N] [--errors] [--dir PATH] [--read-as STYLE] [--extractor pdftotext|pdfminer|pdfjs] [--gold-roles]`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Matching and counting.

function bigrams(text) {
  const m = new Map();
  if (text.length === 1) m.set(text, 1);
  for (let i = 0; i + 1 < text.length; i++) {
    const b = text.slice(i, i + 2);
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

/** Character-bigram Dice of two (stripped) texts: 2|A∩B| / (|A|+|B|) over multisets. */
export function dice(a, b) {
  if (!a || !b) return 0;
  const A = bigrams(a);
  const B = bigrams(b);
  let inter = 0;
  let na = 0;
  let nb = 0;
  for (const n of A.values()) na += n;
  for (const n of B.values()) nb += n;
  for (const [k, n] of A) inter += Math.min(n, B.get(k) ?? 0);
  return (2 * inter) / (na + nb);
}

/** Size of the multiset intersection of two lists of strings. */
function multisetOverlap(xs, ys) {
  const count = new Map();
  for (const x of xs) count.set(x, (count.get(x) ?? 0) + 1);
  let n = 0;
  for (const y of ys) {
    const c = count.get(y);
    if (c) {
      n++;
      count.set(y, c - 1);
    }
  }
  return n;
}

const goldBody = (a) => normalizeText(a.paragraphs.map((p) => p.text).join(""));
const predBody = (a) => normalizeText([...a.paragraphs, ...a.captions].map((p) => p.text).join(""));
const predNames = (a) => [...(a.byline?.contributors ?? []), ...a.captions.flatMap((c) => c.credit?.contributors ?? [])].map((c) => normalizeText(c.name));
const goldNames = (a) => a.contributors.map((c) => normalizeText(c.name));

/** Gold ↔ predicted articles, one to one, best Dice first; a pair needs Dice ≥ 0.9. */
export function matchArticles(gold, predicted) {
  const gb = gold.map(goldBody);
  const pb = predicted.map(predBody);
  const pairs = [];
  gb.forEach((g, i) => pb.forEach((p, j) => {
    // Dice ≥ 0.9 is impossible when one body is far longer than the other
    if (!g || !p || Math.min(g.length, p.length) / Math.max(g.length, p.length) < 0.8) return;
    const d = dice(g, p);
    if (d >= 0.9) pairs.push({ i, j, d });
  }));
  pairs.sort((x, y) => y.d - x.d || x.i - y.i || x.j - y.j);
  const goldToPred = new Array(gold.length).fill(-1);
  const predTaken = new Array(predicted.length).fill(false);
  for (const { i, j } of pairs) {
    if (goldToPred[i] !== -1 || predTaken[j]) continue;
    goldToPred[i] = j;
    predTaken[j] = true;
  }
  return goldToPred;
}

/** Non-white-space raw characters covered by no output span, and by more than one. */
export function coverage(raw, page) {
  const cov = new Uint8Array(raw.length);
  const add = (spans) => {
    for (const s of spans ?? []) for (let i = s.start; i < s.end && i < raw.length; i++) cov[i] = Math.min(cov[i] + 1, 255);
  };
  for (const a of page.articles) {
    add(a.fieldSpans?.kicker);
    add(a.fieldSpans?.headline);
    add(a.fieldSpans?.subheadline);
    add(a.byline?.spans);
    for (const p of a.paragraphs) add(p.spans);
    for (const c of a.captions) {
      add(c.spans);
      add(c.credit?.spans);
    }
  }
  for (const f of page.furniture) add(f.spans);
  for (const u of page.unassigned) add(u.spans);
  let chars = 0;
  let lost = 0;
  let twice = 0;
  for (let i = 0; i < raw.length; i++) {
    if (/\s/.test(raw[i])) continue;
    chars++;
    if (cov[i] === 0) lost++;
    else if (cov[i] > 1) twice++;
  }
  return { chars, lost, twice };
}

/**
 * Where the parse put the characters of each gold role: for every non-white-space character of a
 * composed region, the predicted field holding it (kicker, headline, subheadline, byline, paragraph,
 * caption, credit, furniture:<kind>, unassigned), suffixed "@other" when it is in an article other
 * than the one matched to its gold article. Counts keyed "goldRole → predictedField".
 */
export function roleConfusion(raw, regions, predicted, goldToPred) {
  const field = new Array(raw.length).fill(null);
  const owner = new Int32Array(raw.length).fill(-1);
  const mark = (spans, name, article) => {
    for (const s of spans ?? []) for (let i = s.start; i < s.end && i < raw.length; i++) {
      field[i] = name;
      owner[i] = article;
    }
  };
  predicted.articles.forEach((a, j) => {
    mark(a.fieldSpans?.kicker, "kicker", j);
    mark(a.fieldSpans?.headline, "headline", j);
    mark(a.fieldSpans?.subheadline, "subheadline", j);
    mark(a.byline?.spans, "byline", j);
    for (const p of a.paragraphs) mark(p.spans, "paragraph", j);
    for (const c of a.captions) {
      mark(c.spans, "caption", j);
      mark(c.credit?.spans, "credit", j);
    }
  });
  for (const f of predicted.furniture) mark(f.spans, `furniture:${f.kind ?? "other"}`, -1);
  for (const u of predicted.unassigned) mark(u.spans, "unassigned", -1);
  const counts = {};
  for (const r of regions) {
    const want = r.article >= 0 ? goldToPred[r.article] : -1;
    for (let i = r.start; i < r.end; i++) {
      if (/\s/.test(raw[i])) continue;
      let got = field[i] ?? "nothing";
      if (r.article >= 0 && want >= 0 && owner[i] >= 0 && owner[i] !== want) got += "@other";
      const key = `${r.role} → ${got}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * Why gold articles went unmatched and predicted ones are extra: "split" (its body is spread over
 * two or more predicted articles), "merged" (one predicted body holds ≥ 90% of it and more),
 * "lost" (neither); predicted: "fragment" (its body is part of a gold body), "empty" (headline
 * only: teasers), "other".
 */
export function articleErrors(gold, predicted, goldToPred) {
  const out = {};
  const count = (k) => (out[k] = (out[k] ?? 0) + 1);
  const gb = gold.articles.map(goldBody);
  const pb = predicted.articles.map(predBody);
  const contained = (part, whole) => {
    if (!part || !whole) return 0;
    const P = bigrams(part);
    const W = bigrams(whole);
    let inter = 0;
    let n = 0;
    for (const [k, c] of P) {
      n += c;
      inter += Math.min(c, W.get(k) ?? 0);
    }
    return n === 0 ? 0 : inter / n;
  };
  const matchedPred = new Set(goldToPred.filter((j) => j >= 0));
  gb.forEach((g, i) => {
    if (goldToPred[i] >= 0) return;
    const parts = pb.filter((p) => contained(p, g) >= 0.8).length;
    if (parts >= 2) count("gold article split");
    else if (pb.some((p) => contained(g, p) >= 0.9)) count("gold article merged");
    else count("gold article lost");
  });
  pb.forEach((p, j) => {
    if (matchedPred.has(j)) return;
    if (!p) count("predicted headline-only");
    else if (gb.some((g) => contained(p, g) >= 0.8)) count("predicted fragment");
    else count("predicted other");
  });
  return out;
}

const pageNumberOf = (text) => {
  const digits = /\d+/.exec(text ?? "");
  return digits ? Number(digits[0]) : null;
};

/** Counts of one composed page against its parse; summed over pages by addCounts. */
export function scorePage(gold, predicted, raw) {
  const goldToPred = matchArticles(gold.articles, predicted.articles);
  const matched = goldToPred.filter((j) => j >= 0).length;
  const goldParagraphs = gold.articles.flatMap((a) => a.paragraphs.map((p) => normalizeText(p.text)));
  const predParagraphs = predicted.articles.flatMap((a) => a.paragraphs.map((p) => normalizeText(p.text)));
  const c = {
    pages: 1,
    goldArticles: gold.articles.length,
    predArticles: predicted.articles.length,
    matchedArticles: matched,
    goldParagraphs: goldParagraphs.length,
    predParagraphs: predParagraphs.length,
    exactParagraphs: multisetOverlap(goldParagraphs, predParagraphs),
    kickerOk: 0,
    headlineOk: 0,
    subheadlineOk: 0,
    headlineAllOk: 0,
    goldNames: 0,
    predNames: predicted.articles.reduce((n, a) => n + predNames(a).length, 0),
    matchedNames: 0,
    pageOk: pageNumberOf(predicted.publication?.page) === gold.page ? 1 : 0,
    sectionPrinted: gold.section ? 1 : 0,
    sectionOk: gold.section && predicted.section === gold.section ? 1 : 0,
    dateOk: predicted.publication?.date === gold.date ? 1 : 0,
    ...coverage(raw, predicted),
  };
  c.displacedArticles = 0;
  c.displacedMatched = 0;
  c.displacedHeadlineAllOk = 0;
  gold.articles.forEach((g, i) => {
    c.goldNames += goldNames(g).length;
    const j = goldToPred[i];
    if (g.displaced) c.displacedArticles++;
    if (j < 0) return;
    if (g.displaced) c.displacedMatched++;
    const p = predicted.articles[j];
    const k = normalizeText(g.kicker) === normalizeText(p.kicker);
    const h = normalizeText(g.headline) === normalizeText(p.headline);
    const s = normalizeText(g.subheadline) === normalizeText(p.subheadline);
    c.kickerOk += k;
    c.headlineOk += h;
    c.subheadlineOk += s;
    c.headlineAllOk += k && h && s;
    if (g.displaced) c.displacedHeadlineAllOk += k && h && s;
    c.matchedNames += multisetOverlap(goldNames(g), predNames(p));
  });
  return c;
}

function addCounts(into, c) {
  for (const [k, v] of Object.entries(c)) into[k] = (into[k] ?? 0) + v;
  return into;
}

const f1 = (tp, nGold, nPred) => (nGold + nPred === 0 ? 1 : (2 * tp) / (nGold + nPred));
const ratio = (a, b) => (b === 0 ? null : a / b);

/** The figures of a sum of page counts. */
export function figures(c) {
  return {
    pages: c.pages ?? 0,
    articleF1: f1(c.matchedArticles, c.goldArticles, c.predArticles),
    articleP: ratio(c.matchedArticles, c.predArticles),
    articleR: ratio(c.matchedArticles, c.goldArticles),
    paragraphF1: f1(c.exactParagraphs, c.goldParagraphs, c.predParagraphs),
    kicker: ratio(c.kickerOk, c.goldArticles),
    headline: ratio(c.headlineOk, c.goldArticles),
    subheadline: ratio(c.subheadlineOk, c.goldArticles),
    headlineAll: ratio(c.headlineAllOk, c.goldArticles),
    contributorF1: f1(c.matchedNames, c.goldNames, c.predNames),
    pageNumber: ratio(c.pageOk, c.pages),
    section: ratio(c.sectionOk, c.sectionPrinted),
    date: ratio(c.dateOk, c.pages),
    /** Per gold article whose headline group was printed after its body: matched, and all three fields exact. */
    displacedArticles: c.displacedArticles ?? 0,
    displacedMatched: ratio(c.displacedMatched, c.displacedArticles),
    displacedHeadlineAll: ratio(c.displacedHeadlineAllOk, c.displacedArticles),
    inOrderMatched: ratio(c.matchedArticles - c.displacedMatched, c.goldArticles - c.displacedArticles),
    inOrderHeadlineAll: ratio(c.headlineAllOk - c.displacedHeadlineAllOk, c.goldArticles - c.displacedArticles),
    charsLost: c.lost ?? 0,
    charsTwice: c.twice ?? 0,
    chars: c.chars ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Printing.

const fmt = (x) => (x === null || x === undefined ? "  –  " : x.toFixed(3));
const COLUMNS = [
  ["pages", "pages", (f) => String(f.pages).padStart(5)],
  ["art F1", "articleF1", (f) => fmt(f.articleF1)],
  ["para F1", "paragraphF1", (f) => fmt(f.paragraphF1)],
  ["kicker", "kicker", (f) => fmt(f.kicker)],
  ["head", "headline", (f) => fmt(f.headline)],
  ["sub", "subheadline", (f) => fmt(f.subheadline)],
  ["k+h+s", "headlineAll", (f) => fmt(f.headlineAll)],
  ["contrib", "contributorF1", (f) => fmt(f.contributorF1)],
  ["page#", "pageNumber", (f) => fmt(f.pageNumber)],
  ["section", "section", (f) => fmt(f.section)],
  ["date", "date", (f) => fmt(f.date)],
  ["lost", "charsLost", (f) => String(f.charsLost).padStart(5)],
  ["twice", "charsTwice", (f) => String(f.charsTwice).padStart(5)],
];

function table(rows) {
  const head = ["", ...COLUMNS.map(([h]) => h)];
  const body = rows.map(([label, f]) => [label, ...COLUMNS.map(([, , cell]) => cell(f))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [line(head), ...body.map(line)].join("\n");
}

/** Display width of a string in terminal columns (Han and full-width forms take two). */
function columns(text) {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

function clip(text, width) {
  let out = "";
  for (const ch of text ?? "") {
    if (columns(out + ch) > width - 1) return out + "…";
    out += ch;
  }
  return out;
}

const padColumns = (text, width) => text + " ".repeat(Math.max(0, width - columns(text)));

function summary(a, names) {
  const body = a.paragraphs.map((p) => p.text).join("¶");
  return [
    `kicker   ${a.kicker ?? "–"}`,
    `headline ${a.headline ?? "–"}`,
    `sub      ${a.subheadline ?? "–"}`,
    `byline   ${(typeof a.byline === "string" ? a.byline : a.byline?.text) ?? "–"}`,
    `names    ${names.join(" ") || "–"}`,
    `paras    ${a.paragraphs.length}${a.captions?.length ? ` + ${a.captions.length} captions` : ""}${a.kind ? ` (${a.kind})` : ""}`,
    `body     ${body}`,
  ];
}

function dumpPage(id, raw, gold, predicted) {
  const W = 58;
  const out = [`=== ${id} (${gold.separator}${gold.crlf ? ", CRLF" : ""}) ===`, raw.replace(/\r/g, "").replace(/\n\n/g, "\n"), ""];
  out.push(`page ${gold.page} / ${predicted.publication?.page ?? "–"}   section ${gold.section ?? "–"} / ${predicted.section ?? "–"}   date ${gold.date} / ${predicted.publication?.date ?? "–"}`);
  const goldToPred = matchArticles(gold.articles, predicted.articles);
  const shown = new Set();
  const side = (g, p) => {
    const left = g ? summary(g, goldNames(g)) : [];
    const right = p ? summary(p, predNames(p)) : [];
    for (let k = 0; k < Math.max(left.length, right.length); k++) {
      out.push(`${padColumns(clip(left[k] ?? "", W), W)} │ ${clip(right[k] ?? "", W)}`);
    }
  };
  gold.articles.forEach((g, i) => {
    const j = goldToPred[i];
    out.push(`--- gold ${i}${g.displaced ? " (displaced)" : ""} ${j >= 0 ? `↔ predicted ${j}` : "unmatched"}`);
    if (j >= 0) shown.add(j);
    side(g, j >= 0 ? predicted.articles[j] : null);
  });
  predicted.articles.forEach((p, j) => {
    if (shown.has(j)) return;
    out.push(`--- predicted ${j} unmatched`);
    side(null, p);
  });
  if (predicted.unassigned.length) out.push(`unassigned: ${predicted.unassigned.map((u) => u.text).join(" ¦ ")}`);
  out.push(`furniture: ${predicted.furniture.map((f) => `${f.kind}:${f.text}`).join(" ¦ ")}`);
  return out.join("\n");
}

/** The misplaced characters by gold role and where they went, most first; then the article errors. */
function errorReport(confusion, articleKinds) {
  const byRole = {};
  for (const [key, n] of Object.entries(confusion)) {
    const role = key.split(" → ")[0];
    byRole[role] = (byRole[role] ?? 0) + n;
  }
  const expected = {
    kicker: "kicker", headline: "headline", subheadline: "subheadline", byline: "byline", body: "paragraph",
    subhead: "paragraph", note: "paragraph", credit: "credit",
  };
  const wrong = Object.entries(confusion)
    .filter(([key]) => {
      const [role, got] = key.split(" → ");
      if (role.startsWith("furniture:")) return got !== role;
      return got !== expected[role];
    })
    .sort((a, b) => b[1] - a[1]);
  const lines = ["tune: characters of each composed role put elsewhere (share of that role's characters)"];
  for (const [key, n] of wrong.slice(0, 25)) {
    const role = key.split(" → ")[0];
    lines.push(`  ${key.padEnd(40)} ${String(n).padStart(8)}  ${((100 * n) / byRole[role]).toFixed(1).padStart(5)}%`);
  }
  lines.push("tune: article errors");
  for (const [k, n] of Object.entries(articleKinds).sort((a, b) => b[1] - a[1])) lines.push(`  ${k.padEnd(40)} ${String(n).padStart(8)}`);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------

/** The figures of one extractor's text of the pages printed to PDF: one row per split. */
async function mainExtractor(opts, pages) {
  const { EXTRACTORS, extractPages, missingExtractor } = await import("./extractors.mjs");
  if (!EXTRACTORS.includes(opts.extractor)) usage(`--extractor must be one of ${EXTRACTORS.join(", ")}`);
  const missing = missingExtractor(opts.extractor);
  if (missing) {
    console.log(`eval-layout: ${opts.extractor} skipped, ${missing}`);
    return;
  }
  const { loadTestUtils } = await import("../../pdf/scripts/build-test-utils.mjs");
  const { specOfPdPage, goldOfPrinted } = await import("./pd-pdf.mjs");
  const { composePdf } = await loadTestUtils();
  const started = performance.now();
  const splits = opts.split === "all" ? ["tune", "held-out"] : [opts.split];
  const seen = { tune: 0, "held-out": 0 };
  const result = {};
  let parseMs = 0;
  for (const split of splits) {
    const chosen = pages.filter((p) => splitOf(p) === split && ++seen[split] <= opts.limit);
    const sum = {};
    // a PDF of 20 pages at a time: one extractor run each
    for (let k = 0; k < chosen.length; k += 20) {
      const made = chosen.slice(k, k + 20).map((p) => specOfPdPage(p, seedOf(`${p.id}#pdf`)));
      const { bytes, pages: printed } = await composePdf(made.map((m) => m.spec));
      const texts = await extractPages(bytes, opts.extractor);
      printed.forEach((spec, i) => {
        const raw = texts[i] ?? "";
        const t0 = performance.now();
        // pdf.js text cannot be told from typed text with single line breaks: a user says which it is
        const readAs = opts.readAs ?? (opts.extractor === "pdfjs" ? "pdfjs" : undefined);
        const predicted = splitPage(raw, readAs ? { extractor: readAs } : {});
        parseMs += performance.now() - t0;
        addCounts(sum, scorePage(goldOfPrinted(spec, made[i]), predicted, raw));
      });
    }
    result[split] = figures(sum);
  }
  const seconds = (performance.now() - started) / 1000;
  if (opts.json) return console.log(JSON.stringify({ extractor: opts.extractor, readAs: opts.readAs ?? "auto", seconds, splits: result }, null, 2));
  console.log(`splitPage on People's Daily pages (Oct 2019) printed to PDF and extracted by ${opts.extractor} (read as ${opts.readAs ?? "detected"}); tune = 1–20 Oct, held-out = 21–31 Oct`);
  console.log(table(splits.map((s) => [`${s} ${opts.extractor}`, result[s]])));
  console.log(`\n${seconds.toFixed(1)} s (splitPage ${(parseMs / 1000).toFixed(1)} s)`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pages = loadPdPages(opts.dir);
  if (!pages) {
    console.log(`eval-layout: ${opts.dir === DEFAULT_PD_DIR ? "../shared/pd-2019-10" : opts.dir} not found, skipping (the People's Daily pages are read from there, never shipped).`);
    return;
  }
  if (opts.extractor) return mainExtractor(opts, pages);
  const started = performance.now();
  const splits = opts.split === "all" ? ["tune", "held-out"] : [opts.split];
  const sums = {};
  const dumps = [];
  let dumped = 0;
  let parseMs = 0;
  const failures = [];
  const confusion = {};
  const articleKinds = {};
  const seen = { tune: 0, "held-out": 0 };
  for (const pdPage of pages) {
    const split = splitOf(pdPage);
    if (++seen[split] > opts.limit) continue;
    const wantDump = dumped < opts.dump && split === "tune";
    if (!splits.includes(split) && !wantDump && !(opts.errors && split === "tune")) continue;
    for (let v = 0; v < opts.variants; v++) {
      const { raw, gold, layout, regions } = composePage(pdPage, seedOf(`${pdPage.id}#${v}`));
      const t0 = performance.now();
      let predicted;
      try {
        const options = opts.readAs ? { extractor: opts.readAs } : {};
        // the split's evaluation hook (not public API): the units' gold roles instead of the model's
        if (opts.goldRoles && split === "tune") options.rolesOf = (units) => goldRoles(units, regions).map((r) => ROLES[r]);
        predicted = splitPage(raw, options);
      } catch (error) {
        // scored as an empty parse, reported, and the run exits 1: a throw is a bug, never a figure
        failures.push(`${pdPage.id}#${v}: ${error?.stack ?? error}`);
        predicted = { publication: {}, section: null, articles: [], furniture: [], unassigned: [] };
      }
      parseMs += performance.now() - t0;
      if (wantDump && v === 0) {
        dumps.push(dumpPage(pdPage.id, raw, { ...gold, ...layout, articles: gold.articles }, predicted));
        dumped++;
      }
      if (opts.errors && split === "tune") {
        const goldToPred = matchArticles(gold.articles, predicted.articles);
        addCounts(confusion, roleConfusion(raw, regions, predicted, goldToPred));
        addCounts(articleKinds, articleErrors(gold, predicted, goldToPred));
      }
      if (!splits.includes(split)) continue;
      const counts = scorePage(gold, predicted, raw);
      const groups = [split, `${split}|${layout.separator}`, `${split}|${layout.displaced > 0 ? "displaced" : "in order"}`];
      for (const g of groups) addCounts((sums[g] ??= {}), counts);
    }
  }
  const result = {};
  for (const s of splits) {
    result[s] = {
      all: figures(sums[s] ?? {}),
      blank: figures(sums[`${s}|blank`] ?? {}),
      single: figures(sums[`${s}|single`] ?? {}),
      displaced: figures(sums[`${s}|displaced`] ?? {}),
      inOrder: figures(sums[`${s}|in order`] ?? {}),
    };
  }
  const seconds = (performance.now() - started) / 1000;
  if (opts.json) {
    const errors = opts.errors ? { roleConfusion: confusion, articles: articleKinds } : undefined;
    console.log(JSON.stringify({ variants: opts.variants, goldRoles: opts.goldRoles, seconds, parseSeconds: parseMs / 1000, splits: result, errors, failures }, null, 2));
  } else {
    if (dumps.length) console.log(dumps.join("\n\n") + "\n");
    console.log(`splitPage on People's Daily pages (Oct 2019) composed ${opts.variants}× each; tune = 1–20 Oct, held-out = 21–31 Oct${opts.goldRoles ? "; GOLD ROLES (the assembly alone)" : ""}`);
    for (const s of splits) {
      const r = result[s];
      console.log(`\n${s}: article P ${fmt(r.all.articleP)} R ${fmt(r.all.articleR)}; ${r.all.chars} non-space characters`);
      console.log(table([
        [s, r.all],
        ["  blank lines", r.blank],
        ["  single lines", r.single],
        ["  a group displaced", r.displaced],
        ["  none displaced", r.inOrder],
      ]));
      const a = r.all;
      console.log(`per article: ${a.displacedArticles} with the headline group after the body: matched ${fmt(a.displacedMatched)}, k+h+s ${fmt(a.displacedHeadlineAll)}; the others: matched ${fmt(a.inOrderMatched)}, k+h+s ${fmt(a.inOrderHeadlineAll)}`);
    }
    if (opts.errors) console.log(`\n${errorReport(confusion, articleKinds)}`);
    console.log(`\n${seconds.toFixed(1)} s (splitPage ${(parseMs / 1000).toFixed(1)} s)`);
  }
  if (failures.length > 0) {
    console.error(`eval-layout: splitPage threw on ${failures.length} composed pages (scored as empty parses); the first:\n${failures[0]}`);
    process.exitCode = 1;
  }
}

// run as a script, not when a test imports the metrics
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
