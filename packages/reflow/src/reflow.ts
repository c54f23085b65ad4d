import { normalizeTallying } from "./normalize.js";
import { splitLines, type Line } from "./lines.js";
import { breaksAfter, columnWidths, dropProseSpacesInto, gapStyleOf, joinLinesInto, standaloneLines, type GapStyle } from "./layout.js";
import { spansOf, type MappedText, type Span } from "./mapped-text.js";
import { EXTRACTOR_STYLES, newStyleTally, styleOfCounts, type ExtractorStyle } from "./extractors.js";
import { normalizeExtracted } from "./extracted.js";

/** What a paragraph looks like to layout: running text, or a standalone line such as a headline or credit. */
export type ParagraphHint = "body" | "headline";

export interface ReflowParagraph extends MappedText {
  /** Raw spans of the paragraph's characters, merged across dropped white space. */
  spans: Span[];
  /** Indexes of its first and last line in `lines`. */
  firstLine: number;
  lastLine: number;
  /** `headline`: one standalone line without terminal punctuation (headline, label, byline or credit). */
  hint: ParagraphHint;
  /** Which block it belongs to. */
  block: number;
}

export interface ReflowBlock {
  index: number;
  kind: "text" | "headline-like";
  firstLine: number;
  lastLine: number;
  /** Estimated full column width in em. */
  columnWidth: number;
  /** Indexes into `paragraphs`. */
  paragraphs: number[];
}

export interface ReflowResult {
  /** The raw input, as given. */
  raw: string;
  /** The extractor style the text was read as (given, or detected from the text). */
  extractor: ExtractorStyle;
  gapStyle: GapStyle;
  lines: Line[];
  /** The estimated full column width at each line, in em (see `columnWidths`). */
  columns: number[];
  blocks: ReflowBlock[];
  paragraphs: ReflowParagraph[];
}

export interface ReflowOptions {
  /**
   * Largest input accepted, in UTF-16 code units (default 64 Mi). Larger input throws a
   * {@link ReflowError} with code `YK_INPUT_TOO_LARGE`.
   */
  maxLength?: number;
  /**
   * Which tool extracted the text (see {@link ExtractorStyle}); detected from the text when absent
   * or "auto". `typeset` reads the text as it is.
   */
  extractor?: ExtractorStyle | "auto";
}

export class ReflowError extends Error {
  readonly code: "YK_INPUT_TOO_LARGE" | "YK_INVALID_INPUT" | "YK_INVALID_OPTION";
  constructor(code: ReflowError["code"], message: string) {
    super(message);
    this.name = "ReflowError";
    this.code = code;
  }
}

export const DEFAULT_MAX_LENGTH = 64 * 1024 * 1024;

function checkInput(raw: unknown, options: ReflowOptions | undefined): number {
  if (typeof raw !== "string") throw new ReflowError("YK_INVALID_INPUT", `reflow expects a string, got ${raw === null ? "null" : typeof raw}`);
  const max = options?.maxLength ?? DEFAULT_MAX_LENGTH;
  if (typeof max !== "number" || !Number.isFinite(max) || max < 0) {
    throw new ReflowError("YK_INVALID_OPTION", `option maxLength must be a non-negative number, got ${String(max)}`);
  }
  if (raw.length > max) {
    throw new ReflowError("YK_INPUT_TOO_LARGE", `input is ${raw.length} UTF-16 code units, over the maxLength of ${max}`);
  }
  const extractor = options?.extractor;
  if (extractor !== undefined && extractor !== "auto" && !EXTRACTOR_STYLES.includes(extractor)) {
    throw new ReflowError("YK_INVALID_OPTION", `option extractor must be auto, ${EXTRACTOR_STYLES.join(", ")}; got ${String(extractor)}`);
  }
  return max;
}

/**
 * Raw extracted text → clean lines, blocks and paragraphs, each traceable to raw offsets.
 * The stages are exported too: normalize → splitLines → columnWidths → breaksAfter → joinLines.
 */
