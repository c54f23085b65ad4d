import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts", "src/worker.ts"],
  format: ["esm", "cjs"],
  dts: { entry: ["src/index.ts"] },
  sourcemap: true,
  clean: true,
  shims: true,
  target: "node20",
  tsconfig: "tsconfig.build.json",
  external: ["nodejieba", "lunar-javascript", "iconv-lite", /^@yk\//],
});
