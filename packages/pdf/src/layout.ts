import { furnitureKind } from "@yk/article-split";
import { hanCount, isClosingMark, isTerminalPunctuation } from "@yk/lexicon";
import type { FurnitureKind } from "@yk/schema";
import { type Block, buildBlocks } from "./blocks.js";
import { isBylineLine } from "./bylines.js";
import type { Box, Line } from "./types.js";
import { boxOf, xOverlap } from "./types.js";

/** Display type: lines at least this many times the body size are headline material. */
const DISPLAY_RATIO = 1.3;
/** In the masthead band, display type under this many body sizes is furniture, not a teaser. */
const TEASER_RATIO = 2;
/** Lines within this share of the page's height from its top or bottom edge are running heads and feet. */
const EDGE_BAND = 0.04;

/** A headline group: kicker lines above the largest type, the headline, subheadline lines below. */
export interface HeadlineGroup {
  kicker: Line[];
  headline: Line[];
  subheadline: Line[];
  box: Box;
}

/** One paragraph of body text: the lines it was read from, in order. */
export interface LaidParagraph {
  lines: Line[];
}

/** An article's region of the page: its headline group (if any), body paragraphs and captions. */
export interface ArticleRegion {
  group: HeadlineGroup | null;
  paragraphs: LaidParagraph[];
  captions: Block[];
  box: Box;
}

export interface LaidFurniture {
  kind: FurnitureKind;
  lines: Line[];
}

export interface Layout {
  bodySize: number;
  regions: ArticleRegion[];
  furniture: LaidFurniture[];
  /** Text kept out of the reading order: vertical text and anything no rule claimed. */
  unassigned: { kind: string; lines: Line[] }[];
}

/** The type size that most characters of the page are set in. */
export function bodySizeOf(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(l.size, (weight.get(l.size) ?? 0) + l.text.length);
  let best = 0;
  let most = -1;
  for (const [size, w] of weight) {
    if (w > most || (w === most && size < best)) {
      best = size;
      most = w;
    }
  }
  return best;
}

/** Display blocks stacked closely and overlapping horizontally form one headline group. */
export function headlineGroups(display: readonly Block[]): HeadlineGroup[] {
  const sorted = [...display].sort((a, b) => a.box.top - b.box.top || a.box.x0 - b.box.x0);
  const stacks: Block[][] = [];
  for (const block of sorted) {
    let joined = false;
    for (const stack of stacks) {
      const box = boxOf(stack.map((b) => b.box));
      const last = stack[stack.length - 1]!;
      const gap = block.box.top - box.bottom;
      if (gap > -0.2 * block.size && gap <= 1.2 * Math.min(block.size, last.size) && xOverlap(box, block.box) >= 0.3) {
        stack.push(block);
        joined = true;
        break;
      }
    }
    if (!joined) stacks.push([block]);
  }
  return stacks.map(groupOf);
}

function groupOf(stack: readonly Block[]): HeadlineGroup {
  const largest = Math.max(...stack.map((b) => b.size));
  const lines = stack.flatMap((b) => b.lines).sort((a, b) => a.box.top - b.box.top);
  const isHead = (l: Line) => l.size >= largest / 1.12;
  const first = lines.findIndex(isHead);
  let last = first;
  for (let i = first; i < lines.length; i++) if (isHead(lines[i]!)) last = i;
  return {
    kicker: lines.slice(0, first),
    headline: lines.slice(first, last + 1),
    subheadline: lines.slice(last + 1),
    box: boxOf(stack.map((b) => b.box)),
  };
}

function groupLines(g: HeadlineGroup): Line[] {
  return [...g.kicker, ...g.headline, ...g.subheadline];
}

/**
 * The nearest group above a block that shares at least an em of its width: the headline the block
 * belongs to (a headline stays within its article's columns, however narrow it is).
 */
