import type { Box, Line } from "./types.js";
import { boxOf, xOverlap } from "./types.js";

/** Lines stacked in one column at one type size: a column of body text, a headline of two lines. */
export interface Block {
  lines: Line[];
  box: Box;
  size: number;
  /** Stacked single characters: text set vertically with horizontal glyphs. */
  vertical: boolean;
}

/** Two sizes are one size when they differ by less than this ratio. */
const SAME_SIZE = 1.12;
/** Leading larger than this many ems between two lines ends a block. */
const MAX_LEADING_EM = 0.9;

function sameSize(a: number, b: number): boolean {
  return Math.max(a, b) / Math.min(a, b) < SAME_SIZE;
}

/** Does `line` continue `last` in the same column: same size, just below it, sharing its width? */
function continues(last: Line, line: Line): boolean {
  if (!sameSize(last.size, line.size)) return false;
  const leading = line.box.top - last.box.bottom;
  if (leading < -0.3 * line.size || leading > MAX_LEADING_EM * line.size) return false;
  return xOverlap(last.box, line.box) >= 0.5 || Math.abs(last.box.x0 - line.box.x0) < line.size;
}

export function blockOf(lines: Line[]): Block {
  const box = boxOf(lines.map((l) => l.box));
  const vertical = lines.length >= 3 && lines.every((l) => l.text.length === 1) && !lines.some((l) => l.vertical);
  return { lines, box, size: lines[0]!.size, vertical: vertical || lines.every((l) => l.vertical) };
}

/**
 * Lines → blocks: each line, top to bottom, joins the block whose last line it continues (the
 * nearest such block), or starts a block. Lines of neighbouring columns never join: they do not
 * overlap horizontally.
 */
export function buildBlocks(lines: readonly Line[]): Block[] {
  const sorted = [...lines].sort((a, b) => a.box.top - b.box.top || a.box.x0 - b.box.x0);
  const closed: Line[][] = [];
  let open: Line[][] = [];
  for (const line of sorted) {
    // lines come top to bottom: a block whose last line is too far above every line to come is closed
    // (keeps this linear on pages of many short lines)
    open = open.filter((block) => {
      const last = block[block.length - 1]!;
      const stale = line.box.top - last.box.bottom > MAX_LEADING_EM * last.size * SAME_SIZE;
      if (stale) closed.push(block);
      return !stale;
    });
    let best: Line[] | null = null;
    let bestGap = Infinity;
    for (const block of open) {
      const last = block[block.length - 1]!;
      if (last.vertical || line.vertical || !continues(last, line)) continue;
      const gap = line.box.top - last.box.bottom + Math.abs(line.box.x0 - last.box.x0) * 0.01;
      if (gap < bestGap) {
        best = block;
        bestGap = gap;
      }
    }
    if (best) best.push(line);
    else open.push([line]);
  }
  return [...closed, ...open].map(blockOf);
}
