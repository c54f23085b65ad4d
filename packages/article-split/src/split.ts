import * as crypto from "node:crypto";
import { concatMapped, dropProseSpaces, joinLines, reflow, sliceMapped, spansOf, trimMapped, type MappedText, type ReflowOptions, type ReflowParagraph, type ReflowResult } from "@yk/reflow";
import {
  SCHEMA_VERSION,
  type Article,
  type Byline,
  type Contributor,
  type Furniture,
  type FurnitureKind,
  type Page,
  type Span,
  type Unassigned,
  type Warning,
} from "@yk/schema";
import { BRACKETED_NAMES_LENGTH, matchBracketByline, matchBracketedNames, type BylineMatch, matchCredit, matchLeadingByline, matchRunInByline, matchTrailingByline, opensWithDatelineAt, isNameLine, nameTokens, namesOf } from "./byline.js";
import { hanPairKeys, neighbourPairShare, pairSearch, unitRoles, type Role, type UnitShape } from "./roles.js";
import { ASSEMBLY_WEIGHTS } from "./data/assembly-weights.js";
import { continuationAtEnd, dateOfLine, furnitureKind, pageFacts } from "./furniture.js";
import { attachCaptions, headlinesOutOfBody, headsBoxOverWiderText, kickersFromWrappedHeadlines, pairDisplacedHeadlines, splitFieldsAtBoxes, takeCaptions } from "./extracted-layout.js";

export interface SplitOptions extends ReflowOptions {
  /** Name of the publication (not printed on most pages). */
  publication?: string;
  /** Publication date, YYYY-MM-DD: completes datelines such as 3月24日电. */
  date?: string;
  /** The printed page number (版次), when not read from the page: 5 or "5". */
  page?: string | number;
  edition?: string;
  /** File name or label of the input, for `page.source.name`. */
  sourceName?: string;
}

export class SplitError extends Error {
  readonly code: "YK_INVALID_OPTION" | "YK_INVALID_INPUT";
  constructor(code: SplitError["code"], message: string) {
    super(message);
    this.name = "SplitError";
    this.code = code;
  }
}

type Mapped = MappedText & { spans: Span[] };

/** One unit of the page after classification, in extraction order. */
type Item =
  | { type: "headline"; role: HeadlineRole; line: Mapped }
  | { type: "byline"; byline: Byline }
  | { type: "credit"; mapped: Mapped; contributors: Contributor[] }
  | { type: "furniture"; furniture: Furniture }
  | { type: "body"; mapped: Paragraph; continuedTo?: string; continuedFrom?: string };

type HeadlineRole = "kicker" | "kicker+" | "headline" | "headline+" | "subheadline" | "subheadline+";

/** A paragraph of a body: an in-article subhead (小标题) is one too. */
type Paragraph = Mapped & { subhead?: boolean };

interface HeadlineGroup {
  /** Position in the item list of its first and last line. */
  first: number;
  last: number;
  kicker: Mapped[];
  headline: Mapped[];
  subheadline: Mapped[];
  joinWithSpace: boolean;
}

interface Draft {
  first: number;
  last: number;
  byline: Byline | null;
  paragraphs: Paragraph[];
  /** The item each paragraph came from (where a displaced headline's story may start). */
  at: number[];
  /** The byline that opened the body, and the bracketed ones closing its parts (joined in `byline`). */
  opening: Byline | null;
  closing: { at: number; byline: Byline }[];
  /** How many of its paragraphs are subheads. */
  subheads: number;
  credit: Item & { type: "credit" } | null;
  /** Credits of the story's photos before its last, each closing a numbered caption (图①：… 刘辉摄). */
  photoCredits: { at: number; credit: Item & { type: "credit" } }[];
  continuedTo: string | null;
  continuedFrom: string | null;
  open: boolean;
  /** Opened by a byline after a body paragraph of a story with subheads: the next story, or that story's next part. */
  maybePart?: boolean;
}

function withSpans(m: MappedText, raw: string): Mapped {
  return { ...m, spans: spansOf(m, raw) };
}

function checkOptions(options: SplitOptions): void {
  if (options === null || typeof options !== "object") {
    throw new SplitError("YK_INVALID_OPTION", `options must be an object, got ${options === null ? "null" : typeof options}`);
  }
  if (options.date !== undefined && (typeof options.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(options.date))) {
    throw new SplitError("YK_INVALID_OPTION", `option date must be YYYY-MM-DD, got ${JSON.stringify(options.date)}`);
  }
  if (options.page !== undefined && pageOption(options.page) === null) {
    throw new SplitError("YK_INVALID_OPTION", `option page must be a page number of 1 or more, got ${JSON.stringify(options.page)}`);
  }
  for (const key of ["publication", "edition", "sourceName"] as const) {
    if (options[key] !== undefined && typeof options[key] !== "string") {
      throw new SplitError("YK_INVALID_OPTION", `option ${key} must be a string, got ${typeof options[key]}`);
    }
  }
}

function pageOption(page: string | number): number | null {
  const n = typeof page === "number" ? page : /^\s*\d{1,4}\s*$/.test(String(page)) ? Number(page) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** A unit of the page before its role is known, with what the byline grammar made of it. */
interface Unit {
  mapped: Mapped;
  shape: UnitShape;
  furniture?: FurnitureKind;
  byline?: Byline;
}

/**
 * The page's units: reflowed paragraphs, with a leading dateline byline split off its
 * paragraph. Furniture, datelines and the body after them are decided here (fixed); the
 * role model decides the rest.
 */
export function pageUnits(result: ReflowResult, options: SplitOptions): Unit[] {
  const { raw, lines, columns, paragraphs } = result;
  const year = options.date ? Number(options.date.slice(0, 4)) : undefined;
  // Reflow's paragraphs as they came (most of them) keep the spans reflow found for them, as they
  // are (nothing here changes a paragraph: the copy made of each was garbage): only joined or cut
  // ones need theirs worked out. (This withSpans stands in for the module's one here.)
  const withSpans = (m: MappedText, raw: string): Mapped => ({ ...m, spans: spansOf(m, raw) });

  const units: Unit[] = [];
  // (loops, not flatMap: a flatMap call costs more than these few pieces)
  const pieces: ReflowParagraph[] = [];
  // which pieces are reflow's paragraphs untouched (a pass returns its paragraph itself when it cuts nothing)
  const untouched: boolean[] = [];
  let next = 0;
  // (index loops: for…of over the passes' small arrays made an iterator and its results at every level)
  const joined = joinBracketedNames(paragraphs);
  for (let ia = 0; ia < joined.length; ia++) {
    const a = joined[ia]!;
    // (joined paragraphs are new objects; reflow's come in order)
    while (next < paragraphs.length && paragraphs[next] !== a && paragraphs[next]!.firstLine < a.firstLine) next++;
    const asReflowed = paragraphs[next] === a;
    // a paragraph of one line is cut by none of the passes below (each needs a line after the first)
    if (a.firstLine === a.lastLine) {
      pieces.push(a);
      untouched.push(asReflowed);
      continue;
    }
    const from = pieces.length;
    cutPieces(a, 0, lines, pieces);
    for (let k = from; k < pieces.length; k++) untouched.push(asReflowed && pieces[k] === a);
  }
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const mapped: Mapped = untouched[i] ? p : withSpans(p, raw);
    const single = p.firstLine === p.lastLine;
    let width = 0;
    let spaced = false;
    for (let l = p.firstLine; l <= p.lastLine; l++) {
      const line = lines[l]!;
      if (line.width > width) width = line.width;
      if (line.meaningfulSpace && !line.spaceOnlyInBylineBrackets) spaced = true;
    }
    const first = lines[p.firstLine]!;
    // the paragraph's credit reading, made once (the byline test and its shape both ask)
    let paragraphCredit: Contributor[] | null | undefined;
    const kind = single ? furnitureKind(p.text) : null;
    if (kind) {
      units.push({ mapped, shape: unitShape(p, lines, columns, width, spaced, p.text, "furniture", null), furniture: kind });
      continue;
    }
    // a paragraph of roles and names only, over one line or two (本报记者 王明 / 通讯员 李华), is a byline
    // (names are parted by spaces or 、, never by a comma: 本报通讯员 霍玲俊 金秋时节，… is a run-in byline)
    // (read once: the byline tests below both ask)
    const leading = matchLeadingByline(p.text, year);
    const whole = p.text.length <= 60 && !/[，,]/.test(p.text) && !leading ? (paragraphCredit = matchCredit(p.text)) : null;
    if (whole && whole.length > 0 && !whole.some((c) => c.kind === "photographer") && /^\S+\s/.test(first.content.text)) {
      units.push({ mapped, shape: unitShape(p, lines, columns, width, spaced, p.text, "byline", null), byline: { text: p.text, dateline: null, contributors: whole, spans: mapped.spans } });
      continue;
    }
    // a bracketed list of reporters on its own (（倪光辉、刘侃）): the byline closing a story
    const bracketed = matchBracketedNames(p.text);
    if (bracketed) {
      units.push({ mapped, shape: unitShape(p, lines, columns, width, spaced, p.text, "byline", null), byline: { text: p.text, dateline: null, contributors: bracketed, spans: mapped.spans } });
      continue;
    }
    // a dateline printed without its bracket: the bracket opens this paragraph
    const before = units[units.length - 1]?.byline;
    const lead =
      leading ??
      (before?.dateline && before.contributors.length === 0 ? matchBracketByline(p.text) : null) ??
      matchRunInByline(first.content.text, p.text) ??
      bylineLineOf(p, lines);
    if (lead) {
      const part = withSpans(sliceMapped(p, 0, lead.length), raw);
      const byline: Byline = { text: lead.text, dateline: lead.dateline, contributors: lead.contributors, spans: part.spans };
      units.push({ mapped: part, shape: unitShape(p, lines, columns, width, spaced, lead.text, "byline", null), byline });
      const rest = trimMapped(sliceMapped(p, lead.length));
      if (rest.text.length > 0) units.push({ mapped: withSpans(rest, raw), shape: unitShape(p, lines, columns, width, spaced, rest.text, "body", null) });
      continue;
    }
    const credit = p.text.length <= 60 ? (paragraphCredit !== undefined ? paragraphCredit : matchCredit(p.text)) : null;
    units.push({ mapped, shape: unitShape(p, lines, columns, width, spaced, p.text, null, credit) });
  }
  // A byline goes on over the next line when that line is a byline too (本报记者 王明 / 通讯员
  // 李华): two byline lines in a row are both byline, whatever the model would make of one alone.
  for (let i = 1; i < units.length; i++) {
    const [a, b] = [units[i - 1]!, units[i]!];
    if (!b.shape.byline || b.byline || !(a.shape.byline || (a.byline && !a.byline.dateline))) continue;
    for (const u of [a, b]) {
      if (u.byline) continue;
      u.byline = { text: u.mapped.text, dateline: null, contributors: matchCredit(u.mapped.text) ?? [], spans: u.mapped.spans };
      u.shape.fixed = "byline";
    }
  }
  return units;
}