function ownerOf(block: Block, groups: readonly HeadlineGroup[], tolerance: number): HeadlineGroup | null {
  let best: HeadlineGroup | null = null;
  for (const g of groups) {
    if (g.box.bottom > block.box.top + tolerance) continue;
    if (Math.min(g.box.x1, block.box.x1) - Math.max(g.box.x0, block.box.x0) < block.size) continue;
    if (!best || g.box.bottom > best.box.bottom) best = g;
  }
  return best;
}

/**
 * A column with nothing of its own article right above it belongs to a nearer headline beside it
 * (within a gutter or two) that interrupts its own article's column: the first column of an article
 * often starts left of a headline centred over its columns, under the columns of the article above.
 * Or else it belongs to the article of a block right above it.
 */
function moveToHeadlineBeside(owned: Map<HeadlineGroup | null, Block[]>, groups: readonly HeadlineGroup[]): void {
  for (const [own, blocks] of owned) {
    if (!own) continue;
    for (const block of [...blocks]) {
      const em = block.size;
      const above = [own.box, ...blocks.filter((b) => b !== block).map((b) => b.box)].filter(
        (b) => b.bottom <= block.box.top + 0.5 * em && Math.min(b.x1, block.box.x1) - Math.max(b.x0, block.box.x0) >= em,
      );
      const nearest = Math.max(...above.map((b) => b.bottom));
      if (block.box.top - nearest <= 4 * em) continue;
      // the nearer headline must interrupt this article's own column: text of its own above, ending over it
      const ownText = Math.max(...above.filter((b) => b !== own.box).map((b) => b.bottom));
      const beside =
        groups.find((g) => {
          if (g === own || ownText === -Infinity || ownText > g.box.top + 0.5 * em || g.box.bottom > block.box.top + 0.5 * em || block.box.top - g.box.bottom > 4 * em) return false;
          const distance = Math.max(block.box.x0 - g.box.x1, g.box.x0 - block.box.x1);
          return distance >= 0 && distance <= 2.5 * em;
        }) ?? articleRightAbove(block, owned, own);
      if (beside) {
        owned.set(own, owned.get(own)!.filter((b) => b !== block));
        owned.set(beside, [...(owned.get(beside) ?? []), block]);
      }
    }
  }
}

/** The article of another block right above this one (a caption over a column's last lines). */
function articleRightAbove(block: Block, owned: Map<HeadlineGroup | null, Block[]>, own: HeadlineGroup): HeadlineGroup | undefined {
  const em = block.size;
  for (const [g, blocks] of owned) {
    if (!g || g === own) continue;
    const above = blocks.some(
      (b) => b.box.bottom <= block.box.top + 0.5 * em && block.box.top - b.box.bottom <= 2 * em && Math.min(b.box.x1, block.box.x1) - Math.max(b.box.x0, block.box.x0) >= em,
    );
    if (above) return g;
  }
  return undefined;
}

/**
 * Columns that no headline covers (a headline centred over its columns, narrower than them) go to
 * an article: first the nearest above whose region (headline and columns so far) they share any
 * width with, else the region beside them, a gutter away and level with them. Repeats, so an article
 * runs on over several columns.
 */
function adoptNeighbours(owned: Map<HeadlineGroup | null, Block[]>, bodySize: number): void {
  let orphans = owned.get(null) ?? [];
  for (let changed = true; changed && orphans.length > 0; ) {
    changed = false;
    for (const block of [...orphans].sort((a, b) => a.box.x0 - b.box.x0)) {
      let under: HeadlineGroup | null = null;
      let beside: HeadlineGroup | null = null;
      let besideDistance = Infinity;
      for (const [g, blocks] of owned) {
        if (!g || blocks.length === 0 || g.box.bottom > block.box.top + bodySize) continue;
        const region = boxOf([g.box, ...blocks.map((b) => b.box)]);
        const distance = Math.max(block.box.x0 - region.x1, region.x0 - block.box.x1);
        if (distance < 0) {
          if (!under || g.box.bottom > under.box.bottom) under = g;
        } else if (distance <= 2.5 * bodySize && block.box.top <= region.bottom && distance < besideDistance) {
          beside = g;
          besideDistance = distance;
        }
      }
      const owner = under ?? beside;
      if (owner) {
        owned.get(owner)!.push(block);
        orphans = orphans.filter((b) => b !== block);
        changed = true;
      }
    }
  }
  if (orphans.length > 0) owned.set(null, orphans);
  else owned.delete(null);
}

