import { alternation, BODY_SUFFIXES, NON_NAMING_HEADS, charTable } from "@yk/lexicon";
import type { Article, Entity, EntityType, Mention, MentionField } from "@yk/schema";
import { jiebaSegmenter, pieces, tokensInChunks, type Segmenter, type Token } from "./segmenter.js";
import {
  type Hit,
  type Placement,
  BYLINE_PERSON_RE,
  endsWithFacility,
  COMPANY_FORM_WORDS,
  DOTTED_NAME_RE,
  REPORTER_LIST_RE,
  CONGRESS_RE,
  DATELINE_PLACE_RE,
  isKnownBody,
  isKnownPlace,
  isTransliterated,
  isTransliterationChar,
  MIDDLE_DOTS,
  NAME_TAGS,
  knownPlacePrefix,
  KIND_HEADS,
  DATE_RE,
  NUMBER_RE,
  QUOTED_RE,
  SURNAME_START,
  ABBREVIATION_RE,
  isHanAt,
  countryAbbreviation,
  ABBREVIATION_PAIR_RE,
  scanLists,
  PAIR_PREPOSITIONS,
  dateHit,
  numberHit,
  AFTER_NAME,
  FUNCTION_TAGS,
  GENERIC_TAGS,
  FUNCTION_CHARS,
  MEDIA_RE,
  isMediaName,
  placeEndingAt,
  DEVELOPMENT_ZONES,
} from "./patterns.js";
import { titledNames } from "./titles.js";
import { modelSpans, shippedModel } from "./model.js";

/**
 * The model's people, places and organizations rank with the rules' surest finds (a company by
 * its legal form, a local body by its level): between equal ranks the longer wins; titled names,
 * bylines and datelines rank above it.
 */
const MODEL_PRIORITY = 4;

export interface ExtractorOptions {
  /** Defaults to nodejieba. */
  segmenter?: Segmenter;
  /** Extra dictionary entries for the segmenter: local names, companies. */
  userDictionary?: readonly { word: string; tag?: string }[];
  /** Extra gazetteers: names known to be of a type. */
  gazetteer?: Partial<Record<"person" | "organization" | "location", readonly string[]>>;
  /** Largest text accepted by `extract`, in UTF-16 code units (default 64 Mi); past it: `YK_INPUT_TOO_LARGE`. */
  maxLength?: number;
}

export const DEFAULT_MAX_LENGTH = 64 * 1024 * 1024;
/** Texts longer than this are read in pieces. */
const EXTRACT_PIECE = 20_000;

export interface ExtractContext {
  /** Publication date YYYY-MM-DD: the reference for 1月11日, 今年, 正月初七. */
  date?: string;
  /** Which field the text is, for mentions (default "text"). */
  field?: MentionField;
  index?: number;
}

/** One field of an article, for {@link Extractor.extractFields}. */
export interface FieldText {
  field: MentionField;
  /** Which paragraph or caption, for those fields. */
  index?: number;
  text: string;
}

/**
 * An article's fields in reading order (kicker, headline, subheadline, paragraphs, captions), as
 * {@link Extractor.extractFields} reads them: the one place that says which texts of an article
 * carry entities.
 */
export function articleFields(article: Pick<Article, "kicker" | "headline" | "subheadline" | "paragraphs" | "captions">): FieldText[] {
  const fields: FieldText[] = [];
  if (article.kicker) fields.push({ field: "kicker", text: article.kicker });
  if (article.headline) fields.push({ field: "headline", text: article.headline });
  if (article.subheadline) fields.push({ field: "subheadline", text: article.subheadline });
  article.paragraphs.forEach((p, index) => fields.push({ field: "paragraph", index, text: p.text }));
  article.captions.forEach((c, index) => fields.push({ field: "caption", index, text: c.text }));
  return fields;
}

export interface Extractor {
  extract(text: string, context?: ExtractContext): Entity[];
  /**
   * Entities of an article's fields, read as one text (a name titled in one paragraph is known
   * in the next) in one pass (much cheaper than a call per paragraph). Mentions point into each
   * field's own text; no mention crosses from one field into another.
   */
  extractFields(fields: readonly FieldText[], context?: Pick<ExtractContext, "date">): Entity[];
}

export class EntityError extends Error {
  readonly code: "YK_INVALID_OPTION" | "YK_INVALID_INPUT" | "YK_INPUT_TOO_LARGE";
  constructor(code: EntityError["code"], message: string) {
    super(message);
    this.name = "EntityError";
    this.code = code;
  }
}

/** jieba's tags of names and of words it does not know. */
const NAME_OR_UNKNOWN_TAGS = new Set(["nr", "nrfg", "nrt", "x"]);

/** What may follow a trade name: a list comma, punctuation, a conjunction or 的. */
const TRADE_NAME_FOLLOWERS = new Set("、，。和与及等的");

/** Tags of the words a company's name is made of (before 有限公司, 科技): names, places, nouns, unknown words. */
const NAME_PART_TAGS = new Set(["ns", "nr", "nrt", "nrfg", "nz", "nt", "x", "j", "n", "vn", "b", "ng", "eng"]);

