import { BYLINE_ROLES, BYLINE_ROLE_PREFIXES, COMPOUND_SURNAMES, DATELINE_AGENCIES, SINGLE_SURNAMES, alternation, execAtEnd, type ContributorKind } from "@yk/lexicon";
import type { Contributor, Dateline } from "@yk/schema";

const ROLE_WORDS = Object.keys(BYLINE_ROLES).filter((r) => r.length >= 2 || r === "文");
const CREDIT_SUFFIXES = ["文/摄", "文/图", "图/文", "摄/文", "摄影报道", "摄影", "摄", "图", "采访整理", "整理", "报道", "文"];
// bounded: an unbounded (a|ab)* before a failing tail backtracks exponentially
const PREFIX = `(?:${alternation(BYLINE_ROLE_PREFIXES)}){0,3}`;
/** A role as printed: optional prefixes (本报, 融媒, 首席 …) and a role word (记者, 通讯员 …). */
const ROLE_RE = new RegExp(`^(${PREFIX}(?:${alternation(ROLE_WORDS)}))`);
const AGENCY = alternation(DATELINE_AGENCIES);
/**
 * 本报讯, 本报北京3月24日电, 新华社北京1月11日电, 本报记者 … (the dateline before a bracketed byline).
 * Justification may space a date's digits (本报北京1 0月9日电): a space may stand between two digits
 * and around a number.
 */
const DATELINE = `(?:(${AGENCY})讯|(${AGENCY})([\\u4e00-\\u9fff]{0,8}?) ?((?:\\d(?: ?\\d){3} ?年 ?)?\\d(?: ?\\d)? ?月 ?\\d(?: ?\\d)? ?日)?(?:[\\u4e00-\\u9fff]{0,3})?电)`;
const DATELINE_RE = new RegExp(`^${DATELINE}`);
/** {@link DATELINE_RE} at `lastIndex` (sticky): a dateline opening a text after its first code units, read in place. */
const DATELINE_AT_RE = new RegExp(DATELINE, "y");
const NAME_RE = /^[\u4e00-\u9fff·]{2,5}$/;

/**
 * The characters a match of any of `words` starts with, for a cheap test before a long
 * alternation is tried; null (no test) if a word is empty.
 */
function firstCharsOf(words: readonly string[]): Set<number> | null {
  return words.some((w) => w.length === 0) ? null : new Set(words.map((w) => w.charCodeAt(0)));
}

/** Can `text` start with one of the words `firsts` was made of? */
function mayStartWith(firsts: Set<number> | null, text: string): boolean {
  return firsts === null || firsts.has(text.charCodeAt(0));
}

/** A pattern that finds any of the characters `firsts` holds (matches anything when null). */
function anyCharOf(firsts: Set<number> | null): RegExp {
  if (firsts === null) return /^/;
  return new RegExp(`[${[...firsts].map((c) => `\\u${c.toString(16).padStart(4, "0")}`).join("")}]`);
}
const GLUED_ROLE = `(${PREFIX}(?:${alternation(ROLE_WORDS.filter((r) => r.length >= 2))}))`;
const GLUED_ROLE_RE = new RegExp(GLUED_ROLE, "g");
/** {@link GLUED_ROLE_RE}'s first match only (no global state to reset). */
const FIRST_GLUED_ROLE_RE = new RegExp(GLUED_ROLE);
/** What parts the tokens of a credit: white space, 、 and the other list separators. */
const TOKEN_SEPARATORS_RE = /[\s、，,；;]+/;

/**
 * `token` (no separator in it) into `out`, parted around each role glued to it after a line break
 * lost the spaces: 记者钱晓燕通讯员邵立群 → 记者, 钱晓燕, 通讯员, 邵立群. A role matches no separator,
 * so parting each token is parting the whole text; most tokens hold no role, or are one.
 */
function pushUnglued(token: string, out: string[]): void {
  const m = FIRST_GLUED_ROLE_RE.exec(token);
  if (m === null || (m.index === 0 && m[0].length === token.length)) {
    out.push(token);
    return;
  }
  for (const part of token.replace(GLUED_ROLE_RE, " $& ").split(" ")) if (part) out.push(part);
}
/** Where a dateline can start: an agency. */
const DATELINE_FIRSTS = firstCharsOf(DATELINE_AGENCIES);

