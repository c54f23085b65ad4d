import { reflow } from "@yk/reflow";
import { ROLES, pageUnits, unitRoles } from "@yk/article-split";
import { loadPdPages, splitOf } from "./pd-pages.mjs";
import { composePage, seedOf } from "./compose-page.mjs";
const want = process.argv[2]; // "gold>pred"
const pages = loadPdPages().filter((p) => splitOf(p) === "tune");
let shown = 0;
const src = await import("./train-roles-gold.mjs");
for (const page of pages.slice(0, 200)) {
  const { raw, regions } = composePage(page, seedOf(`${page.id}#diag`));
  const result = reflow(raw);
  const units = pageUnits(result, {});
  const gold = src.goldRoles(units, regions).map((r) => ROLES[r]);
  const pred = unitRoles(units.map((u) => u.shape), { blankLines: result.gapStyle === "blank-lines" });
  units.forEach((u, i) => {
    if (shown >= 12) return;
    if (`${gold[i]}>${pred[i]}` !== want) return;
    shown++;
    const ctx = (k) => (units[k] ? `${gold[k]}/${pred[k]} L${units[k].shape.lines} ${JSON.stringify(units[k].mapped.text.slice(0, 40))}` : "-");
    console.log(`--- ${page.id}\n  ${ctx(i - 2)}\n  ${ctx(i - 1)}\n> ${ctx(i)} nl=${u.shape.newlinesBefore} w=${u.shape.width}/${u.shape.column}\n  ${ctx(i + 1)}\n  ${ctx(i + 2)}`);
  });
}
