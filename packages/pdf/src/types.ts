/**
 * Geometry shared by every stage. Boxes are in PDF points from the page's top-left corner
 * (y grows downward), as PDF viewers and pdfplumber report them.
 */
export interface Box {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

/** One run of text as the PDF draws it (a pdfjs text item), in page coordinates. */
export interface TextItem {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, from the top of the page. */
  baseline: number;
  /** Type size in points: the glyphs' height (a condensed face keeps its height). */
  size: number;
  font: string;
  /** Drawn rotated or with a vertical font: kept out of the reading order. */
  vertical: boolean;
}

/** One piece of a line: an item's text after white space is settled, with its box. */
export interface LinePiece {
  text: string;
  box: Box;
}

/** A horizontal run of items on one baseline, within one column. */
export interface Line {
  text: string;
  pieces: LinePiece[];
  box: Box;
  size: number;
  font: string;
  vertical: boolean;
}

export function boxOf(boxes: readonly Box[]): Box {
  let x0 = Infinity;
  let top = Infinity;
  let x1 = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    if (b.x0 < x0) x0 = b.x0;
    if (b.top < top) top = b.top;
    if (b.x1 > x1) x1 = b.x1;
    if (b.bottom > bottom) bottom = b.bottom;
  }
  return { x0, top, x1, bottom };
}

/** How much of the narrower box's width the two boxes share, 0–1. */
export function xOverlap(a: Box, b: Box): number {
  const shared = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const narrower = Math.min(a.x1 - a.x0, b.x1 - b.x0);
  return narrower > 0 ? Math.max(0, shared) / narrower : 0;
}

export function roundBox(b: Box): Box {
  const r = (n: number) => Math.round(n * 100) / 100;
  return { x0: r(b.x0), top: r(b.top), x1: r(b.x1), bottom: r(b.bottom) };
}