/** Tags of words that end no foreign name: verbs, prepositions, conjunctions, particles, adverbs. */
const NOT_IN_NAME_TAGS = new Set(["v", "vn", "vd", "p", "c", "u", "uj", "ul", "uz", "d", "r", "f", "m", "q"]);

/** `tokenEnds[i]` is 1 where a segmenter word ends at offset i. */
function trimName(name: string, tokenEnds?: Uint8Array, start?: number): string {
  // (unless the segmenter reads a surname and a two-character given name: 林/ng 志强/nrfg 介绍)
  if (name.length === 3 && AFTER_NAME.has(name[2]!)) {
    const given = tokenEnds !== undefined && start !== undefined && tokenEnds[start + 1] === 1 && tokenEnds[start + 3] === 1 && tokenEnds[start + 2] !== 1;
    return given ? name : name.slice(0, 2);
  }
  // prefer the length the segmentation agrees with: 薛原/x 报道/v
  if (name.length === 3 && tokenEnds && start !== undefined && tokenEnds[start + 3] !== 1 && tokenEnds[start + 2] === 1) return name.slice(0, 2);
  return name;
}

const VERB_TAGS = new Set(["v", "vn", "vd", "vg"]);
/** Transliteration characters that are prepositions too, starting the next word: 因伤, 以来, 于是. */
const PREPOSITION_CHARS = new Set("因以于由为向对");
/** Divisions after a foreign place's name (丘布特省, 莱克伍德县, 恰帕斯州). */
const FOREIGN_DIVISIONS = new Set("省州县市镇村郡");
/** Tags of the words a foreign name is cut into (卡巴/nrt 杰时/x, 赫里斯/nr 坚科/x, 尼科娃/nr). */
const FOREIGN_PART_TAGS = new Set(["nr", "nrt", "nrfg", "x", "ns", "nz", "j"]);

/**
 * A foreign name the segmenter cut into pieces is one name: a person hit of transliteration
 * characters takes the neighbouring words that are transliterations too (拉特纳/nr 亚克/nrt,
 * 库/n 尼科娃/nr, 卡巴/nrt 杰时/x → 卡巴杰), not a function word or a common word (比/p, 达到/v).
 */
function widenForeignName(h: Hit, text: string, tokens: readonly Token[], tokenAt: Int32Array): Hit {
  if (h.end - h.start < 2 || !isTransliterated(text.slice(h.start, h.end))) return h;
  const isPart = (t: Token) => isTransliterated(t.word, 1) && (FOREIGN_PART_TAGS.has(t.tag) || (t.word.length === 1 && !FUNCTION_TAGS.has(t.tag) && !VERB_TAGS.has(t.tag)));
  let end = h.end;
  for (let guard = 0; guard < 6 && end < text.length; guard++) {
    const at = MIDDLE_DOTS.has(text[end]!) ? end + 1 : end;
    const k = tokenAt[at]!;
    if (k === 0) break;
    const t = tokens[k - 1]!;
    if (isPart(t)) {
      end = t.end;
      continue;
    }
    // a word run into the name's last characters: 杰时/x, 特在/d (a name's follower after it; not
    // a verb: 林丹/x 达到/v), nor a preposition (内马尔/x 因伤/x)
    if (at === end && !PREPOSITION_CHARS.has(t.word[0]!) && (t.tag === "x" || (t.word.length === 2 && AFTER_NAME.has(t.word[1]!) && !VERB_TAGS.has(t.tag)))) {
      let n = 0;
      while (n < t.word.length - 1 && isTransliterationChar(t.word, n)) n++;
      end += n;
    }
    break;
  }
  let start = h.start;
  for (let guard = 0; guard < 6 && start > 0; guard++) {
    const at = MIDDLE_DOTS.has(text[start - 1]!) ? start - 1 : start;
    const k = at > 0 ? tokenAt[at]! : 0;
    // the token that ends where the name starts
    let prev: Token | undefined;
    const idx = tokenAt[start]! > 0 ? tokenAt[start]! - 1 : -1;
    if (at === start && idx > 0) prev = tokens[idx - 1];
    else if (at < start && k > 0) prev = tokens[k - 2];
    if (!prev || prev.end !== at || !isPart(prev)) break;
    start = prev.start;
  }
  // a transliteration before a division is a place: 丘布特省, 莱克伍德县, 南里奥格朗/德州
  const k = tokenAt[end]!;
  const next = k > 0 ? tokens[k - 1]! : undefined;
  if (next && FOREIGN_DIVISIONS.has(next.word[next.word.length - 1]!) && isTransliterated(next.word.slice(0, -1), 0)) {
    return { ...h, type: "location", start, end: next.end };
  }
  // (the division the end of a word the name ran into: 帕克斯/nr 顿市/x)
  if (end < text.length && FOREIGN_DIVISIONS.has(text[end]!) && (end + 1 === text.length || tokenAt[end + 1]! > 0)) {
    return { ...h, type: "location", start, end: end + 1 };
  }
  return start === h.start && end === h.end ? h : { ...h, start, end };
}