const isPhotographer = (c: Contributor) => c.kind === "photographer";

/**
 * The shape of a unit of paragraph `p` (`text`: the paragraph's or a part's), as the role model
 * reads it. `credit`: the text's credit reading, for a unit whose role is not `fixed` yet.
 */
function unitShape(
  p: ReflowParagraph,
  lines: ReflowResult["lines"],
  columns: ReflowResult["columns"],
  width: number,
  spaced: boolean,
  text: string,
  fixed: Role | null,
  credit: Contributor[] | null,
): UnitShape {
  const first = lines[p.firstLine]!;
  return {
    text,
    lines: p.lastLine - p.firstLine + 1,
    width,
    firstWidth: first.width,
    lastWidth: lines[p.lastLine]!.width,
    column: columns[p.firstLine] ?? width,
    newlinesBefore: first.newlinesBefore,
    spaced,
    spread: first.spread,
    standalone: p.hint === "headline",
    byline: !!credit && !credit.some(isPhotographer),
    credit: !!credit && credit.some(isPhotographer),
    names: !fixed && isNameLine(text),
    fixed,
  };
}

/**
 * A paragraph cut where print keeps apart what reflow joined, by the passes from `stage` on, in
 * order (each piece a pass cuts goes on to the passes after it), its pieces pushed to `out`.
 * (A pass returns null when it cuts nothing, as for most paragraphs: no array a pass.)
 */
function cutPieces(p: ReflowParagraph, stage: number, lines: ReflowResult["lines"], out: ReflowParagraph[]): void {
  let cut: ReflowParagraph[] | null = null;
  let s = stage;
  while (cut === null && s < CUT_PASSES) cut = cutPass(s++, p, lines);
  if (cut === null) out.push(p);
  else for (let k = 0; k < cut.length; k++) cutPieces(cut[k]!, s, lines, out);
}

/** How many passes {@link cutPass} runs. */
const CUT_PASSES = 5;

/** Pass `stage` of the cuts of a unit: a furniture line, a dateline, a title line, a closed bracket, a group's dashes. */
function cutPass(stage: number, p: ReflowParagraph, lines: ReflowResult["lines"]): ReflowParagraph[] | null {
  switch (stage) {
    case 0:
      return splitAfterFurnitureLine(p, lines);
    case 1:
      return splitBeforeDateline(p, lines);
    case 2:
      return splitAfterTitleLine(p, lines);
    case 3:
      return splitAfterClosedBracket(p, lines);
    default:
      return splitGroupAtDashes(p, lines);
  }
}

/**
 * A paragraph's first printed line that is a whole byline, its letter-spacing taken out
 * (本报通讯员吴丹边英 / “得知…): reflow joined the byline line to the story's first lines.
 */
function bylineLineOf(p: ReflowParagraph, lines: ReflowResult["lines"]): BylineMatch | null {
  if (p.lastLine === p.firstLine) return null;
  const line = lines[p.firstLine]!.content.text.trim();
  if (line.length > 30 || /[，。！？：；、,]/.test(line)) return null;
  const contributors = matchCredit(line);
  if (!contributors || contributors.length === 0 || contributors.some((c) => c.kind === "photographer")) return null;
  const at = firstOffset(lines[p.firstLine + 1]!.content.offsets);
  let k = 0;
  while (k < p.text.length && !(p.offsets[k]! >= at)) k++;
  if (k === 0 || k >= p.text.length) return null;
  return { length: k, text: p.text.slice(0, k), dateline: null, contributors };
}

/**
 * A bracketed list of reporters that layout broke over two paragraphs (（本报记者王沛、李茂颖、 /
 * 申智林）, or a dateline's: 本报北京10月7日电  （记者孙龙 / 飞）国际…): joined again, it is one byline.
 */
/** Most paragraphs a bracketed list of reporters is broken into (one per narrow printed line). */
const BRACKET_PARAGRAPHS = 12;

