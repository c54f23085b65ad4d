import { defineConfig } from "tsup";
import { packageConfig } from "../../tsup.base";

export default defineConfig(
  packageConfig({
    entry: ["src/index.ts", "src/bin.ts", "src/worker.ts"],
    dts: { entry: ["src/index.ts"] },
    shims: true,
    external: ["nodejieba", "lunar-javascript", "iconv-lite", /^@yk\//],
  }),
);
