export { renderPageHtml, renderIndexHtml, indexEntry, type RenderOptions, type IndexEntry } from "./render.js";
export { escapeText } from "./escape.js";
export { contrastRatio, luminance, ROLES, ROLE_BACKGROUND, ENTITY_BACKGROUND, type Role } from "./palette.js";