/**
 * Reading order of an article's blocks by recursive cuts: columns first (a vertical gap no block
 * crosses), then tiers (a horizontal gap), left to right and top to bottom.
 */
export function readingOrder(blocks: readonly Block[]): Block[] {
  if (blocks.length <= 1) return [...blocks];
  for (const axis of ["x", "y"] as const) {
    const lo = (b: Block) => (axis === "x" ? b.box.x0 : b.box.top);
    const hi = (b: Block) => (axis === "x" ? b.box.x1 : b.box.bottom);
    const sorted = [...blocks].sort((a, b) => lo(a) - lo(b));
    const slabs: Block[][] = [[sorted[0]!]];
    let reach = hi(sorted[0]!);
    for (const b of sorted.slice(1)) {
      if (lo(b) >= reach - 1) slabs.push([b]);
      else slabs[slabs.length - 1]!.push(b);
      reach = Math.max(reach, hi(b));
    }
    if (slabs.length > 1) return slabs.flatMap(readingOrder);
  }
  return [...blocks].sort((a, b) => a.box.top - b.box.top || a.box.x0 - b.box.x0);
}

function endsParagraph(text: string): boolean {
  let i = text.length - 1;
  while (i > 0 && isClosingMark(text[i]!)) i--;
  return i >= 0 && isTerminalPunctuation(text[i]!);
}

/**
 * Body blocks in reading order → paragraphs. A paragraph starts at an indented line (two ems in
 * Chinese typesetting) or after a short line that ends a sentence; it runs on across columns.
 */
export function paragraphsOf(blocks: readonly Block[]): LaidParagraph[] {
  const paragraphs: LaidParagraph[] = [];
  let current: Line[] = [];
  let prevShort = true;
  for (const block of blocks) {
    // the column's edges: from the block itself, or from its column neighbours when it has one line
    const peers = block.lines.length >= 2 ? [block] : blocks.filter((b) => xOverlap(b.box, block.box) >= 0.5);
    const left = Math.min(...peers.map((b) => Math.min(...b.lines.map((l) => l.box.x0))));
    const right = Math.max(...peers.map((b) => b.box.x1));
    for (const line of block.lines) {
      const indented = line.box.x0 - left >= 1.2 * line.size;
      if (current.length > 0 && (indented || prevShort)) {
        paragraphs.push({ lines: current });
        current = [];
      }
      current.push(line);
      // a paragraph ends at a short line that ends a sentence; a short line that is a byline stands alone
      const short = right - line.box.x1 >= 1.2 * line.size;
      prevShort = (short && endsParagraph(line.text)) || (current.length === 1 && isBylineLine(line.text));
    }
  }
  if (current.length > 0) paragraphs.push({ lines: current });
  return paragraphs;
}

const CAPTION_CREDIT_RE = /(?:摄|供图|图)$/;

function isCaption(block: Block, bodySize: number): boolean {
  if (block.size < bodySize / 1.08) return true;
  const text = block.lines.map((l) => l.text).join("");
  return block.lines.length <= 3 && CAPTION_CREDIT_RE.test(text);
}

function blockText(block: Block): string {
  return block.lines.map((l) => l.text).join("");
}

/**
 * Lines of one page → articles, furniture and unassigned text, by geometry: display type forms
 * headline groups; every other block belongs to the nearest group above it that shares its columns.
 */
