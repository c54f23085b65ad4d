/**
 * Entities from the segmenter's tokens: what jieba knows (nr, ns, nt), what its HMM found as
 * unknown words (x), and lone surnames it tagged nr before a given name it split off.
 * Each rule is a general pattern of Chinese news text, filtered by the lexicons.
 */
import {
  BODY_SUFFIXES,
  COMPANY_FORMS,
  COMPOUND_SURNAMES,
  GENERIC_BODY_WORDS,
  NON_NAMING_HEADS,
  GENERIC_PLACE_WORDS,
  PERSON_CUES_AFTER,
  SINGLE_SURNAMES,
  TITLE_CORES,
  GIVEN_NAME_CHARS,
  charTable,
  wordList,
  TITLES_OF_ADDRESS,
  JAPANESE_SURNAMES,
  NAME_FOLLOWERS,
  SHORT_FORMS_OF_ADDRESS,
  DOCTRINE_WORDS,
  ABBREVIATION_HEADS,
  COUNTRY_ABBREVIATIONS,
  CHINA_ABBREVIATIONS,
  FACILITY_WORDS,
  ABBREVIATED_PLACE_WORDS,
  PLACE_FIRST_CHAR_ODDS,
  PLACE_LAST_CHAR_ODDS,
} from "@yk/lexicon";
import type { EntityType } from "@yk/schema";
import type { Token } from "./segmenter.js";
import { endsWithFacility, isKindOfBodies, isKnownBody, isKnownPlace, isTransliterated, KIND_HEADS, NAME_TAGS } from "./patterns.js";

export type { Token } from "./segmenter.js";

export interface TokenHit {
  type: EntityType;
  start: number;
  end: number;
  priority: number;
}

const singleSurnames = charTable(SINGLE_SURNAMES);
const compoundSurnames = new Set(COMPOUND_SURNAMES);
const givenChars = charTable(GIVEN_NAME_CHARS);
const genericPlaces = new Set(GENERIC_PLACE_WORDS);
const genericBodies = new Set(GENERIC_BODY_WORDS);
const nonNamingHeads = new Set(NON_NAMING_HEADS);
const knownPlaces = { has: isKnownPlace };
const personCues = new Set(PERSON_CUES_AFTER);
const titleCores = new Set(TITLE_CORES);
const addressTitles = new Set(TITLES_OF_ADDRESS);
const shortAddress = new Set(SHORT_FORMS_OF_ADDRESS);
/** Last characters of forms of address (生, 士, 席, 某): a cheap test before slicing a word. */
const addressEnds = charTable([...TITLES_OF_ADDRESS.map((a) => a[a.length - 1]!), ...SHORT_FORMS_OF_ADDRESS].join(""));
const abbreviations = charTable(COUNTRY_ABBREVIATIONS + CHINA_ABBREVIATIONS);
const countryAbbreviations = charTable(COUNTRY_ABBREVIATIONS);
const abbreviationHeads = new Set(ABBREVIATION_HEADS);
/** Characters that follow a name (说, 在, 来): a word ending in one is a name and the next word run together. */
const nameFollowers = charTable(NAME_FOLLOWERS);
/** Last characters of county-level and rural divisions, and of cities and provinces. */
const RURAL_DIVISION_ENDS = "县镇乡村";
const CITY_ENDS = "市区省州";
/** Last characters of places and buildings that given names rarely end in: 镇, 村, 寺, 宫, 郡, 岛. */
const PLACE_NAME_ENDINGS = charTable(RURAL_DIVISION_ENDS + "郡寺庙宫阁府堡岛湾");
/** Prepositions, conjunctions and verbs that stand before names: 向, 令, 但, 胜 (王磊), 给, 让. */
const LEADING_FUNCTION_CHARS = charTable("向令但胜给让叫请找替被把对跟同与和及或而使由");
/** Locatives after a noun: 信中, 会上, 文内. */
const LOCATIVES = charTable("中上下里内外");
/** Followers of names that are words of their own after one: 说, 是, 在 (not 强 of 强调, 表 of 表示). */
const FUNCTION_FOLLOWERS = charTable("说在到是和与的等也就都又向对为将把被从了着过来于称");
/** Endings of place names (伍德县, 公明镇): such a word is no person. */
const PLACE_ENDINGS = charTable(RURAL_DIVISION_ENDS + CITY_ENDS);
/** Tags after 老王, 小李 in two words: a verb, adverb, particle or punctuation, not a noun (小/a 王/nr 村). */
const AFTER_ADDRESSED_SURNAME = new Set(["v", "vn", "d", "p", "c", "uj", "ul", "x", "r"]);
/** Last characters of contests, cups and festivals, which transliterations in them end in: 马拉松赛, 尤伯杯. */
const EVENT_ENDINGS = charTable("赛杯节展");
/** Tags of words that make no given name: verbs, adjectives, adverbs, idioms (连/nr 喘息/v). */
const NOT_GIVEN_TAGS = new Set(["v", "vn", "vd", "a", "ad", "an", "d", "l", "i", "c", "p", "u", "uj", "ul"]);
/** Tags under which jieba's dictionary lists runs of country abbreviations (中美/ns, 中日/t, 英法/nz) — not common words (美德/n). */
const ABBREVIATION_RUN_TAGS = new Set(["ns", "nz", "t", "j"]);
const HAN_ONLY = /^[\u4e00-\u9fff]+$/;
/** Endings of organization heads among nouns: two characters or more (大学, 委员会), or 队 for teams. */
const HEAD_ENDINGS = new Set([...BODY_SUFFIXES.filter((x) => x.length >= 2), "队", "集团", "公司"]);
/** Bureaus, offices, institutes, works, commissions and societies of three characters or more: 管理局, 办事处, 设计院, 处理厂, 市教委, 服务社, 地质所. */
const SHORT_HEAD_CHARS = "局处署厅院厂委社所";
const SHORT_HEAD_ENDINGS = charTable(SHORT_HEAD_CHARS);
/** Words in 所 and 处 for places and ways, not bodies: 公共场所, 临时住所, 两省交界处, 不足之处. */
const PLACES_NOT_BODIES = new Set([
  "场所", "住所", "厕所", "处所", "居所", "寓所", "住处", "去处", "用处", "好处", "长处", "短处", "益处", "难处",
  "之处", "深处", "远处", "高处", "低处", "近处", "各处", "到处", "此处", "出处", "界处", "相处",
]);
/** Does a noun end like an organization's head (委员会, 大学, 队)? Looked up by ending, no pattern. */
function isOrgHead(word: string): boolean {
  // (the last character first: it runs for every noun, and most end like no head)
  if (!HEAD_LAST_CHARS.hasAt(word, word.length - 1)) return false;
  if (word.length >= 3 && SHORT_HEAD_ENDINGS.hasAt(word, word.length - 1)) return !PLACES_NOT_BODIES.has(word.slice(-2));
  for (let n = Math.min(6, word.length); n >= 1; n--) if (HEAD_ENDINGS.has(word.slice(word.length - n))) return true;
  return false;
}
const HEAD_LAST_CHARS = charTable([...HEAD_ENDINGS].map((e) => e[e.length - 1]!).join("") + SHORT_HEAD_CHARS);
/** More endings of bodies the dictionary knows (中央党校, 中央气象台, 新四军, 俄央行, 军事法庭, 民革中央, 中共十五大, 中兴通讯). */
const NT_BODY_END_RE = /(?:[校台军行庭]|中央|通讯|[一二三四五六七八九十]大)$/;
/** Last characters of abbreviated bodies: universities (北大, 师大), airlines (法航), committees (纪委), unions. */
const ABBREVIATED_BODY_ENDS = new Set("委大航院办联盟");
/** An abbreviated body of two to four characters, or a committee in -委会 (村委会) of up to five. */
const isAbbreviatedBody = (w: string): boolean => (w.length >= 2 && w.length <= 4 && ABBREVIATED_BODY_ENDS.has(w[w.length - 1]!)) || (w.length >= 3 && w.length <= 5 && w.endsWith("委会"));
/** A party by its name: 保守党, 新芬党, 自由民主党 (not 共产党员, 政党): two to six characters and 党. */
const isPartyName = (w: string): boolean => w.length >= 3 && w.length <= 7 && w.endsWith("党") && !GENERIC_PARTIES.has(w);
/** Houses of parliament, each a body wherever named. */
const LEGISLATURES = new Set(["参议院", "众议院", "国民议会", "上院", "下院", "议会上院", "议会下院", "上议院", "下议院", "联邦议会"]);
/** Parties by their role, not their name. */
const GENERIC_PARTIES = new Set(["反对党", "执政党", "在野党", "政党", "参政党", "民主党派", "大党", "小党"]);
/** Numerals that start counts (四大支柱, 两院), not names. */
const NUMERAL_START = charTable("一二三四五六七八九十两几各");
/** A count of things (一家, 几所, 这批), not a number in a name (九十中学, 一总队). */
const isCount = (t: Token): boolean => t.tag === "m" && t.word.length >= 2 && COUNT_MEASURES.hasAt(t.word, t.word.length - 1);
const COUNT_MEASURES = charTable("家个些所支批类");
/** Parts of a region by direction: 中南部, 东北部, 西部 (部 ends the names of ministries too). */
const DIRECTION_PART_RE = /^[东南西北中]{1,3}部$/;
/** Words that begin the names of national and international bodies: 国家杜马, 国际狮子会, 最高法官委员会. */
const BODY_NAME_STARTS = new Set(["国家", "国际", "世界", "全国", "中央", "最高", "联邦"]);
/** A minister's title glued to the ministry: 司法部长 → 司法部, 商务部长 → 商务部. */
const MINISTER_RE = /^[\u4e00-\u9fff]{2,8}[部局厅署]长$/;
/** Any ending of a body's name, one character too (党, 部, 委, 院, 协), or a company form. */
const ANY_BODY_END_RE = new RegExp(`(?:${[...BODY_SUFFIXES, ...COMPANY_FORMS, "院", "会", "协", "联", "社"].sort((a, b) => b.length - a.length).join("|")})$`);
/** Function words that never continue a name. */
const NOT_NAME = new Set("的了在是和与及或也都就又还被把将对向从为以于等着过说这那其他她它我你们个年月日时");

