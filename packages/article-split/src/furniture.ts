import { SECTION_WORDS, STAFF_LINE_ROLES, WEEKDAYS, alternation, execAtEnd } from "@yk/lexicon";
import type { FurnitureKind } from "@yk/schema";

const SECTION_WORD = alternation(SECTION_WORDS);
const SECTION_RE = new RegExp(`^(?:[\\u4e00-\\u9fff]{2,4}\\s*[·・•]\\s*[\\u4e00-\\u9fff]{2,4}|(?:${SECTION_WORD}){1,3})$`);
const STAFF_RE = new RegExp(`^(?:(?:${alternation(STAFF_LINE_ROLES)})[:：]?\\s*[\\u4e00-\\u9fff]{2,4}\\s*)+$`);
const PAGE_NUMBER_RE = /^(?:第\s*[0-9一二三四五六七八九十]+\s*版|[A-Z]?\d{1,2}|-\s*\d{1,2}\s*-|[0-9]{1,2}\s*版)$/;
const DATE_HEADER_RE = new RegExp(`^\\d{4}年\\d{1,2}月\\d{1,2}日\\s*(?:${alternation(WEEKDAYS)})?(?:\\s*.{0,20})?$`);
/** 下转第3版 / 上接第1版 / （转第二版）, alone or closing a paragraph. */
export const CONTINUATION_RE = /[（(]?\s*(下转|上接|转|接)\s*第?\s*([0-9A-Z一二三四五六七八九十]+)\s*版\s*[）)]?$/;

/** {@link CONTINUATION_RE} at the end of a text (a marker is far shorter than 40 code units); `index` is into the whole text. */
export function continuationAtEnd(text: string): RegExpExecArray | null {
  return execAtEnd(CONTINUATION_RE, text, 40);
}

/** What kind of page furniture a standalone paragraph is, or null for content. */
export function furnitureKind(text: string): FurnitureKind | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return null;
  if (/[。！？，]/.test(t)) return null;
  if (continuationAtEnd(t)?.index === 0) return "continuation";
  if (STAFF_RE.test(t)) return "staff";
  if (PAGE_NUMBER_RE.test(t)) return "page-number";
  if (DATE_HEADER_RE.test(t)) return "date";
  if (t.length <= 12 && SECTION_RE.test(t)) return "section";
  return null;
}
