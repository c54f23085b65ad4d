/**
 * The view's colours, in one place: the stylesheet is generated from them and the contrast test
 * reads them. Every text colour below is at least WCAG AA (4.5:1) on every background it is set on.
 */

/** What a span of the raw page became. */
export type Role =
  | "kicker"
  | "headline"
  | "subheadline"
  | "byline"
  | "paragraph"
  | "subhead"
  | "caption"
  | "credit"
  | "furniture"
  | "unassigned";

export const ROLES: readonly Role[] = ["kicker", "headline", "subheadline", "byline", "paragraph", "subhead", "caption", "credit", "furniture", "unassigned"];

export const INK = "#1b1b1b";
export const MUTED = "#4d4d4d";
export const PAPER = "#ffffff";
export const LINK = "#0b57d0";
export const FOCUS = "#0b57d0";
/** A highlighted raw span (the field under the pointer or the focus). */
export const HIGHLIGHT = "#ffd43b";
/** A warning's text colour. */
export const WARN = "#a61b1b";

/** Background of each role's spans in the raw pane (text: {@link INK}). */
export const ROLE_BACKGROUND: Record<Role, string> = {
  kicker: "#ffe3c4",
  headline: "#ffc9c9",
  subheadline: "#fcd6ef",
  byline: "#cfe2ff",
  paragraph: "#e6f4dc",
  subhead: "#bfe8cb",
  caption: "#fff1a8",
  credit: "#e1d8ff",
  furniture: "#e0e0e0",
  unassigned: "#ffffff",
};

/** Background of entity marks (text: {@link INK}). */
export const ENTITY_BACKGROUND: Record<string, string> = {
  person: "#ffc8dd",
  organization: "#bde0fe",
  location: "#c7f0c2",
  date: "#ffe8a3",
  time: "#ffe8a3",
  number: "#e3e3e3",
  percent: "#e3e3e3",
  money: "#e3e3e3",
  event: "#dcd0ff",
};

/** WCAG 2 relative luminance of an sRGB colour `#rrggbb`. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new TypeError(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