/**
 * Opens with an agency's name (本报, 新华社 …), as every dateline does (DATELINE_RE): tested before
 * the pattern, which many a body line opening with 中, 人 or 新 would otherwise be tried against.
 */
function opensWithAgency(text: string, from = 0): boolean {
  for (let k = 0; k < DATELINE_AGENCIES.length; k++) if (text.startsWith(DATELINE_AGENCIES[k]!, from)) return true;
  return false;
}
/**
 * A credit or byline has a role word (文 too) or a credit's suffix (摄, 文/图 …) in it: a text
 * without any character these start with is none (tested before the patterns, which cost more).
 */
const CREDIT_WORD_CHAR_RE = anyCharOf(firstCharsOf([...ROLE_WORDS, ...CREDIT_SUFFIXES]));
/**
 * The words themselves: a text that has one of those characters but none of the words (文化…,
 * 实事, 报告) is no credit either, and is spared the tokens parseContributors makes and the photo
 * credit's pattern (whose 摄 is a suffix).
 */
const CREDIT_WORD_RE = new RegExp(alternation([...ROLE_WORDS, ...CREDIT_SUFFIXES]));

/** Role words, longest first: a role is of the kind of the longest word it ends with. */
const ROLE_WORDS_LONGEST_FIRST = Object.keys(BYLINE_ROLES).sort((a, b) => b.length - a.length);
/** The same words by their last code unit, longest first: only these can end a role that ends so. */
const ROLE_WORDS_BY_LAST = new Map<number, string[]>();
for (const word of ROLE_WORDS_LONGEST_FIRST) {
  const last = word.charCodeAt(word.length - 1);
  const words = ROLE_WORDS_BY_LAST.get(last);
  if (words) words.push(word);
  else ROLE_WORDS_BY_LAST.set(last, [word]);
}

function kindOfRole(role: string | null, suffix: string | null): ContributorKind {
  // 文/摄 and 图/文: wrote and photographed; on a credit the photograph is what is credited
  if (suffix && (suffix.includes("摄") || suffix.includes("图"))) return "photographer";
  if (!role) return "author";
  const words = ROLE_WORDS_BY_LAST.get(role.charCodeAt(role.length - 1));
  if (words) for (const word of words) if (role.endsWith(word)) return BYLINE_ROLES[word]!;
  return "author";
}

/**
 * The credit's suffix a token is or ends with (王明摄 → 摄; 文 only alone: 钱文 is a name), the
 * first in {@link CREDIT_SUFFIXES}' order.
 */
function creditSuffixOf(t: string): string | undefined {
  for (const s of CREDIT_SUFFIXES) {
    if (t === s || (s !== "文" && t.endsWith(s) && NAME_RE.test(t.slice(0, -s.length)))) return s;
  }
  return undefined;
}

/**
 * Contributors of a credit or the inside of a byline's brackets:
 * "融媒首席记者 王丽娟", "记者 王明、李华 通讯员 张三", "融媒记者 郁文涛 摄", "王明 文/摄", "记者王明".
 * Returns null when the text is not a credit (an unknown word where a name or role must be).
 */
