import { readFileSync } from "node:fs";
import { reflow } from "@yk/reflow";
import { pageUnits } from "@yk/article-split";
const result = reflow(readFileSync(process.argv[2], "utf8"));
for (const u of pageUnits(result, {}).slice(0, 6)) console.log(u.mapped.text.slice(0, 20), u.shape.byline, u.shape.fixed, !!u.byline);
