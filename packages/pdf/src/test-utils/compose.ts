/**
 * A page composer for the tests: lays out articles written for the tests on a newspaper grid and
 * prints them to PDF with pdfkit and a CJK font, so that what the parser must find is known by
 * construction. Columns, kickers smaller than headlines, subtitles, bylines, photo boxes with
 * captions, headlines spanning columns, articles running on into the next column, letter-spaced
 * headlines and justification spaces.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import { createRandom } from "../../../reflow/src/test-utils/random.js";

// the package exports only its entry point: find its folder from that
const require = createRequire(import.meta.url);
const FONTS = join(dirname(require.resolve("@embedpdf/fonts-sc")), "..", "fonts");
const FONT_REGULAR = join(FONTS, "NotoSansHans-Regular.otf");
const FONT_BOLD = join(FONTS, "NotoSansHans-Bold.otf");

export interface SpecArticle {
  kicker?: string;
  headline: string;
  subheadline?: string;
  /** Leading byline that opens the first paragraph (本报讯（记者 王明）) or a line of its own. */
  byline?: { text: string; names: string[]; alone: boolean };
  paragraphs: string[];
  photo?: { caption: string; credit: string; credit_names: string[]; columns: number };
  /** First grid column and how many columns the article spans. */
  column: number;
  span: number;
  headlineSize: number;
  letterSpaced?: "items" | "spaces";
}

export interface SpecPage {
  width: number;
  height: number;
  columns: number;
  bodySize: number;
  articles: SpecArticle[];
  furniture: { text: string; top: boolean }[];
  /** Text set vertically in the margins: stacked upright characters (left), or a rotated line (right). */
  margins?: { stacked?: string; rotated?: string };
  /** An advertisement: not an article. */
  ad?: { slogan: string; phone: string };
}

const MARGIN = 30;
const GUTTER = 12;
const LEADING = 1.45;

function columnWidth(page: SpecPage): number {
  return (page.width - 2 * MARGIN - (page.columns - 1) * GUTTER) / page.columns;
}

function columnX(page: SpecPage, c: number): number {
  return MARGIN + c * (columnWidth(page) + GUTTER);
}

/** Break a paragraph into column lines of whole characters, the first indented two ems. */
function breakLines(text: string, perLine: number): { text: string; indent: boolean }[] {
  const lines: { text: string; indent: boolean }[] = [];
  const chars = Array.from(text);
  let i = 0;
  let first = true;
  while (i < chars.length) {
    let n = first ? perLine - 2 : perLine;
    // no line starts with closing punctuation: pull it up
    while (i + n < chars.length && /[，。、；：？！”）》]/.test(chars[i + n]!)) n++;
    lines.push({ text: chars.slice(i, i + n).join(""), indent: first });
    i += n;
    first = false;
  }
  return lines;
}

/** A small seeded generator (mulberry32, reflow's test generator), so a page is the same on every run. */
export const rng = createRandom;

/**
 * Print page specs to PDF bytes. Articles that do not fit the page lose paragraphs from the end, then
 * whole articles: the specs returned are what was printed, the gold.
 */
export async function composePdf(pages: readonly SpecPage[], options: { seed?: number } = {}): Promise<{ bytes: Uint8Array; pages: SpecPage[] }> {
  const doc = new PDFDocument({ size: [pages[0]!.width, pages[0]!.height], margin: 0, compress: true, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  doc.registerFont("regular", FONT_REGULAR);
  doc.registerFont("bold", FONT_BOLD);
  const printed: SpecPage[] = [];
  for (const spec of pages) {
    const page: SpecPage = { ...spec, articles: spec.articles.map((a) => ({ ...a, paragraphs: [...a.paragraphs] })) };
    const limit = page.height - MARGIN - 20;
    for (;;) {
      const bottom = drawPage(doc, page, rng(options.seed ?? 1), false);
      if (bottom <= limit || page.articles.length === 0) break;
      const last = page.articles[page.articles.length - 1]!;
      if (last.paragraphs.length > 1) last.paragraphs.pop();
      else page.articles.pop();
    }
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    drawPage(doc, page, rng(options.seed ?? 1), true);
    printed.push(page);
  }
  doc.end();
  await done;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), pages: printed };
}

