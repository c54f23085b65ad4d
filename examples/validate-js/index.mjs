// A newsroom tool that knows nothing of TypeScript or zod: it validates page JSON files with the
// JSON Schema that @yk/schema publishes (@yk/schema/page.schema.json), using Ajv's draft 2020-12 build.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";

const require = createRequire(import.meta.url);
const schema = require("@yk/schema/page.schema.json");
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** Problems of one page as "path: message" lines; empty when valid. */
export function problems(page) {
  if (validate(page)) return [];
  return validate.errors.map((e) => `${e.instancePath || "(root)"}: ${e.message}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let bad = 0;
  for (const file of process.argv.slice(2)) {
    const found = problems(JSON.parse(readFileSync(file, "utf8")));
    bad += found.length > 0 ? 1 : 0;
    console.log(found.length ? `${file}: invalid\n  ${found.join("\n  ")}` : `${file}: valid (${schema.$id})`);
  }
  process.exitCode = bad ? 1 : 0;
}
