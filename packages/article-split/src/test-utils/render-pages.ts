// Renders the page specs to test/fixtures/pages/<name>.txt, the committed inputs of the page tests.
// Run: npx vitest run --project article-split render (with RENDER_PAGES=1)
import { mkdirSync, writeFileSync } from "node:fs";
import { composePage } from "./compose.js";
import { PAGES } from "./pages.js";

export function renderPages(dir: URL): void {
  mkdirSync(dir, { recursive: true });
  for (const spec of PAGES) writeFileSync(new URL(`${spec.name}.txt`, dir), composePage(spec));
}
