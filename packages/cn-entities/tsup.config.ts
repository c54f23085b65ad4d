import { defineConfig } from "tsup";
import { packageConfig } from "../../tsup.base";

// native and data-heavy: installed by npm, never bundled; features.ts and model.ts are built
// apart too, for scripts/train.mjs, and segmenter.ts for scripts/segmenter-tables.mjs (not exports of the package)
export default defineConfig(packageConfig({ entry: ["src/index.ts", "src/features.ts", "src/model.ts", "src/segmenter.ts"], external: ["nodejieba", "lunar-javascript"] }));
