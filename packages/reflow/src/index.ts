export { reflow, reflowText, PARAGRAPH_INDENT, ReflowError, DEFAULT_MAX_LENGTH, type ReflowResult, type ReflowParagraph, type ReflowBlock, type ReflowOptions, type ParagraphHint } from "./reflow.js";
export { normalize } from "./normalize.js";
export { splitLines, type Line } from "./lines.js";
export { columnWidths, breaksAfter, isStandalone, standaloneLines, joinLines, dropProseSpaces, gapStyleOf, WIDTH_RULES, type GapStyle } from "./layout.js";
export { spansOf, sliceMapped, concatMapped, trimMapped, mappedText, isIgnorable, INSERTED, type MappedText, type Offsets, type Span } from "./mapped-text.js";
export { detectExtractorStyle, EXTRACTOR_STYLES, type ExtractorStyle } from "./extractors.js";
export { normalizeExtracted, bigramPlausibility } from "./extracted.js";