function startsWithSurname(word: string): boolean {
  return singleSurnames.hasAt(word, 0) || compoundSurnames.has(word.slice(0, 2));
}


function isChineseName(word: string): boolean {
  // (lengths and look-ups by code unit before a slice or a pattern: this runs for most words)
  if (word.length < 2 || word.length > 4) return false;
  if (compoundSurnameStarts.hasAt(word, 0) && compoundSurnames.has(word.slice(0, 2))) return word.length >= 3 && HAN_ONLY.test(word);
  return word.length <= 3 && singleSurnames.hasAt(word, 0) && HAN_ONLY.test(word);
}
const compoundSurnameStarts = charTable(COMPOUND_SURNAMES.map((c) => c[0]!));

/** How many characters of the given name are common given-name characters. */
function givenNameScore(word: string): number {
  const given = compoundSurnames.has(word.slice(0, 2)) && word.length >= 3 ? word.slice(2) : word.slice(1);
  let n = 0;
  for (const ch of given) if (givenChars.has(ch)) n++;
  return n;
}

/** A noun, number or measure word next: the word before modifies it (尼古丁 14％, 厄尔尼诺 现象). */
function beforeNounOrNumber(next: Token | undefined): boolean {
  return next !== undefined && /^(?:n|vn|m|q|f|s)/.test(next.tag) && !personCues.has(next.word) && !titleCores.has(next.word);
}

/** Is the token after a name a sign that it is one (说, 表示, 同志) or a title after it (校长, 教授)? */
function cueAfter(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i];
  if (!next) return false;
  return personCues.has(next.word) || titleCores.has(next.word) || addressTitles.has(next.word);
}

function cueBefore(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i];
  if (!prev) return false;
  return titleCores.has(prev.word) || prev.tag === "nr" || /(?:记者|通讯员|同志|主席|总理|部长)$/.test(prev.word);
}

/**
 * How often jieba's dictionary must have seen a word for it to count as common: given names it
 * lists as nouns are seen a few times (宏志 7, 志民 3, 学文 23), common words tens to thousands of
 * times (阵雨 75, 小民 177, 少年 4039).
 */
const COMMON_WORD_COUNT = 50;

/** Is the given name (or with `whole`, the name) a common dictionary word? Set per call by tokenHits. */
let givenIsWord: (name: string, whole?: boolean) => boolean = () => false;

/** The segmenter's tag of a string that is one word to it, null if several. Set per call by tokenHits. */
let wordTag: (s: string) => string | null = () => null;

