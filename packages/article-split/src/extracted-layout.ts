/**
 * The split stage's repairs for text from PDF extractors (pdftotext, pdfminer, pdf.js), called from
 * `splitReflowed` only when reflow read the text as one of those styles: typeset text never comes
 * here. The extractors keep what the printed page tells of its structure in their line breaks and
 * lose its reading order; these repairs use the first to make up for the second:
 *
 * - a headline field never runs across a text box the extractor closed (a blank line): a wrapped
 *   headline's lines are one box, two boxes are two fields — side-by-side headlines read row by
 *   row come out as neighbouring boxes;
 * - a row of headlines read before the row of stories they head is given to the stories in order;
 * - headline groups that no body took and bodies that no group headed are paired in reading order:
 *   an extractor moves a headline away from its body, but keeps the headlines of a row of stories
 *   in the order of their bodies;
 * - headline lines read as body text, kickers read as a headline's first line, caption lines with
 *   their credit, and advertisements are told apart (each rule is documented where it is).
 * Each was kept only where it raised generated pages and did not lower People's Daily tune pages.
 */
import type { Article, Caption, Span } from "@yk/schema";
import { endsSentence, textWidth } from "@yk/lexicon";
import { bigramPlausibility, sliceMapped, spansOf, trimMapped, type MappedText } from "@yk/reflow";
import { matchCredit, opensWithDatelineAt } from "./byline.js";

type HeadlineRole = "kicker" | "kicker+" | "headline" | "headline+" | "subheadline" | "subheadline+";

/** The parts of split.ts's items these repairs read (structural: split.ts keeps its own types). */
interface ItemLike {
  type: string;
}
interface HeadlineItemLike extends ItemLike {
  type: "headline";
  role: HeadlineRole;
  line: { text: string; spans: Span[] };
}
interface GroupLike {
  first: number;
  last: number;
  kicker: unknown[];
  headline: { text: string }[];
  subheadline: unknown[];
}
interface DraftLike {
  first: number;
  last: number;
  byline: unknown;
  paragraphs: readonly { text: string }[];
  credit: { contributors: readonly { kind: string }[] } | null;
}

const isHeadlineItem = (it: ItemLike): it is HeadlineItemLike => it.type === "headline";

/** Where a headline line ends in the raw text (-1: no span). */
const lastEnd = (it: HeadlineItemLike) => it.line.spans[it.line.spans.length - 1]?.end ?? -1;

/** A blank line (or a move: the text comes from before) between two raw offsets. */
function boxBoundary(raw: string, from: number, to: number): boolean {
  if (to < from) return true;
  let newlines = 0;
  for (let k = from; k < to; k++) {
    const c = raw.charCodeAt(k);
    if (c === 10) {
      if (++newlines >= 2) return true;
    } else if (c !== 13 && c !== 32 && c !== 9 && c !== 12 && c !== 0x3000) newlines = 0;
  }
  return false;
}

/**
 * Headline lines the role model read as one field wrapped onto the next line (a `+` role) when
 * the extractor put them in two boxes: the second starts a field of its own (a subheadline when it
 * opens with a dash, else a headline; one after a lone kicker still completes that kicker's group).
 */
export function splitFieldsAtBoxes(items: ItemLike[], raw: string): void {
  let prev: HeadlineItemLike | null = null;
  for (const it of items) {
    if (!isHeadlineItem(it)) {
      prev = null;
      continue;
    }
    if (prev && it.role.endsWith("+")) {
      const prevSpans = prev.line.spans;
      const from = prevSpans[prevSpans.length - 1]?.end;
      const to = it.line.spans[0]?.start;
      if (from !== undefined && to !== undefined && boxBoundary(raw, from, to)) {
        it.role = /^[—－-]/.test(it.line.text) ? "subheadline" : "headline";
      }
    }
    prev = it;
  }
}

/**
 * A row of headlines read before the row of stories they head (an extractor reads the headlines of
 * stories set side by side, then their bodies): the layout stage gives the last headline of the
 * row to the body right after it and leaves the others waiting. When two or more groups follow one
 * another with no body between, only the last of them heads a body and as many bodies follow that
 * no other group heads, they are paired in order: the row's first headline heads the first story.
 * When more such bodies follow than groups, a one-line kicker of the run (no subheadline under its
 * group) was a headline of the row, read by the role model as the next headline's kicker: the
 * last ones become groups of their own first. Linear: groups and bodies are walked once, in order.
 */
