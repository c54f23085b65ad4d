/**
 * The text patterns of the extractor — what a person, body, place, date or number looks like in
 * the characters, beside the trained model's people, places and organizations (model.ts) — and the hits
 * they make. extract.ts runs them over a text and resolves their overlaps.
 */
import {
  BODY_ABBREVIATIONS,
  BYLINE_ROLES,
  BYLINE_ROLE_PREFIXES,
  COMPANY_FORMS,
  COMPOUND_SURNAMES,
  INDUSTRY_WORDS,
  SINGLE_SURNAMES,
  NAME_FOLLOWERS,
  ABBREVIATION_VERBS,
  CHINA_ABBREVIATIONS,
  COUNTRY_ABBREVIATIONS,
  KNOWN_ORGANIZATIONS,
  RELATION_WORDS,
  TRAVEL_VERBS,
  TRANSLITERATION_CHARS,
  alternation,
  wordList,
  charTable,
  FACILITY_WORDS,
  MEDIA_WORDS,
  KNOWN_PLACES,
} from "@yk/lexicon";
import type { EntityType, Mention } from "@yk/schema";
import { lunarToIso, monthDayToIso, relativeToIso } from "./dates.js";

export interface Hit {
  type: EntityType;
  start: number;
  end: number;
  normalized?: string | number | null;
  unit?: string;
  titles?: string[];
  /** Higher wins an overlap. */
  priority: number;
}

/** Where hits of a text go: whether a hit may be (it crosses no field), and its mention. */
export interface Placement {
  fits(start: number, end: number): boolean;
  mention(start: number, end: number): Mention;
}

const HAN = "\\u4e00-\\u9fff";
const SURNAME = `(?:${alternation(COMPOUND_SURNAMES)}|[${SINGLE_SURNAMES}])`;
/** One or more titles, stacked with 、 (市委副书记、市长), then a name: surname + one or two given characters. */
// prefixes repeat a bounded number of times: an unbounded (a|ab)* before a failing tail backtracks exponentially
const ROLE = `(?:${alternation(BYLINE_ROLE_PREFIXES)}){0,3}(?:${alternation(Object.keys(BYLINE_ROLES).filter((r) => r.length >= 2))})`;
// [^\S\n]: a role ending one line (or field) is no byline of a name opening the next
export const BYLINE_PERSON_RE = new RegExp(`(${ROLE})[^\\S\\n]*(${SURNAME}[${HAN}]{1,2}?)(?=[\\s、，）)]|摄|报道|$)`, "gu");
const INDUSTRY_WORDS_2 = INDUSTRY_WORDS.filter((w) => w.length === 2);
const PLACE_NAMES = wordList(KNOWN_PLACES);
const placeSet = new Set(KNOWN_PLACES);
const placeStarts = charTable(KNOWN_PLACES.map((p) => p[0]!));
const placeEnds = charTable(KNOWN_PLACES.map((p) => p[p.length - 1]!));
/** Is a word a known place? Most words are ruled out by their first character before the set is asked. */
export const isKnownPlace = (word: string): boolean => placeStarts.hasAt(word, 0) && placeEnds.hasAt(word, word.length - 1) && placeSet.has(word);
/** Development zones, which local papers name by their kind alone (经济开发区). */
export const DEVELOPMENT_ZONES = wordList(["经济技术开发区", "经济开发区", "高新技术产业开发区", "高新区", "开发区"]);
const knownBodySet = new Set([...BODY_ABBREVIATIONS, ...KNOWN_ORGANIZATIONS]);
const knownBodyEnds = charTable([...knownBodySet].map((b) => b[b.length - 1]!).join(""));
/** Is a word a body known by name (国务院, 新华社, 联合国)? (its last character first: cheaper than hashing every word) */
export const isKnownBody = (name: string): boolean => knownBodyEnds.hasAt(name, name.length - 1) && knownBodySet.has(name);
/**
 * Words for any body of a kind, which a place before them does not name: 美国公司, 非洲球队 (the
 * place's companies and teams).
 */
