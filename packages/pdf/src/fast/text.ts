import { PdfDocument, PdfStream } from "./document.js";
import { loadFont, type FastFont } from "./fonts.js";
import { Lexer, Name, Op, Ref, Unsupported, type PdfDict, type PdfValue } from "./lexer.js";

/** A text item as pdfjs's `getTextContent` gives it. */
export interface RawTextItem {
  str: string;
  width: number;
  transform: number[];
  fontName: string;
  hasEOL: boolean;
}

type Matrix = number[];

function transform(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0]! * m2[0]! + m1[2]! * m2[1]!,
    m1[1]! * m2[0]! + m1[3]! * m2[1]!,
    m1[0]! * m2[2]! + m1[2]! * m2[3]!,
    m1[1]! * m2[2]! + m1[3]! * m2[3]!,
    m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!,
    m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
  ];
}

/** The text state, as pdfjs's TextState (graphics state saved and restored with it). */
class TextState {
  ctm: Matrix = [1, 0, 0, 1, 0, 0];
  fontName: string | null = null;
  fontSize = 0;
  font: FastFont | null = null;
  textMatrix: Matrix = [1, 0, 0, 1, 0, 0];
  textLineMatrix: Matrix = [1, 0, 0, 1, 0, 0];
  charSpacing = 0;
  wordSpacing = 0;
  leading = 0;
  textHScale = 1;
  textRise = 0;