function pairHeadlineRows<G extends GroupLike, D extends DraftLike>(groups: G[], bodies: readonly D[], headlineOf: Map<D, G>, ads: ReadonlySet<G>): void {
  const sortedGroups = [...groups].sort((a, b) => a.first - b.first);
  const sortedBodies = [...bodies].sort((a, b) => a.first - b.first);
  const bodyOf = new Map<G, D>();
  for (const [d, g] of headlineOf) bodyOf.set(g, d);
  let b = 0;
  for (let i = 0; i < sortedGroups.length; ) {
    // the run of groups with no body between them
    while (b < sortedBodies.length && sortedBodies[b]!.first < sortedGroups[i]!.first) b++;
    let j = i;
    while (j + 1 < sortedGroups.length && (b >= sortedBodies.length || sortedBodies[b]!.first > sortedGroups[j + 1]!.first)) j++;
    const run = sortedGroups.slice(i, j + 1);
    i = j + 1;
    if (run.slice(0, -1).some((g) => bodyOf.has(g)) || run.some((g) => ads.has(g))) continue;
    const last = run[run.length - 1]!;
    const first = bodyOf.get(last);
    if (first === undefined || first !== sortedBodies[b]) continue;
    // groups whose kicker may be a headline of its own: a row's headlines read as kicker and headline
    const splittable = run.filter((g) => g.kicker.length === 1 && g.headline.length > 0 && g.subheadline.length === 0);
    // the bodies after the run, the first of them the last group's, the others no group's
    const row: D[] = [];
    for (let k = b; k < sortedBodies.length && row.length < run.length + splittable.length; k++) {
      const d = sortedBodies[k]!;
      if (k > b && (headlineOf.has(d) || !wantsHeadline(d))) break;
      row.push(d);
    }
    if (row.length < run.length) continue;
    // more stories than headlines: the kickers of the run's last groups are headlines of their own
    for (let extra = row.length - run.length, k = splittable.length - 1; extra > 0 && k >= 0; extra--, k--) {
      const g = splittable[k]!;
      const own = { ...g, last: g.first, kicker: [], headline: g.kicker, subheadline: [] } as G;
      g.first += 1;
      g.kicker = [];
      run.splice(run.indexOf(g), 0, own);
      groups.push(own);
    }
    if (run.length < 2 || row.length < run.length) continue;
    row.length = run.length;
    row.forEach((d, k) => {
      headlineOf.set(d, run[k]!);
      bodyOf.set(run[k]!, d);
    });
  }
}

/**
 * The groups of an advertisement: a headline that is a phone line with its label (订购热线 0571-8888
 * 6666), and the slogan group right above it. Their articles become one of kind `other` (see
 * markAdvertisements); no story's body is theirs to take.
 */
function advertisementGroups<G extends GroupLike>(groups: readonly G[]): Set<G> {
  const ads = new Set<G>();
  const sorted = [...groups].sort((a, b) => a.first - b.first);
  sorted.forEach((g, k) => {
    if (g.headline.length !== 1 || !isPhoneLine(g.headline[0]!.text)) return;
    ads.add(g);
    const before = sorted[k - 1];
    if (before && before.last + 1 === g.first) ads.add(before);
  });
  return ads;
}

/** A body that wants a headline: running text, not a photo's caption under its credit. */
function wantsHeadline(d: DraftLike): boolean {
  if (d.paragraphs.length === 0) return false;
  const photo = !d.byline && d.credit !== null && d.credit.contributors.some((c) => c.kind === "photographer");
  return !photo;
}

/**
 * Pair the headline groups no body took with the bodies no group heads, in reading order: each
 * body takes the earliest waiting group before it; what is left on either side is then paired in
 * order. When more groups wait than bodies, a lone headline line right above a group without a
 * kicker is that group's kicker first (an extractor cuts a kicker from its headline as often as
 * not). Linear: one pass over groups and bodies sorted by position.
 */