export const KIND_HEADS = new Set(["公司", "企业", "球队", "强队", "军队", "部队", "厂商", "厂家", "媒体", "银行界", "商人", "代表队"]);
/** The longest known place a text starts with, if any. */
export const knownPlacePrefix = (text: string): string | null => PLACE_NAMES.longestAt(text, 0);
/** Facility words by their last character (a hit's end is tested against those ending in its character only). */
const FACILITIES = new Map<number, string[]>();
for (const f of FACILITY_WORDS) if (f.length > 0) FACILITIES.set(f.charCodeAt(f.length - 1), [...(FACILITIES.get(f.charCodeAt(f.length - 1)) ?? []), f]);
/** Does `text` end at `end` in a building or ground (大厦, 美术馆)? */
export function endsWithFacility(text: string, end: number = text.length): boolean {
  const group = end > 0 ? FACILITIES.get(text.charCodeAt(end - 1)) : undefined;
  if (group === undefined) return false;
  for (const f of group) if (end >= f.length && text.startsWith(f, end - f.length)) return true;
  return false;
}
/** Words one of which each pattern needs: a text without any skips the pattern. */
export const COMPANY_FORM_WORDS = wordList(COMPANY_FORMS);
export const INDUSTRY = wordList(INDUSTRY_WORDS_2);
const ROLES = Object.keys(BYLINE_ROLES).filter((r) => r.length >= 2);
export const ROLE_WORDS = wordList(ROLES);
const TRANSLIT = `[${TRANSLITERATION_CHARS}]`;
const transliteration = charTable(TRANSLITERATION_CHARS);
/** Middle dots between the parts of a foreign name (卡洛斯·阿马特). */
export const MIDDLE_DOTS = new Set(["·", "•", "・"]);
/** Is the character at `i` one used to transliterate foreign names? */
export const isTransliterationChar = (text: string, i: number): boolean => transliteration.hasAt(text, i);
/** Is a text transliteration characters only (克林顿; 卡洛斯·阿马特 with dots inside), at least `minLength` long? */
export function isTransliterated(s: string, minLength = 2): boolean {
  if (s.length < minLength) return false;
  for (let i = 0; i < s.length; i++) if (!transliteration.hasAt(s, i) && !(MIDDLE_DOTS.has(s[i]!) && i > 0 && i < s.length - 1)) return false;
  return true;
}
/** Foreign names joined by a middle dot: 卡洛斯·阿马特, 鲍里斯·贝克尔 (each part transliterated). */
export const DOTTED_NAME_RE = new RegExp(`${TRANSLIT}{1,6}(?:[${[...MIDDLE_DOTS].join("")}]${TRANSLIT}{1,8})+`, "gu");
/**
 * Names listed in a dateline's brackets or before 报道: 电（陈明、刘谦）, 记者王明、李华报道 — the
 * list of a wire story's reporters.
 */
export const REPORTER_LIST_RE = new RegExp(`(?:[电讯]（)((?:${SURNAME}[${HAN}]{1,2}[、，\\s]*){1,6})(?=）)|((?:${SURNAME}[${HAN}]{1,2}、)+${SURNAME}[${HAN}]{1,2})(?=报道)`, "gu");
/**
 * A wire story's dateline: the place between the agency (本报, 新华社) and the date (本报波恩5月25日电,
 * 新华社东京6月17日电, 本报保定五月十五日电) — group 1, whatever the segmenter made of it.
 */
export const DATELINE_PLACE_RE = /(?:本报|新华社|中新社|通讯社|电讯社)([\u4e00-\u9fff]{2,8}?)(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日(?:电|讯)/gu;
export const CONGRESS_RE = /(?<![一二三四五六七八九十百零〇])(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)大(?![学型批量小中会战洲])/gu;
export const DATE_RE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:(上午|下午|晚上|凌晨|中午|早上))?|(\d{4})年(?!\d)|(正|腊|冬|[一二三四五六七八九十]{1,2})月(初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|三十)|(今年|去年|前年|明年|今天|昨天|明天|今日|昨日|日前|近日)/gu;
// A number starts only where a digit run starts (the lookbehind): trying every position inside a
// long run of digits would make the scan quadratic.
export const NUMBER_RE = /(?<![\d.])(?:(\d+(?:\.\d+)?)(%|％)|(\d+(?:\.\d+)?)(万亿|亿|万)?(元|美元)|(\d+(?:\.\d+)?)(万亿|亿|万|千)?(?=[个家人名项次件台万亿千百]))/gu;
export const QUOTED_RE = /“([^“”\n]{2,16})”/gu;
export const SURNAME_START = new RegExp(`^${SURNAME}`, "u");
/** 访华, 在京, 赴港: a verb and a one-character abbreviation of China or a Chinese place. */
export const ABBREVIATION_RE = new RegExp(`[${ABBREVIATION_VERBS}][${CHINA_ABBREVIATIONS}](?![人侨裔语文字区丽夏商灯北南东西中])|[${TRAVEL_VERBS}][${COUNTRY_ABBREVIATIONS}](?![国元军术好丽洲])`, "gu");
export function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x4e00 && c <= 0x9fff;
}
/**
 * Two or three country abbreviations before a word of relations: 中美关系, 印巴谈判, 中美俄三国.
 * Sticky: tried only where a word of the segmentation starts with an abbreviation.
 */
export const ABBREVIATION_PAIR_RE = new RegExp(`[${COUNTRY_ABBREVIATIONS}]{2,3}(?=${alternation(RELATION_WORDS)})`, "uy");
export const countryAbbreviation = charTable(COUNTRY_ABBREVIATIONS);
/**
 * Words after which the two characters before are two countries' abbreviations, any countries
 * (墨美两国, 埃中两国关系, 中蒙边界): 两国 says so itself; 关系, 边界 and 建交 when one of the two is a
 * known abbreviation.
 */
