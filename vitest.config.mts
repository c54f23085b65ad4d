import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

// Tests import sibling packages from source, so a test run needs no build of the package under test.
const alias = {
  "@yk/lexicon": pkg("lexicon"),
  "@yk/schema": pkg("schema"),
  "@yk/reflow": pkg("reflow"),
  "@yk/article-split": pkg("article-split"),
  "@yk/cn-entities": pkg("cn-entities"),
  "@yk/pdf": pkg("pdf"),
  "@yk/html": pkg("html"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // one worker per core, not vitest's default of one fewer: many tests wait on child processes
    // (the CLI's worker pool, the doc tests' examples), and on a two-core machine the default of
    // one worker ran every file in turn (74 s against 61 s for the whole suite)
    maxWorkers: availableParallelism(),
    projects: ["lexicon", "schema", "reflow", "article-split", "cn-entities", "cli", "pdf", "html"].map((name) => ({
      resolve: { alias },
      test: {
        name,
        root: `./packages/${name}`,
        include: ["src/**/*.test.ts", "test/**/*.test.ts"],
        testTimeout: 60_000,
      },
    })).concat([
      {
        resolve: { alias },
        test: { name: "examples", root: "./examples", include: ["**/*.test.ts"], testTimeout: 120_000 },
      } as never,
      {
        // every README's code blocks, run or type-checked as written (test/docs/README.md)
        // concurrent: each test waits on the child processes that run a README's examples
        // (hookTimeout: its set-up parses the seed page with the built yk, slow on a loaded machine)
        test: { name: "docs", root: "./test/docs", include: ["*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000, sequence: { concurrent: true } },
      } as never,
    ]),
  },
});
