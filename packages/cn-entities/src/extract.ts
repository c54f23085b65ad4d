import {
  BODY_ABBREVIATIONS,
  BODY_SUFFIXES,
  BYLINE_ROLES,
  BYLINE_ROLE_PREFIXES,
  CITIES,
  COMPANY_FORMS,
  COMPOUND_SURNAMES,
  COUNTRIES,
  INDUSTRY_WORDS,
  PLACE_SUFFIXES,
  PROVINCES,
  SINGLE_SURNAMES,
  NAME_FOLLOWERS,
  ABBREVIATION_VERBS,
  CHINA_ABBREVIATIONS,
  COUNTRY_ABBREVIATIONS,
  KNOWN_ORGANIZATIONS,
  RELATION_WORDS,
  TRAVEL_VERBS,
  WORLD_PLACES,
  TRANSLITERATION_CHARS,
  alternation,
  wordList,
  FACILITY_WORDS,
  type WordList,
} from "@yk/lexicon";
import type { Entity, EntityType, Mention, MentionField } from "@yk/schema";
import { nodejiebaSegmenter, pieces, tokensInChunks, type Segmenter } from "./segmenter.js";
import { tokenHits } from "./tokens.js";
import { titledNames } from "./titles.js";
import { chineseSmallNumber, lunarToIso, monthDayToIso, relativeToIso } from "./dates.js";

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

interface Hit {
  type: EntityType;
  start: number;
  end: number;
  normalized?: string | number | null;
  unit?: string;
  titles?: string[];
  /** Higher wins an overlap. */
  priority: number;
  /** Where it is, once placed. */
  mention?: Mention | null;
}

/** Where a hit of the text is, as a mention; null for a hit that must not be (it crosses fields). */
type MentionOf = (start: number, end: number) => Mention | null;

const HAN = "\\u4e00-\\u9fff";
const SURNAME = `(?:${alternation(COMPOUND_SURNAMES)}|[${SINGLE_SURNAMES}])`;
/** One or more titles, stacked with 、 (市委副书记、市长), then a name: surname + one or two given characters. */
// prefixes repeat a bounded number of times: an unbounded (a|ab)* before a failing tail backtracks exponentially
const ROLE = `(?:${alternation(BYLINE_ROLE_PREFIXES)}){0,3}(?:${alternation(Object.keys(BYLINE_ROLES).filter((r) => r.length >= 2))})`;
// [^\\S\\n]: a role at the end of one line is no byline of a name on the next
// [^\S\n]: a role ending one line (or field) is no byline of a name opening the next
const BYLINE_PERSON_RE = new RegExp(`(${ROLE})[^\\S\\n]*(${SURNAME}[${HAN}]{1,2}?)(?=[\\s、，）)]|摄|$)`, "gu");
const COMPANY_RE = new RegExp(`(?:[${HAN}]{2,12}?)(?:${alternation(COMPANY_FORMS)})`, "gu");
const INDUSTRY_WORDS_2 = INDUSTRY_WORDS.filter((w) => w.length === 2);
const SHORT_COMPANY_RE = new RegExp(`[${HAN}]{2,3}(?:${alternation(INDUSTRY_WORDS_2)})(?=[、，。和与及等的]|$)`, "gu");
const PLACE_NAMES = wordList([...PROVINCES, ...CITIES, ...COUNTRIES, ...WORLD_PLACES]);
const ZONES = wordList(["经济技术开发区", "经济开发区", "高新技术产业开发区", "高新区", "开发区"]);
const ADMIN_SUFFIX = new Set("省市县区");
/**
 * Known places, with an administrative suffix when one follows (杭州市), and development zones,
 * where a word of the segmentation starts (`starts[i]` is 1): 中国 is no place in 发展中国家/l.
 */
