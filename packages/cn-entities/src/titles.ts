/**
 * Titles before names (市委副书记、市长刘志远), found by a linear scan instead of one regular
 * expression: a title is `prefix* core`, and a prefix such as 市政府 also reads as 市 + 政府, so a
 * nested `(prefix*core)*` pattern backtracks exponentially on stacked prefixes without a name.
 * Here each core is matched once, a name must follow it, and the prefixes and stacked titles
 * before it are collected by a bounded walk backwards.
 */
import { COMPOUND_SURNAMES, SINGLE_SURNAMES, TITLE_BODY_PREFIXES, TITLE_CORES, TITLE_SEPARATORS, TRANSLITERATION_CHARS, alternation, wordList } from "@yk/lexicon";
import { MIDDLE_DOTS } from "./patterns.js";

const CORE_WORDS = wordList(TITLE_CORES);
/** A foreign name after a title: a run of transliteration characters, parts joined by a middle dot. */
const FOREIGN_AT = new RegExp(`[${TRANSLITERATION_CHARS}]{2,8}(?:[${[...MIDDLE_DOTS].join("")}][${TRANSLITERATION_CHARS}]{1,8})*`, "uy");
const NAME_AT = new RegExp(`(?:${alternation(COMPOUND_SURNAMES)}|[${SINGLE_SURNAMES}])[\\u4e00-\\u9fff]{1,2}`, "uy");
const PREFIXES = [...new Set(TITLE_BODY_PREFIXES)].sort((a, b) => b.length - a.length);
const CORES = [...new Set(TITLE_CORES)].sort((a, b) => b.length - a.length);
/** At most this many prefixes per title, and titles per name: real stacks are short. */
const MAX_PREFIXES = 4;
const MAX_TITLES = 6;

/**
 * Words by their last code unit, each group longest first (as `words` is): the longest word ending
 * at a position is looked for among those ending in its character only.
 */
export function byLastChar(words: readonly string[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const w of words) {
    if (w.length === 0) continue;
    const c = w.charCodeAt(w.length - 1);
    const group = groups.get(c);
    if (group) group.push(w);
    else groups.set(c, [w]);
  }
  return groups;
}
const PREFIXES_BY_LAST = byLastChar(PREFIXES);
const CORES_BY_LAST = byLastChar(CORES);

/** The longest of `words` (grouped by {@link byLastChar}) ending at `end`, or null. */
export function endingAt(text: string, end: number, words: Map<number, string[]>): string | null {
  if (end <= 0) return null;
  const group = words.get(text.charCodeAt(end - 1));
  if (group === undefined) return null;
  for (const w of group) if (end - w.length >= 0 && text.startsWith(w, end - w.length)) return w;
  return null;
}

/** Where a body the model found ends at `end` starts (县委办 + 主任, 区总工会 + 主席), or -1. */
export type BodyEndingAt = (end: number) => number;

function titleStart(text: string, coreStart: number, bodyEndingAt?: BodyEndingAt): number {
  let s = coreStart;
  for (let k = 0; k < MAX_PREFIXES; k++) {
    const p = endingAt(text, s, PREFIXES_BY_LAST);
    if (p) {
      s -= p.length;
      continue;
    }
    const body = bodyEndingAt ? bodyEndingAt(s) : -1;
    if (body < 0 || body >= s) break;
    s = body;
  }
  return s;
}

export interface TitledName {
  titles: string[];
  /** Where the name starts, and the longest name the surname pattern allows (trim it to the segmentation). */
  start: number;
  name: string;
  /** A transliterated foreign name (never trimmed to a Chinese name's length). */
  foreign: boolean;
}

/**
 * Titles and the names after them. A title is prefixes and a core (市委 + 副书记); a body the
 * model found right before a core is a prefix too (`bodyEndingAt`).
 */
export function titledNames(text: string, bodyEndingAt?: BodyEndingAt): TitledName[] {
  const out: TitledName[] = [];
  for (const m of CORE_WORDS.matches(text)) {
    const coreEnd = m.end;
    NAME_AT.lastIndex = coreEnd;
    const chinese = NAME_AT.exec(text)?.[0];
    FOREIGN_AT.lastIndex = coreEnd;
    const foreign = FOREIGN_AT.exec(text)?.[0];
    // a transliteration longer than a surname and given name reads as one foreign name:
    // 秘书长古特雷斯 (not 古特雷), 总理赛塔 (赛 is no surname)
    const name = foreign && (!chinese || foreign.length > chinese.length) ? foreign : chinese;
    if (!name) continue;
    let s = titleStart(text, m.start, bodyEndingAt);
    const titles = [text.slice(s, coreEnd)];
    while (titles.length < MAX_TITLES && s > 0 && TITLE_SEPARATORS.includes(text[s - 1]!)) {
      const core = endingAt(text, s - 1, CORES_BY_LAST);
      if (!core) break;
      const s2 = titleStart(text, s - 1 - core.length, bodyEndingAt);
      titles.unshift(text.slice(s2, s - 1));
      s = s2;
    }
    out.push({ titles, start: coreEnd, name, foreign: name === foreign && name !== chinese });
  }
  return out;
}