export function parseContributors(text: string): Contributor[] | null {
  const tokens: string[] = [];
  for (const token of text.trim().replace(/[（(）)]/g, " ").split(TOKEN_SEPARATORS_RE)) if (token) pushUnglued(token, tokens);
  if (tokens.length === 0 || tokens.length > 48) return null;
  const spaced = !/[、，,；;（(）)]/.test(text);
  const out: { name: string; role: string | null; suffix: string | null }[] = [];
  let role: string | null = null;
  let pendingSingle = "";
  let sawRole = false;
  for (let k = 0; k < tokens.length; k++) {
    let t = tokens[k]!;
    // a round-up's 综合 before its reporters' role (综合本报记者 李刚、王明报道): a word, not a name
    if (t === "综合" && k === 0 && tokens[1] !== undefined && ROLE_RE.test(tokens[1])) continue;
    const roleMatch = ROLE_RE.exec(t);
    if (roleMatch && roleMatch[1] !== t && !CREDIT_SUFFIXES.includes(t)) {
      // role glued to a name: 记者王明
      role = roleMatch[1]!;
      sawRole = true;
      t = t.slice(role.length);
    } else if (roleMatch && roleMatch[1] === t && !(t === "文" && (out.length > 0 || pendingSingle))) {
      // (文 after a name is its credit, or the second half of a letter-spaced name: 钱 文)
      role = t;
      sawRole = true;
      continue;
    }
    const suffix = creditSuffixOf(t);
    if (suffix && out.length > 0 && t === suffix) {
      for (const c of out) if (c.suffix === null) c.suffix = suffix;
      continue;
    }
    if (suffix && t !== suffix) {
      out.push({ name: t.slice(0, -suffix.length), role, suffix });
      continue;
    }
    if (/^[\u4e00-\u9fff]$/.test(t)) {
      // a two-character name padded to three ("王 明")
      pendingSingle += t;
      if (pendingSingle.length === 2) {
        out.push({ name: pendingSingle, role, suffix: null });
        pendingSingle = "";
      }
      continue;
    }
    // a name parted by spaces after another starts with a surname: a word after the names (核心 of
    // 核心阅读 run into the line) is none; a first name (本报记者 莽九晨) and a list in brackets or
    // parted by 、 (李锋、暨佩娟) are names whatever their surname
    const loose = spaced && out.length > 0 && !SURNAME_RE.test(t);
    const names = NAME_RE.test(t) && t.length <= 3 && !loose ? [t] : splitGluedNames(t);
    if (!names) return null;
    for (const name of names) out.push({ name, role, suffix: null });
  }
  if (pendingSingle || out.length === 0) return null;
  // without any role word, only "X 摄"-style credits count
  if (!sawRole && !out.some((c) => c.suffix)) return null;
  return out.map((c) => ({
    name: c.name,
    role: c.role ?? (c.suffix && c.suffix !== "摄" ? c.suffix : null),
    kind: kindOfRole(c.role, c.suffix),
  }));
}

const SURNAME_RE = new RegExp(`^(?:${alternation(COMPOUND_SURNAMES)}|[${SINGLE_SURNAMES}])`);

/**
 * Names whose separating spaces were lost (justification, a line break): 章若琳汤志伟 → 章若琳, 汤志伟.
 * Splits into names of two or three characters that each start with a surname, preferring three;
 * a 4–5 character token that splits no way is kept as one name (欧阳明华).
 */
export function splitGluedNames(token: string): string[] | null {
  if (!/^[\u4e00-\u9fff]{2,12}$/.test(token)) return null;
  const best = (rest: string): string[] | null => {
    if (rest.length === 0) return [];
    for (const len of [3, 2, 4]) {
      if (rest.length < len) continue;
      const head = rest.slice(0, len);
      if (!SURNAME_RE.test(head)) continue;
      const tail = best(rest.slice(len));
      if (tail) return [head, ...tail];
    }
    return null;
  };
  const split = best(token);
  if (split && split.length > 1) return split;
  return token.length <= 5 && SURNAME_RE.test(token) ? [token] : split;
}

export interface BylineMatch {
  /** Length of the byline at the start of the text (its end offset). */
  length: number;
  text: string;
  dateline: Dateline | null;
  contributors: Contributor[];
}

/** Where the first closing bracket between `from` and `to` (exclusive) is, from `from`; -1 if none. */
function closingBracketIn(text: string, from: number, to: number): number {
  const end = Math.min(to, text.length);
  for (let k = from; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0xff09 || c === 0x29) return k - from;
  }
  return -1;
}

/**
 * A byline at the start of a paragraph: 本报讯（融媒首席记者 王丽娟）, 新华社北京1月11日电（记者 X）,
 * or a whole line such as 本报记者 王明 / 记者 王明 通讯员 李华.
 */
