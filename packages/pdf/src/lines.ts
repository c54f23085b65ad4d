import { isAsciiAlnum, isHan } from "@yk/lexicon";
import type { Box, Line, LinePiece, TextItem } from "./types.js";
import { boxOf } from "./types.js";

/** Share of the type size above the baseline and below it, for a glyph box without font metrics. */
const ASCENT = 0.88;
const DESCENT = 0.12;
/** Items on one baseline further apart than this many ems are in different columns. */
const COLUMN_GAP_EM = 0.8;
/** …unless the gap is at most this many ems and what follows does not start where lines start. */
const GUTTER_MAX_EM = 1.5;

export function itemBox(item: TextItem): Box {
  return { x0: item.x0, top: item.baseline - item.size * ASCENT, x1: item.x1, bottom: item.baseline + item.size * DESCENT };
}

const WORD_CHAR = /[A-Za-z0-9]/;
const HAS_SPACE = /[\s\u00a0\u3000]/;

/**
 * White space inside an item as Chinese typesetting means it: a space next to a Chinese character
 * is letter-spacing or justification (`中 国 海 油`, `本 报 讯 10 月`) and goes; a space between two
 * Latin words or numbers stays, as one.
 */
export function settleSpaces(text: string): string {
  // most items of a Chinese page hold no white space at all
  if (!HAS_SPACE.test(text)) return text;
  let out = "";
  const t = text.replace(/[\s\u00a0\u3000]+/g, " ");
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch !== " ") {
      out += ch;
      continue;
    }
    const before = out[out.length - 1];
    const after = t[i + 1];
    if (before !== undefined && after !== undefined && WORD_CHAR.test(before) && WORD_CHAR.test(after)) out += " ";
  }
  return out;
}

/** The size most items of a group share, weighted by their characters. */
function dominant<T>(items: readonly TextItem[], key: (i: TextItem) => T): T {
  const weight = new Map<T, number>();
  for (const item of items) weight.set(key(item), (weight.get(key(item)) ?? 0) + item.text.length);
  let best = key(items[0]!);
  let most = -1;
  for (const [value, w] of weight) {
    if (w > most) {
      best = value;
      most = w;
    }
  }
  return best;
}

/**
 * Is the gap between two items a word space? Between Latin words, a fifth of an em; between Chinese
 * words (names in a byline: 田明 宋宗泽), nearly half an em, unless both items are single characters:
 * that is letter-spacing (中 国 海 油).
 */
function spaceBetween(prev: TextItem, item: TextItem, before: string, piece: string): boolean {
  const gap = item.x0 - prev.x1;
  const size = Math.max(prev.size, item.size);
  if (isAsciiAlnum(before) && isAsciiAlnum(piece[0]!)) return gap > 0.2 * size;
  if (!isHan(before) || !isHan(piece[0]!)) return false;
  return gap >= 0.4 * size && prev.text.trim().length >= 2 && piece.length >= 2;
}

function lineOf(items: readonly TextItem[]): Line | null {
  const pieces: LinePiece[] = [];
  let text = "";
  let prev: TextItem | null = null;
  for (const item of items) {
    let piece = settleSpaces(item.text);
    if (piece.length === 0) continue;
    if (prev && text.length > 0 && spaceBetween(prev, item, text[text.length - 1]!, piece)) piece = " " + piece;
    pieces.push({ text: piece, box: itemBox(item) });
    text += piece;
    prev = item;
  }
  if (pieces.length === 0) return null;
  const kept = items.filter((i) => i.text.trim().length > 0);
  return {
    text,
    pieces,
    box: boxOf(pieces.map((p) => p.box)),
    size: Math.round(dominant(kept, (i) => i.size) * 10) / 10,
    font: dominant(kept, (i) => i.font),
    vertical: kept.every((i) => i.vertical),
  };
}

/**
 * Items → lines: items on one baseline, left to right, split where the gap between two items is a
 * column gutter rather than letter-spacing. Rotated and vertical items become one line each.
 */
export function buildLines(items: readonly TextItem[]): Line[] {
  const lines: Line[] = [];
  for (const item of items) {
    if (item.vertical && item.text.trim()) {
      const line = lineOf([item]);
      if (line) lines.push(line);
    }
  }
  const flat = items.filter((i) => !i.vertical && i.text.trim().length > 0).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  // rows: items whose baselines agree within a fifth of the smaller size
  const rows: TextItem[][] = [];
  for (const item of flat) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    if (row && ref && Math.abs(item.baseline - ref.baseline) <= 0.2 * Math.min(ref.size, item.size)) row.push(item);
    else rows.push([item]);
  }
  // segments: runs of a row split at every gap that could be a gutter
  const segments: TextItem[][][] = rows.map((row) => {
    row.sort((a, b) => a.x0 - b.x0);
    const out: TextItem[][] = [];
    for (const item of row) {
      const run = out[out.length - 1];
      const last = run?.[run.length - 1];
      if (run && last && item.x0 - last.x1 <= COLUMN_GAP_EM * Math.max(last.size, item.size)) run.push(item);
      else out.push([item]);
    }
    return out;
  });
  // where lines start on this page: the left edges of its columns
  const starts = new Map<number, number>();
  for (const row of segments) for (const seg of row) starts.set(Math.round(seg[0]!.x0), (starts.get(Math.round(seg[0]!.x0)) ?? 0) + 1);
  const isColumnStart = (x: number) => {
    const at = Math.round(x);
    return (starts.get(at - 1) ?? 0) + (starts.get(at) ?? 0) + (starts.get(at + 1) ?? 0) >= 3;
  };
  for (const row of segments) {
    let run: TextItem[] = [];
    for (const seg of row) {
      const last = run[run.length - 1];
      const first = seg[0]!;
      // a gap of up to a gutter and a half, not before a column's edge, is a wide justification space
      const sameSize = last && Math.max(last.size, first.size) / Math.min(last.size, first.size) < 1.12;
      const joins = sameSize && first.x0 - last.x1 <= GUTTER_MAX_EM * Math.max(last.size, first.size) && !isColumnStart(first.x0);
      if (last && !joins) {
        const line = lineOf(run);
        if (line) lines.push(line);
        run = [];
      }
      run.push(...seg);
    }
    const line = lineOf(run);
    if (line) lines.push(line);
  }
  return lines;
}