function placeMatches(text: string, starts: Uint8Array): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < text.length; ) {
    if (starts[i] !== 1) {
      i++;
      continue;
    }
    const name = PLACE_NAMES.longestAt(text, i);
    let end = i;
    if (name !== null) end = i + name.length + (ADMIN_SUFFIX.has(text[i + name.length]!) ? 1 : 0);
    else {
      const zone = ZONES.longestAt(text, i);
      if (zone !== null) end = i + zone.length;
    }
    if (end > i) {
      out.push({ start: i, end });
      i = end;
    } else i++;
  }
  return out;
}
const KNOWN_BODIES = wordList([...BODY_ABBREVIATIONS, ...KNOWN_ORGANIZATIONS]);
/** A body of a city, county, district or province: 市青少年宫, 县人民法院 (the prefix is short, lazily). */
const LOCAL_BODY_SUFFIXES = BODY_SUFFIXES.filter((s) => s.length >= 2);
const LOCAL_BODY_RE = new RegExp(`[市县区省][${HAN}]{1,6}?(?:${alternation(LOCAL_BODY_SUFFIXES)})`, "uy");
const LOCAL_BODY_START = new Set("市县区省");
const SUFFIX_FIRST = new Set(LOCAL_BODY_SUFFIXES.map((s) => s.charCodeAt(0)));
/** Known bodies and local bodies, leftmost first, without overlap, where a word starts: 省委 is no body in 全省/委员会. */
function bodyMatches(text: string, starts: Uint8Array): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // the next place a suffix may start (-1: none left, -2: not looked yet): the pattern is tried
  // only where one starts 2–7 characters ahead, which most 市, 县 and 区 lack
  let suffixAt = -2;
  const suffixAhead = (i: number): boolean => {
    if (suffixAt === -2 || (suffixAt >= 0 && suffixAt < i + 2)) suffixAt = nextSuffix(text, i + 2);
    return suffixAt >= 0 && suffixAt < i + 8;
  };
  for (let i = 0; i < text.length; ) {
    if (starts[i] !== 1) {
      i++;
      continue;
    }
    let end = i;
    const known = KNOWN_BODIES.longestAt(text, i);
    if (known !== null) end = i + known.length;
    else if (LOCAL_BODY_START.has(text[i]!) && suffixAhead(i)) {
      LOCAL_BODY_RE.lastIndex = i;
      const m = LOCAL_BODY_RE.exec(text);
      if (m) end = i + m[0].length;
    }
    if (end > i) {
      out.push({ start: i, end });
      i = end;
    } else i++;
  }
  return out;
}
function nextSuffix(text: string, from: number): number {
  for (let k = from; k < text.length; k++) if (SUFFIX_FIRST.has(text.charCodeAt(k))) return k;
  return -1;
}
const FACILITIES = [...FACILITY_WORDS].sort((a, b) => b.length - a.length);
function endsWithFacility(text: string, end: number): boolean {
  for (const f of FACILITIES) if (end >= f.length && text.startsWith(f, end - f.length)) return true;
  return false;
}
/** Words one of which each pattern needs: a text without any skips the pattern. */
const COMPANY_FORM_WORDS = wordList(COMPANY_FORMS);
const INDUSTRY = wordList(INDUSTRY_WORDS_2);
const ROLE_WORDS = wordList(Object.keys(BYLINE_ROLES).filter((r) => r.length >= 2));
const TRANSLIT = `[${TRANSLITERATION_CHARS}]`;
/** Foreign names joined by a middle dot: 卡洛斯·阿马特, 鲍里斯·贝克尔 (each part transliterated). */
const DOTTED_NAME_RE = new RegExp(`${TRANSLIT}{1,6}(?:[·•・]${TRANSLIT}{1,8})+`, "gu");
/**
 * Names listed in a dateline's brackets or before 报道: 电（陈明、刘谦）, 记者王明、李华报道 — the
 * list of a wire story's reporters.
 */
