import { describe, expect, it } from "vitest";
import { codeBlocks, isOutput, isYkCommand, shellCommands } from "../../scripts/readme-blocks.mjs";

describe("codeBlocks", () => {
  it("finds fenced blocks with their language, meta, line and code offsets; longer fences hold shorter ones", () => {
    const md = "# t\n\n```js\nconsole.log(1);\n```\n\ntext\n\n```text output\n1\n```\n\n````md\n```js\nx\n```\n````\n~~~sh\nyk --help\n~~~\n";
    const blocks = codeBlocks(md);
    expect(blocks.map((b) => [b.lang, b.meta, b.line, b.code])).toEqual([
      ["js", "", 3, "console.log(1);\n"],
      ["text", "output", 9, "1\n"],
      ["md", "", 13, "```js\nx\n```\n"],
      ["sh", "", 18, "yk --help\n"],
    ]);
    expect(md.slice(blocks[1]!.start, blocks[1]!.end)).toBe("1\n");
    expect(blocks.map(isOutput)).toEqual([false, true, false, false]);
  });
});

describe("shell commands", () => {
  it("splits && chains, drops comments and blank lines", () => {
    expect(shellCommands("npm ci && npm start   # builds\n\n# only a comment\nnpx yk --help\n")).toEqual(["npm ci", "npm start", "npx yk --help"]);
  });

  it("knows the yk command however it is called, also after a pipe", () => {
    expect(["yk parse a.txt", "npx yk --help", "npx @yk/cli --version", "cat page.txt | yk parse"].map(isYkCommand)).toEqual([true, true, true, true]);
    expect(["npm install @yk/cli", "ykx parse", "echo yk"].map(isYkCommand)).toEqual([false, false, false]);
  });
});
