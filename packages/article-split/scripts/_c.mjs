import { readFileSync } from "node:fs";
import { splitPage } from "@yk/article-split";
import { composePage, seedOf } from "./compose-page.mjs";
const pages = JSON.parse(readFileSync(new URL("./data/county-pages.json", import.meta.url), "utf8"));
let ok = 0, n = 0;
for (const page of pages) for (let v = 0; v < 10; v++) {
  const { raw, gold } = composePage(page, seedOf(`${page.id}#x${v}`), { extras: false });
  const p = splitPage(raw);
  for (const g of gold.articles) {
    n++;
    const c = (s) => (s ?? "").replace(/\s+/g, "").replace(/^——/, "");
    const m = p.articles.find((a) => c(a.headline) === c(g.headline) && c(a.kicker) === c(g.kicker) && c(a.subheadline) === c(g.subheadline));
    if (m) ok++; else if (v < 2) console.log("miss", g.kicker, "|", g.headline, "|", g.subheadline, " got:", p.articles.map((a) => `${a.kind}:${a.kicker ?? "-"}|${a.headline ?? "-"}`).join(" ; ").slice(0, 200));
  }
}
console.log(ok, "/", n);