function joinBracketedNames(paragraphs: readonly ReflowParagraph[]): ReflowParagraph[] {
  const out: ReflowParagraph[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const a = paragraphs[i]!;
    const b = paragraphs[i + 1];
    // a dateline's bracket of reporters broken over two paragraphs (本报北京10月7日电  （记者孙龙 / 飞）国际…)
    if (b && bracketNearEnd(a.text) && /电\s*[（(][^（）()]{0,20}$/.test(a.text) && /^[^（）()]{0,20}[）)]/.test(b.text)) {
      const joined = concatMapped([a, b]);
      out.push({ ...a, text: joined.text, offsets: joined.offsets, lastLine: b.lastLine, hint: "body" });
      i++;
      continue;
    }
    // a round-up's list of a score of reporters may run over many narrow lines (（综合本报记者甲、乙、 /
    // 丙、丁、 / … / 报道）): every paragraph up to the one that closes the bracket
    if (b && a.text.length <= 80 && opensBracket(a.text) && /^[（(][^（）()]*$/.test(a.text)) {
      let j = i + 1;
      let length = a.text.length;
      while (j < paragraphs.length && j - i <= BRACKET_PARAGRAPHS && paragraphs[j]!.text.length <= 80 && /^[^（）()]*$/.test(paragraphs[j]!.text)) length += paragraphs[j++]!.text.length;
      const last = paragraphs[j];
      if (last && j - i <= BRACKET_PARAGRAPHS && last.text.length <= 80 && length + last.text.length <= BRACKETED_NAMES_LENGTH && /^[^（）()]*[）)]$/.test(last.text)) {
        const joined = concatMapped(paragraphs.slice(i, j + 1));
        if (matchBracketedNames(joined.text)) {
          out.push({ ...a, text: joined.text, offsets: joined.offsets, lastLine: last.lastLine, hint: "body" });
          i = j;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}

/** Opens with a bracket: the cheap half of a pattern that needs one first. */
function opensBracket(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 0xff08 || c === 0x28;
}

/**
 * An opening bracket among a text's last 21 characters: what the dateline test above needs before
 * its pattern is tried (an end-anchored pattern is tried at every 电 of a long paragraph).
 */
function bracketNearEnd(text: string): boolean {
  for (let k = text.length - 1; k >= 0 && k >= text.length - 21; k--) {
    const c = text.charCodeAt(k);
    if (c === 0xff08 || c === 0x28) return true;
  }
  return false;
}

/**
 * Furniture that is one printed line whatever follows it: a staff, page-number or header line (not a
 * date line: a story's first line may open with a date and read as one when cut from its sentence).
 */
const LINE_FURNITURE = new Set<FurnitureKind>(["staff", "page-number", "header", "continuation"]);

/**
 * A paragraph whose first printed line is page furniture by itself (责编：曹超、尤萍 / the kicker below
 * it): reflow joined a line of the page's furniture to what follows. Cut after it, again
 * while the next line is furniture too.
 */
function splitAfterFurnitureLine(p: ReflowParagraph, lines: ReflowResult["lines"]): ReflowParagraph[] | null {
  if (p.lastLine === p.firstLine) return null;
  const first = lines[p.firstLine]!.content.text;
  if (first.length > 48) return null;
  const kind = furnitureKind(first);
  if (!kind || !LINE_FURNITURE.has(kind)) return null;
  const cut = cutBeforeLine(p, p.firstLine + 1, firstOffset(lines[p.firstLine + 1]!.content.offsets), () => "body");
  if (!cut) return null;
  const [head, rest] = cut as [ReflowParagraph, ReflowParagraph];
  const more = splitAfterFurnitureLine(rest, lines);
  return more ? [head, ...more] : cut;
}

/** How many lines into a paragraph a dateline is looked for: a headline group is a few lines at most. */
const DATELINE_REACH = 4;

/**
 * A paragraph whose second to fifth line opens with a dateline (本报北京9月30日电, 据新华社…电) is two things
 * that reflow joined: the lines before it (a headline group set at the column's width) and a story
 * that starts at the dateline. A dateline only ever starts a story, so the paragraph is cut there.
 */
function splitBeforeDateline(p: ReflowParagraph, lines: ReflowResult["lines"]): ReflowParagraph[] | null {
  const last = Math.min(p.lastLine, p.firstLine + DATELINE_REACH);
  for (let l = p.firstLine + 1; l <= last; l++) {
    const line = lines[l]!;
    if (!opensWithDateline(line.content.text)) continue;
    const single = l - 1 === p.firstLine;
    return cutBeforeLine(p, l, firstOffset(line.content.offsets), (head) => (single && !/[。！？]/.test(head) ? "headline" : "body"));
  }
  return null;
}

/**
 * A paragraph cut in two before its printed line `l` (whose first character is at raw offset `at`):
 * the head gets the hint `hintOf` gives its text, the rest is body. Uncut when either part would be empty.
 */
function cutBeforeLine(p: ReflowParagraph, l: number, at: number, hintOf: (head: string) => ReflowParagraph["hint"]): ReflowParagraph[] | null {
  let k = 0;
  while (k < p.text.length && !(p.offsets[k]! >= at)) k++;
  if (k === 0 || k >= p.text.length) return null;
  const head = trimMapped(sliceMapped(p, 0, k));
  const rest = sliceMapped(p, k);
  if (!head.text) return null;
  return [
    { ...p, text: head.text, offsets: head.offsets, lastLine: l - 1, hint: hintOf(head.text) },
    { ...p, text: rest.text, offsets: rest.offsets, firstLine: l, hint: "body" },
  ];
}

/**
 * A title line: no sentence punctuation, closed by a bracketed column label (在大历史中感受爱国力量（人民时评）,
 * 乌蒙山下有新家(中国梦·家国情)). Body text never breaks a line right after such a label with no comma before it.
 */
const TITLE_LINE_RE = /^[^，。！？；：,.!?;:（）()]{2,40}[（(][^，。！？；（）()]{2,16}[）)]$/;

/**
 * A paragraph whose first line is a title line is a headline set at the column's width that reflow joined
 * to the story below it: it is cut after that line.
 */
function splitAfterTitleLine(p: ReflowParagraph, lines: ReflowResult["lines"]): ReflowParagraph[] | null {
  if (p.lastLine === p.firstLine) return null;
  const text = lines[p.firstLine]!.content.text;
  // (a title line ends with its bracket: the pattern is tried only on lines that may)
  const end = text.charCodeAt(text.length - 1);
  if (end !== 0xff09 && end !== 0x29 && !mayBeTrimmed(end)) return null;
  const first = text.trim();
  if (!TITLE_LINE_RE.test(first)) return null;
  return cutBeforeLine(p, p.firstLine + 1, firstOffset(lines[p.firstLine + 1]!.content.offsets), () => "headline");
}

/** A note wholly in one bracket (（作者为浙江大学文科资深教授）), or a title over lines closed by its column label. */
const CLOSED_NOTE_RE = /^[（(][^（）()]{3,118}[）)]$/;
const WRAPPED_TITLE_RE = /^[^，。！？；：,.!?;:（）()]{2,60}[（(][^。！？；（）()]{2,40}[）)]$/;
/** How many printed lines a note or title joined to what follows may take. */
const CLOSED_REACH = 4;

/**
 * A paragraph whose first lines, up to a line's end, are a note in brackets or a title closed by its
 * column label, and which goes on after that line: reflow joined a story's closing note, or a
 * headline set at the column's width, to what is printed next (（作者为…教授） / 适应国际竞争新形势).
 * A bracket closing at the end of a printed line with no sentence before it ends the unit.
 */
function splitAfterClosedBracket(p: ReflowParagraph, lines: ReflowResult["lines"]): ReflowParagraph[] | null {
  if (p.lastLine === p.firstLine) return null;
  // (a bracket closing within the first 160 characters: String.indexOf finds one faster than a loop over them)
  const wide = p.text.indexOf("）");
  if (!(wide >= 0 && wide <= 160)) {
    const narrow = p.text.indexOf(")");
    if (!(narrow >= 0 && narrow <= 160)) return null;
  }
  const note = p.text[0] === "（" || p.text[0] === "(";
  const last = Math.min(p.lastLine - 1, p.firstLine + CLOSED_REACH - 1);
  let k = 0;
  for (let l = p.firstLine; l <= last; l++) {
    const at = firstOffset(lines[l + 1]!.content.offsets);
    while (k < p.text.length && !(p.offsets[k]! >= at)) k++;
    if (k > 160 || k >= p.text.length) return null;
    // (the head ends with a bracket or not by its last character: sliced and trimmed only when it may)
    const end = p.text.charCodeAt(k - 1);
    if (end !== 0xff09 && end !== 0x29 && !mayBeTrimmed(end)) continue;
    const head = p.text.slice(0, k).trim();
    if (!/[）)]$/.test(head)) continue;
    if (note ? CLOSED_NOTE_RE.test(head) : WRAPPED_TITLE_RE.test(head)) return cutBeforeLine(p, l + 1, at, () => (note ? "body" : "headline"));
    return null;
  }
  return null;
}

/** A code unit `trim` may remove (white space or a line terminator; a few more control codes are let through to the slow test). */
function mayBeTrimmed(c: number): boolean {
  return c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Most lines and characters of a headline group that reflow may have joined into one paragraph. */
const GROUP_LINES = 6;
const GROUP_LENGTH = 120;

/**
 * A paragraph of a few lines with no full stop is a headline group's lines that reflow joined: it is
 * cut after a line that ends with a dash (a kicker: 西班牙汉学家雷林科——) and before a line that opens
 * with one (a subtitle: ——写在第六个国家扶贫日之际), where one field ends and the next begins.
 */
function splitGroupAtDashes(p: ReflowParagraph, lines: ReflowResult["lines"]): ReflowParagraph[] | null {
  if (p.lastLine === p.firstLine || p.lastLine - p.firstLine >= GROUP_LINES || p.text.length > GROUP_LENGTH || /[。；]/.test(p.text)) return null;
  for (let l = p.firstLine; l < p.lastLine; l++) {
    // (neither line prints a double dash: neither pattern can match, no trim needed)
    if (!lines[l]!.content.text.includes("——") && !lines[l + 1]!.content.text.includes("——")) continue;
    const line = lines[l]!.content.text.trim();
    const next = lines[l + 1]!.content.text.trim();
    if (!/——$/.test(line) && !/^——/.test(next)) continue;
    const cut = cutBeforeLine(p, l + 1, firstOffset(lines[l + 1]!.content.offsets), () => "headline");
    if (!cut) return null;
    const [head, rest] = cut as [ReflowParagraph, ReflowParagraph];
    const headed: ReflowParagraph = { ...rest, hint: "headline" };
    return [head, ...(splitGroupAtDashes(headed, lines) ?? [headed])];
  }
  return null;
}

function firstOffset(offsets: MappedText["offsets"]): number {
  for (let k = 0; k < offsets.length; k++) if (offsets[k]! >= 0) return offsets[k]!;
  return -1;
}

/**
 * Not public API: an evaluation hook. `rolesOf`, given in the options object, replaces the role
 * model's decode by the roles it returns for the page's units (one per unit, in order): the layout
 * evaluation gives the composer's gold roles (`eval-layout.mjs --gold-roles`) to measure the
 * assembly alone. Absent from `SplitOptions` on purpose.
 */
interface GivenRoles {
  rolesOf?: (units: readonly Unit[]) => readonly Role[];
}

/** Classify each unit by the role model: furniture, byline, credit, headline line, subhead or body. */
function classify(result: ReflowResult, options: SplitOptions): Item[] {
  const raw = result.raw;
  const units = pageUnits(result, options);
  const given = (options as GivenRoles).rolesOf;
  const roles = given ? given(units) : unitRoles(units.map((u) => u.shape), { blankLines: result.gapStyle === "blank-lines" });
  const items: Item[] = [];
  // paragraphs that layout cut apart: the body item and its parts, in order
  const rest = new Map<Item & { type: "body" }, MappedText[]>();
  let continuedFrom: string | null = null;
  const pushBodyItem = (mapped: Paragraph) => {
    pushBody(items, mapped, raw);
    if (continuedFrom !== null) {
      const body = items[items.length - 1];
      if (body?.type === "body") body.continuedFrom = continuedFrom;
      continuedFrom = null;
    }
  };
  // how many units at the top of the page are furniture
  let topLines = 0;
  units.forEach((u, k) => {
    const role = roles[k]!;
    const { mapped } = u;
    // a short label the model reads as furniture among the page's top lines, in no list of
    // section words (政治, 生态): the page's section label
    if (role === "furniture" && !u.furniture && topLines === k && /^[\u4e00-\u9fff]{2,4}$/.test(mapped.text)) {
      topLines++;
      items.push({ type: "furniture", furniture: { kind: "section", text: mapped.text, spans: mapped.spans } });
      return;
    }
    if (u.furniture) {
      if (topLines === k) topLines++;
      const cont = u.furniture === "continuation" ? continuationAtEnd(mapped.text) : null;
      items.push({ type: "furniture", furniture: { kind: u.furniture, text: mapped.text, spans: mapped.spans } });
      // 下转第3版 closes the body before it; 上接第1版 opens the body after it
      if (cont && (cont[1] === "上接" || cont[1] === "接")) continuedFrom = cont[2]!;
      else if (cont) attachContinuation(items, cont[2]!);
      return;
    }
    if (u.byline) {
      const last = items[items.length - 1];
      if (last?.type === "byline" && !u.byline.dateline && !closedBracket(last.byline.text)) {
        // the byline's next line
        last.byline = {
          ...last.byline,
          text: `${last.byline.text} ${u.byline.text}`,
          contributors: [...last.byline.contributors, ...u.byline.contributors],
          spans: [...last.byline.spans, ...u.byline.spans],
        };
        return;
      }
      items.push({ type: "byline", byline: u.byline });
      return;
    }
    switch (role) {
      case "byline": {
        const contributors = matchCredit(mapped.text) ?? namesOf(mapped.text) ?? [];
        // names that photographed (朱 磊 黄哲雨摄影报道): a photo credit, whatever the line's shape
        if (contributors.length > 0 && contributors.every((c) => c.kind === "photographer")) {
          items.push({ type: "credit", mapped, contributors });
          return;
        }
        items.push({ type: "byline", byline: { text: mapped.text, dateline: null, contributors, spans: mapped.spans } });
        return;
      }
      case "credit": {
        const contributors = matchCredit(mapped.text) ?? [];
        if (contributors.some((c) => c.kind === "photographer")) {
          items.push({ type: "credit", mapped, contributors });
          return;
        }
        break;
      }
      case "kicker":
      case "kicker+":
      case "headline":
      case "headline+":
      case "subheadline":
      case "subheadline+":
        items.push({ type: "headline", role, line: mapped });
        return;
      case "subhead":
        pushBodyItem({ ...mapped, subhead: true });
        return;
      case "body+":
      case "subhead+": {
        // the rest of the paragraph before it, cut off by layout: join them again
        // (the parts are joined once, after the loop: joining at each part made long runs quadratic)
        const last = items[items.length - 1];
        // (pdftotext: a headline over its story's text, read after a block cut mid-sentence, is no part of it)
        const lastPart = last?.type === "body" ? (rest.get(last)?.at(-1) ?? last.mapped) : undefined;
        if (result.extractor === "pdftotext" && lastPart && headsBoxOverWiderText(raw, mapped, rawEnd(lastPart))) break;
        if (last?.type === "body" && !last.continuedTo && !!last.mapped.subhead === (role === "subhead+")) {
          (rest.get(last) ?? rest.set(last, [last.mapped]).get(last)!).push(mapped);
          return;
        }
        break;
      }
    }
    pushBodyItem(mapped);
  });
  for (const [item, parts] of rest) {
    const joined = dropProseSpaces(joinLines(parts));
    item.mapped = { ...joined, spans: spansOf(joined, raw), ...(item.mapped.subhead ? { subhead: true } : {}) };
  }
  namesUnderHeadlines(items);
  continueOpenBrackets(items);
  return items;
}

/** Where mapped text ends in the raw text: past its last character with a raw offset (undefined: none). */
function rawEnd(m: MappedText): number | undefined {
  for (let k = m.offsets.length - 1; k >= 0; k--) if (m.offsets[k]! >= 0) return m.offsets[k]! + 1;
  return undefined;
}

/** A line that opens a bracket it does not close (…获得感（守初心): its field goes on over the next line. */
const OPEN_BRACKET_AT_END_RE = /[（(][^（）()]*$/;

/**
 * A headline line that leaves a bracket open (扎实整改，让群众有更多获得感（守初心 / 担使命…）) is
 * continued by the headline line after it, whatever role the model gave that line: a field's
 * column label does not close on another story's line.
 */
function continueOpenBrackets(items: Item[]): void {
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1]!, items[i]!];
    if (a.type !== "headline" || b.type !== "headline" || b.role.endsWith("+")) continue;
    if (!OPEN_BRACKET_AT_END_RE.test(a.line.text) || !/^[^（）()]*[）)]/.test(b.line.text)) continue;
    b.role = `${a.role.replace("+", "")}+` as HeadlineRole;
  }
}

/**
 * A line of names only right under a headline group, with the story's text after it, is the
 * story's byline whatever role the model gave it (李建毅 王 志, 陈利刚  向  斌, a lone 李运球). A lone
 * unspaced two-character word (回信, 贺信: a surname and a character) is too like a word to be
 * read as a name without the model.
 */
function namesUnderHeadlines(items: Item[]): void {
  for (let i = 1; i + 1 < items.length; i++) {
    const it = items[i]!;
    if (it.type !== "body" || it.mapped.subhead || it.continuedFrom || it.continuedTo) continue;
    const text = it.mapped.text;
    if (text.length > 16) continue;
    const names = nameTokens(text);
    if (!names || (names.length === 1 && names[0]!.length === 2 && !/\s/.test(text.trim()))) continue;
    if (items[i - 1]!.type !== "headline" || items[i + 1]!.type !== "body") continue;
    const contributors = names.map((name) => ({ name, role: null, kind: "author" as const }));
    items[i] = { type: "byline", byline: { text, dateline: null, contributors, spans: it.mapped.spans } };
  }
}

function attachContinuation(items: Item[], page: string): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i]!;
    if (it.type === "body") {
      it.continuedTo = page;
      return;
    }
    if (it.type === "headline") return;
  }
}

