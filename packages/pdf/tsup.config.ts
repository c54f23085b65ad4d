import { defineConfig } from "tsup";
import { packageConfig } from "../../tsup.base";

// shims: import.meta.url in the CommonJS build (to find pdfjs-dist's character maps)
export default defineConfig(packageConfig({ shims: true }));