type Doc = InstanceType<typeof PDFDocument>;

function print(doc: Doc, font: string, size: number, s: string, x: number, y: number, characterSpacing = 0): void {
  doc.font(font).fontSize(size).text(s, x, y, { lineBreak: false, characterSpacing });
}

/** A line drawn word by word, as typesetting systems do with bylines: 记者 王明 通讯员 李华. */
function printWords(doc: Doc, size: number, s: string, x: number, y: number, draw: boolean): number {
  for (const word of s.split(" ")) {
    if (draw) print(doc, "regular", size, word, x, y);
    else doc.font("regular").fontSize(size);
    x += doc.widthOfString(word) + size * 0.5;
  }
  return x;
}

/** Justification spaces as some typesetting systems write them: a few between characters (本 报 讯). */
function withSpaces(text: string, room: number, random: () => number): string {
  const chars = Array.from(text);
  for (let k = Math.min(4, room); k > 0; k--) {
    const at = 1 + Math.floor(random() * (chars.length - 1));
    chars[at] = " " + chars[at]!;
  }
  return chars.join("");
}

function drawPage(doc: Doc, page: SpecPage, random: () => number, draw: boolean): number {
  const text = (d: Doc, font: string, size: number, s: string, x: number, y: number, cs = 0) => {
    if (draw) print(d, font, size, s, x, y, cs);
    else d.font(font).fontSize(size);
  };
  const words = (d: Doc, size: number, s: string, x: number, y: number) => printWords(d, size, s, x, y, draw);
  const size = page.bodySize;
  const pitch = size * LEADING;
  const width = columnWidth(page);
  // one character short of the measure, so that justification has room to spread
  const perLine = Math.floor(width / size) - 1;
  const bottoms = new Array<number>(page.columns).fill(MARGIN + 90);

  // masthead: the paper's name as a picture (a box), furniture as text
  if (draw) doc.rect(MARGIN, MARGIN, 220, 50).stroke();
  let headerX = MARGIN + 240;
  for (const f of page.furniture.filter((f) => f.top)) {
    text(doc, "regular", 12, f.text, headerX, MARGIN + 30);
    headerX += doc.widthOfString(f.text) + 30;
  }
  let footerX = MARGIN;
  for (const f of page.furniture.filter((f) => !f.top)) {
    text(doc, "regular", size, f.text, footerX, page.height - MARGIN + 5);
    footerX += doc.widthOfString(f.text) + 40;
  }

  if (draw && page.margins?.stacked) {
    Array.from(page.margins.stacked).forEach((ch, i) => print(doc, "bold", 11, ch, 8, 300 + i * 14));
  }
  if (draw && page.margins?.rotated) {
    doc.save();
    doc.rotate(90, { origin: [page.width - 20, 300] });
    print(doc, "regular", 9, page.margins.rotated, page.width - 20, 300);
    doc.restore();
  }

  for (const a of page.articles) {
    const cols = Array.from({ length: a.span }, (_, i) => a.column + i);
    let y = Math.max(...cols.map((c) => bottoms[c]!)) + 14;
    const left = columnX(page, a.column);
    const right = columnX(page, a.column + a.span - 1) + width;
    // headline group, centred over its columns
    const centred = (s: string, fontSize: number, font: string) => {
      doc.font(font).fontSize(fontSize);
      const w = doc.widthOfString(s);
      text(doc, font, fontSize, s, left + Math.max(0, (right - left - w) / 2), y);
      y += fontSize * 1.3;
    };
    if (a.kicker) centred(a.kicker, Math.round(a.headlineSize * 0.55), "regular");
    if (a.letterSpaced === "items") {
      // one item per character, half an em apart
      const chars = Array.from(a.headline);
      const step = a.headlineSize * 1.5;
      let x = left + Math.max(0, (right - left - step * chars.length) / 2);
      for (const ch of chars) {
        text(doc, "bold", a.headlineSize, ch, x, y);
        x += step;
      }
      y += a.headlineSize * 1.3;
    } else if (a.letterSpaced === "spaces") {
      centred(Array.from(a.headline).join(" "), a.headlineSize, "bold");
    } else centred(a.headline, a.headlineSize, "bold");
    if (a.subheadline) centred(a.subheadline, Math.round(a.headlineSize * 0.5), "regular");
    y += size * 0.8;

    // the photo box and its caption over the first columns
    const starts = cols.map(() => y);
    if (a.photo) {
      const pw = columnX(page, a.column + a.photo.columns - 1) + width - left;
      const ph = pw * 0.55;
      if (draw) doc.rect(left, y, pw, ph).stroke();
      let cy = y + ph + 4;
      const capSize = size - 1.5;
      const capPer = Math.floor(pw / capSize);
      const capText = `${a.photo.caption}${a.photo.credit}`;
      for (let i = 0; i < capText.length; i += capPer) {
        const line = capText.slice(i, i + capPer);
        // the credit is drawn word by word where it starts a line of its own
        text(doc, "regular", capSize, line, left, cy);
        cy += capSize * 1.4;
      }
      for (let i = 0; i < a.photo.columns; i++) starts[i] = cy + size;
    }

    // body lines, poured column after column to a common bottom
    const lines: { text: string; indent: boolean; byline?: boolean }[] = [];
    if (a.byline?.alone) lines.push({ text: a.byline.text, indent: false, byline: true });
    a.paragraphs.forEach((p, i) => {
      const lead = a.byline && !a.byline.alone && i === 0 ? a.byline.text : "";
      lines.push(...breakLines(lead + p, perLine));
    });
    let bottom = Math.max(...starts) + pitch;
    const capacity = () => starts.reduce((n, s) => n + Math.max(0, Math.floor((bottom - s) / pitch)), 0);
    while (capacity() < lines.length) bottom += pitch;
    let col = 0;
    let ly = starts[0]!;
    for (const line of lines) {
      while (ly + pitch > bottom + 0.01) {
        col++;
        ly = starts[col]!;
      }
      const x = columnX(page, a.column + col) + (line.indent ? 2 * size : 0);
      if (line.byline) words(doc, size, line.text, x, ly);
      else if (line.indent && a.byline && !a.byline.alone && line.text.startsWith(a.byline.text)) {
        // the dateline and bracketed byline drawn word by word, then the rest of the line
        const after = words(doc, size, a.byline.text, x, ly);
        text(doc, "regular", size, line.text.slice(a.byline.text.length), after - size * 0.5, ly);
      } else {
        const full = Array.from(line.text).length >= perLine - 1 && !line.indent;
        // justification: full lines spread to the column's width, some with spaces between characters
        doc.font("regular").fontSize(size);
        const spaced = full && random() < 0.3 ? withSpaces(line.text, Math.floor((width - doc.widthOfString(line.text)) / doc.widthOfString(" ")), random) : line.text;
        const natural = doc.widthOfString(spaced);
        const gaps = Math.max(1, Array.from(spaced).length - 1);
        const spacing = full ? Math.max(0, (width - (line.indent ? 2 * size : 0) - natural) / gaps) : 0;
        text(doc, "regular", size, spaced, x, ly, spacing);
      }
      ly += pitch;
    }
    for (const c of cols) bottoms[c] = bottom;
  }
  // an advertisement boxed under the shortest two columns: a slogan in display type, a phone line
  if (page.ad) {
    const c = bottoms.slice(0, -1).reduce((best, _, i) => (Math.max(bottoms[i]!, bottoms[i + 1]!) < Math.max(bottoms[best]!, bottoms[best + 1]!) ? i : best), 0);
    const x = columnX(page, c);
    const y = Math.max(bottoms[c]!, bottoms[c + 1]!) + 14;
    const w = 2 * width + GUTTER;
    if (draw) {
      doc.rect(x, y, w, 70).stroke();
      print(doc, "bold", 20, page.ad.slogan, x + 12, y + 12);
      print(doc, "regular", 10, page.ad.phone, x + 12, y + 44);
    }
    bottoms[c] = bottoms[c + 1] = y + 70;
  }
  return Math.max(...bottoms);
}