export function matchLeadingByline(text: string, year?: number): BylineMatch | null {
  if (!mayStartWith(DATELINE_FIRSTS, text) || !opensWithAgency(text)) return null;
  const dl = DATELINE_RE.exec(text);
  if (dl) {
    let end = dl[0].length;
    let contributors: Contributor[] = [];
    // 本报北京9月30日电  （记者张烁）: spaces may stand before the bracket
    let at = end;
    while (at < end + 3 && (text[at] === " " || text[at] === "\u3000" || text[at] === "\u00a0")) at++;
    const open = text[at];
    if (open === "（" || open === "(") {
      end = at;
      const close = closingBracketIn(text, end + 1, end + 60);
      if (close >= 0) {
        const inner = text.slice(end + 1, end + 1 + close);
        // a dateline's bracket holds its reporters, with their role or without: （记者张烁）, （何旭）, （金歆、吴旭）
        contributors = parseContributors(inner) ?? namesOf(inner.replace(/[、，,]/g, " ")) ?? [];
        end = end + 1 + close + 1;
      }
    }
    const agency = dl[1] ?? dl[2] ?? null;
    const printedDate = dl[4]?.replace(/ /g, "") ?? null;
    let date: string | null = printedDate;
    const md = printedDate && /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/.exec(printedDate);
    if (md) {
      const y = md[1] ? Number(md[1]) : year;
      if (y) date = `${y}-${md[2]!.padStart(2, "0")}-${md[3]!.padStart(2, "0")}`;
    }
    return {
      length: end,
      text: text.slice(0, end),
      dateline: { text: dl[0], agency, place: dl[3] ? dl[3] : null, date },
      contributors,
    };
  }
  return null;
}

/**
 * Does `text` open with a dateline at code unit `from` (据新华社…电 is read from 1)? Whether
 * {@link matchLeadingByline} would match there, without reading the byline's bracket and date:
 * the many callers that only ask this are spared that work and a slice.
 */
export function opensWithDatelineAt(text: string, from = 0): boolean {
  if ((DATELINE_FIRSTS !== null && !DATELINE_FIRSTS.has(text.charCodeAt(from))) || !opensWithAgency(text, from)) return false;
  DATELINE_AT_RE.lastIndex = from;
  return DATELINE_AT_RE.test(text);
}

/** A whole paragraph that is a byline or photo credit without dateline: 本报记者 王明, 融媒记者 郁文涛 摄. */
export function matchCredit(text: string): Contributor[] | null {
  if (text.length > 60 || /[。！？；]/.test(text) || !CREDIT_WORD_CHAR_RE.test(text) || !CREDIT_WORD_RE.test(text)) return null;
  return parseContributors(text) ?? matchPhotoCredit(text);
}

/** 刘 辉摄（影像中国）, 新华社记者 王明摄（新华社发）: names, then 摄, then the picture's source in brackets. */
const PHOTO_CREDIT_RE = /^([^（）()]{2,40}?)\s*(?:摄影报道|摄影|摄)\s*(?:[（(][^（）()]{1,16}[）)])?$/;

function matchPhotoCredit(text: string): Contributor[] | null {
  const m = PHOTO_CREDIT_RE.exec(text.trim());
  if (!m) return null;
  const contributors = parseContributors(m[1]!) ?? namesOf(m[1]!);
  return contributors?.map((c) => ({ ...c, kind: "photographer" as const })) ?? null;
}

const LEADING_BRACKET_RE = /^[（(]([^（）()]{1,40})[）)]/;

/**
 * The bracket of a dateline that layout put at the start of the next paragraph:
 * 本报北京10月7日电 / （记者李红梅）来自… — role and names, or names alone (（李龙伊、程欣然）).
 */
export function matchBracketByline(text: string): BylineMatch | null {
  const m = LEADING_BRACKET_RE.exec(text);
  if (!m) return null;
  const contributors = parseContributors(m[1]!) ?? namesOf(m[1]!.replace(/[、，,]/g, " "));
  return contributors && contributors.length > 0 ? { length: m[0].length, text: m[0], dateline: null, contributors } : null;
}

/** Longest bracketed list of reporters: a round-up names a score of them (（综合本报记者甲、乙、…报道）). */
export const BRACKETED_NAMES_LENGTH = 240;
const BRACKETED_RE = new RegExp(`^[（(]([^（）()]{2,${BRACKETED_NAMES_LENGTH - 2}})[）)]$`);

/**
 * A paragraph that is nothing but a bracketed list of reporters, closing a story or one part of
 * it: （本报记者王沛、李茂颖、申智林）, （倪光辉、刘侃）, （赵 兵 丁雅诵）. Null for any other
 * bracket (（相关报道见第十版）, （作者为…）): every name must start with a surname.
 */
export function matchBracketedNames(text: string): Contributor[] | null {
  if (text.length > BRACKETED_NAMES_LENGTH) return null;
  const m = BRACKETED_RE.exec(text.trim());
  if (!m) return null;
  const contributors = parseContributors(m[1]!) ?? namesOf(m[1]!.replace(/[、，,]/g, " "));
  return contributors && contributors.length > 0 ? contributors : null;
}

