// The gold role of each unit of a composed page, from the composer's regions: what the role
// model learns (train-roles.mjs) and what `eval-layout.mjs --gold-roles` gives the assembly in
// place of the model's decode (to measure the assembly alone).
import { ROLES } from "@yk/article-split";

const R = Object.fromEntries(ROLES.map((r, i) => [r, i]));

/** The gold role of each unit: the composed role most of its characters have. */
export function goldRoles(units, regions) {
  const sorted = [...regions].sort((a, b) => a.start - b.start);
  const regionAt = (pos) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = sorted[mid];
      if (pos < r.start) hi = mid - 1;
      else if (pos >= r.end) lo = mid + 1;
      else return r;
    }
    return null;
  };
  const out = [];
  let prevField = null;
  let prevArticle = null;
  let prevKey = null;
  for (const u of units) {
    const count = new Map();
    for (const s of u.mapped.spans) {
      for (let p = s.start; p < s.end; p++) {
        const r = regionAt(p);
        if (!r) continue;
        const key = `${r.role}\u0000${r.article}\u0000${r.piece ?? -1}`;
        count.set(key, (count.get(key) ?? 0) + 1);
      }
    }
    let best = null;
    let most = 0;
    for (const [k, n] of count) if (n > most) [best, most] = [k, n];
    const [role, article] = best ? best.split("\u0000") : ["body", "-1"];
    let label;
    if (u.shape.fixed) label = u.shape.fixed;
    else if (best && best === prevKey && (role === "body" || role === "note")) label = "body+";
    else if (best && best === prevKey && role === "subhead") label = "subhead+";
    else if (role === "kicker" || role === "headline" || role === "subheadline") {
      label = prevField === role && prevArticle === article ? `${role}+` : role;
    } else if (role === "note") label = "body";
    else if (role.startsWith("furniture")) label = "furniture";
    else if (ROLES.includes(role)) label = role;
    else label = "body";
    out.push(R[label]);
    prevField = ["kicker", "headline", "subheadline"].includes(role) ? role : null;
    prevArticle = article;
    prevKey = best;
  }
  return out;
}