export function analyzeLayout(lines: readonly Line[], page: { width: number; height: number }): Layout {
  const blocks = buildBlocks(lines);
  const bodySize = bodySizeOf(lines);
  const furniture: LaidFurniture[] = [];
  const unassigned: Layout["unassigned"] = [];
  const display: Block[] = [];
  const text: Block[] = [];
  for (const block of blocks) {
    if (block.vertical) {
      unassigned.push({ kind: "vertical", lines: block.lines });
      continue;
    }
    const single = block.lines.length === 1;
    const kind = single ? furnitureKind(blockText(block)) : null;
    const atEdge = block.box.bottom > page.height * (1 - EDGE_BAND) || block.box.top < page.height * EDGE_BAND;
    if (kind || (single && atEdge)) {
      furniture.push({ kind: kind ?? (block.box.top < page.height / 2 ? "header" : "footer"), lines: block.lines });
    } else if (block.size >= DISPLAY_RATIO * bodySize) display.push(block);
    else text.push(block);
  }

  const groups = headlineGroups(display);
  // a subtitle line set in body type right under a headline group: ——中国海油各单位…
  const bodyBlocks: Block[] = [];
  for (const block of text) {
    const g = block.lines.length === 1 && /^[—–-]{1,2}/.test(block.lines[0]!.text) ? ownerOf(block, groups, 0.5 * bodySize) : null;
    if (g && block.box.top - g.box.bottom <= 1.5 * bodySize) {
      g.subheadline.push(...block.lines);
      g.box = boxOf([g.box, block.box]);
    } else bodyBlocks.push(block);
  }

  const owned = new Map<HeadlineGroup | null, Block[]>();
  for (const block of bodyBlocks) {
    const g = ownerOf(block, groups, 0.5 * bodySize);
    owned.set(g, [...(owned.get(g) ?? []), block]);
  }
  moveToHeadlineBeside(owned, groups);
  adoptNeighbours(owned, bodySize);
  // the masthead band: above the first headline that has a body
  const withBody = groups.filter((g) => owned.has(g));
  const bandBottom = withBody.length > 0 ? Math.min(...withBody.map((g) => g.box.top)) : 0;

  const regions: ArticleRegion[] = [];
  for (const g of groups) {
    const mine = owned.get(g) ?? [];
    const lines = groupLines(g);
    const all = lines.map((l) => l.text).join("");
    const largest = Math.max(...lines.map((l) => l.size));
    if (mine.length === 0) {
      const inBand = g.box.bottom <= bandBottom;
      if (hanCount(all) === 0 || (inBand && largest < TEASER_RATIO * bodySize)) {
        furniture.push({ kind: furnitureKind(all) ?? "header", lines });
        continue;
      }
    }
    regions.push(regionOf(g, mine, bodySize));
  }
  // blocks under no headline: the masthead band's lines are furniture; columns of text are headless articles
  const orphans = owned.get(null) ?? [];
  for (const block of readingOrder(orphans)) {
    if (block.box.bottom <= bandBottom && block.lines.length <= 2) furniture.push({ kind: "header", lines: block.lines });
    else if (block.lines.length >= 2 || hanCount(blockText(block)) >= 20) regions.push(regionOf(null, [block], bodySize));
    else unassigned.push({ kind: "orphan", lines: block.lines });
  }
  // page order: rows of articles starting within two body lines of each other, left to right
  const row = (r: ArticleRegion) => Math.round(r.box.top / (2 * bodySize));
  regions.sort((a, b) => row(a) - row(b) || a.box.x0 - b.box.x0);
  return { bodySize, regions, furniture, unassigned };
}

function regionOf(group: HeadlineGroup | null, blocks: readonly Block[], bodySize: number): ArticleRegion {
  const captions = blocks.filter((b) => isCaption(b, bodySize));
  const body = readingOrder(blocks.filter((b) => !captions.includes(b)));
  const boxes = [...(group ? [group.box] : []), ...blocks.map((b) => b.box)];
  return { group, paragraphs: paragraphsOf(body), captions: readingOrder(captions), box: boxOf(boxes) };
}