const TRAILING_BYLINE_RE = /[（(]([^（）()]{2,40})[）)]$/;

/** A byline in brackets closing a brief: …活动。（记者 王明 通讯员 李华） */
export function matchTrailingByline(text: string): { start: number; contributors: Contributor[] } | null {
  // only the last 43 code units can match (no bracket inside, at most 40 between)
  const m = execAtEnd(TRAILING_BYLINE_RE, text, 43);
  if (!m || m.index === 0) return null;
  const contributors = parseContributors(m[1]!);
  return contributors ? { start: m.index, contributors } : null;
}

/**
 * The names of a line that is nothing but names, as bylines print them apart from the text:
 * `李建毅 王 志`, `陈利刚  向  斌`, a lone `李运球`. Each name starts with a surname; a
 * two-character name may be letter-spaced to the width of three. Null for anything else.
 */
export function nameTokens(text: string): string[] | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 24 || !/^[\u4e00-\u9fff\s·]+$/.test(t)) return null;
  const tokens = t.split(/\s+/);
  const names: string[] = [];
  let pending = "";
  for (const token of tokens) {
    if (token.length === 1) {
      pending += token;
      if (pending.length === 2) {
        if (!SURNAME_RE.test(pending)) return null;
        names.push(pending);
        pending = "";
      }
      continue;
    }
    if (pending || token.length > 4 || !SURNAME_RE.test(token)) return null;
    names.push(token);
  }
  return pending || names.length === 0 ? null : names;
}

export function isNameLine(text: string): boolean {
  return nameTokens(text) !== null;
}

/** Contributors of a names-only byline: authors without a printed role. */
export function namesOf(text: string): Contributor[] | null {
  return nameTokens(text)?.map((name) => ({ name, role: null, kind: "author" as const })) ?? null;
}

const RUN_IN_RE = new RegExp(`^(${PREFIX}(?:${alternation(ROLE_WORDS.filter((r) => r.length >= 2))}))((?:\\s+[\\u4e00-\\u9fff]{1,4}){1,6})(?:\\s+(?=\\S)|(?=\\d)|\\s*$)`);
/** Where a run-in byline can start: a role's prefix or a role word. */
const RUN_IN_FIRSTS = firstCharsOf([...BYLINE_ROLE_PREFIXES, ...ROLE_WORDS.filter((r) => r.length >= 2)]);

/**
 * A byline run into the first body line: `本报记者 庞革平 入秋以来，…`. `firstLine` is the
 * paragraph's first printed line with its word spaces; `text` the paragraph, whose spaces a
 * join may have dropped. The match's length is in `text`.
 */
export function matchRunInByline(firstLine: string, text: string): BylineMatch | null {
  if (!mayStartWith(RUN_IN_FIRSTS, firstLine)) return null;
  const m = RUN_IN_RE.exec(firstLine);
  if (!m) return null;
  // the longest run of tokens that reads as names: the body's first word may look like one
  const tokens = m[2]!.trim().split(/\s+/);
  let names: string[] | null = null;
  let used = tokens.length;
  for (; used > 0 && !names; used--) names = nameTokens(tokens.slice(0, used).join(" "));
  if (!names) return null;
  used++;
  // as many characters of `text` as the byline has non-space characters
  const want = m[1]!.length + tokens.slice(0, used).join("").length;
  let end = 0;
  for (let seen = 0; end < text.length && seen < want; end++) if (!/\s/.test(text[end]!)) seen++;
  // the rest must be a body, not a credit's 摄 or 文/图, more names or another role: a narrow
  // column's first line may hold only a few characters of it (本报记者 况鑫庆 为贯彻落 / …)
  const rest = text.slice(end).trim();
  if (rest.length < 2 || CREDIT_SUFFIXES.some((s) => rest.startsWith(s) && rest.length <= s.length + 2)) return null;
  if (rest.length < 6 && (nameTokens(rest) !== null || ROLE_RE.test(rest) || /^[（(]/.test(rest))) return null;
  const role = m[1]!;
  const kind = kindOfRole(role, null);
  return { length: end, text: text.slice(0, end), dateline: null, contributors: names.map((name) => ({ name, role, kind })) };
}