/** A name that a doctrine is named after: 邓小平理论 → 邓小平, 马克思主义 → 马克思. */
function doctrineName(w: string): string | null {
  for (const d of DOCTRINE_WORDS) {
    if (!w.endsWith(d) || w.length - d.length < 2 || w.length - d.length > 4) continue;
    const name = w.slice(0, w.length - d.length);
    const tag = wordTag(name);
    if ((tag !== null && NAME_TAGS.has(tag)) || isTransliterated(name)) return name;
  }
  return null;
}

function personHits(tokens: readonly Token[], out: TokenHit[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.word;
    // a surname and a title or honorific in one word: 李老师, 郑先生, 毛主席; 郑某, 胡老 when the
    // segmenter does not know the word (全总 and 元老 are words, no persons 全 and 元)
    if (w.length >= 2 && w.length <= 4 && singleSurnames.hasAt(w, 0) && addressEnds.hasAt(w, w.length - 1) && t.tag !== "ns" && t.tag !== "nt") {
      const rest = w.slice(1);
      if (addressTitles.has(rest) || (rest.length === 1 && shortAddress.has(rest) && t.tag === "x")) {
        out.push({ type: "person", start: t.start, end: t.start + 1, priority: 2 });
        continue;
      }
    }
    // a word right after a title that the dictionary files as a place or loanword: 总统/n 普京/ns
    if (w.length >= 2 && w.length <= 4 && (t.tag === "ns" || t.tag === "nrt") && HAN_ONLY.test(w) && !knownPlaces.has(w) && titleCores.has(tokens[i - 1]?.word ?? "") && !beforeNounOrNumber(tokens[i + 1])) {
      out.push({ type: "person", start: t.start, end: t.end, priority: 3 });
      continue;
    }
    // a name the dictionary files as a place, saying something: 罗干/ns 说 (a place says nothing;
    // a surname first, not a place the gazetteer knows)
    if (t.tag === "ns" && (w.length === 2 || w.length === 3) && SPEECH_AFTER.has(tokens[i + 1]?.word ?? "") && startsWithSurname(w) && HAN_ONLY.test(w) && !knownPlaces.has(w)) {
      out.push({ type: "person", start: t.start, end: t.end, priority: 3 });
      continue;
    }
    // a Japanese name: a family name from the list and up to three characters of given name, up
    // to a word's end, with a title or a speech verb around it (首相桥本龙太郎, 岸田文雄表示, 桥本还表示)
    const family = japaneseSurnameAt(w);
    if (family !== null) {
      let j = i;
      while (tokens[j + 1] && tokens[j + 1]!.end - t.start <= family.length + 3 && HAN_ONLY.test(tokens[j + 1]!.word) && !personCues.has(tokens[j + 1]!.word) && !titleCores.has(tokens[j + 1]!.word) && NAME_PART.has(tokens[j + 1]!.tag)) j++;
      const end = tokens[j]!.end;
      const cued = cueAfter(tokens, j + 1) || cueBefore(tokens, i - 1) || titleCores.has(tokens[j + 1]?.word ?? "") || SPEECH_AFTER.has(tokens[j + 1]?.word ?? "") || (tokens[j + 1]?.tag === "d" && SPEECH_AFTER.has(tokens[j + 2]?.word ?? ""));
      if (cued && end - t.start <= family.length + 3) {
        out.push({ type: "person", start: t.start, end, priority: 2 });
        i = j;
        continue;
      }
    }
    // a preposition or conjunction the segmenter's model ran into the name after it: 向学昭/x,
    // 令欣嘉/x, 但葛菲/x, 胜王磊/x — the name is the rest
    if (t.tag === "x" && w.length >= 3 && w.length <= 4 && LEADING_FUNCTION_CHARS.hasAt(w, 0)) {
      const rest = w.slice(1);
      if (isChineseName(rest) && !givenIsWord(rest, true) && !NOUN_ENDINGS.hasAt(rest, rest.length - 1) && (rest.length === 3 || givenNameScore(rest) >= 1)) {
        out.push({ type: "person", start: t.start + 1, end: t.end, priority: 1 });
        continue;
      }
    }
    // a name and a word after it run together: 郑咏是/x, 赵华说/x, 王学强说/x (the name is the rest)
    if (t.tag === "x" && (w.length === 3 || w.length === 4) && FUNCTION_FOLLOWERS.hasAt(w, w.length - 1)) {
      const name = w.slice(0, -1);
      if (isChineseName(name) && givenNameScore(name) >= 1 && !givenIsWord(name, name.length === 2)) {
        out.push({ type: "person", start: t.start, end: t.end - 1, priority: 1 });
        continue;
      }
    }
    // the same in two words: 老/a 刘/zg 告诉 (a verb, adverb or punctuation after the surname)
    if ((w === "老" || w === "小") && tokens[i + 1]?.word.length === 1 && singleSurnames.hasAt(tokens[i + 1]!.word, 0) && tokens[i + 2] && AFTER_ADDRESSED_SURNAME.has(tokens[i + 2]!.tag)) {
      out.push({ type: "person", start: tokens[i + 1]!.start, end: tokens[i + 1]!.end, priority: 1 });
      i++;
      continue;
    }
    // a surname addressed as 老 or 小 is the person: 老于/x, 小李/x (not a transliteration's start: 小戈/x 麦尔斯基)
    // (a word of the dictionary — 小张/n, 老马/n — only when it speaks: 小马 is a foal too)
    if (w.length === 2 && (w[0] === "老" || w[0] === "小") && singleSurnames.hasAt(w, 1) && (t.tag === "x" ? !isTransliterated(tokens[i + 1]?.word ?? "") : t.tag === "n" && cueAfter(tokens, i + 1))) {
      out.push({ type: "person", start: t.start + 1, end: t.end, priority: 1 });
      continue;
    }
    const doctrine = w.length >= 4 ? doctrineName(w) : null;
    if (doctrine !== null) {
      out.push({ type: "person", start: t.start, end: t.start + doctrine.length, priority: 2 });
      continue;
    }
    const isNr = t.tag === "nr" || t.tag === "nrfg" || t.tag === "nrt";
    // jieba's dictionary tags many loanwords nrt (尼古丁, 科普, 厄尔尼诺): a dictionary nrt needs a
    // sign of a person around it, an unknown transliteration (x) of three characters does not
    const foreign =
      t.tag === "nrt"
        ? isTransliterated(w) && (cueAfter(tokens, i + 1) || cueBefore(tokens, i - 1) || tokens[i + 1]?.word === "·" || tokens[i - 1]?.word === "·" || !beforeNounOrNumber(tokens[i + 1]))
        : (isNr || t.tag === "x") && w.length >= 3 && isTransliterated(w) && (w.length >= 4 || !startsWithSurname(w));
    if (foreign && !knownPlaces.has(w) && !givenIsWord(w, true) && !PLACE_ENDINGS.hasAt(w, w.length - 1) && !EVENT_ENDINGS.hasAt(w, w.length - 1)) {
      // foreign names: 克林顿, 亨特; joined by · (卡洛斯·阿马特)
      let end = t.end;
      let j = i + 1;
      while (tokens[j]?.word === "·" && tokens[j + 1] && isTransliterated(tokens[j + 1]!.word)) {
        end = tokens[j + 1]!.end;
        j += 2;
      }
      if (!knownPlaces.has(w)) out.push({ type: "person", start: t.start, end, priority: 2 });
      i = j - 1;
      continue;
    }
    if (isNr && w.length === 1 && singleSurnames.has(w)) {
      // a lone surname jieba tagged nr, then a given name it split off: 徐/nr 运/n 平/n, 袁/nr 步兵/n
      let given = "";
      let j = i + 1;
      while (j < tokens.length && given.length < 2) {
        const g = tokens[j]!.word;
        if (!HAN_ONLY.test(g) || given.length + g.length > 2 || NOT_NAME.has(g) || titleCores.has(g) || personCues.has(g)) break;
        given += g;
        j++;
      }
      const givenTag = given.length > 0 ? wordTag(given) : null;
      const givenIsName = givenTag === null || !NOT_GIVEN_TAGS.has(givenTag);
      if (given.length >= 1 && givenIsName && (given.length === 2 || cueAfter(tokens, j) || cueBefore(tokens, i - 1))) {
        out.push({ type: "person", start: t.start, end: tokens[j - 1]!.end, priority: 2 });
        i = j - 1;
      } else if (given.length === 0 && addressTitles.has(tokens[i + 1]?.word ?? "")) {
        // the surname alone, addressed by a title: 唐/nr 外长/n, 李/nr 总理/n
        out.push({ type: "person", start: t.start, end: t.end, priority: 2 });
      }
      continue;
    }
    // (a word ending in a character that follows names — 赵华说/x, 郑咏是/x — is a name and the next
    // word run together; in three characters only when the character is a word of its own: 王学强/x
    // ends in 强 as in 强调, a given name)
    const followed = nameFollowers.hasAt(w, w.length - 1) && (w.length < 3 || FUNCTION_FOLLOWERS.hasAt(w, w.length - 1));
    // (区 is a surname, and a district's end run into the next word: 柯桥/x 区华舍/x 街道)
    const districtEnd = w[0] === "区" && i > 0 && HAN_ONLY.test(tokens[i - 1]!.word);
    if ((isNr || t.tag === "x" || t.tag === "nz") && isChineseName(w) && !knownPlaces.has(w) && !followed && !districtEnd && !PLACE_ENDINGS.hasAt(w, w.length - 1)) {
      // Known (nr) and unknown (x) names. Two-character ones, and three-character ones whose
      // given name is a common word (雷 + 阵雨), need a cue: many common words look like names.
      const score = givenNameScore(w);
      // a three-character name the dictionary files as a name (杨尚昆/nr, 郭沫若/nr) needs no
      // given-name character of the list, unless its end makes a kind of thing (雷阵雨, 许可证)
      // or a transliteration runs on after it (斯特罗/nr 耶夫/x); its given name may be a word of
      // the kinds given names are made of (崔/真实, 金/大中, 张/国庆 — not 雷/阵雨, 封/建制, 冷/冰冰)
      const dictionaryName = t.tag === "nr" && w.length === 3 && !continuesTransliteration(tokens[i + 1]);
      const strong = w.length >= 3 && (isNr || t.tag === "x") && (!givenIsWord(w) || (dictionaryName && WORDS_IN_GIVEN_NAMES.has(wordTag(w.slice(1)) ?? ""))) && (score >= 1 || dictionaryName) && !NOUN_ENDINGS.hasAt(w, w.length - 1);
      const cued = cueAfter(tokens, i + 1) || cueBefore(tokens, i - 1);
      // a two-character word the segmenter's model made up (x): a surname and a given-name character
      // (not a noun and a locative run together: 信中, 会上, 文内)
      const unknownPair = w.length === 2 && t.tag === "x" && score >= 1 && !LOCATIVES.hasAt(w, 1);
      if (strong || unknownPair || (cued && (score >= 1 || t.tag === "x" || (isNr && w.length >= 3)))) out.push({ type: "person", start: t.start, end: t.end, priority: strong ? 2 : 1 });
      continue;
    }
    // a full name the dictionary files under another tag, addressed by a title after it: 周恩来/t 总理
    // (not a board or bureau before its chairman: 董事局/n 主席)
    if (w.length === 3 && isChineseName(w) && t.tag !== "ns" && t.tag !== "nt" && t.tag !== "m" && addressTitles.has(tokens[i + 1]?.word ?? "") && !knownPlaces.has(w) && !isOrgHead(w)) {
      out.push({ type: "person", start: t.start, end: t.end, priority: 1 });
      continue;
    }
    // an unknown or foreign name before a title or form of address: 拉埃/x 女士, 费萨尔/nr 亲王,
    // 库马拉通加/ns 总统
    if (
      w.length >= 2 &&
      w.length <= 6 &&
      (t.tag === "x" || isNr || t.tag === "ns" || t.tag === "nz") &&
      (addressTitles.has(tokens[i + 1]?.word ?? "") || FOREIGN_TITLES.has(tokens[i + 1]?.word ?? "")) &&
      ((t.tag !== "ns" && t.tag !== "nz") || !knownPlaces.has(w)) &&
      (isTransliterated(w) || isChineseName(w)) &&
      !PLACE_ENDINGS.hasAt(w, w.length - 1)
    ) {
      out.push({ type: "person", start: t.start, end: t.end, priority: 1 });
    }
  }
}

