export { articleFields, createExtractor, EntityError, DEFAULT_MAX_LENGTH, type Extractor, type ExtractorOptions, type ExtractContext, type FieldText } from "./extract.js";
export { jiebaSegmenter, nodejiebaSegmenter, tagInChunks, tokensInChunks, TAG_CHUNK, type Segmenter, type TaggedWord, type Token } from "./segmenter.js";
export { lunarToIso, monthDayToIso, relativeToIso, chineseSmallNumber } from "./dates.js";