export function pairDisplacedHeadlines<G extends GroupLike, D extends DraftLike>(groups: G[], bodies: readonly D[], headlineOf: Map<D, G>): void {
  const ads = advertisementGroups(groups);
  // a body the layout stage gave an advertisement's slogan (a headline read after its body) is
  // free again: the advertisement heads no story
  for (const [d, g] of [...headlineOf]) if (ads.has(g)) headlineOf.delete(d);
  pairHeadlineRows(groups, bodies, headlineOf, ads);
  // an advertisement's slogan and phone line head no story: they wait as if taken
  const assigned = new Set<G>([...headlineOf.values(), ...ads]);
  const freeBodies = bodies.filter((d) => !headlineOf.has(d) && wantsHeadline(d)).sort((a, b) => a.first - b.first);
  let excess = groups.filter((g) => !assigned.has(g)).length - freeBodies.length;
  if (excess > 0) {
    const kept: G[] = [];
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k]!;
      const h = groups[k + 1];
      const lone = !assigned.has(g) && g.kicker.length === 0 && g.subheadline.length === 0 && g.headline.length === 1;
      if (excess > 0 && lone && h && h.first === g.last + 1 && h.kicker.length === 0 && h.headline.length > 0) {
        h.kicker = g.headline;
        h.first = g.first;
        excess--;
        continue;
      }
      kept.push(g);
    }
    groups.length = 0;
    for (const g of kept) groups.push(g);
  }
  const freeGroups = groups.filter((g) => !assigned.has(g)).sort((a, b) => a.first - b.first);
  const leftBodies: D[] = [];
  let g = 0;
  for (const d of freeBodies) {
    if (g < freeGroups.length && freeGroups[g]!.last < d.first) headlineOf.set(d, freeGroups[g++]!);
    else leftBodies.push(d);
  }
  const leftGroups = freeGroups.slice(g);
  for (let k = 0; k < Math.min(leftBodies.length, leftGroups.length); k++) headlineOf.set(leftBodies[k]!, leftGroups[k]!);
}

interface BodyItemLike extends ItemLike {
  type: "body";
  mapped: MappedText & { spans: Span[]; subhead?: boolean };
  continuedTo?: string;
  continuedFrom?: string;
}

const isBodyItem = (it: ItemLike): it is BodyItemLike => it.type === "body";

/** An enumerated subhead: 一、 （二） 3. 第一部分. */
const ENUMERATED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十\d]+)/;

/** Punctuation of running text: a line holding none is no sentence of a story. */
const PROSE_MARKS = /[，。、；：！？,.;:!?…]/;

/** One short line holding no punctuation of running text. */
const headlineShaped = (text: string) => text.length >= 4 && text.length <= 24 && !PROSE_MARKS.test(text) && !text.includes("\n");

/**
 * Headline lines the role model read as body text: with text from an extractor a headline often
 * stands among body lines (no blank line around it, no type size). A paragraph of one short line
 * without any punctuation, after text that ended its sentence (not the rest of a cut line), is a
 * headline line (a subheadline when it opens with a dash).
 */
