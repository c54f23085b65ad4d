/**
 * The fenced code blocks of a README, and the rules applied to each, shared by the doc tests
 * (test/docs, rules in test/docs/README.md) and the pack check (scripts/check-pack.mjs): `js`
 * blocks run (as ESM and as CommonJS) and type-check as TypeScript (ESM and CommonJS); `sh` blocks
 * run their `yk` commands; a `text output` block is what the block before it prints, exactly.
 *
 * @typedef {object} Block
 * @property {string} lang the info string's first word: js, sh, text …
 * @property {string} meta the rest of the info string ("output" for a sample output)
 * @property {string} code
 * @property {number} line 1-based line of the opening fence, for messages
 * @property {number} start offset of the code (between the fences) in the README, to rewrite a sample
 * @property {number} end
 */

/**
 * Every fenced block (``` or ~~~, not indented more than three spaces), in order.
 * @param {string} markdown
 * @returns {Block[]}
 */
export function codeBlocks(markdown) {
  const blocks = [];
  const fence = /^ {0,3}(`{3,}|~{3,})([^\n`]*)\n/gm;
  let m;
  while ((m = fence.exec(markdown))) {
    const [open, marks, info] = m;
    const start = m.index + open.length;
    const close = new RegExp(`^ {0,3}${marks[0] === "`" ? "`" : "~"}{${marks.length},}[ \\t]*$`, "gm");
    close.lastIndex = start;
    const c = close.exec(markdown);
    const end = c ? c.index : markdown.length;
    const [lang = "", ...rest] = info.trim().split(/\s+/);
    blocks.push({ lang, meta: rest.join(" "), code: markdown.slice(start, end), line: markdown.slice(0, m.index).split("\n").length, start, end });
    fence.lastIndex = c ? c.index + c[0].length : markdown.length;
  }
  return blocks;
}

/** A sample output block: it must equal what the block before it prints. @param {Block} b */
export const isOutput = (b) => b.lang === "text" && b.meta === "output";

/**
 * Lines of a shell block, without comments and blank lines; `a && b` counts as two commands.
 * @param {string} code
 * @returns {string[]}
 */
export function shellCommands(code) {
  return code
    .split("\n")
    .map((l) => l.replace(/(^|\s)#.*$/, "").trim())
    .filter(Boolean)
    .flatMap((l) => l.split(/\s*&&\s*/));
}

/**
 * A command the doc tests run: the `yk` command line (as `yk`, `npx yk` or `npx @yk/cli`), possibly fed by a pipe.
 * @param {string} command
 */
export function isYkCommand(command) {
  return /(^|\|\s*)(npx (yk|@yk\/cli)|yk)\s/.test(command + " ");
}