function locationHits(tokens: readonly Token[], out: TokenHit[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.word;
    // one-character abbreviations of countries and Chinese places, each a place: 俄/j, 中美/ns
    // (中 and 美), 中日/t, 英法/nz; 中方, 俄政府, 美军 (the country for its side, government or army)
    if (abbreviations.hasAt(w, 0)) {
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      // alone, after a preposition, verb, conjunction or punctuation (对俄, 帮助俄, 、阿): not a law
      // (保护法/j), a name's last character (伯德) or a preposition (里朝)
      if (w.length === 1 && (t.tag === "j" || t.tag === "ns") && (!prev || prev.tag === "p" || prev.tag === "v" || prev.tag === "c" || (prev.tag === "x" && !HAN_ONLY.test(prev.word)))) {
        out.push({ type: "location", start: t.start, end: t.end, priority: 3 });
        continue;
      }
      // a run of country abbreviations the dictionary lists as a place or name (not 美德/n), or an
      // unknown pair before no number (中以/x 2∶0 is 中 + 以)
      const run = w.length >= 2 && w.length <= 3 && countryAbbreviations.hasAt(w, 0) && countryAbbreviations.hasAt(w, 1) && (w.length === 2 || countryAbbreviations.hasAt(w, 2));
      if (run && (ABBREVIATION_RUN_TAGS.has(t.tag) || (t.tag === "x" && w.length === 2 && next !== undefined && HAN_ONLY.test(next.word)))) {
        for (let k = 0; k < w.length; k++) out.push({ type: "location", start: t.start + k, end: t.start + k + 1, priority: 3 });
        continue;
      }
      if (w.length >= 2 && countryAbbreviations.hasAt(w, 0) && abbreviationHeads.has(w.slice(1))) {
        out.push({ type: "location", start: t.start, end: t.start + 1, priority: 3 });
        continue;
      }
    }
    // a word that begins with a place's one-character name (华侨, 京剧, 台资; 爱国华侨): the character
    if (w.length >= 2 && mayEndInAbbreviatedPlaceWord(w)) {
      const at = abbreviatedPlaceAt(w);
      if (at >= 0) {
        out.push({ type: "location", start: t.start + at, end: t.start + at + 1, priority: 2 });
        continue;
      }
    }
    // a word the dictionary files as a name that ends like a place or building: 公明镇/nr,
    // 清凉寺/nr, 白金汉宫/nr, 肯特郡/nr, 马拉若岛/nr (given names rarely end so)
    if (NAME_TAGS.has(t.tag) && w.length >= 2 && PLACE_NAME_ENDINGS.hasAt(w, w.length - 1) && HAN_ONLY.test(w) && !genericPlaces.has(w)) {
      out.push({ type: "location", start: t.start, end: t.end, priority: 2 });
      continue;
    }
    // a name the dictionary files as a brand or loanword, or does not know, before a division:
    // 塔科马/nz 市, 巴达赫尚/nrt 省, 阿尔萨斯/nrt 大区
    // (not a count run into a word: 新一轮/x 乡局级)
    if ((t.tag === "nz" || t.tag === "nrt" || t.tag === "x") && w.length >= 2 && tokens[i + 1] && NAMED_DIVISIONS.has(tokens[i + 1]!.word) && HAN_ONLY.test(w) && !hasNumeral(w)) {
      out.push({ type: "location", start: t.start, end: tokens[i + 1]!.end, priority: 2 });
      i++;
      continue;
    }
    if (t.tag !== "ns" && !knownPlaces.has(t.word)) continue;
    if (genericPlaces.has(w)) continue;
    // generic words that jieba tags ns (城市, 两国) are already out; single characters need a pattern (访华)
    if (w.length < 2) continue;
    // a region of a place is the place: 东北地区 → 东北, 南亚地区 → 南亚, 黄河流域 → 黄河
    if (w.length > 3 && (w.endsWith("地区") || w.endsWith("流域"))) {
      out.push({ type: "location", start: t.start, end: t.end - 2, priority: 2 });
      continue;
    }
    // one word of two places (云南昆明, 北京王府井, 中国台北), or of a place and the people,
    // government or money of it (香港市民, 委内瑞拉政府, 亚洲各国, 德国马克): the places
    if (w.length >= 4) {
      const split = placeSplit(w);
      if (split !== null) {
        out.push({ type: "location", start: t.start, end: t.start + split.first, priority: 3 });
        if (split.second) out.push({ type: "location", start: t.start + split.first, end: t.end, priority: 3 });
        continue;
      }
    }
    // a place and the kind of division after it: 城南/ns 街道/n, 五马/ns 街道, 岳麓/ns 区; or a
    // building or ground named by it: 德黑兰/ns 机场, 虹口/ns 体育馆
    const next = tokens[i + 1];
    if (next && (DIVISION_WORDS.has(next.word) || FACILITIES.has(next.word))) {
      out.push({ type: "location", start: t.start, end: next.end, priority: 2 });
      i++;
      continue;
    }
    // (jieba files many common words as places: 关联/ns, 神圣/ns, 入门/ns)
    if (t.tag === "ns" && !looksLikePlace(w)) continue;
    // a place the dictionary knows whole wins over a known place inside it: 朝鲜半岛, 青藏高原
    out.push({ type: "location", start: t.start, end: t.end, priority: t.tag === "ns" && placePrefix(w) !== null ? 2 : 1 });
  }
}