/** A body paragraph; a continuation marker closing it (…（下转第3版）) becomes furniture. */
function pushBody(items: Item[], mapped: Paragraph, raw: string): void {
  const cont = continuationAtEnd(mapped.text);
  if (cont && cont.index > 0) {
    const body = withSpans(trimMapped(sliceMapped(mapped, 0, cont.index)), raw);
    const marker = withSpans(sliceMapped(mapped, cont.index), raw);
    const item: Item = { type: "body", mapped: body };
    if (cont[1] === "上接" || cont[1] === "接") item.continuedFrom = cont[2]!;
    else item.continuedTo = cont[2]!;
    items.push(item);
    items.push({ type: "furniture", furniture: { kind: "continuation", text: marker.text, spans: marker.spans } });
    return;
  }
  items.push({ type: "body", mapped });
}

function similarLength(lines: readonly Mapped[]): boolean {
  let min = Infinity;
  let max = 0;
  for (const l of lines) {
    min = Math.min(min, l.text.length);
    max = Math.max(max, l.text.length);
  }
  return max - min <= 1;
}

/**
 * Headline lines into headline groups, as the role model labelled them: a kicker, or a
 * headline that no kicker heads, starts a group; a subheadline joins the group before it;
 * a `+` role continues its field on the next printed line.
 */
function headlineGroups(items: readonly Item[]): HeadlineGroup[] {
  const groups: HeadlineGroup[] = [];
  let cur: HeadlineGroup | null = null;
  items.forEach((it, i) => {
    if (it.type !== "headline") return;
    const adjacent = cur !== null && cur.last === i - 1;
    const field = it.role.replace("+", "") as "kicker" | "headline" | "subheadline";
    const continues = it.role.endsWith("+");
    const joins =
      adjacent &&
      (continues ||
        (field === "headline" && cur!.headline.length === 0) ||
        (field === "subheadline" && cur!.headline.length > 0));
    if (!joins) {
      cur = { first: i, last: i, kicker: [], headline: [], subheadline: [], joinWithSpace: false };
      groups.push(cur);
    }
    cur![field].push(it.line);
    cur!.last = i;
  });
  for (const g of groups) {
    // two parallel phrases printed as two lines of one headline: a space where the line broke
    if (g.headline.length === 2 && similarLength(g.headline)) {
      g.joinWithSpace = /[”」』]$/.test(g.headline[0]!.text) || /^[“「『]/.test(g.headline[1]!.text);
    }
  }
  return groups;
}

function groupText(g: HeadlineGroup): string {
  return [...g.kicker, ...g.headline, ...g.subheadline].map((l) => l.text).join("");
}

/** The Han pairs of a group's text, its letter-spacing (收 获 喜 悦) taken out. */
function groupKeys(g: HeadlineGroup): Set<number> {
  // (placement and association both ask, before any group changes: made once a group)
  let keys = groupKeysMade.get(g);
  if (keys === undefined) groupKeysMade.set(g, (keys = hanPairKeys(groupText(g).replace(/([\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff](?:\s|$))/g, "$1"))));
  return keys;
}

const groupKeysMade = new WeakMap<HeadlineGroup, Set<number>>();

/** One byline of two printed apart: the first's text, then the second's. */
function joinBylines(had: Byline | null, next: Byline): Byline {
  if (!had) return next;
  return { ...had, text: `${had.text} ${next.text}`, contributors: [...had.contributors, ...next.contributors], spans: [...had.spans, ...next.spans] };
}

/** A photo caption numbered after the first: 图②：, 图3： (the photos of one story are numbered in turn). */
const NUMBERED_CAPTION_RE = /^[（(]?图\s*(?:[②-⑳]|[2-9]|[1-9]\d)\s*[）)]?\s*[：:]/;

