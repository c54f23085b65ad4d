// Writes dist/page.schema.json from the built model, so the shipped schema is generated, never hand-edited.
import { writeFileSync } from "node:fs";
import { pageJsonSchema } from "../dist/index.js";

writeFileSync(new URL("../dist/page.schema.json", import.meta.url), JSON.stringify(pageJsonSchema(), null, 2) + "\n");
