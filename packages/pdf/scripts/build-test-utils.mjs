// Bundle the test page composer (TypeScript) for the scripts that run outside vitest.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

export async function loadTestUtils() {
  const out = fileURLToPath(new URL("../node_modules/.cache/test-utils.mjs", import.meta.url));
  await build({
    entryPoints: [fileURLToPath(new URL("../src/test-utils/index.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: out,
    packages: "external",
    logLevel: "error",
  });
  return import(out + `?t=${Date.now()}`);
}