/** Bodies: runs of body paragraphs; a byline starts one; headlines, furniture and credits end one. */
function drafts(items: readonly Item[]): Draft[] {
  const out: Draft[] = [];
  let cur: Draft | null = null;
  const open = (i: number, byline: Byline | null): Draft => {
    const d: Draft = { first: i, last: i, byline, paragraphs: [], at: [], opening: byline, closing: [], subheads: 0, credit: null, photoCredits: [], continuedTo: null, continuedFrom: null, open: true };
    out.push(d);
    return d;
  };
  items.forEach((it, i) => {
    switch (it.type) {
      case "byline":
        // the next line of a byline just read (（本报记者王沛、 / 李茂颖）, 本报北京9月30日电 / （李龙伊、
        // 程欣然）), unless it opens a story with a dateline of its own
        if (cur && cur.last === i - 1 && items[i - 1]!.type === "byline" && !it.byline.dateline && !closedBracket((items[i - 1] as Item & { type: "byline" }).byline.text)) {
          cur.byline = joinBylines(cur.byline, it.byline);
          const closing = cur.closing[cur.closing.length - 1];
          if (closing && closing.at === i - 1) cur.closing[cur.closing.length - 1] = { at: i, byline: joinBylines(closing.byline, it.byline) };
          else if (cur.paragraphs.length === 0) cur.opening = cur.byline;
          cur.last = i;
          break;
        }
        // （记者 王明） on its own line right after a body is that body's byline (a brief's, or one
        // part's of a story told in parts, each closing with its reporters: the story goes on)
        if (cur && cur.open && cur.paragraphs.length > 0 && /^[（(]/.test(it.byline.text)) {
          cur.byline = joinBylines(cur.byline, it.byline);
          cur.closing.push({ at: i, byline: it.byline });
          cur.last = i;
          break;
        }
        // a byline right under a subhead of a story: one part of a story told in parts, each under
        // its subhead with its reporter (the story goes on, its contributors gather). After a body
        // paragraph a byline opens the next story, even where the story before had subheads.
        if (cur && cur.open && cur.paragraphs.length > 1 && !it.byline.dateline && cur.subheads > 0 && cur.last === i - 1 && titlesPart(cur.paragraphs[cur.paragraphs.length - 1]!)) {
          cur.byline = joinBylines(cur.byline, it.byline);
          cur.closing.push({ at: i, byline: it.byline });
          cur.last = i;
          break;
        }
        // a byline under a story's first lines that only title it (老年人的新生活 / 餐餐好滋味 / 本报记者…):
        // the first part's reporter, under the part's title read as a paragraph
        if (cur && cur.open && !it.byline.dateline && cur.last === i - 1 && cur.paragraphs.length > 0 && cur.paragraphs.length <= 2 && cur.paragraphs.every(titlesPart)) {
          cur.byline = joinBylines(cur.byline, it.byline);
          cur.closing.push({ at: i, byline: it.byline });
          cur.last = i;
          break;
        }
        {
          const part = !!cur && cur.open && cur.subheads > 0 && !it.byline.dateline && cur.last === i - 1;
          cur = open(i, it.byline);
          if (part) cur.maybePart = true;
        }
        break;
      case "body":
        // a numbered caption after a photo's credit (图②：… after 图①'s credit): the story's photos go on
        if (cur && !cur.open && cur.credit && cur.last === i - 1 && cur.paragraphs.length > 0 && NUMBERED_CAPTION_RE.test(it.mapped.text)) {
          cur.photoCredits.push({ at: i - 1, credit: cur.credit });
          cur.credit = null;
          cur.open = true;
        }
        // a paragraph opening with a quoted dateline (据新华社广州9月30日电…) opens a story of its own
        if (!cur || !cur.open || (cur.paragraphs.length > 0 && opensWithDateline(it.mapped.text))) cur = open(i, null);
        cur.paragraphs.push(it.mapped);
        cur.at.push(i);
        if (it.mapped.subhead) cur.subheads++;
        if (it.continuedTo) cur.continuedTo = it.continuedTo;
        if (it.continuedFrom) cur.continuedFrom = it.continuedFrom;
        cur.last = i;
        break;
      case "credit":
        if (cur && cur.open && cur.paragraphs.length > 0 && !cur.credit) {
          cur.credit = it;
          cur.last = i;
          cur.open = false;
        } else {
          // a credit before its caption (headline, credit, caption): the caption follows
          cur = open(i, null);
          cur.credit = it;
        }
        break;
      case "headline":
        if (cur) cur.open = false;
        break;
      case "furniture":
        if (cur && it.furniture.kind === "section") cur.open = false;
        break;
    }
  });
  return out;
}

/** A byline wholly in brackets (（本报记者王沛、李茂颖）): it closes a story, and a byline after it opens the next. */
function closedBracket(text: string): boolean {
  return /^[（(][^（）()]*[）)]$/.test(text);
}

/** A paragraph that can title one part of a story told in parts: a subhead, or a short line that ends no sentence. */
function titlesPart(p: Paragraph): boolean {
  return !!p.subhead || (p.text.length <= 30 && !/[。！？!?…；;，,：:][”’」』）)]*$/.test(p.text));
}