/** Words before a place (在伯尔尼, 迁都阿斯塔纳, 城市哈斯科沃) and after one (阿拉伯国家). */
const BEFORE_PLACE = new Set(["在", "到", "赴", "抵", "抵达", "飞抵", "前往", "来自", "途经", "迁都", "位于", "威胁到", "城市", "胜地", "首都", "港口"]);
const AFTER_PLACE = new Set(["国家", "地区", "城市", "境内", "半岛", "沿岸", "各国"]);
/**
 * Is a transliteration found with no title where places stand (在图卢兹, 迁都阿斯塔纳, 阿拉伯国家)?
 * Not when a person's view follows (在克林顿看来).
 */
function standsForPlace(h: Hit, text: string, tokens: readonly Token[], tokenAt: Int32Array): boolean {
  const k = tokenAt[h.start]!;
  if (k === 0 || !isTransliterated(text.slice(h.start, h.end))) return false;
  const prev = k > 1 ? tokens[k - 2] : undefined;
  const nextIndex = tokenAt[h.end]!;
  const next = nextIndex > 0 ? tokens[nextIndex - 1] : undefined;
  if (next && (next.word === "看来" || next.word === "说" || next.word === "表示")) return false;
  return (prev !== undefined && prev.end === h.start && BEFORE_PLACE.has(prev.word)) || (next !== undefined && AFTER_PLACE.has(next.word));
}

/** Words that may end a local body's name: 局, 委员会, 中心, 支队 (the lexicon's heads of bodies). */
const BODY_HEADS = new Set(BODY_SUFFIXES);
const LONGEST_BODY_HEAD = Math.max(...BODY_SUFFIXES.map((s) => s.length));
/** The last characters of the heads of bodies: a word ending in another ends no body's name. */
const HEAD_LAST_CHARS = charTable(BODY_SUFFIXES.filter((s) => s.length > 0).map((s) => s[s.length - 1]!));
/** Levels that begin a local body's name on its own: 县发展改革局, 市消防救援支队, 区人社局. */
const LEVEL_CHARS = charTable("省市县区镇乡");
/** A level's government names no body (the People's Daily annotation: 市政府 is the city's). */
const NON_NAMING = new Set(NON_NAMING_HEADS);
/** Tags of the words inside a local body's name: nouns, verbal nouns, unknown words, abbreviations. */
const LOCAL_BODY_PART_TAGS = new Set(["n", "nz", "nt", "ns", "vn", "x", "j", "l", "b", "an", "a", "m", "ng", "zg"]);
/** Longest local body's name, in characters. */
const LOCAL_BODY_MAX = 14;

/**
 * Bodies of a province, city, county, district or town named by their level alone, as local
 * papers name them: the level as a word of its own (县/zg 发展/vn 改革/vn 局/n; 区经/x 信局/x),
 * not after a place (永康/ns 市/n …: the model reads those whole), then nouns up to the last
 * head of a body (局, 中心, 支队, 委员会); 和 joins two nouns (市住房和城乡建设局). A word that
 * is the level and a head (县政府, 市委) is one too.
 */
export function localBodies(text: string, tokens: readonly Token[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // (the longest head it ends with names a body: not 县政府 after 和 in 区卫健局有关负责人和县政府)
  const endsWithHead = (start: number, end: number): boolean => {
    if (!HEAD_LAST_CHARS.hasAt(text, end - 1)) return false;
    for (let l = LONGEST_BODY_HEAD; l >= 1; l--) if (end - l > start && BODY_HEADS.has(text.slice(end - l, end))) return !NON_NAMING.has(text.slice(end - l, end));
    return false;
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!LEVEL_CHARS.hasAt(t.word, 0)) continue;
    if (k > 0 && (tokens[k - 1]!.tag === "ns" || tokens[k - 1]!.end === t.start && tokens[k - 1]!.tag.startsWith("nr"))) continue;
    const lone = t.word.length === 1 || t.tag === "x";
    if (!lone) {
      if (t.word.length >= 2 && BODY_HEADS.has(t.word.slice(1)) && !NON_NAMING.has(t.word.slice(1)) && (t.tag === "n" || t.tag === "nt")) out.push({ start: t.start, end: t.end });
      continue;
    }
    let end = -1;
    for (let j = k; j < tokens.length; j++) {
      const u = tokens[j]!;
      if (u.end - t.start > LOCAL_BODY_MAX) break;
      const joins = (u.word === "和" || u.word === "与") && j > k;
      if (j > k && !joins && !LOCAL_BODY_PART_TAGS.has(u.tag)) break;
      // another level after 和 begins another body (区环卫中心和市政工程公司)
      if (j > k + 1 && LEVEL_CHARS.hasAt(u.word, 0) && (tokens[j - 1]!.word === "和" || tokens[j - 1]!.word === "与")) break;
      if (!isHanAt(u.word, 0)) break;
      if (!joins && endsWithHead(t.start, u.end)) end = u.end;
    }
    if (end > 0) out.push({ start: t.start, end });
  }
  return out;
}

/**
 * A zone a local paper names by its kind alone (赴经济开发区开展活动) is a place: one that starts
 * a word and follows no name of a place (a place's own zone is read whole by the model).
 */
function zonesAlone(text: string, tokenAt: Int32Array): { start: number; end: number }[] {
  // (every kind of zone the list has ends in 开发区 or 高新区)
  if (!text.includes("开发区") && !text.includes("高新区")) return [];
  return DEVELOPMENT_ZONES.matches(text).filter((m) => tokenAt[m.start]! > 0 && (m.start === 0 || !isHanAt(text, m.start - 1) || placeEndingAt(text, m.start) === m.start));
}