/**
 * Last characters that make a word a kind of thing, not a given name: 许可证, 公开赛, 银行卡,
 * 纪律性, 白皮书, 边塞诗, 卢浮宫, 伏羲庙, 司令官, 宣传部 (jieba's dictionary tags some of these nr).
 */
/** Tags of common words that are also given names (真实/d, 大中/r, 国庆/t, 浩然/a, 万年/m): not nouns, verbs or reduplications. */
const WORDS_IN_GIVEN_NAMES = new Set(["a", "ad", "d", "r", "t", "m"]);
const NOUN_ENDINGS = charTable("证赛卡性书诗词传官部台带籍氏值质师办" + "宫庙寺塔堡河湖岛山顶" + RURAL_DIVISION_ENDS + CITY_ENDS);
/** Is a token a piece of a transliteration that runs on (耶夫/x, 坚科/x)? */
function continuesTransliteration(next: Token | undefined): boolean {
  return next !== undefined && (next.tag === "x" || next.tag === "nrt") && isTransliterated(next.word) && HAN_ONLY.test(next.word);
}

/** Words after a place's name in one word that name no place: its people, government or money. */
const PLACE_TAILS = new Set(["各国", "政府", "当局", "市民", "人民", "居民", "马克", "卢比", "法郎", "山水"]);
/** Is a string a place, known or in the dictionary (not a generic place word)? */
const isPlaceWord = (s: string): boolean => (knownPlaces.has(s) || wordTag(s) === "ns") && !genericPlaces.has(s);
/**
 * Where a place word splits into two places (second: true) or a place and one of {@link PLACE_TAILS}
 * (second: false); null if it does neither.
 */