/** A paragraph wholly in brackets that is not a numbered subhead: a note closing a story (（作者为…）, （新华社北京9月30日电）). */
function closingNote(text: string): boolean {
  return text.length >= 4 && /^[（(][^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*[）)]$/.test(text) && !/^[（(][一二三四五六七八九十\d]{1,3}[）)]$/.test(text);
}

/** A paragraph opening with a dateline, quoted from an agency or not (据新华社广州9月30日电…): a story's first. */
function opensWithDateline(text: string): boolean {
  return opensWithDatelineAt(text, text.startsWith("据") ? 1 : 0);
}

/** The first 1200 characters of some paragraphs, as parts: what a headline is compared with. */
function leadText(paragraphs: readonly Paragraph[]): string[] {
  const parts: string[] = [];
  let length = 0;
  for (const p of paragraphs) {
    if (length >= 1200) break;
    parts.push(length + p.text.length > 1200 ? p.text.slice(0, 1200 - length) : p.text);
    length += p.text.length;
  }
  return parts;
}

/**
 * Share of `keys` (Han pairs) printed in a text given as parts, by a search for them made once
 * (`search`: made on first use and kept by the caller; a search is a 4096-slot table to fill).
 */
function shareIn(keys: ReadonlySet<number>, search: ReturnType<typeof pairSearch>, parts: readonly string[]): number {
  return keys.size === 0 ? 0 : search.in(parts).size / keys.size;
}

/**
 * The weights of the association of headline groups with bodies (placeGroups, bestCut), chosen by
 * scripts/tune-assembly.mjs on composed pages (src/data/assembly-weights.ts):
 * - cutCue: what a cut before paragraph k is worth beside the content, per cue (a note or byline
 *   closing the paragraph before, a dateline or byline opening k);
 * - cohesion: weight of how much the paragraphs on either side of a cut share (a cut inside one
 *   story parts paragraphs that share much);
 * - lead: weight of how much of the displaced group the first paragraph after a cut speaks of (a
 *   story's lead restates its headline);
 * - forwardPrior: what heading the body after a group is worth before any content (most groups
 *   stand before their story);
 * - openedCue: what the body after a group is worth more when a byline or dateline opens it (a
 *   story's start, right under its group);
 * - backwardMin: least share of a group a whole body before it must print for the group to head it
 *   from after it;
 * - cutCost: what cutting a body in two for a group printed after it costs (the cut must be earned
 *   by content);
 * - photoCue: what heading the body before is worth when that body closes with a photo's credit and
 *   no body follows the group (a picture story's title printed under its credit);
 * - partMin, partTitleShare: a group standing between two bodies that heads the one after it, no byline
 *   or dateline opening that one, is the title of the story's next part (a subhead read as a headline)
 *   when the two bodies share more than partMin of their Han pairs (the text around the group, see
 *   {@link joinTitledParts}) less partTitleShare × the share of the group's pairs the body after it prints
 *   (a story's headline is restated in its lead; a part's title less so);
 * - headlessPartMin: a body no group heads, opened by a byline or dateline right after a story, is
 *   that story's next part when the two share more than this of their Han pairs.
 */
export interface AssemblyWeights {
  cutCue: number;
  cohesion: number;
  lead: number;
  forwardPrior: number;
  openedCue: number;
  backwardMin: number;
  cutCost: number;
  photoCue: number;
  partMin: number;
  partTitleShare: number;
  headlessPartMin: number;
}

/**
 * Not public API: an evaluation hook, like `rolesOf`. `assemblyWeights`, given in the options
 * object, replaces the shipped weights (scripts/tune-assembly.mjs chooses them with it).
 */
interface GivenWeights {
  assemblyWeights?: AssemblyWeights;
}

/**
 * Which body each headline group heads when it stands right between two: the body after it (the
 * usual order) or the body before it (a group printed after its story). Decided for the page's
 * groups at once, left to right (a dynamic programme over one bit, whether the body before a
 * group already has its head): a group's pull on a body is the share of its Han bigrams the
 * body's first paragraphs print, with a prior for the body after it. A body headed from before
 * and claimed from after is two stories run together: it is cut where the paragraphs after the
 * cut speak most of the group after (see {@link bestCut}). Returns the bodies, those cut in two,
 * and the group each body was given.
 */
function placeGroups(items: readonly Item[], groups: readonly HeadlineGroup[], bodies: readonly Draft[], w: AssemblyWeights): { bodies: Draft[]; pinned: Map<Draft, HeadlineGroup> } {
  const bodyBefore = new Map<number, Draft>();
  const bodyAt = new Map<number, Draft>();
  for (const d of bodies) {
    bodyBefore.set(nextContentIndex(items, d.last + 1, 1), d);
    bodyAt.set(d.first, d);
  }
  const m = groups.length;
  const before = groups.map((g) => bodyBefore.get(g.first));
  const after = groups.map((g) => bodyAt.get(nextContentIndex(items, g.last + 1, 1)));
  const keys = groups.map(groupKeys);
  const searches: ReturnType<typeof pairSearch>[] = [];
  const searchOf = (i: number) => (searches[i] ??= pairSearch(keys[i]!));
  // the share of group i's pairs in the lead of the body after it and before it (whole): the same for either incoming state
  const afterShares: number[] = [];
  const beforeShares: number[] = [];
  // per group: 0 none, 1 the body after, 2 the body before whole, 3 the body before cut; per incoming state
  const NONE = 0;
  const AFTER = 1;
  const WHOLE = 2;
  const CUT = 3;
  const cutAt = new Array<number>(m).fill(-1);
  // best[i][h]: best score of groups before i, h = 1 when group i-1 heads the body before group i
  let best: [number, number] = [0, -Infinity];
  const choice: [number, number][] = [];
  const from: [number, number][] = [];
  for (let i = 0; i < m; i++) {
    const next: [number, number] = [-Infinity, -Infinity];
    const pick: [number, number] = [NONE, NONE];
    const src: [number, number] = [0, 0];
    const links = after[i] !== undefined && i + 1 < m && after[i] === before[i + 1];
    for (const h of [0, 1] as const) {
      if (best[h] === -Infinity) continue;
      const offer = (score: number, c: number, out: 0 | 1) => {
        if (best[h] + score > next[out]) {
          next[out] = best[h] + score;
          pick[out] = c;
          src[out] = h;
        }
      };
      offer(0, NONE, 0);
      const n = after[i];
      if (n) offer(w.forwardPrior + (n.opening ? w.openedCue : 0) + (afterShares[i] ??= shareIn(keys[i]!, searchOf(i), leadText(n.paragraphs))), AFTER, links ? 1 : 0);
      const r = before[i];
      // a picture story's title under the photo's credit, no story after it to head
      const photo = !n && !!r?.credit ? w.photoCue : 0;
      if (r && h === 0) {
        const share = (beforeShares[i] ??= shareIn(keys[i]!, searchOf(i), leadText(r.paragraphs)));
        // a body its byline opens is a story's start: the group after it needs no more content than a cut does
        if (share + photo >= w.backwardMin || (r.opening && share > w.cutCost)) offer(share + photo, WHOLE, 0);
      } else if (r && h === 1 && r.paragraphs.length >= 2) {
        if (cutAt[i]! < 0) cutAt[i] = bestCut(items, r, keys[i]!, keys[i - 1]!, w);
        const k = cutAt[i]!;
        if (k > 0) offer(shareIn(keys[i]!, searchOf(i), leadText(r.paragraphs.slice(k))) - w.cutCost + photo, CUT, 0);
      }
    }
    choice.push(pick);
    from.push(src);
    best = next;
  }
  // back from the best end: each group's choice
  const chosen = new Array<number>(m).fill(NONE);
  let h: 0 | 1 = best[1] > best[0] ? 1 : 0;
  for (let i = m - 1; i >= 0; i--) {
    chosen[i] = choice[i]![h]!;
    h = from[i]![h] as 0 | 1;
  }
  const pinned = new Map<Draft, HeadlineGroup>();
  const cuts = new Map<Draft, { k: number; g: HeadlineGroup }>();
  chosen.forEach((c, i) => {
    if (c === AFTER) pinned.set(after[i]!, groups[i]!);
    else if (c === WHOLE) pinned.set(before[i]!, groups[i]!);
    else if (c === CUT) cuts.set(before[i]!, { k: cutAt[i]!, g: groups[i]! });
  });
  if (cuts.size === 0) return { bodies: [...bodies], pinned };
  const out: Draft[] = [];
  for (const d of bodies) {
    const cut = cuts.get(d);
    if (!cut) {
      out.push(d);
      continue;
    }
    const [first, second] = cutDraft(d, cut.k);
    const head = pinned.get(d);
    pinned.delete(d);
    if (head) pinned.set(first, head);
    pinned.set(second, cut.g);
    out.push(first, second);
  }
  return { bodies: out, pinned };
}

/** Most paragraphs a story's lead (导语, 核心阅读) prints between its headline and its dateline. */
const LEAD_PARAGRAPHS = 3;

/**
 * A headed body of a few paragraphs with no byline, right before a body that opens with a dateline and
 * no group of its own: the story's lead printed between its headline and its dateline (核心阅读…,
 * then 本报北京10月10日电…). The two are one story, the dateline its byline.
 */
function joinLeadsToDatelines(items: readonly Item[], bodies: readonly Draft[], pinned: Map<Draft, HeadlineGroup>): Draft[] {
  const out: Draft[] = [];
  for (const d of bodies) {
    const lead = out[out.length - 1];
    if (
      lead &&
      !pinned.has(d) &&
      pinned.has(lead) &&
      d.opening?.dateline &&
      !lead.opening &&
      lead.closing.length === 0 &&
      !lead.credit &&
      lead.paragraphs.length <= LEAD_PARAGRAPHS &&
      nextContentIndex(items, lead.last + 1, 1) === d.first
    ) {
      out[out.length - 1] = {
        ...lead,
        last: d.last,
        byline: d.byline,
        opening: d.opening,
        closing: d.closing,
        paragraphs: [...lead.paragraphs, ...d.paragraphs],
        at: [...lead.at, ...d.at],
        photoCredits: [...lead.photoCredits, ...d.photoCredits],
        credit: d.credit,
        continuedTo: d.continuedTo ?? lead.continuedTo,
      };
      const g = pinned.get(lead)!;
      pinned.delete(lead);
      pinned.set(out[out.length - 1]!, g);
      continue;
    }
    out.push(d);
  }
  return out;
}

/**
 * A story with its next part `d` (opened by the byline or dateline `opening`) appended: the part's paragraphs,
 * its opening byline one of the story's closing ones; the story's headline group moves with it.
 */
function appendPart(story: Draft, d: Draft, opening: NonNullable<Draft["opening"]>, headlineOf: Map<Draft, HeadlineGroup>): Draft {
  const joined: Draft = {
    ...story,
    last: d.last,
    byline: joinBylines(story.byline, d.byline ?? opening),
    closing: [...story.closing, { at: d.first, byline: opening }, ...d.closing],
    paragraphs: [...story.paragraphs, ...d.paragraphs],
    at: [...story.at, ...d.at],
    subheads: story.subheads + d.subheads,
    photoCredits: [...story.photoCredits, ...d.photoCredits],
    credit: d.credit,
    continuedTo: d.continuedTo ?? story.continuedTo,
    open: d.open,
  };
  const g = headlineOf.get(story);
  if (g) {
    headlineOf.delete(story);
    headlineOf.set(joined, g);
  }
  return joined;
}

/**
 * A body that a byline opened right after a body paragraph of a story with subheads, and that no
 * headline group heads, is that story's next part under its reporter (a part's title read as body
 * text): joined to it again, the byline one of its closing ones.
 */
function joinHeadlessParts(items: readonly Item[], bodies: readonly Draft[], headlineOf: Map<Draft, HeadlineGroup>): Draft[] {
  const out: Draft[] = [];
  for (const d of bodies) {
    const story = out[out.length - 1];
    if (d.maybePart && story && !headlineOf.has(d) && d.opening && !story.credit && nextContentIndex(items, story.last + 1, 1) === d.first) {
      out[out.length - 1] = appendPart(story, d, d.opening, headlineOf);
      continue;
    }
    out.push(d);
  }
  return out;
}

/** How much text on each side of a group is compared to tell a story's parts from two stories. */
const PART_CONTEXT = 600;

/** The last (or first) `n` characters of some paragraphs' texts, joined. */
function textAround(paragraphs: readonly Paragraph[], n: number, fromEnd: boolean): string {
  let out = "";
  if (fromEnd) {
    for (let k = paragraphs.length - 1; k >= 0 && out.length < n; k--) out = paragraphs[k]!.text + out;
    return out.length > n ? out.slice(out.length - n) : out;
  }
  for (let k = 0; k < paragraphs.length && out.length < n; k++) out += paragraphs[k]!.text;
  return out.length > n ? out.slice(0, n) : out;
}

/** Share of the smaller of two sets of Han pairs that the other holds. */
function pairOverlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const key of small) if (large.has(key)) shared++;
  return shared / small.size;
}

/**
 * The next part of a story, taken for a story of its own, joined to it again when the two bodies speak
 * of the same things (share many Han pairs in the text around their seam):
 * - a body headed by a group printed right between it and the body before, no byline or dateline
 *   opening it: the group is the part's title (a subhead the role model read as a headline), kept as
 *   one subhead paragraph;
 * - a body that no group heads, opened by a byline or dateline right after the story (a round-up's
 *   next item under its own dateline): its byline is one of the story's.
 * Returns the bodies and the groups that became subheads.
 */
