import { z } from "zod";
import { Page, SCHEMA_ID } from "./model.js";

/**
 * The JSON Schema (draft 2020-12) of a page, generated from the zod model. The build writes
 * it to `dist/page.schema.json`, exported as `@yk/schema/page.schema.json`.
 */
export function pageJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Page, { target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
  return { $schema: schema.$schema, $id: SCHEMA_ID, ...schema };
}
