// A page composer for measuring and training the splitter on real articles: it lays the articles
// of one printed page (pd-pages.mjs) out the way a PDF extractor hands a page to us — column lines,
// justification spaces, headline groups (sometimes after their body), bylines, page furniture — and
// returns the raw text with the expected parse (`gold`) and a role for every printed piece
// (`regions`), both known by construction. Deterministic from the seed.
//
// Gold roles of the source's own paragraphs come from one function, roleOfSourceParagraph, whose
// rules are written out above it. Names invented for bylines and staff lines are made from
// SINGLE_SURNAMES and a fixed list of common given-name characters, never from the articles.
import { BYLINE_ROLES, BYLINE_ROLE_PREFIXES, COMPOUND_SURNAMES, DATELINE_AGENCIES, OPENING_MARKS, isAsciiAlnum, SINGLE_SURNAMES, STAFF_LINE_ROLES, WEEKDAYS, charWidth, isSpace } from "@yk/lexicon";

/** mulberry32: a small seeded PRNG, so that a page id and a seed always give the same page. */
export function createRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [lo, hi], both included. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

/** A stable 32-bit seed from a string (FNV-1a), for a fixed seed per page id. */
export function seedOf(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Invented names and page furniture words (written for this composer).

/** Common given-name characters of mainland names: material for invented bylines and staff lines. */
const GIVEN_NAME_CHARS = "明华志建伟芳丽军强平敏静磊洋勇艳杰娟涛超秀霞刚桂英文辉鹏宇鑫斌波宁红云峰海东晓亮俊凯玲丹莉萍雪梅琳燕颖晨欣新春立国庆永";
/** Section names (版名) printed in the page label. */
const SECTION_NAMES = ["要闻", "综合", "国内", "国际", "经济", "政治", "文化", "社会", "体育", "评论", "理论", "副刊", "视点", "地方", "法治", "教育", "科技", "生态", "民生", "环球"];
/** Roles of an invented byline printed on its own line or run into the first body line. */
const INVENTED_BYLINE_ROLES = ["本报记者", "本报记者", "本报记者", "记者", "本报特约记者", "本报通讯员"];
/**
 * How an invented byline is printed: 本报记者 王 明 (role+name), 本报记者  韩立新  周  平 (role+names),
 * names alone (韩立新 周 平), a lone three-character name, or run into the first body line.
 */
const INVENTED_BYLINE_STYLES = ["role+name", "role+names", "names", "lone", "run-in"];
/** Closing punctuation a line may hang past its width rather than start the next line with (禁则: no line starts with one). */
const HANGING_MARKS = "。，、」”’）》：；！？";

function inventName(rng) {
  const surname = SINGLE_SURNAMES[rng.int(0, SINGLE_SURNAMES.length - 1)];
  const given = rng.chance(0.55) ? rng.pick(GIVEN_NAME_CHARS) + rng.pick(GIVEN_NAME_CHARS) : rng.pick(GIVEN_NAME_CHARS);
  return surname + given;
}

/** Two-character names are letter-spaced on the page (王 明, 王  明); longer ones are not. */
function printName(name, rng) {
  return name.length === 2 ? name[0] + (rng.chance(0.5) ? " " : "  ") + name[1] : name;
}

// ---------------------------------------------------------------------------------------------
// Roles of the source's paragraphs.

const WS = "\\s\\u00a0\\u3000";
const ROLE_WORDS = Object.keys(BYLINE_ROLES).filter((r) => r.length >= 2).sort((a, b) => b.length - a.length);
const ROLE_PREFIXES = [...BYLINE_ROLE_PREFIXES].sort((a, b) => b.length - a.length);
const ROLE = `(?:${ROLE_PREFIXES.join("|")}){0,3}(?:${ROLE_WORDS.join("|")})`;
const AGENCIES = DATELINE_AGENCIES.join("|");
const DATELINE_RE = new RegExp(`^(?:(?:${AGENCIES})讯|(?:${AGENCIES})[\\u4e00-\\u9fff]{0,10}?(?:\\d{1,2}月\\d{1,2}日)?电)`);
const BRACKET_RE = new RegExp(`^[${WS}]*（([^（）]{1,40})）`);
const BYLINE_PARAGRAPH_RE = new RegExp(`^(${ROLE})[${WS}]*([\\u4e00-\\u9fff·、${WS}]+)$`);
const CREDIT_RE = new RegExp(`^(?:(${ROLE})[${WS}]*)?([\\u4e00-\\u9fff·、${WS}]{2,30}?)摄(?:影报道|影)?(?:[${WS}]*（[^（）]{1,12}）)?$`);
const STAFF_ROLES = [...STAFF_LINE_ROLES].sort((a, b) => b.length - a.length).join("|");
/** 版式设计：林青, 责任编辑  林青 (a long role needs no colon), 编辑：林青 (t without white space). */
const STAFF_PARAGRAPH_RE = new RegExp(`^(?:本版)?(?:(?:版式设计|责任编辑)[:：]?|(?:${STAFF_ROLES})[:：])(?:[\u4e00-\u9fff·]{2,8}[、，]?){1,6}$`);
const SURNAME_START_RE = new RegExp(`^(?:${COMPOUND_SURNAMES.join("|")}|[${SINGLE_SURNAMES}])`);
const NAMES_ONLY_RE = new RegExp(`^[\\u4e00-\\u9fff·、${WS}]+$`);
const SPACES_RE = new RegExp(`[${WS}]+`, "g");
/** A name as bylines print them: 2–4 Han characters, or a transcribed name with a middle dot. */
const isPersonName = (name) => /^[\u4e00-\u9fff]{2,4}$/.test(name) || /^[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,12}$/.test(name);

/** All white space out (incl. U+00A0, U+3000) and a leading ——: how texts are compared. */
export function normalizeText(text) {
  return (text ?? "").replace(SPACES_RE, "").replace(/^——/, "");
}

/** The kind a role word gives its names (通讯员 → correspondent, 摄影 → photographer, else author). */
function kindOfRole(role) {
  if (!role) return "author";
  const word = ROLE_WORDS.find((w) => role.endsWith(w));
  return word ? BYLINE_ROLES[word] : "author";
}

/**
 * Names of a byline's names part: "林  青" → 林青, "韩立新  周  平" → 韩立新, 周平, "罗一鸣、王小川".
 * Tokens split at white space and 、; two single characters in a row are one letter-spaced name;
 * a role word glued before a name (记者林青岚, 通讯员李四) is taken off and gives the kind.
 */
export function namesOf(text, defaultKind = "author") {
  const out = [];
  for (const part of text.split("、")) {
    const tokens = part.split(SPACES_RE).filter(Boolean);
    let kind = defaultKind;
    for (let i = 0; i < tokens.length; i++) {
      let t = tokens[i];
      const role = new RegExp(`^${ROLE}`).exec(t)?.[0];
      if (role) {
        if (defaultKind !== "photographer") kind = kindOfRole(role);
        t = t.slice(role.length);
        if (!t) continue;
      }
      if (t.length === 1 && tokens[i + 1]?.length === 1) t += tokens[++i];
      out.push({ name: t, kind });
    }
  }
  return out;
}

/**
 * What a paragraph of the source is on the page, by these rules, in this order:
 * 1. credit: ≤ 40 characters ending with 摄 or 摄影(报道) (+ an optional bracket such as （影像中国）), before it an
 *    optional role and names only (周 平摄（影像中国）, 新华社记者  罗一鸣摄) → a photo credit, its names
 *    contributors of kind photographer; not a paragraph.
 * 2. byline: ≤ 30 characters, a role word then names only (本报记者  林  青, 新华社记者 …) → the
 *    article's byline, contributors the names (letter-spacing joined).
 * 3. dateline: a leading 本报/新华社/… X月X日电 or 本报讯, with an optional bracket of role + names
 *    right after it (（记者林青岚）, （罗一鸣、王小川）) → byline text = that prefix, contributors from the
 *    bracket; the rest of the paragraph is a body paragraph (none if empty).
 * 3b. trailing byline: not the first paragraph, wholly in brackets (up to 200 characters: a round-up
 *    names a score of reporters), role words and names only, a round-up's 综合 before and 报道 or
 *    (采访)整理 after them aside, every name 2–4 Han characters starting with a surname of the lexicon
 *    (（本报记者  林  青）, （罗一鸣）, （综合本报记者李刚、王明报道）) → a byline, contributors the names.
 * 4. note: a paragraph wholly in brackets (（相关报道见第十版）, （作者为…）) → a body paragraph of its
 *    article (region role "note"); but a bracketed numeral alone (（二）), not first, is a subhead.
 * 5. subhead: not the first paragraph, ≤ 30 characters, none of 。！？；… in it and not ending with ”,
 *    ， or 、 (a salutation such as 同志们，朋友们， goes on) → a paragraph with subhead: true.
 * 6. everything else (图为… captions included) → a body paragraph.
 * Before all these, 0. staff: a role of the page's staff (STAFF_LINE_ROLES, 版式设计) with ： and names
 *    (版式设计：林青; 版式设计 and 责任编辑 also without ：) → page furniture (region furniture:staff,
 *    article -1), not part of the article.
 *
 * Returns { kind, ... } with, for "dateline", the code-unit ends of the byline prefix and the start
 * of the rest in `text`.
 */
export function roleOfSourceParagraph(text, index) {
  const t = text.replace(SPACES_RE, "");
  if (STAFF_PARAGRAPH_RE.test(t)) return { kind: "staff" };
  const credit = t.length <= 40 && !/[。，；：]/.test(text) ? CREDIT_RE.exec(text.trim()) : null;
  if (credit) return { kind: "credit", contributors: namesOf(credit[2], "photographer") };
  const byline = t.length <= 30 ? BYLINE_PARAGRAPH_RE.exec(text.trim()) : null;
  if (byline) {
    const kind = kindOfRole(byline[1]);
    return { kind: "byline", contributors: namesOf(byline[2], kind) };
  }
  const dateline = DATELINE_RE.exec(text);
  if (dateline) {
    let bylineEnd = dateline[0].length;
    let contributors = [];
    const bracket = BRACKET_RE.exec(text.slice(bylineEnd));
    if (bracket) {
      const inner = bracket[1];
      const withoutRoles = inner.replace(new RegExp(ROLE, "g"), "");
      const names = NAMES_ONLY_RE.test(withoutRoles) ? namesOf(inner) : [];
      if (names.length > 0 && names.every((c) => isPersonName(c.name))) {
        contributors = names;
        bylineEnd += bracket[0].length;
      }
    }
    let restStart = bylineEnd;
    while (restStart < text.length && isSpace(text[restStart])) restStart++;
    return { kind: "dateline", contributors, bylineEnd, restStart };
  }
  if (index > 0 && /^[（(][一二三四五六七八九十\d]{1,3}[）)]$/.test(t)) return { kind: "subhead" };
  const trailing = /^（([^（）]{2,200})）$/.exec(text.trim());
  if (trailing && index > 0) {
    // a round-up names all its reporters: （综合本报记者李刚、王明报道）
    const inner = trailing[1].replace(/^综合/, "").replace(/(?:报道|(?:采访)?整理)$/, "");
    const names = NAMES_ONLY_RE.test(inner.replace(new RegExp(ROLE, "g"), "")) ? namesOf(inner) : [];
    if (names.length > 0 && names.every((c) => isPersonName(c.name) && SURNAME_START_RE.test(c.name))) return { kind: "byline", contributors: names };
  }
  if (/^（[^（）]*(?:（[^（）]*）[^（）]*)*）$/.test(t)) return { kind: "note" };
  if (index > 0 && t.length <= 30 && !/[。！？；…]/.test(t) && !/[”，、]$/.test(t)) return { kind: "subhead" };
  return { kind: "body" };
}

// ---------------------------------------------------------------------------------------------
// Layout: tagged characters → lines → raw text with regions.

/** Characters (code points) of a text, each with the region tag it prints under. */
function tagged(text, tag) {
  return Array.from(text, (ch) => ({ ch, tag }));
}

const widthOf = (ch) => (isSpace(ch) ? 0 : charWidth(ch));

/**
 * Wrap a paragraph's characters into column lines of width `width` em, the first 2 em shorter
 * (its indent lost by the extractor). A closing mark that would start a line hangs past the width
 * instead; white space at a break stays at the end of the line before.
 */
function wrapColumn(units, width) {
  const lines = [];
  let cur = [];
  let w = 0;
  let limit = width - 2;
  for (const u of units) {
    const cw = widthOf(u.ch);
    if (cw === 0) {
      (cur.length > 0 || lines.length === 0 ? cur : lines[lines.length - 1]).push(u);
      continue;
    }
    if (cur.some((x) => !isSpace(x.ch)) && w + cw > limit + 1e-9) {
      // closing marks hang past the width (。” both): the line breaks at the next other character
      if (HANGING_MARKS.includes(u.ch)) {
        cur.push(u);
        w += cw;
        continue;
      }
      // a number or Latin word is not broken (1949 moves down whole), and an opening mark never
      // ends a line: both move down with what follows them
      let keep = cur.length;
      if (isAsciiAlnum(u.ch)) while (keep > 0 && cur.length - keep < 8 && isAsciiAlnum(cur[keep - 1].ch)) keep--;
      if (keep > 0 && OPENING_MARKS.includes(cur[keep - 1].ch)) keep--;
      if (keep === 0 || cur.length - keep >= 8) keep = cur.length;
      const carry = cur.splice(keep);
      lines.push(cur);
      cur = carry;
      w = carry.reduce((s, x) => s + widthOf(x.ch), 0);
      limit = width;
    }
    cur.push(u);
    w += cw;
  }
  if (cur.length > 0) lines.push(cur);
  return lines;
}

const isDigit = (ch) => ch >= "0" && ch <= "9";

/**
 * Justification spaces of a full line: "spread" puts a space between every two characters,
 * "digits" spaces around digit runs (1 月 11 日); "none" leaves the line alone.
 */
function justify(line, mode) {
  if (mode === "none") return line;
  const out = [];
  const space = { ch: " ", tag: null };
  line.forEach((u, i) => {
    const prev = line[i - 1];
    if (prev && !isSpace(prev.ch) && !isSpace(u.ch)) {
      if (mode === "spread") out.push(space);
      else if (isDigit(prev.ch) !== isDigit(u.ch)) out.push(space);
    }
    out.push(u);
  });
  return out;
}

/** Split a headline field onto two lines when wider than `width`: at its phrase space, else near the middle. */
function headlineLines(units, width) {
  const total = units.reduce((s, u) => s + widthOf(u.ch), 0);
  if (total <= width || units.length < 4) return [units];
  const space = units.findIndex((u, i) => i > 1 && i < units.length - 2 && isSpace(u.ch));
  if (space > 0) return [units.slice(0, space), units.slice(space)];
  let w = 0;
  for (let i = 0; i < units.length; i++) {
    w += widthOf(units[i].ch);
    if (w >= total / 2) {
      // never start the second line with a closing mark, nor break a number or Latin word
      let cut = i + 1;
      while (cut < units.length - 1 && (/[。，、」”’）》：；！？]/.test(units[cut].ch) || (isAsciiAlnum(units[cut].ch) && isAsciiAlnum(units[cut - 1].ch)))) cut++;
      return [units.slice(0, cut), units.slice(cut)];
    }
  }
  return [units];
}

/** Raw text being printed: lines with their separators, and a region per run of same-tag characters. */
class Printer {
  constructor(newline) {
    this.newline = newline;
    this.parts = [];
    this.length = 0;
    this.regions = [];
    this.pendingBreak = null;
  }

  /** Print one line of tagged characters; `breakAfter` is the separator before the next line. */
  line(units, breakAfter) {
    if (this.pendingBreak !== null) this.write(this.pendingBreak);
    let run = null;
    for (const u of units) {
      const start = this.length;
      this.write(u.ch);
      if (isSpace(u.ch) || u.tag === null) continue;
      if (run && run.tag === u.tag) run.end = this.length;
      else {
        if (run) this.regions.push(run);
        run = { start, end: this.length, tag: u.tag };
      }
    }
    if (run) this.regions.push(run);
    this.pendingBreak = breakAfter;
  }

  write(text) {
    this.parts.push(text);
    this.length += text.length;
  }

  finish() {
    this.write(this.newline);
    return this.parts.join("");
  }
}

function dateLine(date, rng) {
  const [y, m, d] = date.split("-").map(Number);
  const weekday = WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7];
  return `${y}年${m}月${d}日` + (rng.chance(0.8) ? (rng.chance(0.7) ? " " : "  ") + weekday : "");
}

