export { splitPage, splitReflowed, SplitError, type SplitOptions } from "./split.js";
export { parseContributors, matchLeadingByline, matchCredit, matchTrailingByline, type BylineMatch } from "./byline.js";
export { furnitureKind, pageFacts, pageNumberOf, sectionOfHeader, dateOfLine, CONTINUATION_RE } from "./furniture.js";
// The role model, for its trainer (scripts/train-roles.mjs) and for inspecting a parse.
export { pageUnits } from "./split.js";
export { ROLES, allowedSuccession, unitFeatures, unitRoles, decodeRoles, fieldStarts, scorerOf, type Role, type UnitShape, type PageShape, type RoleWeights } from "./roles.js";
export { nameTokens, matchRunInByline } from "./byline.js";
