#!/usr/bin/env node
// Why composed paragraphs are not found exactly, on the TUNE split only (1–20 October; never the
// held-out pages): every gold paragraph (a body, subhead or note region of the composer) is followed
// to where the parse put its characters, and the misses are counted by class:
//   joined    one predicted paragraph holds it and the paragraph before or after it (of its article:
//             "joined next" / "joined prev"; the boundary's shape is tallied: how full the first's last
//             line is, what it ends with, how long the next's first line is)
//   cut       its characters are in two or more predicted paragraphs (where: after a full line or not)
//   with X    one predicted paragraph holds it with characters of another role (headline, byline…)
//   in X      some of its characters are in a field that is no paragraph (caption, byline, headline…)
// and the predicted paragraphs that hold no gold paragraph at all, by the gold roles of their characters.
//
// usage: node packages/article-split/scripts/diagnose-paragraphs.mjs [--gold-roles] [--limit N] [--examples K]
import { splitPage, ROLES } from "@yk/article-split";
import { charWidth } from "@yk/lexicon";
import { composePage, seedOf } from "./compose-page.mjs";
import { loadPdPages, splitOf, DEFAULT_PD_DIR } from "./pd-pages.mjs";
import { goldRoles } from "./gold-roles.mjs";

const args = process.argv.slice(2);
const useGold = args.includes("--gold-roles");
const limit = args.includes("--limit") ? Number(args[args.indexOf("--limit") + 1]) : Infinity;
const examplesWanted = args.includes("--examples") ? Number(args[args.indexOf("--examples") + 1]) : 3;

const pages = loadPdPages(DEFAULT_PD_DIR);
if (!pages) {
  console.log("diagnose-paragraphs: ../shared/pd-2019-10 not found, skipping (read from there, never shipped).");
  process.exit(0);
}

const counts = {};
const examples = {};
const count = (key, example) => {
  counts[key] = (counts[key] ?? 0) + 1;
  if (example && (examples[key] ??= []).length < examplesWanted) examples[key].push(example);
};
const isWhite = (ch) => /\s/.test(ch);

/** The printed line of raw holding offset `at`: [start, end). */
function lineAt(raw, at) {
  let s = at;
  while (s > 0 && raw[s - 1] !== "\n" && raw[s - 1] !== "\r") s--;
  let e = at;
  while (e < raw.length && raw[e] !== "\n" && raw[e] !== "\r") e++;
  return [s, e];
}
const widthOf = (text) => Array.from(text).reduce((w, ch) => w + (isWhite(ch) ? 0 : charWidth(ch)), 0);

