export { splitPage, splitReflowed, SplitError, type SplitOptions } from "./split.js";
export { parseContributors, matchLeadingByline, matchCredit, matchTrailingByline, type BylineMatch } from "./byline.js";
export { furnitureKind, CONTINUATION_RE } from "./furniture.js";
