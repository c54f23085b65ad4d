#!/usr/bin/env node
// Print the scores of @yk/pdf on generated pages: node scripts/score-generated.mjs [pages=12] [firstSeed=1]
import { loadTestUtils } from "./build-test-utils.mjs";
const { composePdf, generatePage, score } = await loadTestUtils();
const { parsePdf } = await import("../dist/index.js");
const count = Number(process.argv[2] ?? 12);
const first = Number(process.argv[3] ?? 1);
const specs = Array.from({ length: count }, (_, i) => generatePage(first + i));
const { bytes, pages } = await composePdf(specs);
const t0 = performance.now();
const results = await parsePdf(bytes);
const ms = performance.now() - t0;
console.log(JSON.stringify(score(pages, results.map((r) => r.page)), null, 1));
console.log(`${count} pages, ${(bytes.length / 1024).toFixed(0)} kB, parsed in ${ms.toFixed(0)} ms`);
if (process.env.DUMP) {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(process.env.DUMP, bytes);
}
if (process.env.DEBUG) {
  pages.forEach((spec, i) => {
    const page = results[i].page;
    const golds = new Set(spec.articles.map((a) => a.headline));
    for (const a of page.articles) if (!golds.has(a.headline) && a.kind !== "other") console.log(`p${i + 1} EXTRA`, a.kind, a.headline, a.paragraphs.map((p) => p.text.slice(0, 20)));
    for (const a of spec.articles) {
      const got = page.articles.find((x) => x.headline === a.headline);
      if (!got) { console.log(`p${i + 1} MISSING`, a.headline); continue; }
      const want = new Set(a.paragraphs);
      for (const p of got.paragraphs) if (!want.has(p.text)) console.log(`p${i + 1} ${a.headline} BADPAR`, p.text);
      const names = got.byline?.contributors.map((c) => c.name) ?? [];
      if (JSON.stringify(names) !== JSON.stringify(a.byline?.names ?? [])) console.log(`p${i + 1} ${a.headline} BYLINE`, a.byline?.text, "→", got.byline?.text, names);
      if (a.photo && got.captions[0]?.text !== a.photo.caption) console.log(`p${i + 1} ${a.headline} CAPTION`, a.photo.caption, "→", JSON.stringify(got.captions));
    }
  });
}