function joinTitledParts(items: readonly Item[], bodies: readonly Draft[], headlineOf: Map<Draft, HeadlineGroup>, w: AssemblyWeights, raw: string): { bodies: Draft[]; titles: Set<HeadlineGroup> } {
  const titles = new Set<HeadlineGroup>();
  const out: Draft[] = [];
  for (const d of bodies) {
    const story = out[out.length - 1];
    const g = headlineOf.get(d);
    // a body no group heads, opened by a byline or dateline right after a story: that story's next
    // part when the two speak of the same things (a round-up's items, each under its dateline)
    if (story && !g && d.opening && d.paragraphs.length > 0 && story.paragraphs.length > 0 && !story.credit && nextContentIndex(items, story.last + 1, 1) === d.first) {
      const overlap = pairOverlap(hanPairKeys(textAround(story.paragraphs, PART_CONTEXT, true)), hanPairKeys(textAround(d.paragraphs, PART_CONTEXT, false)));
      if (overlap > w.headlessPartMin) {
        out[out.length - 1] = appendPart(story, d, d.opening, headlineOf);
        continue;
      }
    }
    if (
      !story ||
      !g ||
      d.opening ||
      d.paragraphs.length === 0 ||
      story.paragraphs.length === 0 ||
      story.credit ||
      nextContentIndex(items, story.last + 1, 1) !== g.first ||
      nextContentIndex(items, g.last + 1, 1) !== d.first
    ) {
      out.push(d);
      continue;
    }
    const before = hanPairKeys(textAround(story.paragraphs, PART_CONTEXT, true));
    const after = hanPairKeys(textAround(d.paragraphs, PART_CONTEXT, false));
    const titleKeys = groupKeys(g);
    let printed = 0;
    for (const key of titleKeys) if (after.has(key)) printed++;
    const titleShare = titleKeys.size > 0 ? printed / titleKeys.size : 0;
    if (pairOverlap(before, after) - w.partTitleShare * titleShare <= w.partMin) {
      out.push(d);
      continue;
    }
    const lines = [...g.kicker, ...g.headline, ...g.subheadline];
    const joined = lines.length === 1 ? lines[0]! : withSpans(dropProseSpaces(joinLines(lines)), raw);
    const title: Paragraph = { ...joined, subhead: true };
    out[out.length - 1] = {
      ...story,
      last: d.last,
      byline: d.byline ? joinBylines(story.byline, d.byline) : story.byline,
      closing: [...story.closing, ...d.closing],
      paragraphs: [...story.paragraphs, title, ...d.paragraphs],
      at: [...story.at, g.first, ...d.at],
      subheads: story.subheads + 1 + d.subheads,
      photoCredits: [...story.photoCredits, ...d.photoCredits],
      credit: d.credit,
      continuedTo: d.continuedTo ?? story.continuedTo,
      open: d.open,
    };
    headlineOf.delete(d);
    const own = headlineOf.get(story);
    if (own) {
      headlineOf.delete(story);
      headlineOf.set(out[out.length - 1]!, own);
    }
    titles.add(g);
  }
  return { bodies: out, titles };
}

/** A body cut in two before its paragraph k: what is printed before the cut goes with the first part. */
function cutDraft(d: Draft, k: number): [Draft, Draft] {
  const at = d.at[k]!;
  const closingBefore = d.closing.filter((c) => c.at < at);
  const closingAfter = d.closing.filter((c) => c.at > at);
  const first: Draft = {
    ...d,
    last: at - 1,
    byline: closingBefore.reduce<Byline | null>((b, c) => joinBylines(b, c.byline), d.opening),
    paragraphs: d.paragraphs.slice(0, k),
    at: d.at.slice(0, k),
    closing: closingBefore,
    photoCredits: d.photoCredits.filter((c) => c.at < at),
    credit: null,
    continuedTo: null,
    open: false,
  };
  const second: Draft = {
    ...d,
    first: at,
    byline: closingAfter.reduce<Byline | null>((b, c) => joinBylines(b, c.byline), null),
    paragraphs: d.paragraphs.slice(k),
    at: d.at.slice(k),
    opening: null,
    closing: closingAfter,
    photoCredits: d.photoCredits.filter((c) => c.at > at),
    continuedFrom: null,
  };
  return [first, second];
}

/**
 * Where body `r` (headed by `h`) is best cut for the displaced group `g`, given the Han pairs of
 * each (`gKeys`, `hKeys`): the paragraph its second story starts at (1 to its length - 1).
 */