export function headlinesOutOfBody(
  items: ItemLike[],
  { keepSubheads = false, raw, extractor }: { keepSubheads?: boolean; raw?: string; extractor?: string } = {},
): void {
  // only pdftotext boxes a headline with the story under it (see headsItsBox); both box one alone (see boxedRun)
  const boxedRaw = extractor === "pdftotext" ? raw : undefined;
  const boxes = extractor === "pdftotext" || extractor === "pdfminer";
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (!isBodyItem(it) || it.continuedTo || it.continuedFrom) continue;
    // an in-article subhead that says so (一、 （二） 3.) stays one; without type sizes the others
    // read as headlines, which the pairing below gives a body
    if (it.mapped.subhead && ENUMERATED.test(it.mapped.text)) continue;
    const text = it.mapped.text;
    if (!headlineShaped(text)) continue;
    const prev = items[i - 1];
    // (a subhead before it is no cut line either: two headline lines the extractor set one above
    // the other, the first of a story moved before its text)
    // (nor is a line pdftotext blocked with wider running text under it: see headsBoxOverWiderText)
    if (prev && isBodyItem(prev) && !endsSentence(prev.mapped.text) && !prev.mapped.subhead) {
      const prevEnd = prev.mapped.spans[prev.mapped.spans.length - 1]?.end;
      if (boxedRaw === undefined || !headsBoxOverWiderText(boxedRaw, it.mapped, prevEnd)) continue;
    }
    // with `keepSubheads` (the style was only detected: typed text may look like an extractor's),
    // the role model's subhead stays one unless a story opens right after it (a headline heads a
    // dateline or byline, a subhead is followed by more of the same story) or the extractor boxed
    // it with the text under it (see headsItsBox; needs the raw text)
    const run = boxes && raw !== undefined && it.mapped.subhead ? boxedRun(items, i, raw) : -1;
    if (keepSubheads && it.mapped.subhead && !opensStory(items, i + 1) && !(boxedRaw !== undefined && headsItsBox(items, i, boxedRaw)) && run < 0) continue;
    // the lines of a headline group boxed alone: the first heads it, the others wrap onto it
    for (let k = i; k <= Math.max(i, run); k++) {
      const line = { ...(items[k] as BodyItemLike).mapped };
      delete line.subhead;
      const dash = /^[—－]/.test(line.text);
      items[k] = { type: "headline", role: dash ? "subheadline" : k === i ? "headline" : "headline+", line } as HeadlineItemLike;
    }
    i = Math.max(i, run);
  }
  if (!boxes || raw === undefined) return;
  // a line boxed alone right above a headline boxed alone (a row of headlines, or a kicker the
  // extractor boxed apart from its headline) is a headline line too: back to front, so that a run
  // of them follows the last; the pairing with bodies tells kickers from a row's headlines
  // (generated seeds 1-30 article F1 pdftotext 0.830 -> 0.841, pdfminer 0.861 -> 0.870; printed
  // People's Daily tune pages pdftotext 0.345 -> 0.344 with k+h+s 0.364 -> 0.373, pdfminer unchanged)
  for (let i = items.length - 2; i >= 0; i--) {
    const it = items[i]!;
    const next = items[i + 1]!;
    if (!isBodyItem(it) || !it.mapped.subhead || it.continuedTo || it.continuedFrom || !isHeadlineItem(next) || next.role !== "headline") continue;
    const text = it.mapped.text;
    if (!headlineShaped(text) || ENUMERATED.test(text) || !aloneInBox(items, i, raw)) continue;
    const line = { ...it.mapped };
    delete line.subhead;
    items[i] = { type: "headline", role: /^[—－]/.test(text) ? "subheadline" : "headline", line } as HeadlineItemLike;
  }
}

/** Whether items[i] stands in a box of its own: a blank line (or a move) before and after it. */
function aloneInBox(items: readonly ItemLike[], i: number, raw: string): boolean {
  const spans = (it: ItemLike | undefined) => (it && (isBodyItem(it) ? it.mapped.spans : isHeadlineItem(it) ? it.line.spans : undefined)) ?? undefined;
  const own = spans(items[i]);
  const start = own?.[0]?.start;
  const end = own?.[own.length - 1]?.end;
  if (start === undefined || end === undefined) return false;
  const before = spans(items[i - 1]);
  const prevEnd = before?.[before.length - 1]?.end;
  const nextStart = spans(items[i + 1])?.[0]?.start;
  return (prevEnd === undefined || boxBoundary(raw, prevEnd, start)) && (nextStart === undefined || boxBoundary(raw, end, nextStart));
}

/**
 * A line that opens one of pdftotext's blocks (a blank line, or text moved from elsewhere, before
 * it) with running text set in a column right under it in the same block: pdftotext blocks a
 * headline with the first lines of the story it heads. pdfminer boxes lines of one size together,
 * so a line boxed with the text under it is an in-article subhead there: the rule is pdftotext's
 * alone (its line alone in a box is boxedRun's). Measured (article F1, generated seeds 1-30 /
 * printed People's Daily pages, eval-layout --extractor, 60 tune pages): pdftotext 0.746 -> 0.771
 * / 0.343 -> 0.352 (0.351 with the column check below); for pdfminer 0.759 unchanged / 0.649 ->
 * 0.421.
 */
