import { matchCredit, matchLeadingByline } from "@yk/article-split";
import type { Contributor } from "@yk/schema";

/** A commentary's byline: a square or a dot, then a name (□ 田和, ■ 王明). */
const MARKED_BYLINE_RE = /^[□■◆◇●○◎▲△★☆]\s*([\u4e00-\u9fff·]{2,5})$/;

export function markedByline(text: string): Contributor[] | null {
  const m = MARKED_BYLINE_RE.exec(text.trim());
  return m ? [{ name: m[1]!, role: null, kind: "author" }] : null;
}

/** A whole line that is a byline: 本报记者 王明 通讯员 李华, □ 田和 (not a dateline opening a paragraph). */
export function isBylineLine(text: string): boolean {
  if (text.length > 40 || matchLeadingByline(text) !== null) return false;
  return matchCredit(text) !== null || markedByline(text) !== null;
}