function staffLine(rng) {
  const names = Array.from({ length: rng.int(1, 3) }, () => inventName(rng));
  const role = rng.pick(["责编", "本版责编", "责任编辑"]);
  return `${role}${rng.pick(["：", "：", " "])}${names.join(rng.pick([" ", "  ", "、"]))}`;
}

/**
 * Compose one page. `pdPage` = { id, date, page, articles: [{kicker, title, subtitle, paragraphs}] }.
 * Returns { raw, gold, regions, layout }:
 * - `gold` = { date, page (number), section (string|null), articles: [{ kicker, headline, subheadline
 *   (string|null: the source's own fields), byline (the first byline printed, string|null),
 *   contributors [{name, kind}] (bylines' and photo credits' names), paragraphs [{text, subhead}],
 *   captions [] (图为… lines stay paragraphs), credits [photo credit texts], displaced }] };
 * - `regions` = every printed piece { start, end, role, article } in raw offsets (article = index into
 *   gold.articles, or -1 for page furniture), covering each non-white-space character once;
 * - `layout` = the choices made: separator (blank|single), crlf, displaced (groups), widths.
 * With `extras` (for training, not for the evaluation), items the source pages lack are printed
 * too, made of the page's own lines: photo news (a title, a caption, a 摄 credit) and
 * headline-only teasers.
 */