function placeSplit(w: string): { first: number; second: boolean } | null {
  for (let k = w.length - 2; k >= 2; k--) {
    const rest = w.slice(k);
    // the cheap look-ups first: most place words end in neither
    const tail = PLACE_TAILS.has(rest);
    if (!tail && !knownPlaces.has(rest)) continue;
    const head = w.slice(0, k);
    if (!isPlaceWord(head)) continue;
    if (tail) return { first: k, second: false };
    // two places only when both are known ones: a transliteration holds places by chance (加利/福尼亚)
    if (rest.length >= 2 && knownPlaces.has(head) && knownPlaces.has(rest) && !DIVISION_WORDS.has(rest)) return { first: k, second: true };
  }
  return null;
}

/** Titles of foreign royalty and parliaments after a name: 费萨尔亲王, 拉特纳亚克议长. */
const FOREIGN_TITLES = new Set(["亲王", "国王", "王子", "公主", "王储", "女王", "议长", "首相", "总督", "酋长", "苏丹"]);

const japaneseSurnames = wordList(JAPANESE_SURNAMES);
/** The Japanese family name a word starts with, if any. */
function japaneseSurnameAt(word: string): string | null {
  return japaneseSurnames.longestAt(word, 0);
}
/** Tags of the words a Japanese given name is made of (龙太郎/n, 清/t 太郎/n, 纯一/b 郎/nr). */
const NAME_PART = new Set(["n", "nr", "nrfg", "nrt", "x", "t", "b", "ng", "nz", "m"]);
/** Verbs of saying after a name (说, 表示, 指出): with an adverb between too (桥本还表示). */
const SPEECH_AFTER = new Set(["说", "表示", "指出", "认为", "强调", "宣布", "称"]);

/** Words for administrative divisions that follow a place's name as a separate word. */
const DIVISION_WORDS = new Set(["街道", "社区", "镇", "乡", "村", "区", "县", "市", "省", "州", "开发区", "新区", "高新区"]);

/** Log odds (tenths) that a character starts or ends a place's name rather than a common word, by character code. */
function oddsTable(pairs: string): Int16Array {
  const table = new Int16Array(0x10000);
  for (const pair of pairs.split(" ")) if (pair.length >= 2) table[pair.charCodeAt(0)] = Number(pair.slice(1));
  return table;
}
const placeFirstOdds = oddsTable(PLACE_FIRST_CHAR_ODDS);
const placeLastOdds = oddsTable(PLACE_LAST_CHAR_ODDS);
/** How much a word begins and ends like a place's name (mean log odds of its first and last characters, tenths). */
const placeLikeness = (w: string): number => (placeFirstOdds[w.charCodeAt(0)]! + placeLastOdds[w.charCodeAt(w.length - 1)]!) / 2;
/** Below it a word looks more like a common word than a place (about e^0.9 ≈ 2.5 : 1 in favour of a place). */
const PLACE_LIKENESS_MIN = 9;
/** Last characters of the names of divisions and natural places: 县, 村, 山, 江, 岛, 寺, 宫, 峰. */
const PLACE_WORD_ENDINGS = charTable("省市县区州镇乡村旗盟街路巷里湾岛江河湖海山峰岭港洲城寺宫庙塔");
/**
 * Does a word jieba tags ns look like a place? jieba files many common words as places (关联/ns,
 * 神圣/ns, 新建/ns): one the gazetteer does not know, neither transliterated nor ending like a place
 * (栾城县, 太行山, 布达拉宫), must begin and end with characters that begin and end the names of
 * places more often than common words.
 */
function looksLikePlace(w: string): boolean {
  return knownPlaces.has(w) || isTransliterated(w) || PLACE_WORD_ENDINGS.hasAt(w, w.length - 1) || endsWithFacility(w) || placeLikeness(w) >= PLACE_LIKENESS_MIN;
}

const abbreviatedPlaceWords = new Set(ABBREVIATED_PLACE_WORDS);
const abbreviatedPlaceStarts = charTable(ABBREVIATED_PLACE_WORDS.map((x) => x[0]!));
const abbreviatedPlaceSeconds = charTable(ABBREVIATED_PLACE_WORDS.map((x) => x[1]!));
/** A cheap test before the look-up (it runs for every word): the last two or three characters start like one of the words. */
const mayEndInAbbreviatedPlaceWord = (w: string): boolean =>
  (abbreviatedPlaceStarts.hasAt(w, w.length - 2) && abbreviatedPlaceSeconds.hasAt(w, w.length - 1)) ||
  (w.length >= 3 && abbreviatedPlaceStarts.hasAt(w, w.length - 3) && abbreviatedPlaceSeconds.hasAt(w, w.length - 2));
/** Where the place's character is in a word that is, or ends in, one of {@link ABBREVIATED_PLACE_WORDS} (爱国华侨 → 2), or -1. */
function abbreviatedPlaceAt(w: string): number {
  for (let n = Math.min(3, w.length); n >= 2; n--) if (abbreviatedPlaceWords.has(w.slice(w.length - n))) return w.length - n;
  return -1;
}

/** Levels of government that name a body of the paper's own place: 市 教育局, 县 财政局. */
const LEVEL_WORDS = new Set(["市", "县", "区", "省", "镇", "乡"]);
/** Provinces and cities by their full names, above the districts and counties in them. */
const LEVEL_ABOVE_RE = /(?:省|自治区|市)$/;
/**
 * Where a body's name starts among places before its head (`j` the first, `i` the head): a
 * province or city before the place that names the body is where the body is — 长沙市/ns 芙蓉区/ns
 * 人民法院, 河南省/ns 郑州市/ns …学校, 辽宁省/ns 开原/ns …中队 (but 北京/ns 琉璃河/ns 水泥厂).
 */
function pastLevelsAbove(tokens: readonly Token[], j: number, i: number): number {
  while (j < i - 1 && tokens[j]!.tag === "ns" && tokens[j + 1]!.tag === "ns" && LEVEL_ABOVE_RE.test(tokens[j]!.word)) j++;
  return j;
}
/** Divisions that make any name before them a place's (塔科马市, 巴达赫尚省). */
const NAMED_DIVISIONS = new Set(["省", "市", "县", "乡", "镇", "村", "州", "大区", "自治区", "自治州"]);
const FACILITIES = new Set(FACILITY_WORDS);
/** Does a word hold a numeral (新一轮, 三中队)? */
const hasNumeral = (w: string): boolean => {
  for (let k = 0; k < w.length; k++) if (NUMERAL_START.hasAt(w, k)) return true;
  return false;
};

