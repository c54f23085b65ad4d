// Pages of the People's Daily, October 2019 (../shared/pd-2019-10, third-party text: read here,
// never committed): the articles grouped by printed page, in printed order.
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const DEFAULT_PD_DIR = resolve(REPO_ROOT, "../shared/pd-2019-10");

/**
 * Pages `{ id, date, page, articles }` sorted by date and page number, articles by printed
 * order; null when the directory or its articles.jsonl.gz is absent (the caller says so).
 */
export function loadPdPages(dir = DEFAULT_PD_DIR) {
  const file = join(dir, "articles.jsonl.gz");
  if (!existsSync(file)) return null;
  const byPage = new Map();
  for (const line of gunzipSync(readFileSync(file)).toString("utf8").split("\n")) {
    if (!line.trim()) continue;
    const a = JSON.parse(line);
    const id = `${a.date.replaceAll("-", "")}-${String(a.page).padStart(2, "0")}`;
    let page = byPage.get(id);
    if (!page) byPage.set(id, (page = { id, date: a.date, page: a.page, articles: [] }));
    page.articles.push(a);
  }
  const pages = [...byPage.values()].sort((x, y) => x.date.localeCompare(y.date) || x.page - y.page);
  for (const p of pages) p.articles.sort((x, y) => x.order - y.order);
  return pages;
}

/** "tune" for pages of 1–20 October, "held-out" for 21–31 (measured, never tuned on). */
export function splitOf(page) {
  return Number(page.date.slice(8, 10)) <= 20 ? "tune" : "held-out";
}