function headsItsBox(items: readonly ItemLike[], i: number, raw: string): boolean {
  const it = items[i] as BodyItemLike;
  const prev = items[i - 1];
  const next = items[i + 1];
  if (!next || !isBodyItem(next)) return false;
  const start = it.mapped.spans[0]?.start;
  const end = it.mapped.spans[it.mapped.spans.length - 1]?.end;
  const nextStart = next.mapped.spans[0]?.start;
  if (start === undefined || end === undefined || nextStart === undefined) return false;
  const prevEnd = prev && isBodyItem(prev) ? prev.mapped.spans[prev.mapped.spans.length - 1]?.end : undefined;
  if (prevEnd !== undefined && !boxBoundary(raw, prevEnd, start)) return false;
  if (boxBoundary(raw, end, nextStart) || headlineShaped(next.mapped.text)) return false;
  // the text under it set in a column, its first line wrapped (or a photo's caption line): text
  // typed a paragraph to the line, which may read as pdftotext's too, has in-article subheads over
  // its paragraphs (composed People's Daily pages with single line breaks, held out, lost 0.001 of
  // contributors without this; printed People's Daily pages read through pdftotext gain less with
  // it, article F1 0.343 -> 0.351 against 0.360: an author's name on a line of its own)
  if (/摄$/.test(next.mapped.text)) return true;
  let lineEnd = raw.indexOf("\n", nextStart);
  if (lineEnd < 0) lineEnd = raw.length;
  const firstLine = raw.slice(nextStart, lineEnd).replace(/\s+/g, "");
  // (the paragraph's text, not its spans: reflow may have joined a box read before it)
  return next.mapped.text.replace(/\s+/g, "").length > firstLine.length && textWidth(firstLine) <= COLUMN_LINE_MAX;
}

/**
 * A line pdfminer or pdftotext put in a box of its own over a box of running text: pdfminer boxes
 * lines of one type size and spacing together, so a subhead set in the body's type mostly stays in
 * the box of the text under it, and a line alone is set in display type — a headline (pdftotext
 * blocks a headline either with its story's first lines, see headsItsBox, or alone). Not when the
 * line reads as a piece of the text around it (a word or a number running across either break, a
 * bracket left open) or is as wide as a paragraph's first line. Two or three such lines in one box
 * are a headline group (a kicker and its headline: kickersFromWrappedHeadlines tells them apart).
 * Returns the index of the run's last line, -1 when it is no headline. Measured (article F1, generated
 * seeds 1-30 / printed People's Daily tune pages, eval-layout --extractor, 60 pages): pdfminer
 * 0.781 -> 0.847 / 0.642 -> 0.625 (the subheads People's Daily pages box alone, which nothing in
 * the text tells from a headline; without the piece and width checks 0.572); pdftotext 0.812 ->
 * 0.827 / 0.345 unchanged.
 */
function boxedRun(items: readonly ItemLike[], i: number, raw: string): number {
  // the run: up to three headline-shaped subhead lines of one box (a kicker and its headline)
  let last = i;
  while (last - i < 2) {
    const a = items[last] as BodyItemLike;
    const b = items[last + 1];
    if (!b || !isBodyItem(b) || !b.mapped.subhead || !headlineShaped(b.mapped.text) || ENUMERATED.test(b.mapped.text)) break;
    const aEnd = a.mapped.spans[a.mapped.spans.length - 1]?.end;
    const bStart = b.mapped.spans[0]?.start;
    if (aEnd === undefined || bStart === undefined || boxBoundary(raw, aEnd, bStart)) break;
    last++;
  }
  const first = items[i] as BodyItemLike;
  const final = items[last] as BodyItemLike;
  const prev = items[i - 1];
  const next = items[last + 1];
  if (!next || !isBodyItem(next) || headlineShaped(next.mapped.text)) return -1;
  const start = first.mapped.spans[0]?.start;
  const end = final.mapped.spans[final.mapped.spans.length - 1]?.end;
  const nextStart = next.mapped.spans[0]?.start;
  if (start === undefined || end === undefined || nextStart === undefined) return -1;
  const prevEnd = prev && isBodyItem(prev) ? prev.mapped.spans[prev.mapped.spans.length - 1]?.end : undefined;
  if (prevEnd !== undefined && !boxBoundary(raw, prevEnd, start)) return -1;
  if (!boxBoundary(raw, end, nextStart)) return -1;
  const text = first.mapped.text;
  const lastText = final.mapped.text;
  // the rest of a word the box before cut (…闭 / 幕式…): a piece of its sentence
  const before = lastTextBefore(raw, start);
  if (before !== "" && !endsSentence(before) && bigramPlausibility(before + text[0]) >= JOIN_PLAUSIBLE) return -1;
  // a piece of running text pdfminer boxed apart (a paragraph's first line, a dateline cut at a
  // bracket) leaves a bracket open
  if (/[（(【《“][^）)】》”]*$/.test(lastText) || /[—－]$/.test(lastText)) return -1;
  // or reads on into the next box: a number or a word runs across the break (…9月1 / 4日, …恢 / 复)
  const after = raw.slice(nextStart, nextStart + 1);
  if (/\d$/.test(lastText) && /\d/.test(after)) return -1;
  if (bigramPlausibility(lastText.slice(-1) + after) >= JOIN_PLAUSIBLE) return -1;
  // and a paragraph's first line, boxed apart, is as wide as the column less its two-em indent:
  // a headline line is narrower still (typed paragraphs, a paragraph to the line, are no column:
  // a subhead over them stays one)
  const measure = columnMeasure(raw, nextStart);
  if (measure > COLUMN_LINE_MAX) return -1;
  for (let k = i; k <= last; k++) if (textWidth((items[k] as BodyItemLike).mapped.text) > measure - 3) return -1;
  return last;
}