/**
 * Drop organizations inside longer ones: 全国人大 in 全国人大常委会, 联合国 in 联合国安理会 — the
 * body named is the longest (places inside an organization lose to it by priority anyway).
 * Sorted by start, longest first, a hit is inside another when an earlier one reaches as far.
 */
function withoutNestedOrganizations(hits: Hit[]): Hit[] {
  const orgs = hits.filter((h) => h.type === "organization").sort((a, b) => a.start - b.start || b.end - a.end);
  const nested = new Set<Hit>();
  let reach = -1;
  let reachStart = -1;
  for (const h of orgs) {
    if (h.end <= reach && !(h.start === reachStart && h.end === reach)) nested.add(h);
    if (h.end > reach) {
      reach = h.end;
      reachStart = h.start;
    }
  }
  return nested.size === 0 ? hits : hits.filter((h) => !nested.has(h));
}

/**
 * Choose non-overlapping hits: higher priority, then longer, then earlier. An occupancy map of
 * the text keeps this linear in the text's length, however many hits there are.
 */
function resolve(hits: Hit[], occupied: Uint8Array): Hit[] {
  hits.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Hit[] = [];
  for (const h of hits) {
    let free = true;
    for (let i = h.start; i < h.end && free; i++) free = occupied[i] === 0;
    if (!free) continue;
    occupied.fill(1, h.start, h.end);
    taken.push(h);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** A mention, its index only where the field has one (built whole: no object spread a mention). */
function mentionOf(field: MentionField, start: number, end: number, index: number | undefined): Mention {
  return index === undefined ? { field, start, end } : { field, start, end, index };
}

/**
 * Per-offset arrays for one text at a time, kept by an extractor and grown as needed: `bytes(k, n)`
 * and `ints(k, n)` are the k-th of each kind, zeroed over [0, n). Allocating them for every text
 * cost more than zeroing them (a typed array's allocation is slow in V8).
 */
function extractorScratch(): (n: number) => { bytes(k: number, n: number): Uint8Array; ints(k: number, n: number): Int32Array } {
  let size = 0;
  let bytes: Uint8Array[] = [];
  let ints: Int32Array[] = [];
  const view = {
    bytes: (k: number, n: number) => bytes[k]!.fill(0, 0, n).subarray(0, n),
    ints: (k: number, n: number) => ints[k]!.fill(0, 0, n).subarray(0, n),
  };
  return (n) => {
    if (n > size) {
      size = Math.max(n, 2 * size, 1024);
      bytes = Array.from({ length: 3 }, () => new Uint8Array(size));
      ints = Array.from({ length: 4 }, () => new Int32Array(size));
    }
    return view;
  };
}

/**
 * Create an extractor. The segmenter's dictionary loads once, lazily, on the first call.
 */
function checkOptions(options: ExtractorOptions): void {
  if (options === null || typeof options !== "object") throw new EntityError("YK_INVALID_OPTION", "options must be an object");
  if (options.segmenter !== undefined && typeof options.segmenter?.tag !== "function") {
    throw new EntityError("YK_INVALID_OPTION", "option segmenter must have a tag(text) function");
  }
  if (options.userDictionary !== undefined && (!Array.isArray(options.userDictionary) || options.userDictionary.some((w) => typeof w?.word !== "string"))) {
    throw new EntityError("YK_INVALID_OPTION", "option userDictionary must be an array of { word, tag? }");
  }
  for (const [type, names] of Object.entries(options.gazetteer ?? {})) {
    if (!["person", "organization", "location"].includes(type)) throw new EntityError("YK_INVALID_OPTION", `option gazetteer.${type}: unknown type`);
    if (!Array.isArray(names) || names.some((n) => typeof n !== "string" || n.length === 0)) {
      throw new EntityError("YK_INVALID_OPTION", `option gazetteer.${type} must be an array of non-empty strings`);
    }
  }
  if (options.maxLength !== undefined && (typeof options.maxLength !== "number" || !(options.maxLength >= 0))) {
    throw new EntityError("YK_INVALID_OPTION", `option maxLength must be a non-negative number, got ${String(options.maxLength)}`);
  }
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  checkOptions(options);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const segmenter = options.segmenter ?? jiebaSegmenter();
  let dictionaryAdded = false;
  const gazetteer = new Map<string, EntityType>();
  for (const [type, names] of Object.entries(options.gazetteer ?? {})) for (const n of names ?? []) gazetteer.set(n, type as EntityType);
  // The segmenter's tag of a string that is one word to it (null: several words). Remembered.
  const wordTags = new Map<string, string | null>();
  const wordTag = (s: string): string | null => {
    let tag = wordTags.get(s);
    if (tag === undefined) {
      const words = segmenter.tag(s);
      tag = words.length === 1 ? words[0]!.tag : null;
      if (wordTags.size < 100_000) wordTags.set(s, tag);
    }
    return tag;
  };
  /** Is a string one common word (a noun, verb or adjective of the dictionary), not a name or a place? */
  const isGenericWord = (s: string): boolean => {
    const tag = wordTag(s);
    return tag !== null && GENERIC_TAGS.has(tag);
  };
  /** Is a string one verb, adjective or adverb of the dictionary (表示, 喘息)? */
  const isVerbish = (s: string): boolean => {
    const tag = wordTag(s);
    return tag !== null && (tag === "v" || tag === "vn" || tag === "a" || tag === "ad" || tag === "d" || tag === "l" || tag === "i");
  };
  /** Is a string one dictionary word that is not a name? */
  const isCommonWord = (s: string): boolean => {
    const tag = wordTag(s);
    return tag !== null && !NAME_OR_UNKNOWN_TAGS.has(tag);
  };
  const gazetteerRe = gazetteer.size ? new RegExp(alternation([...gazetteer.keys()]), "gu") : null;
  const scratchFor = extractorScratch();

  function check(text: unknown, date: unknown): asserts text is string {
    if (typeof text !== "string") throw new EntityError("YK_INVALID_INPUT", `extract expects a string, got ${typeof text}`);
    if (text.length > maxLength) {
      throw new EntityError("YK_INPUT_TOO_LARGE", `text is ${text.length} UTF-16 code units, over the maxLength of ${maxLength}`);
    }
    if (date !== undefined && (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date))) {
      throw new EntityError("YK_INVALID_OPTION", `context.date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
    }
    if (!dictionaryAdded && options.userDictionary?.length) {
      segmenter.addWords?.(options.userDictionary);
    }
    dictionaryAdded = true;
  }

  function extract(text: string, context: ExtractContext = {}): Entity[] {
    check(text, context.date);
    const field = context.field ?? "text";
    const index = context.index;
    return extractText(text, context.date, { fits: () => true, mention: (start, end) => mentionOf(field, start, end, index) });
  }

  function extractFields(fields: readonly FieldText[], context: Pick<ExtractContext, "date"> = {}): Entity[] {
    if (!Array.isArray(fields)) throw new EntityError("YK_INVALID_INPUT", `extractFields expects an array of fields, got ${typeof fields}`);
    // the fields joined by line breaks, and where each starts in the joined text
    const starts: number[] = [];
    const texts: string[] = [];
    let length = 0;
    for (const f of fields) {
      if (typeof f?.text !== "string") throw new EntityError("YK_INVALID_INPUT", "extractFields: each field needs a text string");
      starts.push(length);
      texts.push(f.text);
      length += f.text.length + 1;
    }
    const joined = texts.join("\n");
    check(joined, context.date);
    const fieldAt = (offset: number): number => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    return extractText(joined, context.date, {
      // a hit that would cross into the next field is none
      fits: (start, end) => {
        const k = fieldAt(start);
        return end <= starts[k]! + fields[k]!.text.length;
      },
      mention: (start, end) => {
        const k = fieldAt(start);
        const f = fields[k]!;
        return mentionOf(f.field, start - starts[k]!, end - starts[k]!, f.index);
      },
    });
  }

  function extractText(text: string, date: string | undefined, place: Placement): Entity[] {
    if (text.length <= EXTRACT_PIECE) return extractPiece(text, date, 0, place);
    // A long text is read in pieces cut after sentence punctuation: memory and time stay linear
    // (one huge text would hold millions of tokens at once), and entities rarely cross a cut.
    const merged = new Map<string, Entity>();
    for (const [start, end] of pieces(text, EXTRACT_PIECE)) {
      for (const e of extractPiece(text.slice(start, end), date, start, place)) {
        const key = `${e.type}\u0000${e.text}\u0000${e.normalized ?? ""}`;
        const have = merged.get(key);
        if (!have) merged.set(key, e);
        else {
          have.mentions.push(...e.mentions);
          if (e.titles) have.titles = [...new Set([...(have.titles ?? []), ...e.titles])];
        }
      }
    }
    return [...merged.values()];
  }

  /** Entities of one piece of text, which starts at `base` in the text `place` knows. */
  function extractPiece(text: string, date: string | undefined, base: number, place: Placement): Entity[] {
    const reference = date ? new Date(`${date}T00:00:00`) : null;
    const hits: Hit[] = [];
    const push = (re: RegExp, make: (m: RegExpExecArray) => Hit | null) => {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const h = make(m);
        if (h) hits.push(h);
        if (m[0].length === 0) re.lastIndex++;
      }
    };
    const tokens = tokensInChunks(segmenter, text);
    // the lists every text is read for, in one pass
    const scanned = scanLists(text);
    // (per-offset arrays: scratch of the extractor, zeroed over the text, not allocated per text)
    const n1 = text.length + 1;
    const scratch = scratchFor(n1);
    const tokenEnds = scratch.bytes(0, n1);
    const tokenAt = scratch.ints(0, n1); // start offset → index in tokens + 1 (0: no word starts here)
    tokens.forEach((t, k) => {
      tokenEnds[t.end] = 1;
      tokenAt[t.start] = k + 1;
    });
    // the model's people, places and organizations; where its people and bodies start and end,
    // for the rules that link titles to names and find companies
    const personEndAt = scratch.ints(1, n1); // start → end of the model's person there (0: none)
    const personEndsAt = scratch.bytes(1, n1); // 1 where the model's person ends
    const bodyStartAt = scratch.ints(2, n1); // end → start + 1 of the model's organization ending there
    for (const sp of modelSpans(shippedModel(), text, tokens)) {
      // (a kind of body alone is no body's name: 公司董事长)
      if (sp.type === "organization" && KIND_HEADS.has(text.slice(sp.start, sp.end))) continue;
      hits.push({ type: sp.type, start: sp.start, end: sp.end, priority: MODEL_PRIORITY });
      if (sp.type === "person") {
        personEndAt[sp.start] = sp.end;
        personEndsAt[sp.end] = 1;
      }
      else if (sp.type === "organization") bodyStartAt[sp.end] = sp.start + 1;
    }
    const titlesOf = new Map<string, Set<string>>();
    for (const t of titledNames(text, (end) => bodyStartAt[end]! - 1)) {
      // a title is a word of its own: 成员 in 成员国 titles nobody
      if (tokenAt[t.start] === 0) continue;
      // a foreign name is whole words of the transliteration, not a verb or function word after
      // it: 古/a 特雷斯/nr, but 克林顿/nr without 派/v
      let name = t.name;
      if (t.foreign) {
        const inside: Token[] = [];
        for (let k = tokenAt[t.start]!; k > 0 && tokens[k - 1]!.end <= t.start + t.name.length; k = tokenAt[tokens[k - 1]!.end]!) inside.push(tokens[k - 1]!);
        while (inside.length > 1 && NOT_IN_NAME_TAGS.has(inside[inside.length - 1]!.tag)) inside.pop();
        const end = inside.length > 0 ? inside[inside.length - 1]!.end : t.start;
        if (end - t.start < 2) continue;
        name = text.slice(t.start, end);
      } else {
        // the name as long as the model reads it (村党委书记沈国强), else by the segmentation
        const modelEnd = personEndAt[t.start]!;
        name = modelEnd > t.start + 1 && modelEnd - t.start <= 4 ? text.slice(t.start, modelEnd) : trimName(t.name, tokenEnds, t.start);
        // a name the segmenter knows whole that runs past the pattern's length: 选手 麦克唐纳/nrt
        const word = tokens[tokenAt[t.start]! - 1]!;
        if (word.end > t.start + name.length && NAME_TAGS.has(word.tag) && word.word.length <= 6) name = word.word;
        // and a foreign name whose first part reads like a surname: 冯德/x 莱恩/nrt
        for (let at = t.start + name.length; tokenEnds[at] === 1 && tokenAt[at]! > 0 && name.length < 8; ) {
          const next = tokens[tokenAt[at]! - 1]!;
          if ((next.tag !== "nrt" && next.tag !== "x") || !isTransliterated(next.word)) break;
          name = text.slice(t.start, next.end);
          at = next.end;
        }
      }
      // a common word after a title is no name: 负责人普遍对…
      const modelAgrees = personEndAt[t.start] === t.start + name.length;
      if (isCommonWord(name) && !modelAgrees) continue;
      // nor a conjunction or preposition the segmenter cut off (校长和/c 夫人), nor a surname-like
      // character before a verb (记者时表示): the given name is no verb or adjective
      const first = tokenAt[t.start]! > 0 ? tokens[tokenAt[t.start]! - 1] : undefined;
      if (first && first.word.length === 1 && FUNCTION_TAGS.has(first.tag)) continue;
      if (name.length === 3 && isVerbish(name.slice(1)) && !modelAgrees) continue;
      const set = titlesOf.get(name) ?? new Set();
      for (const title of t.titles) set.add(title);
      titlesOf.set(name, set);
      hits.push({ type: "person", start: t.start, end: t.start + name.length, priority: 5 });
    }
    if (scanned.hasRole) push(BYLINE_PERSON_RE, (m) => {
      const name = m[2]!;
      const start = m.index + m[0].length - name.length;
      const set = titlesOf.get(name) ?? new Set();
      set.add(m[1]!);
      titlesOf.set(name, set);
      return { type: "person", start, end: start + name.length, priority: 5 };
    });
    // A company's name is the words before its legal form or industry that can name: places,
    // names, proper and common nouns, unknown words — back to the first verb, preposition,
    // particle or measure word (在/p, 的/uj, 家/q, 兼并/v): 圣保罗州/ns 保险公司, not 只有/c ….
    let tokenOf: Int32Array | null = null; // offset → index of the token covering it, + 1
    const nameStart = (formStart: number, reach: number): number => {
      if (tokenOf === null) {
        tokenOf = scratch.ints(3, n1);
        tokens.forEach((t, k) => tokenOf!.fill(k + 1, t.start, t.end));
      }
      // back over the words that can be in a name (verbs and adjectives too: 王力/x 安防/v 科技,
      // 深/a 伟业/n 科技), then forward over verbs that begin none (批准/v 劳拉/x 公司)
      // (not over another company's form: 贝尔/nr 公司/n 买下/v 纽新/ns 公司)
      let first = -1;
      for (let k = tokenOf[formStart - 1]! - 1; k >= 0; k--) {
        const t = tokens[k]!;
        if (!(NAME_PART_TAGS.has(t.tag) || t.tag === "v" || t.tag === "a") || !isHanAt(t.word, 0) || formStart - t.start > reach) break;
        if (first >= 0 && COMPANY_FORM_WORDS.longestAt(t.word, t.word.length - Math.min(t.word.length, 2)) !== null) break;
        // nor back into a person the model found (刘建平来到浙江绿谷竹业有限公司) — unless the
        // "name" runs straight into the company's head: a trade name the model read as a person's
        // (宏达/nr 汽车、…) is the company's first word, and the longer company wins over it
        if (personEndsAt[t.end] === 1 && !(first < 0 && t.end === formStart)) break;
        first = k;
      }
      if (first < 0) return formStart;
      // the verbs before a name are the sentence's: 比赛/vn 得到/v 宾士域/nr, 又/d 讯/ng 广东/ns
      let verbs = first;
      while (verbs < tokens.length && (tokens[verbs]!.tag === "v" || tokens[verbs]!.tag === "vn") && tokens[verbs]!.end < formStart) verbs++;
      if (verbs > first && tokens[verbs - 1]!.tag === "v") first = verbs;
      // (a lone bound morpheme starts no name, 又/d 讯/ng 广东/ns, unless a name the model read starts there)
      if (tokens[first]!.tag === "ng" && tokens[first]!.word.length === 1 && tokens[first]!.end < formStart && personEndAt[tokens[first]!.start] === 0) first++;
      return Math.min(tokens[first]!.start, formStart);
    };
    // companies by their legal form (有限公司) after a name of up to twelve characters
    for (const form of scanned.companyForms) {
      const start = nameStart(form.start, 12);
      const name = text.slice(start, form.start);
      // a kind of business, not a name: 保险公司, 航空公司; nor a country's companies (美国公司)
      if (name.length < 2 || isGenericWord(name)) continue;
      if (KIND_HEADS.has(text.slice(form.start, form.end)) && isKnownPlace(name) && !isHanAt(text, start - 1)) continue;
      hits.push({ type: "organization", start, end: form.end, priority: 4 });
    }
    // trade names: two or three characters and an industry, before a list comma, 和, 的 or the
    // end (博恒达科技、华腾车业)
    for (const industry of scanned.industries) {
      if ((industry.end < text.length && !TRADE_NAME_FOLLOWERS.has(text[industry.end]!)) || bodyStartAt[industry.end]! > 0) continue;
      const start = nameStart(industry.start, 3);
      const name = text.slice(start, industry.start);
      // not a function word's run (到华拓科技 is 到 + 华拓科技), nor a common word (经济建设, 队伍建设)
      if (name.length < 2 || FUNCTION_CHARS.has(name[0]!) || isGenericWord(name)) continue;
      hits.push({ type: "organization", start, end: industry.end, priority: 4 });
    }
    for (const m of zonesAlone(text, tokenAt)) hits.push({ type: "location", start: m.start, end: m.end, priority: 2 });
    for (const m of localBodies(text, tokens)) hits.push({ type: "organization", start: m.start, end: m.end, priority: 4 });
    if (text.includes("《")) {
      push(MEDIA_RE, (m) => {
        // (报 of 报道 is no kind of publication: 《新英格兰医学杂志》报道)
        const reported = m[2] === "报" && text[m.index + m[0].length] === "道";
        if (m[2]) return { type: "organization", start: placeEndingAt(text, m.index), end: m.index + m[0].length - (reported ? 1 : 0), priority: 4 };
        return isMediaName(m[1]!) ? { type: "organization", start: m.index + 1, end: m.index + 1 + m[1]!.length, priority: 4 } : null;
      });
    }
    if (text.includes("·") || text.includes("•") || text.includes("・")) {
      push(DOTTED_NAME_RE, (m) => ({ type: "person", start: m.index, end: m.index + m[0].length, priority: 3 }));
    }
    if (text.includes("报道") || text.includes("（")) {
      REPORTER_LIST_RE.lastIndex = 0;
      for (let m = REPORTER_LIST_RE.exec(text); m; m = REPORTER_LIST_RE.exec(text)) {
        const list = m[1] ?? m[2]!;
        let at = m.index + m[0].indexOf(list);
        for (const name of list.split(/[、，\s]+/)) {
          const start = text.indexOf(name, at);
          if (name.length >= 2 && name.length <= 4 && start >= 0) hits.push({ type: "person", start, end: start + name.length, priority: 5 });
          at = start + name.length;
        }
      }
    }
    if (text.includes("日电") || text.includes("日讯")) {
      // a country and a city are two places (本报德国罗滕堡…电); a body is none (本报联合国…电)
      push(DATELINE_PLACE_RE, (m) => {
        const name = m[1]!;
        const start = m.index + m[0].indexOf(name, 2);
        if (isKnownBody(name)) return null;
        const first = knownPlacePrefix(name);
        if (first !== null && first.length < name.length) hits.push({ type: "location", start, end: start + first.length, priority: 5 });
        const from = first !== null && first.length < name.length ? start + first.length : start;
        return { type: "location", start: from, end: start + name.length, priority: 5 };
      });
    }
    // party congresses by number: 十五大, 二十大 (not 十大, the top ten)
    if (text.includes("大")) push(CONGRESS_RE, (m) => ({ type: "organization", start: m.index, end: m.index + m[0].length, priority: 3 }));
    push(DATE_RE, (m) => dateHit(m, reference));
    push(NUMBER_RE, numberHit);
    push(QUOTED_RE, (m) => ({ type: "event", start: m.index, end: m.index + m[0].length, priority: 1 }));
    if (gazetteerRe) push(gazetteerRe, (m) => ({ type: gazetteer.get(m[0])!, start: m.index, end: m.index + m[0].length, priority: 6 }));

    // one-character place abbreviations after verbs (访华, 在京, 赴港), and runs of them before a
    // word of relations, tried where a word starts with one (中美关系 → 中, 美)
    push(ABBREVIATION_RE, (m) => ({ type: "location", start: m.index + 1, end: m.index + 2, priority: 3 }));
    for (const t of tokens) {
      if (!countryAbbreviation.hasAt(t.word, 0)) continue;
      ABBREVIATION_PAIR_RE.lastIndex = t.start;
      const m = ABBREVIATION_PAIR_RE.exec(text);
      if (m) for (let k = 0; k < m[0].length; k++) hits.push({ type: "location", start: m.index + k, end: m.index + k + 1, priority: 3 });
    }
    // two characters no word of the dictionary before 两国, 关系, 边界: two countries (墨美两国,
    // 奥中关系), or a preposition and one (对美关系)
    for (const w of scanned.twoCountries) {
      const i = w.start - 2;
      if (i < 0 || !isHanAt(text, i) || !isHanAt(text, i + 1) || isCommonWord(text.slice(i, w.start))) continue;
      const known = countryAbbreviation.hasAt(text, i) || countryAbbreviation.hasAt(text, i + 1);
      if (PAIR_PREPOSITIONS.hasAt(text, i) && countryAbbreviation.hasAt(text, i + 1)) hits.push({ type: "location", start: i + 1, end: i + 2, priority: 3 });
      else if (known || text.startsWith("两国", w.start) || text.startsWith("等国", w.start)) {
        if (FUNCTION_CHARS.has(text[i]!) || FUNCTION_CHARS.has(text[i + 1]!)) continue;
        for (let k = i; k < i + 2; k++) hits.push({ type: "location", start: k, end: k + 1, priority: 3 });
      }
    }
    // names seen with a title elsewhere in the text are persons wherever they recur
    for (const name of titlesOf.keys()) {
      let at = text.indexOf(name);
      while (at >= 0) {
        hits.push({ type: "person", start: at, end: at + name.length, priority: 4 });
        at = text.indexOf(name, at + name.length);
      }
    }
    // the other names of a list with a person in it: 丁聪、朱根华、苗地 (each a surname and one or
    // two characters between list commas)
    for (const h of hits.filter((x) => x.type === "person" && x.priority >= 2)) {
      for (const step of [1, -1] as const) {
        let edge = step === 1 ? h.end : h.start;
        for (let k = 0; k < 4; k++) {
          const sep = step === 1 ? edge : edge - 1;
          if (text[sep] !== "、") break;
          let a = step === 1 ? sep + 1 : sep;
          let b = a;
          if (step === 1) while (b < text.length && b - a < 4 && isHanAt(text, b)) b++;
          else while (a > 0 && b - a < 4 && isHanAt(text, a - 1)) a--;
          const item = text.slice(a, b);
          const stopped = step === 1 ? b >= text.length || !isHanAt(text, b) : a === 0 || !isHanAt(text, a - 1);
          if (!stopped || item.length < 2 || item.length > 3 || !SURNAME_START.test(item) || isCommonWord(item)) break;
          hits.push({ type: "person", start: a, end: b, priority: 1 });
          edge = step === 1 ? b : a;
        }
      }
    }

    // foreign names cut into pieces by the segmenter, whole again; one where places stand is a place
    for (let k = 0; k < hits.length; k++) {
      if (hits[k]!.type !== "person") continue;
      const h = (hits[k] = widenForeignName(hits[k]!, text, tokens, tokenAt));
      if (h.type === "person" && h.priority <= 3 && standsForPlace(h, text, tokens, tokenAt)) h.type = "location";
    }
    // buildings and grounds are places: an organization ending in one is a location
    for (const h of hits) if (h.type === "organization" && endsWithFacility(text, h.end)) h.type = "location";
    const entities = new Map<string, Entity>();
    // a hit that would cross fields drops out first, before it can shadow another
    const placed = withoutNestedOrganizations(hits).filter((h) => place.fits(base + h.start, base + h.end));
    for (const h of resolve(placed, scratch.bytes(2, text.length))) {
      const surface = text.slice(h.start, h.end);
      const key = `${h.type}\u0000${surface}\u0000${h.normalized ?? ""}`;
      const mention = place.mention(base + h.start, base + h.end);
      const existing = entities.get(key);
      if (existing) {
        existing.mentions.push(mention);
        continue;
      }
      const entity: Entity = { type: h.type, text: surface, mentions: [mention] };
      if (h.normalized !== undefined) entity.normalized = h.normalized;
      if (h.unit) entity.unit = h.unit;
      if (h.type === "person") entity.titles = [...(titlesOf.get(surface) ?? [])];
      entities.set(key, entity);
    }
    return [...entities.values()];
  }
  return { extract, extractFields };
}
