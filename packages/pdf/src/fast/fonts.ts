import { PdfDocument, PdfStream } from "./document.js";
import { Lexer, Name, Op, Unsupported, type PdfDict } from "./lexer.js";

/**
 * What the text-only reader needs of a font: its glyphs' widths and Unicode text. Only the kind
 * of font Chinese typesetting systems and pdfkit embed: Type0 with Identity-H (two-byte codes that
 * are CIDs), horizontal, with a ToUnicode map. Widths and text are taken as pdfjs takes them, so
 * that the items come out the same.
 */
export interface FastFont {
  /** Stands for the font in text items; one per font object of the document. */
  loadedName: string;
  /** fontMatrix[0]: glyph space units to text space. */
  scale: number;
  widthOf(cid: number): number;
  unicodeOf(code: number): string;
}

/** pdfjs's default: 1000 glyph units to the em. */
const GLYPH_SPACE = 0.001;

export function loadFont(doc: PdfDocument, dict: PdfDict, loadedName: string): FastFont {
  const subtype = doc.resolve(dict.get("Subtype"));
  if (!(subtype instanceof Name) || subtype.name !== "Type0") throw new Unsupported("font other than Type0");
  const encoding = doc.resolve(dict.get("Encoding"));
  if (!(encoding instanceof Name) || encoding.name !== "Identity-H") throw new Unsupported("encoding other than Identity-H");
  const descendants = doc.resolve(dict.get("DescendantFonts"));
  const cid = Array.isArray(descendants) && descendants.length > 0 ? doc.dict(descendants[0]) : null;
  if (!cid) throw new Unsupported("no descendant font");
  const cidType = doc.resolve(cid.get("Subtype"));
  if (!(cidType instanceof Name) || (cidType.name !== "CIDFontType2" && cidType.name !== "CIDFontType0")) throw new Unsupported("CID font type");
  if (cidType.name === "CIDFontType0") checkCffMatrix(doc, cid);

  const dw = doc.resolve(cid.get("DW"));
  const defaultWidth = typeof dw === "number" && Number.isInteger(dw) ? dw : 1000;
  const widths = readWidths(doc, cid.get("W") === undefined ? undefined : doc.resolve(cid.get("W")));

  const toUnicodeObj = doc.resolve(dict.get("ToUnicode"));
  if (!(toUnicodeObj instanceof PdfStream)) throw new Unsupported("no ToUnicode stream");
  const toUnicode = readToUnicode(doc.decode(toUnicodeObj));

  return {
    loadedName,
    scale: GLYPH_SPACE,
    widthOf: (c) => {
      const w = widths[c];
      return typeof w === "number" ? w : defaultWidth;
    },
    unicodeOf: (code) => toUnicode[code] || String.fromCharCode(code),
  };
}

/** The W array of a CID font, read as pdfjs reads it. */
function readWidths(doc: PdfDocument, w: unknown): number[] {
  const out: number[] = [];
  if (!Array.isArray(w)) return out;
  for (let i = 0; i < w.length; i++) {
    let start = doc.resolve(w[i++]);
    if (typeof start !== "number" || !Number.isInteger(start)) break;
    const code = doc.resolve(w[i]);
    if (Array.isArray(code)) {
      for (const c of code) {
        const width = doc.resolve(c);
        if (typeof width === "number") out[start] = width;
        start++;
      }
    } else if (typeof code === "number" && Number.isInteger(code)) {
      const width = doc.resolve(w[++i]);
      if (typeof width !== "number") continue;
      if (code - start > 0x10000) throw new Unsupported("huge width range");
      for (let j = start; j <= code; j++) out[j] = width;
    } else break;
  }
  return out;
}

/**
 * pdfjs takes a CFF font's own FontMatrix and rescales the widths by it; a font program that
 * states one other than the default is left to pdfjs.
 */
function checkCffMatrix(doc: PdfDocument, cid: PdfDict): void {
  const desc = doc.dict(cid.get("FontDescriptor"));
  if (!desc) throw new Unsupported("no font descriptor");
  const file = doc.resolve(desc.get("FontFile3"));
  if (file === undefined || file === null) {
    if (desc.has("FontFile") || desc.has("FontFile2")) throw new Unsupported("CIDFontType0 with another font file");
    return;
  }
  if (!(file instanceof PdfStream)) throw new Unsupported("bad FontFile3");
  const sub = doc.resolve(file.dict.get("Subtype"));
  if (!(sub instanceof Name) || sub.name !== "CIDFontType0C") throw new Unsupported("font file other than bare CFF");
  const matrix = cffTopMatrix(doc.decode(file));
  if (matrix && !(matrix[0] === GLYPH_SPACE && matrix[1] === 0 && matrix[2] === 0 && matrix[3] === GLYPH_SPACE && matrix[4] === 0 && matrix[5] === 0)) {
    throw new Unsupported("CFF font matrix");
  }
}