/** The last non-white-space character before `at` in the raw text ("" at its start). */
function lastTextBefore(raw: string, at: number): string {
  for (let k = at - 1; k >= 0; k--) if (!/\s/.test(raw[k]!)) return raw[k]!;
  return "";
}

/** The widest of the first three raw lines from `at` (em, spaces aside): the measure of a column of text. */
function columnMeasure(raw: string, at: number): number {
  let widest = 0;
  let from = at;
  for (let k = 0; k < 3 && from < raw.length; k++) {
    let to = raw.indexOf("\n", from);
    if (to < 0) to = raw.length;
    const line = raw.slice(from, to).replace(/\s+/g, "");
    if (line === "") break;
    widest = Math.max(widest, textWidth(line));
    from = to + 1;
  }
  return widest;
}

/** A bigram bucket (0-9, see @yk/reflow's bigramPlausibility) common enough to read a join as one word. */
const JOIN_PLAUSIBLE = 5;

/**
 * A headline-shaped line that pdftotext read after a block cut mid-sentence, heading a block of its
 * own over running text at least two ems wider: the headline of the story set under it, not the
 * rest of the cut sentence (a line that goes on with a cut sentence is a full line of the column,
 * as wide as the lines under it, or the paragraph's last and ends it) — unless the join reads as
 * one word (a common character bigram across it). `line` is the line's mapped text; `prevEnd` where
 * the text before it ends in the raw text. Generated seeds 1-30 through pdftotext: article F1
 * 0.800 -> 0.812; printed People's Daily tune pages (eval-layout --extractor pdftotext, 60 pages)
 * unchanged at 0.345 (0.344 without the bigram check).
 */
export function headsBoxOverWiderText(raw: string, line: { text: string; spans: readonly Span[] }, prevEnd: number | undefined): boolean {
  const text = line.text;
  if (!headlineShaped(text)) return false;
  const start = line.spans[0]?.start;
  const end = line.spans[line.spans.length - 1]?.end;
  if (start === undefined || end === undefined || prevEnd === undefined || !boxBoundary(raw, prevEnd, start)) return false;
  // a join that reads as one word across the break (a common bigram) is the cut sentence going on
  if (bigramPlausibility(raw.slice(prevEnd - 1, prevEnd) + text[0]) >= JOIN_PLAUSIBLE) return false;
  // the raw line right under it, in the same block
  const nl = raw.indexOf("\n", end);
  if (nl < 0) return false;
  let nextEnd = raw.indexOf("\n", nl + 1);
  if (nextEnd < 0) nextEnd = raw.length;
  const under = raw.slice(nl + 1, nextEnd).replace(/\s+/g, "");
  if (under === "" || headlineShaped(under) || !PROSE_MARKS.test(under)) return false;
  return textWidth(under) >= textWidth(text) + 2 && textWidth(under) <= COLUMN_LINE_MAX;
}