function bestCut(items: readonly Item[], r: Draft, gKeys: ReadonlySet<number>, hKeys: ReadonlySet<number>, w: AssemblyWeights): number {
  const search = pairSearch(new Set([...gKeys, ...hKeys]));
  const n = r.paragraphs.length;
  // per paragraph: share of g's pairs it prints, less the share of h's
  const gShare = new Array<number>(n);
  const lean = new Array<number>(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const found = search.in([r.paragraphs[i]!.text]);
    let gs = 0;
    let hs = 0;
    for (const key of found) {
      if (gKeys.has(key)) gs++;
      if (hKeys.has(key)) hs++;
    }
    gShare[i] = gKeys.size > 0 ? gs / gKeys.size : 0;
    lean[i] = gShare[i]! - (hKeys.size > 0 ? hs / hKeys.size : 0);
    total += lean[i]!;
  }
  // how much paragraphs k - 1 and k share of their Han pairs: the paragraphs of one story speak of the
  // same people and things, two stories' seldom (each paragraph's pairs made once)
  // (a paragraph's pairs sorted when first asked for and neighbours merged: a set of each paragraph's pairs was most of this)
  const cohesion = neighbourPairShare(r.paragraphs.map((p) => p.text));
  let best = -1;
  let bestScore = -Infinity;
  let before = 0;
  // the closing bylines in page order: one pointer walks them with k (no scan per cut)
  let c = 0;
  for (let k = 1; k < n; k++) {
    before += lean[k - 1]!;
    while (c < r.closing.length && r.closing[c]!.at < r.at[k - 1]!) c++;
    const closed = closingNote(r.paragraphs[k - 1]!.text) || (c < r.closing.length && r.closing[c]!.at < r.at[k]!);
    const opened = opensWithDateline(r.paragraphs[k]!.text) || (items[r.at[k]! - 1]?.type === "byline" && r.at[k]! - 1 > r.at[k - 1]!);
    const uncohesive = total - 2 * before + w.lead * gShare[k]! + (closed ? w.cutCue : 0) + (opened ? w.cutCue : 0);
    // cohesion only lowers a cut's score (its weight is never negative): a cut that cannot beat the
    // best so far without it is not compared (the same sum, in the same order, for the cuts that are)
    if (w.cohesion >= 0 && !(uncohesive > bestScore)) continue;
    const score = uncohesive - w.cohesion * cohesion(k);
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}

/** How far (in items) a headline group may stand from the body it heads. */
const ASSOCIATION_WINDOW = 24;

/** First body whose last item is at or after `at` (bodies sorted by position). */
function lowerBound(bodies: readonly Draft[], at: number): number {
  let lo = 0;
  let hi = bodies.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bodies[mid]!.last < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function nextContentIndex(items: readonly Item[], from: number, step: 1 | -1): number {
  let i = from;
  while (i >= 0 && i < items.length && items[i]!.type === "furniture" && (items[i] as { furniture: Furniture }).furniture.kind !== "section") i += step;
  return i;
}

/**
 * Give each body its headline group: by position (right before its byline or body; right
 * after its body, where extraction put it out of reading order) and by content (Han
 * bigrams the headline shares with the body). Each group is used at most once.
 */
function associate(items: readonly Item[], groups: readonly HeadlineGroup[], bodies: readonly Draft[], pinned: ReadonlyMap<Draft, HeadlineGroup>): Map<Draft, HeadlineGroup> {
  const pairs: { score: number; g: HeadlineGroup; d: Draft }[] = [];
  // Only nearby bodies compete for a group: a displaced headline stays within a few items of its
  // story, and the bound keeps the cost linear in page length.
  const sorted = [...bodies].sort((a, b) => a.first - b.first);
  // the start of each body's text (its first 1200 characters, then its credit), as parts: the
  // search reads them as one text without joining them
  const textOf = (d: Draft): string[] => {
    const parts: string[] = [];
    let length = 0;
    for (const p of d.paragraphs) {
      if (length >= 1200) break;
      parts.push(length + p.text.length > 1200 ? p.text.slice(0, 1200 - length) : p.text);
      length += p.text.length;
    }
    if (d.credit) parts.push(d.credit.mapped.text);
    return parts;
  };
  // the Han bigrams of every headline group, and which of them each body's text prints: one pass
  // over each body's text, made when a group first compares against it
  const gramsOf = groups.map((g) => [...groupKeys(g)]);
  const wanted = new Set<number>();
  for (const grams of gramsOf) for (const key of grams) wanted.add(key);
  const search = pairSearch(wanted);
  const printed = new Map<Draft, ReadonlySet<number>>();
  const printedIn = (d: Draft): ReadonlySet<number> => {
    let found = printed.get(d);
    if (found === undefined) printed.set(d, (found = search.in(textOf(d))));
    return found;
  };
  groups.forEach((g, gi) => {
    const grams = gramsOf[gi]!;
    const nextAfter = nextContentIndex(items, g.last + 1, 1);
    const from = lowerBound(sorted, g.first - ASSOCIATION_WINDOW);
    for (let k = from; k < sorted.length && sorted[k]!.first <= g.last + ASSOCIATION_WINDOW; k++) {
      const d = sorted[k]!;
      const before = nextAfter === d.first;
      const after = nextContentIndex(items, d.last + 1, 1) === g.first;
      const bodyPairs = printedIn(d);
      let shared = 0;
      for (let b = 0; b < grams.length; b++) if (bodyPairs.has(grams[b]!)) shared++;
      const content = grams.length > 0 ? shared / grams.length : 0;
      const score = (before ? 2 : 0) + (after ? 1 : 0) + 2 * content;
      const enough = before ? score >= 2 : after ? content >= 0.25 : content >= 0.5;
      if (enough) pairs.push({ score, g, d });
    }
  });
  pairs.sort((a, b) => b.score - a.score);
  const used = new Set<HeadlineGroup>(pinned.values());
  const result = new Map<Draft, HeadlineGroup>(pinned);
  for (const p of pairs) {
    if (used.has(p.g) || result.has(p.d)) continue;
    used.add(p.g);
    result.set(p.d, p.g);
  }
  return result;
}

function joinField(lines: readonly Mapped[], withSpace: boolean): { text: string | null; spans: Span[] } {
  if (lines.length === 0) return { text: null, spans: [] };
  return { text: lines.map((l) => l.text).join(withSpace ? " " : ""), spans: lines.flatMap((l) => l.spans) };
}

// the one-shot crypto.hash (Node 20.12 and later) costs far less per page than a Hash object
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;

function sha256(text: string): string {
  if (oneShotHash) return oneShotHash("sha256", text, "hex");
  return crypto.createHash("sha256").update(text, "utf8").digest("hex");
}

/** The date of the page's first date line (a single line that is nothing but a date). */
function printedDate(result: ReflowResult): string | undefined {
  for (const p of result.paragraphs) {
    if (p.firstLine !== p.lastLine || p.text.length > 40) continue;
    const date = dateOfLine(p.text);
    if (date) return date;
  }
  return undefined;
}

/**
 * Split a page of extracted text into articles, furniture and unassigned text. Every
 * non-white-space character of `raw` ends up in exactly one place.
 */
export function splitPage(raw: string, options: SplitOptions = {}): Page {
  if (typeof raw !== "string") throw new SplitError("YK_INVALID_INPUT", `splitPage expects a string, got ${raw === null ? "null" : typeof raw}`);
  checkOptions(options);
  return splitReflowed(reflow(raw, options), options);
}

/** The split stage alone, on a page `reflow` already returned (for pipelines that keep the reflow result). */
export function splitReflowed(result: ReflowResult, options: SplitOptions = {}): Page {
  checkOptions(options);
  const raw = result.raw;
  // a date line (2019年10月8日 星期二) dates the page unless the caller did: datelines then get their year
  const date = options.date ?? printedDate(result);
  const items = classify(result, { ...options, date });
  // text from a PDF extractor: its line breaks repair what its reading order lost (extracted-layout.ts).
  // Text with single line breaks and nothing else to tell is detected as pdf.js's, but typed or
  // copied text with single breaks looks the same, and the repairs cost such pages a tenth of
  // their articles (composed People's Daily pages): pdf.js text gets them when the caller says so.
  const extracted = result.extractor !== "typeset" && (result.extractor !== "pdfjs" || options.extractor === "pdfjs");
  const captions = extracted ? takeCaptions(items) : [];
  if (extracted) {
    // detected, not told: keep the role model's subheads that no story follows (typed text with
    // single line breaks may be detected as pdftotext's and has in-article subheads)
    headlinesOutOfBody(items, { keepSubheads: options.extractor === undefined || options.extractor === "auto", raw, extractor: result.extractor });
    splitFieldsAtBoxes(items, raw);
    kickersFromWrappedHeadlines(items, raw);
  }
  const groups = headlineGroups(items);
  const weights = (options as GivenWeights).assemblyWeights ?? ASSEMBLY_WEIGHTS;
  const placed0 = placeGroups(items, groups, drafts(items), weights);
  const pinned = placed0.pinned;
  const bodies0 = joinLeadsToDatelines(items, placed0.bodies, pinned);
  const headlineOf = associate(items, groups, bodies0, pinned);
  const joined = joinHeadlessParts(items, bodies0, headlineOf);
  // (not on an extractor's text: its reading order is lost, and a group between two bodies says
  // little about them; its repairs place its groups)
  const { bodies, titles } = extracted ? { bodies: joined, titles: new Set<HeadlineGroup>() } : joinTitledParts(items, joined, headlineOf, weights, raw);
  if (extracted) pairDisplacedHeadlines(groups, bodies, headlineOf);
  const warnings: Warning[] = [];

  const furniture: Furniture[] = [];
  for (const it of items) if (it.type === "furniture") furniture.push(it.furniture);
  const unassigned: Unassigned[] = [];
  const placed: { at: number; article: Article }[] = [];
  let n = 0;
  const nextId = () => `a${++n}`;

  const fields = (g: HeadlineGroup | undefined) => {
    const kicker = joinField(g?.kicker ?? [], false);
    const headline = joinField(g?.headline ?? [], g?.joinWithSpace ?? false);
    const subheadline = joinField(g?.subheadline ?? [], false);
    return {
      kicker: kicker.text,
      headline: headline.text,
      subheadline: subheadline.text,
      fieldSpans: { kicker: kicker.spans, headline: headline.spans, subheadline: subheadline.spans },
    };
  };

  for (const d of bodies) {
    const g = headlineOf.get(d);
    if (d.paragraphs.length === 0 && !d.byline && d.credit && !g) {
      unassigned.push({ kind: "credit", text: d.credit.mapped.text, spans: d.credit.mapped.spans });
      continue;
    }
    const credit: Byline | null = d.credit
      ? { text: d.credit.mapped.text, contributors: d.credit.contributors, spans: d.credit.mapped.spans }
      : null;
    const photographed = !!credit && credit.contributors.some((c) => c.kind === "photographer");
    // a photo's caption is a few short paragraphs; a long story with a photo credit stays a story
    const captionSized = d.paragraphs.length <= 3 && d.paragraphs.reduce((n, p) => n + p.text.length, 0) <= 300;
    const isPhoto = photographed && !d.byline && captionSized;
    const creditedPhoto = photographed && !d.byline && !isPhoto;
    let byline = d.byline;
    if (credit && !isPhoto && !creditedPhoto) {
      // a credit after a bylined story: its contributors join the byline
      if (byline) byline = { ...byline, contributors: [...byline.contributors, ...credit.contributors], spans: [...byline.spans, ...credit.spans] };
      else byline = credit;
    }
    let paragraphs = d.paragraphs;
    // a brief closes with its byline in brackets: …。（记者 王明）
    if ((!byline || byline.contributors.length === 0) && paragraphs.length > 0) {
      const lastP = paragraphs[paragraphs.length - 1]!;
      const trailing = matchTrailingByline(lastP.text);
      if (trailing) {
        const body = withSpans(trimMapped(sliceMapped(lastP, 0, trailing.start)), raw);
        const by = withSpans(sliceMapped(lastP, trailing.start), raw);
        byline = byline
          ? { ...byline, text: `${byline.text} ${by.text}`, contributors: trailing.contributors, spans: [...byline.spans, ...by.spans] }
          : { text: by.text, dateline: null, contributors: trailing.contributors, spans: by.spans };
        paragraphs = [...paragraphs.slice(0, -1), ...(body.text ? [body] : [])];
      }
    }
    if (byline && byline.contributors.length === 0) {
      warnings.push({ code: "byline-without-contributors", message: `no contributor found in byline ${JSON.stringify(byline.text)}`, spans: byline.spans });
    }
    const totalLength = paragraphs.reduce((s, p) => s + p.text.length, 0);
    const kind: Article["kind"] = isPhoto ? "photo" : g && paragraphs.length === 1 && totalLength <= 200 ? "brief" : "news";
    const article: Article = {
      id: nextId(),
      kind,
      ...fields(g),
      byline: isPhoto ? null : byline,
      paragraphs: isPhoto ? [] : paragraphs.map((p) => (p.subhead ? { text: p.text, spans: p.spans, subhead: true } : { text: p.text, spans: p.spans })),
      captions: isPhoto ? paragraphs.map((p, k) => ({ text: p.text, spans: p.spans, credit: k === paragraphs.length - 1 ? credit : null })) : [],
      entities: [],
    };
    if (isPhoto && paragraphs.length === 0 && credit) article.captions.push({ text: "", spans: [], credit });
    // the story's photo, known by its credit alone (刘 辉摄（影像中国）)
    if (creditedPhoto && credit) article.captions.push({ text: "", spans: [], credit });
    // the credits of the story's other photos, each closing its numbered caption
    for (const { credit: c } of d.photoCredits) article.captions.push({ text: "", spans: [], credit: { text: c.mapped.text, contributors: c.contributors, spans: c.mapped.spans } });
    if (d.continuedTo || d.continuedFrom) article.continuation = { continuedTo: d.continuedTo, continuedFrom: d.continuedFrom };
    if (g && g.first > d.last) {
      warnings.push({ code: "headline-after-body", message: `headline group of ${article.id} was found after its body`, spans: article.fieldSpans!.headline });
    }
    placed.push({ at: g ? Math.min(g.first, d.first) : d.first, article });
  }
  const assigned = new Set(headlineOf.values());
  for (const g of groups) {
    if (assigned.has(g) || titles.has(g)) continue;
    placed.push({ at: g.first, article: { id: "", kind: "teaser", ...fields(g), byline: null, paragraphs: [], captions: [], entities: [] } });
  }
  placed.sort((a, b) => a.at - b.at);
  attachCaptions(placed, captions);
  const articles = placed.map((p, k) => ({ ...p.article, id: `a${k + 1}` }));

  const facts = pageFacts(furniture);
  const section = facts.section;
  const publication: Page["publication"] = {};
  if (options.publication) publication.name = options.publication;
  if (date) publication.date = date;
  const page = options.page !== undefined ? pageOption(options.page) : facts.page;
  if (page !== null) publication.page = page;
  if (options.edition) publication.edition = options.edition;
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { name: options.sourceName ?? null, length: raw.length, sha256: sha256(raw) },
    publication,
    section,
    articles,
    furniture,
    unassigned,
    warnings,
  };
}
