import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

// Tests import sibling packages from source, so a test run needs no build of the package under test.
const alias = {
  "@yk/lexicon": pkg("lexicon"),
  "@yk/schema": pkg("schema"),
  "@yk/reflow": pkg("reflow"),
  "@yk/article-split": pkg("article-split"),
  "@yk/cn-entities": pkg("cn-entities"),
  "@yk/pdf": pkg("pdf"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: ["lexicon", "schema", "reflow", "article-split", "cn-entities", "cli", "pdf"].map((name) => ({
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
    ]),
  },
});
