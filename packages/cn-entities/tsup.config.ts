import { defineConfig } from "tsup";
import { packageConfig } from "../../tsup.base";

// native and data-heavy: installed by npm, never bundled
export default defineConfig(packageConfig({ external: ["nodejieba", "lunar-javascript"] }));