/** Widest line (em) read as a line of a newspaper column: wider lines are typed paragraphs. */
const COLUMN_LINE_MAX = 30;

/**
 * Whether a story opens at `items[at]`, past any more short unpunctuated lines (the rest of a
 * headline group): a byline, a headline, or text opening with a dateline (本报讯, 新华社北京…电).
 */
function opensStory(items: readonly ItemLike[], at: number): boolean {
  let j = at;
  for (let k = 0; k < 4; k++) {
    const it = items[j];
    if (!it || !isBodyItem(it) || !headlineShaped(it.mapped.text)) break;
    j++;
  }
  const next = items[j];
  if (!next) return true;
  if (next.type === "byline" || next.type === "headline") return true;
  return isBodyItem(next) && opensWithDatelineAt(next.mapped.text);
}

/** A photo's caption with its credit, taken out of the text flow until the articles are built. */
export interface StrayCaption {
  /** Where it stood: the number of items before it once captions are out. */
  at: number;
  caption: Caption;
}

/**
 * Caption lines closing with a photo credit (茶场工人采摘春茶。本报记者 王明 摄), which an extractor
 * sets among the text beside the photo: taken out of the items (the role model reads them as body
 * text, and they would join a story's paragraphs or make a photo of their own) and returned with
 * their position, for `attachCaptions`.
 */
export function takeCaptions(items: ItemLike[]): StrayCaption[] {
  const kept: ItemLike[] = [];
  const out: StrayCaption[] = [];
  for (const it of items) {
    const caption = isBodyItem(it) && !it.mapped.subhead && !it.continuedTo && !it.continuedFrom ? captionOf(it.mapped) : null;
    if (caption) out.push({ at: kept.length, caption });
    else kept.push(it);
  }
  if (out.length > 0) {
    items.length = 0;
    for (const it of kept) items.push(it);
  }
  return out;
}

function captionOf(m: MappedText & { spans: Span[] }): Caption | null {
  const text = m.text;
  if (text.length > 80 || !/摄(?:影)?$/.test(text)) return null;
  const cut = Math.max(text.lastIndexOf("。"), text.lastIndexOf("！"), text.lastIndexOf("？"));
  if (cut < 2) return null;
  const creditPart = trimMapped(sliceMapped(m, cut + 1));
  const contributors = matchCredit(creditPart.text);
  if (!contributors || !contributors.some((c) => c.kind === "photographer")) return null;
  const captionPart = trimMapped(sliceMapped(m, 0, cut + 1));
  return {
    text: captionPart.text,
    spans: spansOf(captionPart),
    credit: { text: creditPart.text, contributors, spans: spansOf(creditPart) },
  };
}

/**
 * Each stray caption joins the article placed last at or before it (a photo sits under its
 * story's headline), or the first article after it; with no article on the page it is a photo of
 * its own. Articles come sorted by position; one pass.
 */
export function attachCaptions(placed: { at: number; article: Article }[], captions: readonly StrayCaption[]): void {
  markAdvertisements(placed);
  if (captions.length === 0) return;
  const targets = placed.filter((p) => p.article.kind !== "teaser");
  let k = -1;
  for (const c of captions) {
    while (k + 1 < targets.length && targets[k + 1]!.at <= c.at) k++;
    const target = targets[Math.max(k, 0)];
    if (target) target.article.captions.push(c.caption);
    else {
      const article: Article = { id: "", kind: "photo", kicker: null, headline: null, subheadline: null, byline: null, paragraphs: [], captions: [c.caption], entities: [] };
      targets.push({ at: c.at, article });
      placed.push({ at: c.at, article });
    }
  }
}

/**
 * Two headline lines the role model joined as one headline wrapped onto a second line, without a
 * kicker above them: an extractor gives each printed line its own line, and a headline set in one
 * line above its story is the common case, so the first is the kicker (引题) — unless the two are
 * parallel phrases of one length (政企同心谋发展 / 携手共建新家园), a headline in two lines — and not
 * when one is letter-spaced and the other not (two types: generated seeds 1-30 pdfminer article F1
 * 0.870 -> 0.874, printed People's Daily pages unchanged).
 */
