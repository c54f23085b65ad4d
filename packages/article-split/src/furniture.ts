import { SECTION_WORDS, STAFF_LINE_ROLES, WEEKDAYS, alternation, chineseSmallNumber, execAtEnd } from "@yk/lexicon";
import type { Furniture, FurnitureKind } from "@yk/schema";

const SECTION_WORD = alternation(SECTION_WORDS);
const SECTION = `(?:[\\u4e00-\\u9fff]{2,4}\\s*[·・•]\\s*[\\u4e00-\\u9fff]{2,4}|(?:${SECTION_WORD}){1,3})`;
const SECTION_RE = new RegExp(`^${SECTION}$`);
/**
 * A staff line: roles of the page's staff, each with its names (本版责编：王明 李华, 责任编辑：鲜 娟,
 * 版式设计：张丹峰). A separator must follow each name, so no run of names can be cut two ways.
 */
const STAFF_RE = new RegExp(`^(?:(?:本版)?(?:${alternation(STAFF_LINE_ROLES)})[:：]?\\s*(?:[\\u4e00-\\u9fff·]{1,4}(?:[\\s、，,]+|$))+)+$`);
const PAGE_NUMBER = "(?:第\\s*[0-9一二三四五六七八九十]+\\s*版|[A-Z]?\\d{1,2}|-\\s*\\d{1,2}\\s*-|[0-9]{1,2}\\s*版)";
const PAGE_NUMBER_RE = new RegExp(`^${PAGE_NUMBER}$`);
/** Any page label beside a 第N版: labels are open-ended (城乡, 深度·调查). */
const LABEL = "[\\u4e00-\\u9fff]{2,6}(?:\\s*[·・•]\\s*[\\u4e00-\\u9fff]{2,6})?";
const PRINTED_PAGE = "第\\s*[0-9一二三四五六七八九十]+\\s*版";
/**
 * A page header: the page number and the page label on one line, either order (第02版 要闻,
 * 城乡 第5版, 要闻 05). A bare number needs a known label word beside it.
 */
const HEADER_RE = new RegExp(`^(?:${PRINTED_PAGE}\\s*${LABEL}|${LABEL}\\s*${PRINTED_PAGE}|${PAGE_NUMBER}\\s*${SECTION}|${SECTION}\\s*${PAGE_NUMBER})$`);
/** A date line, the paper's name before it at most: 2019年10月8日 星期二, 人民日报 2019年10月8日. */
const DATE_HEADER_RE = new RegExp(`^(?:[\\u4e00-\\u9fff]{2,8}\\s*)?(\\d{4})年(\\d{1,2})月(\\d{1,2})日\\s*(?:${alternation(WEEKDAYS)})?(?:\\s*.{0,20})?$`);
/** 下转第3版 / 上接第1版 / （转第二版）, alone or closing a paragraph. */
export const CONTINUATION_RE = /[（(]?\s*(下转|上接|转|接)\s*第?\s*([0-9A-Z一二三四五六七八九十]+)\s*版\s*[）)]?$/;

/** {@link CONTINUATION_RE} at the end of a text (a marker is far shorter than 40 code units); `index` is into the whole text. */
export function continuationAtEnd(text: string): RegExpExecArray | null {
  // every marker has a 版 in the window: most paragraphs are passed over on that alone
  if (text.indexOf("版", Math.max(0, text.length - 40)) < 0) return null;
  return execAtEnd(CONTINUATION_RE, text, 40);
}

/** What kind of page furniture a standalone paragraph is, or null for content. */
export function furnitureKind(text: string): FurnitureKind | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return null;
  if (/[。！？，]/.test(t)) return null;
  if (continuationAtEnd(t)?.index === 0) return "continuation";
  if (STAFF_RE.test(t)) return "staff";
  // a page number has a digit or a 版, a date line a 年: most lines have neither, and the long
  // patterns are not tried on them
  const numbered = /[0-9版]/.test(t);
  if (numbered && PAGE_NUMBER_RE.test(t)) return "page-number";
  if (numbered && HEADER_RE.test(t)) return "header";
  if (numbered && t.includes("年") && DATE_HEADER_RE.test(t)) return "date";
  if (t.length <= 12 && SECTION_RE.test(t)) return "section";
  return null;
}

/** The printed page number (版次) in a page-number or header line: 第05版 → 5, 第十二版 → 12, A3 → 3, -7- → 7. */
export function pageNumberOf(text: string): number | null {
  const m = /第\s*([0-9一二三四五六七八九十]+)\s*版|([0-9]{1,2})\s*版|^[A-Z]?([0-9]{1,2})\b|^-\s*([0-9]{1,2})\s*-|\b([0-9]{1,2})$/.exec(text.trim());
  if (!m) return null;
  const n = chineseSmallNumber(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]!);
  return n !== null && n >= 1 ? n : null;
}

/** The page label (版名) in a header line: 第02版 要闻 → 要闻. */
export function sectionOfHeader(text: string): string | null {
  if (!HEADER_RE.test(text.trim())) return null;
  const label = text.trim().replace(new RegExp(`^${PAGE_NUMBER}|${PAGE_NUMBER}$`), "").trim();
  return label.length > 0 ? label : null;
}

/** The date of a date line as YYYY-MM-DD, when it is a real calendar date: 2019年10月8日 星期二 → 2019-10-08. */
export function dateOfLine(text: string): string | null {
  if (!text.includes("年")) return null; // (the pattern needs one)
  const m = DATE_HEADER_RE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** What the page's furniture says of the page: its printed number (版次), its label (版名) and its date. */
export function pageFacts(furniture: readonly Furniture[]): { page: number | null; section: string | null; date: string | null } {
  const first = <T>(kind: Furniture["kind"], read: (text: string) => T | null): T | null => {
    for (const f of furniture) {
      if (f.kind !== kind) continue;
      const value = read(f.text);
      if (value !== null) return value;
    }
    return null;
  };
  return {
    page: first("page-number", pageNumberOf) ?? first("header", pageNumberOf),
    // a header's label (第10版 政治) names the page's section; a label of a section's shape elsewhere
    // (速览·国庆假期, a column's title) only when no header names one
    section: first("header", sectionOfHeader) ?? furniture.find((f) => f.kind === "section")?.text ?? null,
    date: first("date", dateOfLine),
  };
}
