import type { Options } from "tsup";

/**
 * The build every public package shares: ESM + CJS + .d.ts from src/index.ts, for Node 20,
 * through a tsconfig.build.json that is not composite (tsup's dts build fails on composite).
 */
export function packageConfig(overrides: Options = {}): Options {
  return {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    tsconfig: "tsconfig.build.json",
    ...overrides,
  };
}
