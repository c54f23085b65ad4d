import { loadPdPages } from "./pd-pages.mjs";
import { composePage, seedOf } from "./compose-page.mjs";
const [id, needle, before = 100, after = 200] = process.argv.slice(2);
const page = loadPdPages().find((p) => p.id === id);
const { raw } = composePage(page, seedOf(`${page.id}#diag`));
const at = raw.indexOf(needle);
console.log(JSON.stringify(raw.slice(Math.max(0, at - before), at + Number(after))));