/** Tags of the words that may stand between a place and an organization's head (印刷, 新闻, 九十). */
const FILLER_TAGS = new Set(["n", "vn", "an", "nz", "m", "j", "b"]);

/**
 * May a token stand between a place and an organization's head? Nouns, numbers and places; a
 * verb or adjective after a noun too (中国/ns 文化/n 扶贫/v 委员会, 湖北省/ns 卫生/an 健康/a
 * 委员会), not one right after the place (北京/ns 举行/v 委员会会议).
 */
function isFiller(tokens: readonly Token[], k: number): boolean {
  const tag = tokens[k]!.tag;
  return FILLER_TAGS.has(tag) || tag === "ns" || ((tag === "v" || tag === "a") && k > 0 && (tokens[k - 1]!.tag === "n" || tokens[k - 1]!.tag === "vn" || tokens[k - 1]!.tag === "an"));
}

/** Tags of a word between a body and a unit of it: 农村/n 科技司, 心连心/nz 艺术团, 北京市/ns 分会. */
const UNIT_FILLER_TAGS = new Set(["n", "nz", "ns", "vn"]);
/** Units and organs of a body, after its name: 党组, 研究室, 分会, 影视部. */
const UNIT_WORDS = new Set(["党组", "党委", "研究室", "办公室", "分会", "分局", "支部", "总部", "秘书处", "影视部", "编辑部", "常委会"]);
/** Does a token head a unit of the body before it (a body the segmenter knows, or a word in 局, 司, 委员会, 中心…)? */
function isUnitHead(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.tag === "nt") return !DIRECTION_PART_RE.test(t.word);
  return (t.tag === "n" || t.tag === "nz" || t.tag === "j") && (UNIT_WORDS.has(t.word) || (t.word.length >= 2 && isOrgHead(t.word) && !genericBodies.has(t.word) && !KIND_HEADS.has(t.word)));
}

/** The known place a word starts with (the longest of two to four characters), if any. */
function placePrefix(word: string): string | null {
  for (let n = Math.min(4, word.length - 1); n >= 2; n--) if (knownPlaces.has(word.slice(0, n))) return word.slice(0, n);
  return null;
}

/**
 * Organizations: a head (a token jieba tags nt, or a noun ending in a body suffix such as 队,
 * 大学, 委员会) extended left over the place names and proper nouns that name it
 * (郑州/ns 公安局/nt, 青岛/ns 海牛/nz 队/n). A head that only names a kind of body (市政府,
 * 公安局) is a reference, not a name, unless something names it.
 */