const REPORTER_LIST_RE = new RegExp(`(?:[电讯]（)((?:${SURNAME}[${HAN}]{1,2}[、，\\s]*){1,6})(?=）)|((?:${SURNAME}[${HAN}]{1,2}、)+${SURNAME}[${HAN}]{1,2})(?=报道)`, "gu");
const CONGRESS_RE = /(?<![一二三四五六七八九十百零〇])(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)大(?![学型批量小中会战洲])/gu;
const DATE_RE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:(上午|下午|晚上|凌晨|中午|早上))?|(\d{4})年(?!\d)|(正|腊|冬|[一二三四五六七八九十]{1,2})月(初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|三十)|(今年|去年|前年|明年|今天|昨天|明天|今日|昨日|日前|近日)/gu;
// A number starts only where a digit run starts (the lookbehind): trying every position inside a
// long run of digits would make the scan quadratic.
const NUMBER_RE = /(?<![\d.])(?:(\d+(?:\.\d+)?)(%|％)|(\d+(?:\.\d+)?)(万亿|亿|万)?(元|美元)|(\d+(?:\.\d+)?)(万亿|亿|万|千)?(?=[个家人名项次件台万亿千百]))/gu;
const QUOTED_RE = /“([^“”\n]{2,16})”/gu;
const SURNAME_START = new RegExp(`^${SURNAME}`, "u");
/** 访华, 在京, 赴港: a verb and a one-character abbreviation of China or a Chinese place. */
const ABBREVIATION_RE = new RegExp(`[${ABBREVIATION_VERBS}][${CHINA_ABBREVIATIONS}](?![人侨裔语文字区丽夏商灯北南东西中])|[${TRAVEL_VERBS}][${COUNTRY_ABBREVIATIONS}](?![国元军术好丽洲])`, "gu");
function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x4e00 && c <= 0x9fff;
}
/** Two country abbreviations side by side anywhere: a cheap test before the pattern below. */
const ABBREVIATION_PAIR_TEST = new RegExp(`[${COUNTRY_ABBREVIATIONS}]{2}`);
const hasAbbreviationPair = (text: string): boolean => ABBREVIATION_PAIR_TEST.test(text);
/** Two or three country abbreviations before a word of relations: 中美关系, 印巴谈判, 中美俄三国. */
const ABBREVIATION_PAIR_RE = new RegExp(`[${COUNTRY_ABBREVIATIONS}]{2,3}(?=${alternation(RELATION_WORDS)})`, "gu");

function dateHit(m: RegExpExecArray, reference: Date | null): Hit {
  const [text] = m;
  let normalized: string | null = null;
  let type: EntityType = "date";
  if (m[2] && m[3]) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    normalized = m[1] ? `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` : monthDayToIso(month, day, reference);
  } else if (m[5]) {
    normalized = m[5];
  } else if (m[6] && m[7]) {
    normalized = reference ? lunarToIso(m[6], m[7], reference) : null;
  } else if (m[8]) {
    normalized = relativeToIso(m[8], reference);
  }
  return { type, start: m.index, end: m.index + text.length, normalized, priority: 3 };
}

function numberHit(m: RegExpExecArray): Hit {
  const [text] = m;
  const scale = (s?: string) => (s === "万亿" ? 1e12 : s === "亿" ? 1e8 : s === "万" ? 1e4 : s === "千" ? 1e3 : 1);
  if (m[2]) return { type: "percent", start: m.index, end: m.index + text.length, normalized: Number(m[1]), unit: "%", priority: 2 };
  if (m[5]) {
    return { type: "money", start: m.index, end: m.index + text.length, normalized: Number(m[3]) * scale(m[4]), unit: m[5], priority: 2 };
  }
  return { type: "number", start: m.index, end: m.index + text.length, normalized: Number(m[6]) * scale(m[7]), priority: 1 };
}

/**
 * Characters that rarely end a given name but often follow one (说, 来, 在, 报道 …): a three-character
 * match ending in one is a two-character name (王明来到 → 王明).
 */