export function composePage(pdPage, seed, { extras = false } = {}) {
  const rng = createRng(seed);
  const separator = rng.chance(0.5) ? "blank" : "single";
  const crlf = rng.chance(0.1);
  const newline = crlf ? "\r\n" : "\n";
  const lineBreak = separator === "blank" ? newline + newline : newline;
  const justifyRate = rng.pick([0, 0.03, 0.08, 0.15]);
  const headlineWidth = rng.int(12, 20);
  const printer = new Printer(newline);
  const tags = new Map();
  // `piece`: which paragraph of its article a body, subhead or note region is part of
  const tagOf = (role, article, piece = -1) => {
    const key = `${role}|${article}|${piece}`;
    if (!tags.has(key)) tags.set(key, { role, article, piece });
    return tags.get(key);
  };
  const gold = { date: pdPage.date, page: pdPage.page, section: null, articles: [] };
  const layout = { separator, crlf, displaced: 0, widths: [] };

  // furniture at the top: page label, section, date; a staff line at the top or the bottom
  const section = rng.chance(0.8) ? rng.pick(SECTION_NAMES) : null;
  gold.section = section;
  const pp = String(pdPage.page).padStart(2, "0");
  const pageNumber = rng.pick([`第${pp}版`, `第${pp}版`, `第${pdPage.page}版`, pp]);
  const furniture = (text, role) => tagged(text, tagOf(role, -1));
  const labelStyle = rng.int(0, 2);
  const top = [];
  if (!section) top.push(furniture(pageNumber, "furniture:page-number"));
  else if (labelStyle === 0) top.push([...furniture(pageNumber, "furniture:page-number"), ...tagged(rng.chance(0.5) ? " " : "  ", null), ...furniture(section, "furniture:section")]);
  else if (labelStyle === 1) top.push(furniture(pageNumber, "furniture:page-number"), furniture(section, "furniture:section"));
  else top.push(furniture(section, "furniture:section"), furniture(pageNumber, "furniture:page-number"));
  const date = furniture(dateLine(pdPage.date, rng), "furniture:date");
  if (rng.chance(0.5)) top.unshift(date);
  else top.push(date);
  const staff = rng.chance(0.4) ? furniture(staffLine(rng), "furniture:staff") : null;
  const staffAtTop = rng.chance(0.5);
  if (staff && staffAtTop) top.push(staff);
  // text copied without its page furniture starts with the first story (training only: the
  // evaluation always prints the furniture it scores)
  const bare = extras && rng.chance(0.25);
  if (!bare) for (const units of top) printer.line(units, lineBreak);

  // photo news and teasers, for training: made of the page's own text, gold by construction
  const printExtras = (after) => {
    const other = pdPage.articles[rng.int(0, pdPage.articles.length - 1)];
    const title = other.title || other.kicker;
    if (!title) return;
    const a = gold.articles.length;
    if (rng.chance(0.25)) {
      const caption = (other.paragraphs.find((p) => p.length >= 20 && p.length <= 160) ?? "").trim();
      if (!caption) return;
      const name = printName(inventName(rng), rng);
      const credit = `${rng.pick(["融媒记者 ", "本报记者 ", "记者 ", "", "通讯员 "])}${name}${rng.pick([" 摄", "摄", "  摄"])}`;
      gold.articles.push({ kicker: null, headline: title, subheadline: null, byline: null, contributors: [], paragraphs: [], captions: [caption], credits: [credit] });
      const width = rng.int(12, 24);
      const creditFirst = rng.chance(0.2);
      for (const line of headlineLines(tagged(title, tagOf("headline", a)), headlineWidth)) printer.line(line, lineBreak);
      if (creditFirst) printer.line(tagged(credit, tagOf("credit", a)), lineBreak);
      for (const line of wrapColumn(tagged(caption, tagOf("body", a, 0)), width)) printer.line(line, lineBreak);
      if (!creditFirst) printer.line(tagged(credit, tagOf("credit", a)), lineBreak);
    } else if (rng.chance(0.25)) {
      gold.articles.push({ kicker: null, headline: title, subheadline: null, byline: null, contributors: [], paragraphs: [], captions: [], credits: [] });
      for (const line of headlineLines(tagged(title, tagOf("headline", a)), headlineWidth)) printer.line(line, lineBreak);
    }
  };

  pdPage.articles.forEach((src, a) => {
    const width = rng.int(12, 24);
    layout.widths.push(width);
    const article = { kicker: src.kicker || null, headline: src.title || null, subheadline: src.subtitle || null, byline: null, contributors: [], paragraphs: [], captions: [], credits: [] };
    gold.articles.push(article);

    // the headline group: kicker, title, subtitle, each on one or two lines
    const group = [];
    // whether each group line goes on with the field of the line before (a wrapped field)
    const continuesField = [];
    const field = (text, role) => {
      if (!text) return;
      let printed = text;
      if (role === "headline" && printed.length <= 8 && !/\s/.test(printed) && rng.chance(0.2)) printed = Array.from(printed).join(" ");
      else if (/[\s\u00a0\u3000]/.test(printed) && rng.chance(0.3)) printed = printed.replace(SPACES_RE, "");
      if (role === "subheadline" && !printed.startsWith("——") && rng.chance(0.3)) printed = "——" + printed;
      headlineLines(tagged(printed, tagOf(role, a)), headlineWidth).forEach((line, k) => {
        group.push(line);
        continuesField.push(k > 0);
      });
    };
    field(src.kicker, "kicker");
    field(src.title, "headline");
    field(src.subtitle, "subheadline");
    const groupBreak = separator === "single" || rng.chance(0.3) ? newline : lineBreak;
    const displaced = group.length > 0 && rng.chance(0.15);
    if (displaced) layout.displaced++;
    // A wrapped field is often one text box of the PDF: its lines come out with single breaks
    // even where the page's other lines have blank lines between them.
    const fieldBreak = separator === "single" || rng.chance(0.6) ? newline : groupBreak;
    const printGroup = () => group.forEach((units, i) => printer.line(units, i === group.length - 1 ? lineBreak : continuesField[i + 1] ? fieldBreak : groupBreak));
    if (!displaced) printGroup();

    // the body: the source's paragraphs by roleOfSourceParagraph, wrapped into column lines
    const roles = src.paragraphs.map((p, i) => roleOfSourceParagraph(p, i));
    const hasByline = roles.some((r) => r.kind === "byline" || r.kind === "dateline");
    const blocks = [];
    src.paragraphs.forEach((text, i) => {
      const r = roles[i];
      if (r.kind === "staff") {
        blocks.push(tagged(text, tagOf("furniture:staff", -1)));
      } else if (r.kind === "credit") {
        article.credits.push(text.trim());
        article.contributors.push(...r.contributors);
        blocks.push(tagged(text, tagOf("credit", a)));
      } else if (r.kind === "byline") {
        article.byline ??= text.trim();
        article.contributors.push(...r.contributors);
        blocks.push(tagged(text, tagOf("byline", a)));
      } else if (r.kind === "dateline") {
        article.byline ??= text.slice(0, r.bylineEnd).trim();
        article.contributors.push(...r.contributors);
        const rest = text.slice(r.restStart);
        if (normalizeText(rest)) article.paragraphs.push({ text: rest.trim(), subhead: false });
        blocks.push([...tagged(text.slice(0, r.bylineEnd), tagOf("byline", a)), ...tagged(text.slice(r.bylineEnd, r.restStart), null), ...tagged(rest, tagOf("body", a, article.paragraphs.length - 1))]);
      } else {
        if (!normalizeText(text)) return;
        article.paragraphs.push({ text: text.trim(), subhead: r.kind === "subhead" });
        blocks.push(tagged(text, tagOf(r.kind === "subhead" ? "subhead" : r.kind === "note" ? "note" : "body", a, article.paragraphs.length - 1)));
      }
    });

    // an invented byline for an article whose source has none: on its own line or run into the body
    if (!hasByline && blocks.length > 0 && rng.chance(0.3)) {
      const style = rng.pick(INVENTED_BYLINE_STYLES);
      const threeCharacterName = () => inventName(rng).slice(0, 1) + rng.pick(GIVEN_NAME_CHARS) + rng.pick(GIVEN_NAME_CHARS);
      const names = style === "lone" ? [threeCharacterName()] : style === "role+names" || style === "names" ? [inventName(rng), inventName(rng)] : [inventName(rng)];
      const role = rng.pick(INVENTED_BYLINE_ROLES);
      const printedNames = names.map((n) => printName(n, rng)).join(style === "role+names" ? "  " : rng.pick([" ", "  "]));
      const withRole = style !== "names" && style !== "lone";
      const text = withRole ? role + (style === "role+names" ? "  " : rng.pick([" ", "  "])) + printedNames : printedNames;
      article.byline = text;
      article.contributors.unshift(...names.map((name) => ({ name, kind: withRole ? kindOfRole(role) : "author" })));
      const units = tagged(text, tagOf("byline", a));
      if (style === "run-in") blocks[0] = [...units, ...tagged(" ", null), ...blocks[0]];
      else blocks.unshift(units);
    }

    for (const block of blocks) {
      const lines = wrapColumn(block, width);
      lines.forEach((line, i) => {
        const full = i < lines.length - 1;
        const mode = full && rng.chance(justifyRate) ? (rng.chance(0.6) || !line.some((u) => isDigit(u.ch)) ? "spread" : "digits") : "none";
        printer.line(justify(line, mode), lineBreak);
      });
    }
    if (displaced) printGroup();
    article.displaced = displaced;
    if (extras) printExtras(a);
    // extraction order may put a page label between two stories (training only)
    if (extras && rng.chance(0.12)) printer.line(furniture(section ?? pageNumber, section ? "furniture:section" : "furniture:page-number"), lineBreak);
  });

  if (staff && !staffAtTop) printer.line(staff, lineBreak);
  const raw = printer.finish();
  const regions = printer.regions.map((r) => ({ start: r.start, end: r.end, role: r.tag.role, article: r.tag.article, piece: r.tag.piece }));
  return { raw, gold, regions, layout };
}

/**
 * The composed page line by line, for training a line-role model: every raw line holding text,
 * { start, end, text, role, article, roles } with `role`/`article` those of the region holding most
 * of its characters and `roles` every region on it in order (a run-in byline line has byline, body).
 */
export function lineLabels({ raw, regions }) {
  const lines = [];
  let k = 0;
  const re = /[^\r\n]+/g;
  for (let m; (m = re.exec(raw)); ) {
    const start = m.index;
    const end = start + m[0].length;
    if (!m[0].trim()) continue;
    while (k < regions.length && regions[k].end <= start) k++;
    const on = [];
    for (let j = k; j < regions.length && regions[j].start < end; j++) on.push(regions[j]);
    const size = (r) => raw.slice(r.start, r.end).replace(SPACES_RE, "").length;
    const main = on.reduce((best, r) => (size(r) > size(best) ? r : best), on[0]);
    lines.push({ start, end, text: m[0], role: main.role, article: main.article, roles: on.map((r) => ({ role: r.role, article: r.article, start: r.start, end: r.end })) });
  }
  return lines;
}
