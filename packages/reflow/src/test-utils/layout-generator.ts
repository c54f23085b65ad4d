/**
 * A layout generator: it takes clean paragraphs and prints them the way PDF extraction hands
 * them to us — wrapped at a column width, indents lost, punctuation compressed, lines padded
 * with justification spaces, digits spaced apart, blank or single line breaks, CRLF.
 * The clean paragraphs are the ground truth for reflow's paragraph F1.
 */
import { createRandom } from "./random.js";

export interface LayoutOptions {
  /** Column width in em (a Han character is 1). */
  width: number;
  seed: number;
  /** "blank": a blank line after every line (as pdftotext -layout often gives); "single": one break. */
  separator?: "blank" | "single";
  crlf?: boolean;
  /** Chance that a non-final line is letter-spaced by justification. */
  justify?: number;
  /** Chance that the extractor put spaces around a run of digits. */
  digitSpaces?: number;
  /** Chance that a paragraph's "　　" indent survived extraction. */
  keepIndent?: number;
  /** Chance that a full-width punctuation mark was compressed to half width. */
  compress?: number;
}

const NO_LINE_START = new Set("，。、；：？！”’）》…");
const FULL_PUNCT = new Set("，。、；：？！“”‘’（）《》…—·");

interface Unit {
  text: string;
  width: number;
  /** Latin word or number: printed as a whole where possible. */
  word: boolean;
  /** A space between Latin words: dropped at a line break. */
  space?: boolean;
}

function units(paragraph: string, random: () => number, compress: number): Unit[] {
  const out: Unit[] = [];
  const re = /[A-Za-z]+|[0-9]+(?:[.,][0-9]+)*%?| |[\s\S]/g;
  for (const m of paragraph.matchAll(re)) {
    const t = m[0];
    if (t === " ") out.push({ text: " ", width: 0.5, word: false, space: true });
    else if (/^[A-Za-z]/.test(t)) out.push({ text: t, width: t.length * 0.5, word: true });
    else if (/^[0-9]/.test(t)) for (const ch of t) out.push({ text: ch, width: 0.5, word: false });
    else if (FULL_PUNCT.has(t)) out.push({ text: t, width: random() < compress ? 0.5 : 1, word: false });
    else out.push({ text: t, width: 1, word: false });
  }
  return out;
}

/** Break one paragraph into printed lines (without indent). */
function wrap(paragraph: string, width: number, random: () => number, compress: number): { text: string; full: boolean }[] {
  const us = units(paragraph, random, compress);
  const lines: { text: string; full: boolean }[] = [];
  let cur = "";
  let used = 0;
  let capacity = width - 2; // the first line keeps room for the two-character indent
  for (let i = 0; i < us.length; i++) {
    const u = us[i]!;
    if (u.space && cur === "") continue;
    const fits = used + u.width <= capacity + 1e-9;
    const forbiddenStart = NO_LINE_START.has(u.text);
    if (fits || forbiddenStart || cur === "") {
      cur += u.text;
      used += u.width;
      continue;
    }
    lines.push({ text: cur.replace(/ $/, ""), full: true });
    cur = u.space ? "" : u.text;
    used = u.space ? 0 : u.width;
    capacity = width;
  }
  if (cur) lines.push({ text: cur, full: false });
  return lines;
}

function letterSpace(line: string): string {
  return [...line].join(" ").replace(/([A-Za-z0-9.,%]) (?=[A-Za-z0-9.,%])/g, "$1");
}

function spaceDigits(line: string): string {
  return line.replace(/([^\x00-\x7f])([0-9][0-9.,%]*)/g, "$1 $2").replace(/([0-9%])([^\x00-\x7f])/g, "$1 $2");
}

export interface GeneratedPage {
  raw: string;
  /** The paragraphs as they should come out of reflow. */
  paragraphs: string[];
}

export function generateLayout(paragraphs: readonly string[], options: LayoutOptions): GeneratedPage {
  const random = createRandom(options.seed);
  const sep = options.separator === "single" ? "\n" : "\n\n";
  const out: string[] = [];
  for (const p of paragraphs) {
    const lines = wrap(p, options.width, random, options.compress ?? 0.3);
    lines.forEach((l, i) => {
      let text = l.text;
      const last = i === lines.length - 1;
      if (!last && random() < (options.justify ?? 0.08)) text = letterSpace(text);
      else if (random() < (options.digitSpaces ?? 0.3)) text = spaceDigits(text);
      if (i === 0 && random() < (options.keepIndent ?? 0)) text = "\u3000\u3000" + text;
      out.push(text);
    });
  }
  let raw = out.join(sep) + "\n";
  if (options.crlf) raw = raw.replace(/\n/g, "\r\n");
  return { raw, paragraphs: [...paragraphs] };
}

/** Exact-match paragraph F1 between what reflow returned and the truth (multisets of texts). */
export function paragraphF1(predicted: readonly string[], truth: readonly string[]): { precision: number; recall: number; f1: number } {
  const pool = new Map<string, number>();
  for (const t of truth) pool.set(t, (pool.get(t) ?? 0) + 1);
  let hit = 0;
  for (const p of predicted) {
    const n = pool.get(p) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(p, n - 1);
    }
  }
  const precision = predicted.length ? hit / predicted.length : 0;
  const recall = truth.length ? hit / truth.length : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