function organizationHits(tokens: readonly Token[], out: TokenHit[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // the ministry in a minister's title, with the country before it: 美国/ns 财政部长/n → 美国财政部
    if (t.tag === "n" && t.word.endsWith("长") && MINISTER_RE.test(t.word) && !titleCores.has(t.word)) {
      let j = i;
      if (tokens[i - 1]?.tag === "ns" && !genericPlaces.has(tokens[i - 1]!.word)) j = i - 1;
      else if (tokens[i - 1]?.word === "前" && tokens[i - 2]?.tag === "ns") j = i - 2; // 美国前商务部长
      out.push({ type: "organization", start: tokens[j]!.start, end: t.end - 1, priority: 3 });
      continue;
    }
    // abbreviations of bodies (北大/j, 法航/j, 纪委/j, 村委会/j), parties and houses of parliament
    // by their own names (保守党/n, 新芬党/n, 参议院/n): a body each, alone
    // (tags and look-ups first: this runs for every word)
    const selfNamed =
      ((t.tag === "j" && isAbbreviatedBody(t.word)) || ((t.tag === "n" || t.tag === "nz") && (isPartyName(t.word) || LEGISLATURES.has(t.word)))) &&
      HAN_ONLY.test(t.word) && !genericBodies.has(t.word) && !titleCores.has(t.word) && !NUMERAL_START.hasAt(t.word, 0);
    // (the segmenter files some heads as verbs or unknown words: 蝶阀厂/v — named by a place only)
    const head =
      selfNamed ||
      t.tag === "nt" ||
      ((t.tag === "n" || t.tag === "nz" || t.tag === "j") && HAN_ONLY.test(t.word) && (isOrgHead(t.word) || isKnownBody(t.word))) ||
      ((t.tag === "v" || t.tag === "x") && t.word.length >= 3 && SHORT_HEAD_ENDINGS.hasAt(t.word, t.word.length - 1) && tokens[i - 1]?.tag === "ns" && HAN_ONLY.test(t.word));
    // (a part of a region is none, named or not: 华北/ns 中南部/nt)
    if (!head || nonNamingHeads.has(t.word) || DIRECTION_PART_RE.test(t.word)) continue;
    // one word of a place and what names no body: 中国政府/nt and 中国航天/nt are a place and a
    // common word; 中国队/nt and 北京大学/nt are bodies
    const placeHead = placePrefix(t.word);
    if (placeHead !== null && t.tag === "nt") {
      const rest = t.word.slice(placeHead.length);
      const restTag = wordTag(rest);
      const commonWord = (restTag !== null && /^(?:n|vn|v|a|l|i)$/.test(restTag) && !ANY_BODY_END_RE.test(rest) && !endsWithFacility(rest)) || KIND_HEADS.has(rest);
      if (nonNamingHeads.has(rest) || commonWord) {
        out.push({ type: "location", start: t.start, end: t.start + placeHead.length, priority: 2 });
        continue;
      }
    }
    // a body known by name (国务院, 新华社, 外交部) takes only a place before it (美国国务院): 日电/j
    // 国务院 and 本报讯 新华社 are a dateline and a body
    const known = isKnownBody(t.word);
    let j = i;
    while (j > 0) {
      const p = tokens[j - 1]!;
      if (!HAN_ONLY.test(p.word)) break;
      // one place only: 黑龙江省/ns 阿城/ns 市委 is a province and the city's committee
      // (a known place the segmenter tags otherwise counts: 广元/nz 市委)
      if (known && ((p.tag !== "ns" && !knownPlaces.has(p.word)) || j < i)) break;
      // (the level alone names the paper's own place's body: 市/n 教育局, 县/n 财政局)
      const level = j === i && p.word.length === 1 && LEVEL_WORDS.has(p.word) && !known && t.word.length >= 3;
      const namer = (p.tag === "ns" && looksLikePlace(p.word)) || p.tag === "nt" || p.tag === "nz" || p.tag === "j" || (p.tag === "b" && j - 1 > 0 && tokens[j - 2]!.tag === "ns") || level;
      if (!namer || genericPlaces.has(p.word)) break;
      if (t.end - p.start > 20) break;
      j--;
    }
    j = pastLevelsAbove(tokens, j, i);
    // a place or a body, then up to four words before the head: 中国/ns 印刷/vn 博物馆/n,
    // 国务院/nt 法制/n 办公室/n, 加拿大/ns 海军/n 太平洋/ns 舰队/n; or a word that starts the names
    // of national bodies: 国家/n 新闻出版署/nt, 国际/n 狮子会/n
    if (j === i) {
      let f = i;
      while (f > 0 && i - f < 5 && isFiller(tokens, f - 1) && HAN_ONLY.test(tokens[f - 1]!.word)) f--;
      // the longest stretch that starts with an anchor
      for (let a = f; a < i; a++) {
        const anchor = tokens[a]!;
        if (((anchor.tag === "ns" && !genericPlaces.has(anchor.word) && looksLikePlace(anchor.word)) || BODY_NAME_STARTS.has(anchor.word)) && t.end - anchor.start <= 16) {
          j = a;
          break;
        }
      }
      j = pastLevelsAbove(tokens, j, i);
      const before = tokens[f - 1];
      if (j === i && f < i && before && (before.tag === "nt" || before.tag === "ns") && !genericPlaces.has(before.word) && t.end - before.start <= 16) j = f - 1;
    }
    // a place before a word for any body of a kind is the place's bodies, not one body's name
    // (美国/ns 公司, 非洲/ns 球队, 墨西哥/ns 军队); nor is a count of them (曼谷/ns 一家/m 报社)
    if (j < i) {
      let counted = false;
      let placesOnly = true;
      for (let q = j; q < i; q++) {
        if (isCount(tokens[q]!)) counted = true;
        else if (tokens[q]!.tag !== "ns") placesOnly = false;
      }
      if (placesOnly && (counted || isKindOfBodies(t.word))) continue;
    }
    // absorb the units after it, which the name of the body names (北京大学/nt 中文系/nt,
    // 科学技术部/nt 农村/n 科技司/n, 福州市国税局 党组, 中央电视台 心连心/nz 艺术团): a head,
    // or one word and a head
    let k = i;
    // (a body of a kind named by nothing names no unit — 俱乐部 新闻学院, 大学 医学院 — but a
    // government of the paper's place does: 市政府 新闻处)
    const unnamedKind = j === i && genericBodies.has(t.word) && !t.word.endsWith("政府") && !t.word.endsWith("委");
    while (!unnamedKind) {
      const step = isUnitHead(tokens[k + 1]) ? 1 : tokens[k + 1] && UNIT_FILLER_TAGS.has(tokens[k + 1]!.tag) && HAN_ONLY.test(tokens[k + 1]!.word) && isUnitHead(tokens[k + 2]) ? 2 : 0;
      if (step === 0 || tokens[k + step]!.end - tokens[j]!.start > 24) break;
      k += step;
    }
    // (a following body the segmenter knows names the head: 北京大学/nt 中文系/nt; a unit of a
    // kind does not: 集团 董事局)
    let absorbedBody = false;
    for (let q = i + 1; q <= k; q++) if (tokens[q]!.tag === "nt") absorbedBody = true;
    const named = j < i || absorbedBody || selfNamed;
    const word = tokens.slice(j, k + 1).map((x) => x.word).join("");
    if (!named && (genericBodies.has(t.word) || t.word.length < 2)) continue;
    // a government named by no place is a reference, not a name: 特区政府, 新政府
    if (!named && t.word.endsWith("政府")) continue;
    // one noun that is a place's team or body: 古巴队/n, 匈牙利队/n
    const placeBody = !named && t.tag !== "nt" && placePrefix(t.word) !== null && !genericPlaces.has(placePrefix(t.word)!);
    if (!named && t.tag !== "nt" && !placeBody) continue;
    // jieba's dictionary tags many common phrases nt (天文学, 公共场所, 长足进展, 国际化): a body
    // the segmenter knows alone must end like one (委员会, 银行, 党, 社) or start with a place
    if (t.tag === "nt" && !selfNamed && !isKnownBody(t.word) && !ANY_BODY_END_RE.test(t.word) && !NT_BODY_END_RE.test(t.word) && !isOrgHead(t.word) && placePrefix(t.word) === null) continue;
    // a body the segmenter knows whose name starts with a place (中国队/nt, 北京大学/nt) is one
    // organization, not a place with a word after it
    const priority = (t.tag === "nt" || placeBody) && j === i && word.length >= 3 && placePrefix(word) !== null ? 3 : named || word.length >= 4 ? 2 : 1;
    out.push({ type: "organization", start: tokens[j]!.start, end: tokens[k]!.end, priority });
    i = k;
  }
}

/**
 * @param tagOf the segmenter's tag of a string that is one word to it, null if several — the
 * extractor asks its segmenter and caches the answer. A word that is not a name (not nr, nrfg,
 * nrt or x) is a common word.
 */
export function tokenHits(tokens: readonly Token[], tagOf: (s: string) => string | null = () => null, frequencyOf: (s: string) => number = () => Number.POSITIVE_INFINITY): TokenHit[] {
  wordTag = tagOf;
  // a common word: not a name, a place, a body, a brand or a made-up word (亚平/ns can be a given
  // name), and one the dictionary has seen often: jieba lists given names as nouns too (宏志/n 7,
  // 锦涛/n 3 — from the names it was built on), common words hundreds of times (阵雨/n 75, 少年 4039)
  const isWord = (s: string) => {
    const tag = tagOf(s);
    return tag !== null && !NAME_TAGS.has(tag) && tag !== "x" && tag !== "ns" && tag !== "nz" && tag !== "nt" && tag !== "j" && frequencyOf(s) >= COMMON_WORD_COUNT;
  };
  givenIsWord = (name, whole) => isWord(whole ? name : name.slice(name.length - 2));
  const out: TokenHit[] = [];
  personHits(tokens, out);
  locationHits(tokens, out);
  organizationHits(tokens, out);
  return out;
}