let seen = 0;
let goldTotal = 0;
for (const pd of pages) {
  if (splitOf(pd) !== "tune") continue;
  if (++seen > limit) break;
  for (let v = 0; v < 2; v++) {
    const { raw, regions, layout } = composePage(pd, seedOf(`${pd.id}#${v}`));
    const options = useGold ? { rolesOf: (units) => goldRoles(units, regions).map((r) => ROLES[r]) } : {};
    const page = splitPage(raw, options);
    // what holds each raw character: a predicted paragraph (its number) or a field name
    const holder = new Array(raw.length).fill(null);
    let pn = 0;
    const paraText = [];
    for (const a of page.articles) {
      for (const f of ["kicker", "headline", "subheadline"]) for (const s of a.fieldSpans?.[f] ?? []) for (let i = s.start; i < s.end; i++) holder[i] = f;
      for (const s of a.byline?.spans ?? []) for (let i = s.start; i < s.end; i++) holder[i] = "byline";
      for (const c of a.captions) {
        for (const s of c.spans ?? []) for (let i = s.start; i < s.end; i++) holder[i] = "caption";
        for (const s of c.credit?.spans ?? []) for (let i = s.start; i < s.end; i++) holder[i] = "credit";
      }
      for (const p of a.paragraphs) {
        for (const s of p.spans) for (let i = s.start; i < s.end; i++) holder[i] = pn;
        paraText[pn++] = p.text;
      }
    }
    for (const f of page.furniture) for (const s of f.spans) for (let i = s.start; i < s.end; i++) holder[i] = "furniture";
    for (const u of page.unassigned) for (const s of u.spans) for (let i = s.start; i < s.end; i++) holder[i] = "unassigned";
    // the gold role and paragraph of each raw character
    const goldOf = new Array(raw.length).fill(null);
    const paras = new Map();
    for (const r of regions) {
      const key = ["body", "subhead", "note"].includes(r.role) && r.article >= 0 && r.piece >= 0 ? `${r.article}|${r.piece}` : null;
      for (let i = r.start; i < r.end; i++) {
        if (isWhite(raw[i])) continue;
        goldOf[i] = key ?? r.role;
        if (key) {
          if (!paras.has(key)) paras.set(key, { key, role: r.role, article: r.article, piece: r.piece, at: [] });
          paras.get(key).at.push(i);
        }
      }
    }
    const order = [...paras.values()];
    const byKey = new Map(order.map((p, k) => [p.key, k]));
    const matchedPred = new Set();
    for (const g of order) {
      goldTotal++;
      const holders = new Set(g.at.map((i) => holder[i]));
      const numbers = [...holders].filter((h) => typeof h === "number");
      const fields = [...holders].filter((h) => typeof h !== "number");
      const text = g.at.map((i) => raw[i]).join("");
      const role = g.role === "body" ? "" : ` (${g.role})`;
      if (fields.length > 0) {
        count(`in ${fields.join("+")}${role}`, text.slice(0, 60));
        continue;
      }
      if (numbers.length > 1) {
        // where it was cut: the line the first part ends on
        const cuts = [];
        for (let k = 1; k < g.at.length; k++) if (holder[g.at[k]] !== holder[g.at[k - 1]]) cuts.push(g.at[k - 1]);
        const [s, e] = lineAt(raw, cuts[0]);
        const lineEnd = raw.slice(s, e).trimEnd();
        const endsLine = cuts[0] === s + lineEnd.length - 1;
        const w = layout.widths[g.article];
        const fill = widthOf(lineEnd);
        const shape = !endsLine ? "mid-line" : fill >= w - 0.5 ? "after a full line" : `after a short line (${Math.round(w - fill)} em short)`;
        count(`cut${role}: ${shape}`, `${text.slice(0, 40)} | ${lineEnd}`);
        continue;
      }
      const p = numbers[0];
      // every raw character the predicted paragraph holds, by gold owner
      const others = new Set();
      for (let i = 0; i < raw.length; i++) if (holder[i] === p && !isWhite(raw[i]) && goldOf[i] !== g.key) others.add(goldOf[i]);
      if (others.size === 0) {
        matchedPred.add(p);
        continue;
      }
      const mine = byKey.get(g.key);
      const paragraphsOnly = [...others].every((o) => byKey.has(o));
      if (!paragraphsOnly) {
        const kinds = [...others].filter((o) => !byKey.has(o)).sort().join("+");
        count(`with ${kinds}${role}`, `${text.slice(0, 40)} ⟂ ${paraText[p].slice(0, 60)}`);
        continue;
      }
      const ks = [...others].map((o) => byKey.get(o));
      const sameArticle = ks.every((k) => order[k].article === g.article);
      count(`joined with ${ks.length === 1 ? "one other paragraph" : "several paragraphs"}${sameArticle ? "" : " (another article's)"}${role}`);
      // the boundary g | next when both are in this predicted paragraph: g's last line, the next's first
      if (!others.has(order[mine + 1]?.key)) continue;
      const next = order[mine + 1];
      const lastAt = g.at[g.at.length - 1];
      const [s, e] = lineAt(raw, lastAt);
      const last = raw.slice(s, e).trimEnd();
      const [s2, e2] = lineAt(raw, next.at[0]);
      const first = raw.slice(s2, e2).trimEnd();
      const w = layout.widths[g.article];
      const fill = widthOf(last);
      const endCh = last.trim().slice(-1);
      const ends = /[。！？]/.test(endCh) ? "sentence end" : /[”’」）)]/.test(endCh) ? "closing mark" : /[：:]/.test(endCh) ? "colon" : "no end mark";
      const lastShape = fill >= w - 0.5 ? "full" : fill >= w - 1.5 ? "1 em short" : "short";
      const firstShape = widthOf(first) >= w - 0.5 ? "full" : widthOf(first) >= w - 2.5 ? "indent-short" : "short";
      count(`  boundary joined: ${g.role}→${next.role}, last line ${lastShape}, ${ends}, next first line ${firstShape}${next.article !== g.article ? " (other article)" : ""}`, `${last} ¦ ${first}`);
    }
    // predicted paragraphs that are no gold paragraph's
    paraText.forEach((t, p) => {
      if (matchedPred.has(p)) return;
      const owners = new Set();
      for (let i = 0; i < raw.length; i++) if (holder[i] === p && !isWhite(raw[i])) owners.add(byKey.has(goldOf[i]) ? "paragraph" : goldOf[i]);
      if (owners.size === 1 && owners.has("paragraph")) return;
      count(`predicted paragraph of ${[...owners].sort().join("+")}`, t.slice(0, 60));
    });
  }
}
console.log(`tune${useGold ? ", gold roles" : ""}: ${goldTotal} gold paragraphs; misses by class`);
for (const [k, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) {
  console.log(`${String(n).padStart(6)}  ${k}`);
  for (const ex of examples[k] ?? []) console.log(`          ${ex}`);
}
