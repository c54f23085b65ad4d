import { splitPage } from "@yk/article-split";
import { readFileSync } from "node:fs";
const raw = readFileSync(process.argv[2], "utf8");
const p = splitPage(raw, { date: "2023-01-12" });
for (const a of p.articles) console.log(`${a.kind} K=${a.kicker ?? "-"} | H=${a.headline ?? "-"} | S=${a.subheadline ?? "-"} | BY=${a.byline?.text ?? "-"} | ${a.paragraphs.length}p ${a.captions.length}c: ${[...a.paragraphs, ...a.captions].map((x) => (x.subhead ? "#" : "") + x.text.slice(0, 8)).join(" / ")}`);
console.log("furniture:", p.furniture.map((f) => f.kind + ":" + f.text).join(" | "), "unassigned:", p.unassigned.map((u) => u.text).join(" | "));