const AFTER_NAME = new Set(NAME_FOLLOWERS);
/** jieba's tags of function words: conjunctions, prepositions, particles, adverbs, pronouns. */
const FUNCTION_TAGS = new Set(["c", "p", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r"]);
/** jieba's tags of common words: nouns, verbs, adjectives, idioms (not nz, ns, nt, nr, j or x). */
const GENERIC_TAGS = new Set(["n", "vn", "v", "a", "an", "ad", "d", "l", "i", "r", "s", "f", "t", "b", "m", "q"]);
/** Function characters that begin no trade name: 了华拓科技 is 了 + 华拓科技. */
const FUNCTION_CHARS = new Set("了的在和与及对向从为是把被将到也都又");

/** `tokenEnds[i]` is 1 where a segmenter word ends at offset i. */
function trimName(name: string, tokenEnds?: Uint8Array, start?: number): string {
  if (name.length === 3 && AFTER_NAME.has(name[2]!)) return name.slice(0, 2);
  // prefer the length the segmentation agrees with: 薛原/x 报道/v
  if (name.length === 3 && tokenEnds && start !== undefined && tokenEnds[start + 3] !== 1 && tokenEnds[start + 2] === 1) return name.slice(0, 2);
  return name;
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
function resolve(hits: Hit[], length: number): Hit[] {
  hits.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const occupied = new Uint8Array(length);
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
  const segmenter = options.segmenter ?? nodejiebaSegmenter();
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
    return tag !== null && !/^(nr|nrfg|nrt|x)$/.test(tag);
  };
  const gazetteerRe = gazetteer.size ? new RegExp(alternation([...gazetteer.keys()]), "gu") : null;

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
    const at = context.index !== undefined ? { index: context.index } : {};
    return extractText(text, context.date, (start, end) => ({ field, start, end, ...at }));
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
    return extractText(joined, context.date, (start, end) => {
      const k = fieldAt(start);
      const f = fields[k]!;
      if (end > starts[k]! + f.text.length) return null; // it would cross into the next field
      return { field: f.field, start: start - starts[k]!, end: end - starts[k]!, ...(f.index !== undefined ? { index: f.index } : {}) };
    });
  }

  function extractText(text: string, date: string | undefined, mentionOf: MentionOf): Entity[] {
    if (text.length <= EXTRACT_PIECE) return extractPiece(text, date, 0, mentionOf);
    // A long text is read in pieces cut after sentence punctuation: memory and time stay linear
    // (one huge text would hold millions of tokens at once), and entities rarely cross a cut.
    const merged = new Map<string, Entity>();
    for (const [start, end] of pieces(text, EXTRACT_PIECE)) {
      for (const e of extractPiece(text.slice(start, end), date, start, mentionOf)) {
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

  /** Entities of one piece of text, which starts at `base` in the text `mentionOf` knows. */
  function extractPiece(text: string, date: string | undefined, base: number, mentionOf: MentionOf): Entity[] {
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
    /**
     * A pattern that needs a word of `list` (a company form, an industry), run only near where one
     * occurs: from `reach` characters before it. Matches as the pattern over the whole text would
     * find them, without trying it at every position of a text that has a few such words.
     */
    const pushNear = (re: RegExp, list: WordList, reach: number, make: (m: RegExpExecArray) => Hit | null) => {
      let from = 0;
      for (const w of list.matches(text)) {
        if (w.start < from) continue;
        re.lastIndex = Math.max(from, w.start - reach);
        const m = re.exec(text);
        if (!m) break; // none here or after
        const h = make(m);
        if (h) hits.push(h);
        from = m.index + Math.max(1, m[0].length);
      }
    };
    const tokens = tokensInChunks(segmenter, text);
    const tokenEnds = new Uint8Array(text.length + 1);
    const tokenStarts = new Uint8Array(text.length + 1);
    const tokenAt = new Int32Array(text.length + 1); // start offset → index in tokens + 1 (0: none)
    tokens.forEach((t, k) => {
      tokenEnds[t.end] = 1;
      tokenStarts[t.start] = 1;
      tokenAt[t.start] = k + 1;
    });
    const titlesOf = new Map<string, Set<string>>();
    for (const t of titledNames(text)) {
      // a foreign name ends where a word of the segmentation ends: 克林顿/nr 派/v, not 克林顿派
      let name = t.foreign ? t.name : trimName(t.name, tokenEnds, t.start);
      if (t.foreign) while (name.length > 2 && tokenEnds[t.start + name.length] !== 1) name = name.slice(0, -1);
      // a common word after a title is no name: 负责人普遍对…
      if (isCommonWord(name)) continue;
      // nor a conjunction or preposition the segmenter cut off (校长和/c 夫人), nor a surname-like
      // character before a verb (记者时表示): the given name is no verb or adjective
      const first = tokenAt[t.start]! > 0 ? tokens[tokenAt[t.start]! - 1] : undefined;
      if (first && first.word.length === 1 && FUNCTION_TAGS.has(first.tag)) continue;
      if (name.length === 3 && isVerbish(name.slice(1))) continue;
      const set = titlesOf.get(name) ?? new Set();
      for (const title of t.titles) set.add(title);
      titlesOf.set(name, set);
      hits.push({ type: "person", start: t.start, end: t.start + name.length, priority: 5 });
    }
    if (ROLE_WORDS.occursIn(text)) push(BYLINE_PERSON_RE, (m) => {
      const name = m[2]!;
      const start = m.index + m[0].length - name.length;
      const set = titlesOf.get(name) ?? new Set();
      set.add(m[1]!);
      titlesOf.set(name, set);
      return { type: "person", start, end: start + name.length, priority: 5 };
    });
    pushNear(COMPANY_RE, COMPANY_FORM_WORDS, 12, (m) => {
      // the lazy run may start on a preposition or verb before the name: 在浙江…, 走访了浙江…
      const cut = /^(?:.*[了在和与及对向到从把被给为是的]|)/u.exec(m[0].slice(0, -4))![0].length;
      const start = m.index + cut;
      if (m[0].length - cut < 4) return null;
      // a kind of business, not a name: 保险公司, 这两家公司
      const form = COMPANY_FORM_WORDS.matches(m[0]).pop();
      const name = form ? text.slice(start, m.index + form.start) : "";
      if (name.length > 0 && isGenericWord(name)) return null;
      return { type: "organization", start, end: m.index + m[0].length, priority: 4 };
    });
    pushNear(SHORT_COMPANY_RE, INDUSTRY, 3, (m) => {
      // a three-character trade name only where the segmentation starts a word (博恒达科技, not 到华拓科技)
      const shift = m[0].length === 5 && ((tokenEnds[m.index] !== 1 && m.index > 0) || FUNCTION_CHARS.has(m[0][0]!));
      const start = shift ? m.index + 1 : m.index;
      // a common word before the industry is a phrase, not a trade name: 经济建设, 队伍建设
      if (isGenericWord(text.slice(start, m.index + m[0].length - 2))) return null;
      return { type: "organization", start, end: m.index + m[0].length, priority: 3 };
    });
    for (const m of bodyMatches(text, tokenStarts)) hits.push({ type: "organization", start: m.start, end: m.end, priority: 3 });
    // party congresses by number: 十五大, 二十大 (not 十大, the top ten)
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
    if (text.includes("大")) push(CONGRESS_RE, (m) => ({ type: "organization", start: m.index, end: m.index + m[0].length, priority: 3 }));
    // (a known place counts inside a word that starts with it: 中国式/nz, 法国人/n)
    for (const m of placeMatches(text, tokenStarts)) hits.push({ type: "location", start: m.start, end: m.end, priority: 2 });
    push(DATE_RE, (m) => dateHit(m, reference));
    push(NUMBER_RE, numberHit);
    push(QUOTED_RE, (m) => ({ type: "event", start: m.index, end: m.index + m[0].length, priority: 1 }));
    if (gazetteerRe) push(gazetteerRe, (m) => ({ type: gazetteer.get(m[0])!, start: m.index, end: m.index + m[0].length, priority: 6 }));

    // what the segmenter's tokens say: known and unknown names, places, organization heads
    for (const h of tokenHits(tokens, wordTag)) hits.push(h);
    // one-character place abbreviations: 访华, 在京, 赴港; 中美关系 → 中, 美
    push(ABBREVIATION_RE, (m) => ({ type: "location", start: m.index + 1, end: m.index + 2, priority: 3 }));
    ABBREVIATION_PAIR_RE.lastIndex = 0;
    for (let m = hasAbbreviationPair(text) ? ABBREVIATION_PAIR_RE.exec(text) : null; m; m = ABBREVIATION_PAIR_RE.exec(text)) {
      for (let k = 0; k < m[0].length; k++) hits.push({ type: "location", start: m.index + k, end: m.index + k + 1, priority: 3 });
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

    // buildings and grounds are places: an organization ending in one is a location
    for (const h of hits) if (h.type === "organization" && endsWithFacility(text, h.end)) h.type = "location";
    const entities = new Map<string, Entity>();
    // place each hit first: one that would cross fields drops out before it can shadow another
    const placed = withoutNestedOrganizations(hits).filter((h) => (h.mention = mentionOf(base + h.start, base + h.end)) !== null);
    for (const h of resolve(placed, text.length)) {
      const surface = text.slice(h.start, h.end);
      const key = `${h.type}\u0000${surface}\u0000${h.normalized ?? ""}`;
      const mention = h.mention!;
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
