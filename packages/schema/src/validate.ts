import { z } from "zod";
import { Page } from "./model.js";

/** One problem found in a page: where (a JSON path such as `articles[0].byline.contributors[1].kind`) and why. */
export interface PageIssue {
  path: string;
  message: string;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

function toIssues(error: z.ZodError): PageIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Thrown by {@link parsePage}; `issues` lists each bad path and why. */
export class PageValidationError extends Error {
  readonly code = "YK_INVALID_PAGE";
  readonly issues: PageIssue[];
  constructor(issues: PageIssue[]) {
    super(`Invalid page:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join("\n")}`);
    this.name = "PageValidationError";
    this.issues = issues;
  }
}

export type SafeParsePageResult = { success: true; page: Page } | { success: false; issues: PageIssue[] };

/** Validate an unknown value as a page without throwing. */
export function safeParsePage(value: unknown): SafeParsePageResult {
  const result = Page.safeParse(value);
  if (result.success) return { success: true, page: result.data };
  return { success: false, issues: toIssues(result.error) };
}

/** Validate an unknown value as a page; throws {@link PageValidationError} naming every bad path. */
export function parsePage(value: unknown): Page {
  const result = safeParsePage(value);
  if (!result.success) throw new PageValidationError(result.issues);
  return result.page;
}
