/**
 * The fenced code blocks of a README, and the rules the doc tests apply to each (see README.md
 * beside this file): `js` blocks run (as ESM and as CommonJS) and type-check as TypeScript (ESM
 * and CommonJS projects); `sh` blocks run their `yk` commands and check their npm commands;
 * a `text output` block is what the block before it prints, exactly.
 */

export interface Block {
  /** The info string's first word: js, sh, text … */
  lang: string;
  /** The rest of the info string ("output" for a sample output). */
  meta: string;
  code: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
  /** Offsets of the code (between the fences) in the README, to rewrite a sample output. */
  start: number;
  end: number;
}

/** Every fenced block (``` or ~~~, not indented more than three spaces), in order. */
export function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const fence = /^ {0,3}(`{3,}|~{3,})([^\n`]*)\n/gm;
  let m: RegExpExecArray | null;
  while ((m = fence.exec(markdown))) {
    const [open, marks, info] = m as unknown as [string, string, string];
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

/** A sample output block: it must equal what the block before it prints. */
export const isOutput = (b: Block) => b.lang === "text" && b.meta === "output";

/** Lines of a shell block, without comments and blank lines; `a && b` counts as two commands. */
export function shellCommands(code: string): string[] {
  return code
    .split("\n")
    .map((l) => l.replace(/(^|\s)#.*$/, "").trim())
    .filter(Boolean)
    .flatMap((l) => l.split(/\s*&&\s*/));
}

/** A command the doc tests run: the `yk` command line (as `yk`, `npx yk` or `npx @yk/cli`), possibly fed by a pipe. */
export function isYkCommand(command: string): boolean {
  return /(^|\|\s*)(npx (yk|@yk\/cli)|yk)\s/.test(command + " ");
}
