import { matchCredit, matchLeadingByline, nameTokens } from "@yk/article-split";
import { loadPdPages, splitOf } from "./pd-pages.mjs";
import { composePage, seedOf } from "./compose-page.mjs";
const fails = new Map();
for (const page of loadPdPages().filter((p) => splitOf(p) === "tune")) {
  const { gold } = composePage(page, seedOf(`${page.id}#by`));
  for (const a of gold.articles) {
    if (!a.byline) continue;
    const t = a.byline;
    const ok = matchLeadingByline(t) || matchCredit(t) || nameTokens(t);
    if (!ok) { const k = t.replace(/[\u4e00-\u9fff]/g, "X").slice(0, 30); fails.set(t, (fails.get(t) ?? 0) + 1); }
  }
}
console.log(fails.size); console.log([...fails.keys()].slice(0, 40).join("\n"));