const TWO_COUNTRY = ["两国", "等国", "关系", "边界", "边境", "建交"];
export const TWO_COUNTRY_WORDS = wordList(TWO_COUNTRY);
/** Prepositions before one country's abbreviation: 对美关系, 同俄建交. */
export const PAIR_PREPOSITIONS = charTable("对与同和跟从以向为使在");

export function dateHit(m: RegExpExecArray, reference: Date | null): Hit {
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

export function numberHit(m: RegExpExecArray): Hit {
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
export const AFTER_NAME = new Set(NAME_FOLLOWERS);
/** jieba's tags of function words: conjunctions, prepositions, particles, adverbs, pronouns. */
/** Tags the segmenter gives names it knows. */
export const NAME_TAGS = new Set(["nr", "nrfg", "nrt"]);
export const FUNCTION_TAGS = new Set(["c", "p", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r"]);
/** jieba's tags of common words: nouns, verbs, adjectives, idioms (not nz, ns, nt, nr, j or x). */
export const GENERIC_TAGS = new Set(["n", "vn", "v", "a", "an", "ad", "d", "l", "i", "r", "s", "f", "t", "b", "m", "q"]);
/** Function characters that begin no trade name: 了华拓科技 is 了 + 华拓科技. */
export const FUNCTION_CHARS = new Set("了的在和与及对向从为是把被将到也都又");

const MEDIA = alternation(MEDIA_WORDS);
/**
 * Newspapers and magazines in title marks: 《朝日新闻》 (the name within, group 1), or with the kind
 * of publication after the marks (group 2) as one name, with the country before them if any
 * ({@link placeEndingAt}): 美国《时代》周刊.
 */
export const MEDIA_RE = new RegExp(`《([^《》\\n]{1,12})》(${MEDIA})?`, "gu");
export const isMediaName = (name: string): boolean => MEDIA_WORDS.some((w) => name.endsWith(w));
/** Where a known place that ends at `end` starts (the longest, two to six characters), or `end`. */
export function placeEndingAt(text: string, end: number): number {
  for (let n = 6; n >= 2; n--) if (end - n >= 0 && isKnownPlace(text.slice(end - n, end))) return end - n;
  return end;
}

/** A word a list found in a text (what a word list's `matches` gives). */
export interface ListMatch {
  start: number;
  end: number;
  word: string;
}

/** What {@link scanLists} finds: each list's leftmost-longest matches, as its `matches` gives them. */
export interface ScannedLists {
  companyForms: ListMatch[];
  industries: ListMatch[];
  twoCountries: ListMatch[];
  /** Has the text a byline role (ROLE_WORDS.occursIn)? */
  hasRole: boolean;
}

/** The lists every text is read for, in {@link scanLists}' order, with their words. */
const SCANNED: readonly (readonly [ReturnType<typeof wordList>, readonly string[]])[] = [
  [COMPANY_FORM_WORDS, COMPANY_FORMS],
  [INDUSTRY, INDUSTRY_WORDS_2],
  [TWO_COUNTRY_WORDS, TWO_COUNTRY],
  [ROLE_WORDS, ROLES],
];
/** Bit k: list k of SCANNED has a word starting with this code unit. */
const SCANNED_STARTS = new Uint8Array(0x10000);
SCANNED.forEach(([, words], k) => {
  for (const w of words) if (w.length > 0) SCANNED_STARTS[w.charCodeAt(0)]! |= 1 << k;
});

/**
 * Company forms, industries, words of two countries and byline roles in one pass over a text: the
 * same matches as each list's `matches` (leftmost-longest, no overlaps within a list), with one
 * table read a character for the four lists instead of one pass and one table each (the entities'
 * time is much in cache misses: fewer tables touched per text, fewer misses).
 */
export function scanLists(text: string): ScannedLists {
  const found: ListMatch[][] = [[], [], [], []];
  // (where each list may match next: past its last match, as its own scan would go on)
  const next = [0, 0, 0, 0];
  let hasRole = false;
  for (let i = 0; i < text.length; i++) {
    const bits = SCANNED_STARTS[text.charCodeAt(i)]!;
    if (bits === 0) continue;
    for (let k = 0; k < 4; k++) {
      if ((bits & (1 << k)) === 0 || i < next[k]! || (k === 3 && hasRole)) continue;
      const w = SCANNED[k]![0].longestAt(text, i);
      if (w === null) continue;
      if (k === 3) hasRole = true;
      else found[k]!.push({ start: i, end: i + w.length, word: w });
      next[k] = i + w.length;
    }
  }
  return { companyForms: found[0]!, industries: found[1]!, twoCountries: found[2]!, hasRole };
}