  clone(): TextState {
    const c = Object.assign(new TextState(), this);
    c.textMatrix = this.textMatrix.slice();
    c.textLineMatrix = this.textLineMatrix.slice();
    return c;
  }
  translateTextMatrix(x: number, y: number): void {
    const m = this.textMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  translateTextLineMatrix(x: number, y: number): void {
    const m = this.textLineMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  carriageReturn(): void {
    this.translateTextLineMatrix(0, -this.leading);
    this.textMatrix = this.textLineMatrix.slice();
  }
}

/** The operators of a content stream and their operand counts (those pdfjs knows). */
const OPERANDS: Record<string, number> = {
  w: 1, J: 1, j: 1, M: 1, d: 2, ri: 1, i: 1, gs: 1, q: 0, Q: 0, cm: 6, m: 2, l: 2, c: 6, v: 4, y: 4, h: 0, re: 4,
  S: 0, s: 0, f: 0, F: 0, "f*": 0, B: 0, "B*": 0, b: 0, "b*": 0, n: 0, W: 0, "W*": 0, BT: 0, ET: 0, Tc: 1, Tw: 1,
  Tz: 1, TL: 1, Tf: 2, Tr: 1, Ts: 1, Td: 2, TD: 2, Tm: 6, "T*": 0, Tj: 1, TJ: 1, "'": 1, '"': 3, d0: 2, d1: 6,
  CS: 1, cs: 1, G: 1, g: 1, RG: 3, rg: 3, K: 4, k: 4, sh: 1, Do: 1, MP: 1, DP: 2, BMC: 1, BDC: 2, EMC: 0, BX: 0, EX: 0,
};
/** Colour operators take a varying number of operands. */
const VARIABLE = new Set(["SC", "SCN", "sc", "scn"]);

/** Characters pdfjs normalizes (NFKC) in text content; ﬅ (U+FB05) it maps by a table of its own. */
const NORMALIZE =
  /[\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+/gu;
/** Right-to-left text, which pdfjs reorders: left to it. */
const RIGHT_TO_LEFT = /[\u0590-\u08ac\ufb05\ufb50-\ufdff\ufe70-\ufeff]/;
const SPECIAL = /^(\s)|(\p{Mn})|(\p{Cf})$/u;

interface Glyph {
  width: number;
  unicode: string;
  isWhitespace: boolean;
  isZeroWidthDiacritic: boolean;
  isInvisibleFormatMark: boolean;
}

const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

/** Fonts and their glyphs, per document. */
export class FontCache {
  private readonly byObject = new Map<unknown, { font: FastFont; glyphs: Array<Glyph | undefined> }>();
  private count = 0;
  constructor(private readonly doc: PdfDocument) {}

  get(ref: PdfValue | undefined): { font: FastFont; glyphs: Array<Glyph | undefined> } {
    const key = ref instanceof Ref ? `${ref.num} ${ref.gen}` : ref;
    let entry = this.byObject.get(key);
    if (!entry) {
      const dict = this.doc.dict(ref);
      if (!dict) throw new Unsupported("font missing");
      entry = { font: loadFont(this.doc, dict, `f${++this.count}`), glyphs: [] };
      this.byObject.set(key, entry);
    }
    return entry;
  }
}

/**
 * The text items of a content stream, computed as pdfjs 4.10's `getTextContent` computes them
 * (its `PartialEvaluator.getTextContent`, horizontal fonts only): the same runs, the same spaces
 * inserted for gaps, the same positions and widths. Operators it cannot follow throw
 * {@link Unsupported}.
 */
export function textContent(doc: PdfDocument, fonts: FontCache, content: Uint8Array, resources: PdfDict | null, viewBox: number[]): RawTextItem[] {
  const items: RawTextItem[] = [];
  run(doc, fonts, content, resources, new TextState(), viewBox, items, 0);
  return items;
}

function run(
  doc: PdfDocument,
  fonts: FontCache,
  content: Uint8Array,
  resources: PdfDict | null,
  initial: TextState,
  viewBox: number[],
  out: RawTextItem[],
  depth: number,
  running = new Set<PdfStream>(),
): void {
  if (depth > 12) throw new Unsupported("forms nested too deep");
  const stack: TextState[] = [];
  let textState = initial;
  let glyphCache: Array<Glyph | undefined> = [];
  const fontResources = resources ? doc.dict(resources.get("Font")) : null;
  const item = {
    initialized: false,
    str: [] as string[],
    totalWidth: 0,
    width: 0,
    height: 0,
    prevTransform: null as Matrix | null,
    textAdvanceScale: 0,
    spaceInFlowMin: 0,
    spaceInFlowMax: 0,
    trackingSpaceMin: Infinity,
    negativeSpaceMax: -Infinity,
    notASpace: -Infinity,
    transform: null as Matrix | null,
    fontName: null as string | null,
    hasEOL: false,
  };
  const twoLastChars = [" ", " "];
  let twoLastCharsPos = 0;
  const saveLastChar = (char: string): boolean => {
    const nextPos = (twoLastCharsPos + 1) % 2;
    const ret = twoLastChars[twoLastCharsPos] !== " " && twoLastChars[nextPos] === " ";
    twoLastChars[twoLastCharsPos] = char;
    twoLastCharsPos = nextPos;
    return ret;
  };
  const shouldAddWhitespace = (): boolean => twoLastChars[twoLastCharsPos] !== " " && twoLastChars[(twoLastCharsPos + 1) % 2] === " ";
  const resetLastChars = (): void => {
    twoLastChars[0] = twoLastChars[1] = " ";
    twoLastCharsPos = 0;
  };
  const pushWhitespace = (width: number, transform: Matrix | null = item.prevTransform, fontName: string | null = item.fontName): void => {
    out.push({ str: " ", width, transform: transform!, fontName: fontName!, hasEOL: false });
  };
  /**
   * ctm × text matrix × [size × scale, 0, 0, size, 0, rise], as pdfjs multiplies them, term by term in
   * its order (the same floating-point results), without the two intermediate arrays.
   */
  const currentTextTransform = (): Matrix => {
    const a = textState.fontSize * textState.textHScale;
    const fs = textState.fontSize;
    const rise = textState.textRise;
    const t = textState.textMatrix;
    const i0 = t[0]! * a + t[2]! * 0;
    const i1 = t[1]! * a + t[3]! * 0;
    const i2 = t[0]! * 0 + t[2]! * fs;
    const i3 = t[1]! * 0 + t[3]! * fs;
    const i4 = t[0]! * 0 + t[2]! * rise + t[4]!;
    const i5 = t[1]! * 0 + t[3]! * rise + t[5]!;
    const c = textState.ctm;
    return [c[0]! * i0 + c[2]! * i1, c[1]! * i0 + c[3]! * i1, c[0]! * i2 + c[2]! * i3, c[1]! * i2 + c[3]! * i3, c[0]! * i4 + c[2]! * i5 + c[4]!, c[1]! * i4 + c[3]! * i5 + c[5]!];
  };
  const ensureItem = (): void => {
    if (item.initialized) return;
    item.fontName = textState.font!.loadedName;
    const trm = (item.transform = currentTextTransform());
    item.width = item.totalWidth = 0;
    item.height = Math.hypot(trm[2]!, trm[3]!);
    const scaleLineX = Math.hypot(textState.textLineMatrix[0]!, textState.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(textState.ctm[0]!, textState.ctm[1]!);
    item.textAdvanceScale = scaleCtmX * scaleLineX;
    const { fontSize } = textState;
    item.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    item.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    item.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    item.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    item.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    item.hasEOL = false;
    item.initialized = true;
  };
  const updateAdvanceScale = (): void => {
    if (!item.initialized) return;
    const scaleLineX = Math.hypot(textState.textLineMatrix[0]!, textState.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(textState.ctm[0]!, textState.ctm[1]!);
    const scaleFactor = scaleCtmX * scaleLineX;
    if (scaleFactor === item.textAdvanceScale) return;
    item.totalWidth += item.width * item.textAdvanceScale;
    item.width = 0;
    item.textAdvanceScale = scaleFactor;
  };
  const flush = (): void => {
    if (!item.initialized) return;
    item.totalWidth += item.width * item.textAdvanceScale;
    let str = item.str.join("");
    str = str.replace(NORMALIZE, (s) => s.normalize("NFKC"));
    if (RIGHT_TO_LEFT.test(str)) throw new Unsupported("right-to-left text");
    out.push({ str, width: Math.abs(item.totalWidth), transform: item.transform!, fontName: item.fontName!, hasEOL: item.hasEOL });
    item.initialized = false;
    item.str.length = 0;
  };
  const appendEOL = (): void => {
    resetLastChars();
    if (item.initialized) {
      item.hasEOL = true;
      flush();
    } else {
      out.push({ str: "", width: 0, transform: currentTextTransform(), fontName: textState.font!.loadedName, hasEOL: true });
    }
  };
  const addFakeSpaces = (width: number, transf: Matrix | null, textOrientation: number): boolean => {
    if (textOrientation * item.spaceInFlowMin <= width && width <= textOrientation * item.spaceInFlowMax) {
      if (item.initialized) {
        resetLastChars();
        item.str.push(" ");
      }
      return false;
    }
    const fontName = item.fontName;
    flush();
    resetLastChars();
    pushWhitespace(Math.abs(width), transf || currentTextTransform(), fontName);
    return true;
  };
  const applyInverseRotation = (x: number, y: number, m: Matrix): [number, number] => {
    const scale = Math.hypot(m[0]!, m[1]!);
    return [(m[0]! * x + m[1]! * y) / scale, (m[2]! * x + m[3]! * y) / scale];
  };
  const compareWithLastPosition = (glyphWidth: number): boolean => {
    const currentTransform = currentTextTransform();
    let posX = currentTransform[4]!;
    let posY = currentTransform[5]!;
    if (posX + glyphWidth < viewBox[0]! || posX > viewBox[2]! || posY < viewBox[1]! || posY > viewBox[3]!) return false;
    if (!textState.font || !item.prevTransform) return true;
    let lastPosX = item.prevTransform[4]!;
    let lastPosY = item.prevTransform[5]!;
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (currentTransform[0] && currentTransform[1] === 0 && currentTransform[2] === 0) rotate = currentTransform[0] > 0 ? 0 : 180;
    else if (currentTransform[1] && currentTransform[0] === 0 && currentTransform[3] === 0) rotate = currentTransform[1] > 0 ? 90 : 270;
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default:
        [posX, posY] = applyInverseRotation(posX, posY, currentTransform);
        [lastPosX, lastPosY] = applyInverseRotation(lastPosX, lastPosY, item.prevTransform);
    }
    const advanceX = (posX - lastPosX) / item.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const textOrientation = Math.sign(item.width);
    if (advanceX < textOrientation * item.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * item.height) {
        appendEOL();
        return true;
      }
      resetLastChars();
      flush();
      return true;
    }
    if (Math.abs(advanceY) > item.height) {
      appendEOL();
      return true;
    }
    if (advanceX <= textOrientation * item.notASpace) resetLastChars();
    if (advanceX <= textOrientation * item.trackingSpaceMin) {
      if (shouldAddWhitespace()) {
        resetLastChars();
        flush();
        pushWhitespace(Math.abs(advanceX));
      } else item.width += advanceX;
    } else if (!addFakeSpaces(advanceX, item.prevTransform, textOrientation)) {
      if (item.str.length === 0) {
        resetLastChars();
        pushWhitespace(Math.abs(advanceX));
      } else item.width += advanceX;
    }
    if (Math.abs(advanceY) > item.height * VERTICAL_SHIFT_RATIO) flush();
    return true;
  };
  const glyphOf = (code: number): Glyph => {
    let g = glyphCache[code];
    if (!g) {
      const font = textState.font!;
      const unicode = font.unicodeOf(code);
      const groups = SPECIAL.exec(unicode);
      g = { width: font.widthOf(code), unicode, isWhitespace: !!groups?.[1], isZeroWidthDiacritic: !!groups?.[2], isInvisibleFormatMark: !!groups?.[3] };
      glyphCache[code] = g;
    }
    return g;
  };
  const showText = (chars: Uint8Array, extraSpacing: number): void => {
    const font = textState.font!;
    if (chars.length === 0) {
      const charSpacing = textState.charSpacing + extraSpacing;
      if (charSpacing) textState.translateTextMatrix(charSpacing * textState.textHScale, 0);
      return;
    }
    if (chars.length % 2 !== 0) throw new Unsupported("odd number of bytes for a two-byte font");
    const scale = font.scale * textState.fontSize;
    const n = chars.length / 2;
    for (let i = 0; i < n; i++) {
      const glyph = glyphOf((chars[2 * i]! << 8) | chars[2 * i + 1]!);
      if (glyph.isInvisibleFormatMark) continue;
      let charSpacing = textState.charSpacing + (i + 1 === n ? extraSpacing : 0);
      let scaledDim = glyph.width * scale;
      if (glyph.isWhitespace) {
        charSpacing += scaledDim + textState.wordSpacing;
        textState.translateTextMatrix(charSpacing * textState.textHScale, 0);
        saveLastChar(" ");
        continue;
      }
      if (!glyph.isZeroWidthDiacritic && !compareWithLastPosition(scaledDim)) {
        textState.translateTextMatrix(scaledDim * textState.textHScale, 0);
        continue;
      }
      ensureItem();
      if (glyph.isZeroWidthDiacritic) scaledDim = 0;
      scaledDim *= textState.textHScale;
      textState.translateTextMatrix(scaledDim, 0);
      item.width += scaledDim;
      if (scaledDim) item.prevTransform = currentTextTransform();
      if (saveLastChar(glyph.unicode)) item.str.push(" ");
      item.str.push(glyph.unicode);
      if (charSpacing) textState.translateTextMatrix(charSpacing * textState.textHScale, 0);
    }
  };
  const requireFont = (): void => {
    if (!textState.font) throw new Unsupported("text shown without a font");
  };

  const lx = new Lexer(content);
  const args: PdfValue[] = [];
  for (;;) {
    const v = lx.next();
    if (v === undefined) break;
    if (!(v instanceof Op)) {
      if (v !== null) args.push(v);
      if (args.length > 33) throw new Unsupported("too many operands");
      continue;
    }
    const op = v.op;
    const expected = OPERANDS[op];
    if (expected === undefined) {
      if (!VARIABLE.has(op)) throw new Unsupported(`operator ${op}`);
      args.length = 0;
      continue;
    }
    if (args.length !== expected) throw new Unsupported(`operator ${op} with ${args.length} operands`);
    const previousState = textState;
    switch (op) {
      case "q":
        stack.push(textState);
        textState = textState.clone();
        break;
      case "Q": {
        const prev = stack.pop();
        if (prev) textState = prev;
        if (previousState.font !== textState.font || previousState.fontSize !== textState.fontSize || previousState.fontName !== textState.fontName) flush();
        break;
      }
      case "cm":
        textState.ctm = transform(textState.ctm, numbers(args, 6));
        break;
      case "Tf": {
        const [name, size] = args;
        if (!(name instanceof Name) || typeof size !== "number") throw new Unsupported("Tf operands");
        if (textState.font && name.name === textState.fontName && size === textState.fontSize) break;
        flush();
        textState.fontName = name.name;
        textState.fontSize = size;
        const entry = fonts.get(fontResources?.get(name.name));
        textState.font = entry.font;
        glyphCache = entry.glyphs;
        break;
      }
      case "Ts":
        textState.textRise = numbers(args, 1)[0]!;
        break;
      case "Tz":
        textState.textHScale = numbers(args, 1)[0]! / 100;
        break;
      case "TL":
        textState.leading = numbers(args, 1)[0]!;
        break;
      case "Td": {
        const [x, y] = numbers(args, 2);
        textState.translateTextLineMatrix(x!, y!);
        textState.textMatrix = textState.textLineMatrix.slice();
        break;
      }
      case "TD": {
        const [x, y] = numbers(args, 2);
        textState.leading = -y!;
        textState.translateTextLineMatrix(x!, y!);
        textState.textMatrix = textState.textLineMatrix.slice();
        break;
      }
      case "T*":
        textState.carriageReturn();
        break;
      case "Tm": {
        const m = numbers(args, 6);
        textState.textMatrix = m.slice();
        textState.textLineMatrix = m.slice();
        updateAdvanceScale();
        break;
      }
      case "Tc":
        textState.charSpacing = numbers(args, 1)[0]!;
        break;
      case "Tw":
        textState.wordSpacing = numbers(args, 1)[0]!;
        break;
      case "BT":
        textState.textMatrix = [1, 0, 0, 1, 0, 0];
        textState.textLineMatrix = [1, 0, 0, 1, 0, 0];
        break;
      case "TJ": {
        requireFont();
        const elements = args[0];
        if (!Array.isArray(elements)) throw new Unsupported("TJ operand");
        const spaceFactor = (-1 * textState.fontSize) / 1000;
        let buffer: Uint8Array[] = [];
        for (const el of elements) {
          if (el instanceof Uint8Array) buffer.push(el);
          else if (typeof el === "number") {
            if (el !== 0) {
              showText(concat(buffer), el * spaceFactor);
              buffer = [];
            }
          } else throw new Unsupported("TJ element");
        }
        if (buffer.length > 0) showText(concat(buffer), 0);
        break;
      }
      case "Tj":
        requireFont();
        showText(bytesOf(args[0]), 0);
        break;
      case "'":
        requireFont();
        textState.carriageReturn();
        showText(bytesOf(args[0]), 0);
        break;
      case '"': {
        requireFont();
        const [aw, ac] = numbers(args.slice(0, 2), 2);
        textState.wordSpacing = aw!;
        textState.charSpacing = ac!;
        textState.carriageReturn();
        showText(bytesOf(args[2]), 0);
        break;
      }
      case "Do": {
        flush();
        const name = args[0];
        if (!(name instanceof Name)) throw new Unsupported("Do operand");
        const xobjects = resources ? doc.dict(resources.get("XObject")) : null;
        const xobj = doc.resolve(xobjects?.get(name.name));
        if (!(xobj instanceof PdfStream)) throw new Unsupported("XObject not a stream");
        const subtype = doc.resolve(xobj.dict.get("Subtype"));
        if (!(subtype instanceof Name)) throw new Unsupported("XObject subtype");
        if (subtype.name !== "Form") break;
        if (running.has(xobj)) throw new Unsupported("form drawing itself");
        const state = textState.clone();
        const matrix = doc.resolve(xobj.dict.get("Matrix"));
        if (Array.isArray(matrix) && matrix.length === 6 && matrix.every((x) => typeof x === "number")) state.ctm = transform(state.ctm, matrix as number[]);
        else if (matrix !== undefined && matrix !== null) throw new Unsupported("form matrix");
        const formResources = doc.dict(xobj.dict.get("Resources")) ?? resources;
        running.add(xobj);
        run(doc, fonts, doc.decode(xobj), formResources, state, viewBox, out, depth + 1, running);
        running.delete(xobj);
        break;
      }
      case "gs": {
        const name = args[0];
        const states = resources ? doc.dict(resources.get("ExtGState")) : null;
        const gs = name instanceof Name ? doc.dict(states?.get(name.name)) : null;
        if (gs?.has("Font")) throw new Unsupported("font set by a graphics state");
        break;
      }
      case "BMC":
      case "BDC":
      case "EMC":
        flush();
        break;
      case "d0":
      case "d1":
        throw new Unsupported("Type3 glyph procedure");
    }
    args.length = 0;
  }
  flush();
}

function numbers(args: PdfValue[], n: number): number[] {
  if (args.length !== n || !args.every((a) => typeof a === "number")) throw new Unsupported("operands not numbers");
  return args as number[];
}

function bytesOf(v: PdfValue | undefined): Uint8Array {
  if (!(v instanceof Uint8Array)) throw new Unsupported("text operand not a string");
  return v;
}

/** The bytes of several buffers as one (the one itself when alone). */
export function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