/** The FontMatrix operands of a CFF font's top DICT, if it has one. */
function cffTopMatrix(cff: Uint8Array): number[] | null {
  if (cff.length < 4 || cff[0] !== 1) throw new Unsupported("CFF version");
  let pos = cff[2]!;
  const index = (): Array<[number, number]> => {
    const count = (cff[pos]! << 8) | cff[pos + 1]!;
    if (count === 0) {
      pos += 2;
      return [];
    }
    const offSize = cff[pos + 2]!;
    const offsets: number[] = [];
    for (let i = 0; i <= count; i++) {
      let o = 0;
      for (let k = 0; k < offSize; k++) o = (o << 8) | cff[pos + 3 + i * offSize + k]!;
      offsets.push(o);
    }
    const base = pos + 3 + (count + 1) * offSize - 1;
    pos = base + offsets[count]!;
    return offsets.slice(0, -1).map((o, i) => [base + o, base + offsets[i + 1]!]);
  };
  index(); // names
  const [top] = index();
  if (!top) throw new Unsupported("CFF without a top DICT");
  const operands: number[] = [];
  for (let p = top[0]; p < top[1]; ) {
    const b0 = cff[p]!;
    if (b0 <= 21) {
      let op = b0;
      p++;
      if (b0 === 12) op = 1200 + cff[p++]!;
      if (op === 1207) return operands.slice();
      operands.length = 0;
    } else if (b0 === 28) {
      operands.push(((cff[p + 1]! << 24) | (cff[p + 2]! << 16)) >> 16);
      p += 3;
    } else if (b0 === 29) {
      operands.push((cff[p + 1]! << 24) | (cff[p + 2]! << 16) | (cff[p + 3]! << 8) | cff[p + 4]!);
      p += 5;
    } else if (b0 === 30) {
      let s = "";
      p++;
      const digits = "0123456789.EE?-";
      for (let done = false; !done && p < top[1]; p++) {
        for (const nib of [cff[p]! >> 4, cff[p]! & 15]) {
          if (nib === 15) {
            done = true;
            break;
          }
          s += nib === 12 ? "E-" : digits[nib];
        }
      }
      operands.push(parseFloat(s));
    } else if (b0 >= 32 && b0 <= 246) {
      operands.push(b0 - 139);
      p++;
    } else if (b0 >= 247 && b0 <= 250) {
      operands.push((b0 - 247) * 256 + cff[p + 1]! + 108);
      p += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      operands.push(-(b0 - 251) * 256 - cff[p + 1]! - 108);
      p += 2;
    } else throw new Unsupported("CFF DICT operand");
  }
  return null;
}

/**
 * A ToUnicode CMap: codes (two bytes) → text. bfchar and bfrange entries as pdfjs reads them,
 * the destination's last byte counting up within a range.
 */
export function readToUnicode(bytes: Uint8Array): string[] {
  const map: string[] = [];
  const lx = new Lexer(bytes);
  for (;;) {
    const v = lx.next();
    if (v === undefined) break;
    if (!(v instanceof Op)) continue;
    if (v.op === "usecmap") throw new Unsupported("usecmap");
    if (v.op === "beginbfchar") {
      for (;;) {
        const src = lx.next();
        if (src instanceof Op && src.op === "endbfchar") break;
        const dst = lx.next();
        if (!(src instanceof Uint8Array) || !(dst instanceof Uint8Array)) throw new Unsupported("bfchar entry");
        map[codeOf(src)] = utf16(dst);
      }
    } else if (v.op === "beginbfrange") {
      for (;;) {
        const lo = lx.next();
        if (lo instanceof Op && lo.op === "endbfrange") break;
        const hi = lx.next();
        const dst = lx.next();
        if (!(lo instanceof Uint8Array) || !(hi instanceof Uint8Array)) throw new Unsupported("bfrange entry");
        let low = codeOf(lo);
        const high = codeOf(hi);
        if (high - low > 0x10000) throw new Unsupported("huge bfrange");
        if (dst instanceof Uint8Array) {
          if (dst.length === 0) throw new Unsupported("empty bfrange destination");
          const d = Array.from(dst);
          const last = d.length - 1;
          while (low <= high) {
            map[low++] = utf16(Uint8Array.from(d));
            // pdfjs counts the last byte up, carrying once into the byte before it
            if (d[last]! + 1 > 0xff) {
              if (last === 0) throw new Unsupported("bfrange overflow");
              d[last - 1]! += 1;
              d[last] = 0;
              if (d[last - 1]! > 0xff) throw new Unsupported("bfrange overflow");
            } else d[last]! += 1;
          }
        } else if (Array.isArray(dst)) {
          for (const item of dst) {
            if (low > high) break;
            if (!(item instanceof Uint8Array)) throw new Unsupported("bfrange array entry");
            map[low++] = utf16(item);
          }
        } else throw new Unsupported("bfrange destination");
      }
    } else if (v.op === "begincidchar" || v.op === "begincidrange") throw new Unsupported("CID entries in a ToUnicode map");
  }
  return map;
}

function codeOf(b: Uint8Array): number {
  if (b.length !== 2) throw new Unsupported("ToUnicode code not two bytes");
  return (b[0]! << 8) | b[1]!;
}

/** UTF-16BE bytes → text, as pdfjs decodes a ToUnicode destination. */
function utf16(b: Uint8Array): string {
  let bytes = b;
  if (bytes.length % 2 !== 0) bytes = Uint8Array.from([0, ...bytes]);
  const points: number[] = [];
  for (let k = 0; k < bytes.length; k += 2) {
    const w1 = (bytes[k]! << 8) | bytes[k + 1]!;
    if ((w1 & 0xf800) !== 0xd800) {
      points.push(w1);
      continue;
    }
    k += 2;
    if (k + 1 >= bytes.length) throw new Unsupported("lone surrogate");
    const w2 = (bytes[k]! << 8) | bytes[k + 1]!;
    points.push(((w1 & 0x3ff) << 10) + (w2 & 0x3ff) + 0x10000);
  }
  return String.fromCodePoint(...points);
}