export function kickersFromWrappedHeadlines(items: ItemLike[], raw: string): void {
  for (let i = 1; i < items.length; i++) {
    const first = items[i - 1]!;
    const second = items[i]!;
    if (!isHeadlineItem(first) || !isHeadlineItem(second)) continue;
    // a kicker "wrapped" onto a line of another length, with a headline after it in another of
    // the extractor's boxes: the second line is the kicker's headline (pdfminer boxes a kicker with
    // its headline), and the headline after heads a group of its own
    if (first.role === "kicker" && second.role === "kicker+" && first.line.text.length !== second.line.text.length) {
      const after = items[i + 1];
      const to = after && isHeadlineItem(after) && after.role === "headline" ? (after.line.spans[0]?.start ?? -1) : -1;
      if (to >= 0 && lastEnd(second) >= 0 && boxBoundary(raw, lastEnd(second), to)) second.role = "headline";
      continue;
    }
    if (first.role !== "headline" || second.role !== "headline+") continue;
    const before = items[i - 2];
    if (before && isHeadlineItem(before) && before.role.startsWith("kicker")) continue;
    // (one letter-spaced and the other not: set in two types, a kicker and its headline)
    if (first.line.text.length === second.line.text.length && letterSpaced(first, raw) === letterSpaced(second, raw)) continue;
    first.role = "kicker";
    second.role = "headline";
  }
}

/** Whether a headline line was printed letter-spaced (spaces between its characters in the raw text). */
function letterSpaced(it: HeadlineItemLike, raw: string): boolean {
  const start = it.line.spans[0]?.start;
  const end = lastEnd(it);
  return start !== undefined && end > start && /[^\s\u0000-\u007f] +[^\s\u0000-\u007f] +[^\s\u0000-\u007f]/.test(raw.slice(start, end));
}

/** A line that is only a phone number with its label (订购热线 0571-8888 6666): an advertisement's. */
const PHONE_LINE = /^[^。！？，]{0,12}?(?:热线|电话|咨询|联系|订购|服务)[^。！？，\d]{0,6}[:：]?\s*\d{3,4}[-－]?\d{3,4}[-－ ]?\d{3,4}[^。！？]{0,12}$/;

const isPhoneLine = (text: string | null) => text !== null && text.length <= 48 && PHONE_LINE.test(text);

/**
 * Advertisements among the articles: a slogan and a phone line, read as a headline and a body or
 * as two teasers. Typeset on a page, an ad is a box of its own that @yk/pdf tells by its frame;
 * in extracted text, the phone line is what is left of it. Its articles become one of kind `other`.
 */
function markAdvertisements(placed: { at: number; article: Article }[]): void {
  const kept: { at: number; article: Article }[] = [];
  for (const p of placed) {
    const a = p.article;
    if (a.kind === "teaser" && isPhoneLine(a.headline)) {
      const prev = kept[kept.length - 1]?.article;
      const phone = { text: a.headline!, spans: a.fieldSpans?.headline ?? [] };
      if (prev && prev.kind === "teaser" && prev.kicker === null && prev.subheadline === null && !isPhoneLine(prev.headline)) {
        // the slogan before it: one advertisement
        prev.kind = "other";
        prev.paragraphs.push(phone);
        continue;
      }
      a.kind = "other";
      if (a.kicker !== null && a.subheadline === null && a.fieldSpans) {
        // the slogan read as the kicker of the phone line: the slogan heads the advertisement
        a.paragraphs.push(phone);
        a.headline = a.kicker;
        a.kicker = null;
        a.fieldSpans = { kicker: [], headline: a.fieldSpans.kicker, subheadline: [] };
      }
    } else if (a.kind !== "teaser" && a.headline !== null && a.byline === null && a.paragraphs.length === 1 && isPhoneLine(a.paragraphs[0]!.text)) {
      a.kind = "other";
    } else if (a.kind !== "teaser" && a.headline !== null && a.byline !== null && a.paragraphs.length === 0 && isPhoneLine(a.byline.text)) {
      // the phone line read as the slogan's byline (订购热线 0571-8888 6666 is no reporter's name)
      a.kind = "other";
    }
    kept.push(p);
  }
  if (kept.length === placed.length) return;
  placed.length = 0;
  for (const p of kept) placed.push(p);
}
