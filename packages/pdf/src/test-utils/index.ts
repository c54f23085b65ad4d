export { composePdf, rng, type SpecArticle, type SpecPage } from "./compose.js";
export { generatePage } from "./pages.js";
export { score, type Scores } from "./score.js";
export { coverage, missingCharacters, spanMismatches, readingOrderViolations } from "./checks.js";