export function reflow(raw: string, options?: ReflowOptions): ReflowResult {
  checkInput(raw, options);
  const given = options?.extractor;
  // the style is told from counts made in the normalization pass (detectExtractorStyle's, without
  // a pass of its own over the text)
  const tally = given === undefined || given === "auto" ? newStyleTally() : null;
  const norm = normalizeTallying(raw, tally);
  const extractor = tally ? styleOfCounts(tally.counts) : (given as ExtractorStyle);
  const lines = splitLines(normalizeExtracted(norm, extractor));
  const gapStyle = gapStyleOf(lines);
  const columns = columnWidths(lines);
  const standalone = standaloneLines(lines, columns);

  const paragraphs: ReflowParagraph[] = [];
  const blocks: ReflowBlock[] = [];
  // the maps of the page's multi-line paragraphs, one after another in one array (made when the
  // first is joined): room for every line's offsets and a space between lines
  let pool: Int32Array | null = null;
  let used = 0;
  const parts: MappedText[] = [];
  const pieces: string[] = [];
  let first = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!breaksAfter(lines, i, columns, standalone, gapStyle)) continue;
    let content: MappedText;
    if (first === i) content = lines[i]!.content;
    else {
      pool ??= new Int32Array(poolSize(lines));
      parts.length = 0;
      for (let l = first; l <= i; l++) parts.push(lines[l]!.content);
      const joined = joinLinesInto(parts, pool, used, pieces);
      used += joined.offsets.length;
      // the joined map is this paragraph's own: spaces are dropped from it in place
      content = dropProseSpacesInto(joined, joined.offsets);
    }
    const single = first === i ? lines[i]! : null;
    const hint: ParagraphHint = single && !single.endsSentence && !hasSentenceEnd(single.content.text) ? "headline" : "body";
    const kind = hint === "headline" ? "headline-like" : "text";
    let block = blocks[blocks.length - 1];
    if (!block || block.kind !== kind || kind === "headline-like" && lines[first]!.newlinesBefore > 1 && gapStyle === "single-lines") {
      block = { index: blocks.length, kind, firstLine: first, lastLine: i, columnWidth: columns[first]!, paragraphs: [] };
      blocks.push(block);
    }
    block.lastLine = i;
    block.paragraphs.push(paragraphs.length);
    paragraphs.push({ text: content.text, offsets: content.offsets, spans: spansOf(content, raw), firstLine: first, lastLine: i, hint, block: block.index });
    first = i + 1;
  }
  // scratch arrays for the blocks' medians, one for the page's long blocks (a typed array per block
  // cost more than its sort) and one for the short ones (most blocks: a slice each was garbage)
  let scratch: Float64Array | null = null;
  const few = new Float64Array(FEW_LINES + 1);
  for (const b of blocks) {
    if (b.lastLine - b.firstLine >= FEW_LINES) scratch ??= new Float64Array(lines.length);
    b.columnWidth = medianWidth(columns, b.firstLine, b.lastLine, scratch, few);
  }
  return { raw, extractor, gapStyle, lines, columns, blocks, paragraphs };
}

/** A sentence end (。！？) anywhere in the text: a code-unit loop, not a pattern object per paragraph. */
function hasSentenceEnd(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f) return true;
  }
  return false;
}

/** Room for the maps of all multi-line paragraphs of a page: each line's offsets and one inserted space. */
function poolSize(lines: readonly Line[]): number {
  let size = 0;
  for (const l of lines) size += l.content.offsets.length + 1;
  return size;
}

/** Up to this many lines, a block's widths are sorted by insertion; past it, natively. */
const FEW_LINES = 16;

/** The upper median of columns[first..last]: sorted by insertion in `few` when few (most blocks), natively in `scratch` when many. */
function medianWidth(columns: readonly number[], first: number, last: number, scratch: Float64Array | null, few: Float64Array): number {
  const n = last - first + 1;
  if (n > FEW_LINES && scratch) {
    // a typed array sorts numbers natively, without a comparator call per comparison
    for (let k = 0; k < n; k++) scratch[k] = columns[first + k]!;
    const ws = scratch.subarray(0, n).sort();
    return ws[Math.floor(n / 2)] ?? 0;
  }
  for (let k = 0; k < n; k++) {
    const v = columns[first + k]!;
    let at = k;
    while (at > 0 && few[at - 1]! > v) {
      few[at] = few[at - 1]!;
      at--;
    }
    few[at] = v;
  }
  return n > 0 ? few[Math.floor(n / 2)]! : 0;
}

/** Ideographic indent that starts each paragraph of {@link reflowText}, as print does. */
export const PARAGRAPH_INDENT = "\u3000\u3000";

/**
 * The reflowed text as Chinese print sets it: each paragraph on one line behind a two-character
 * ideographic indent, a blank line between paragraphs. Reflowing this text again gives it back.
 */
export function reflowText(raw: string, options?: ReflowOptions): string {
  return reflow(raw, options).paragraphs.map((p) => PARAGRAPH_INDENT + p.text).join("\n\n");
}
