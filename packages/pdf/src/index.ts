export { parsePdf, layoutPage, type ParsePdfOptions, type PdfPageResult } from "./parse.js";
export { isPdf, readPdfText, PdfError, type PdfErrorCode, type PdfTextPage } from "./read.js";
export type { ArticleRegions, PageRegions } from "./page.js";
export type { Box, TextItem, Line, LinePiece } from "./types.js";
export { buildLines, settleSpaces } from "./lines.js";
export { buildBlocks, type Block } from "./blocks.js";
export { analyzeLayout, readingOrder, headlineGroups, bodySizeOf, type Layout, type ArticleRegion, type HeadlineGroup } from "./layout.js";
