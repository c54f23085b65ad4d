#!/usr/bin/env node
// Writes docs/seed-view.png: the seed page parsed by the built `yk` (as `yk parse --format html`
// does) and shown in headless Chromium, its headline focused. Run from the root: `npm run screenshot`
// (it builds first). Needs /usr/bin/chromium (Debian: apt-get install chromium) and a CJK font
// (fonts-noto-cjk), else the Chinese shows as boxes. Not part of the tests.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const root = resolve(new URL("../../..", import.meta.url).pathname);
const out = join(root, "docs/seed-view.png");
const work = mkdtempSync(join(tmpdir(), "yk-shot-"));
const html = join(work, "seed.html");
execFileSync(process.execPath, [join(root, "packages/cli/bin/yk.cjs"), "parse", "packages/cli/fixtures/seed-page.txt", "--date", "2023-01-12", "--format", "html", "--out", html], { cwd: root, stdio: "inherit" });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(`file://${html}`);
  await page.focus("[id$='-a2-headline']");
  // a palette PNG: far smaller than full colour for a flat page like this one
  writeFileSync(out, await page.screenshot({ type: "png" }));
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`wrote ${out} (${(statSync(out).size / 1024).toFixed(0)} kB)`);
