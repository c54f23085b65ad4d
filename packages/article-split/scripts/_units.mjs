import { readFileSync } from "node:fs";
import { reflow } from "@yk/reflow";
import { ROLES, pageUnits, unitRoles } from "@yk/article-split";
const raw = readFileSync(process.argv[2], "utf8");
const result = reflow(raw);
const units = pageUnits(result, {});
const roles = unitRoles(units.map((u) => u.shape), { blankLines: result.gapStyle === "blank-lines" });
units.forEach((u, i) => console.log(roles[i].padEnd(12), u.shape.lines, u.mapped.text.slice(0, 30)));
