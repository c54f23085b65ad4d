import { inflateSync } from "node:zlib";
import { Lexer, Name, Op, Ref, Unsupported, latin1, type PdfDict, type PdfValue } from "./lexer.js";

/** A stream object: its dictionary and its raw (still encoded) bytes. */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly raw: Uint8Array,
  ) {}
}

export type Resolved = Exclude<PdfValue, Ref> | PdfStream;

/** Where an object is: at an offset of the file, or the `index`-th object of an object stream. */
type XrefEntry = { offset: number } | { stream: number; index: number } | null;

/**
 * The object structure of a PDF as typesetting systems write it: a cross-reference table or
 * cross-reference stream (with incremental updates), objects at their offsets or in object streams,
 * Flate-compressed streams (with or without PNG predictors). Hybrid cross-references, encryption and
 * other filters are {@link Unsupported}.
 */
export class PdfDocument {
  private readonly entries = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, Resolved>();
  /** Object streams read so far: the offsets of their objects, and their decoded bytes. */
  private readonly objectStreams = new Map<number, { bytes: Uint8Array; offsets: number[] }>();
  readonly trailer: PdfDict;

  constructor(readonly bytes: Uint8Array) {
    const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
    const at = tail.lastIndexOf("startxref");
    if (at < 0) throw new Unsupported("no startxref");
    const m = /^startxref\s+(\d+)/.exec(tail.slice(at));
    if (!m) throw new Unsupported("no startxref offset");
    let offset: number | null = Number(m[1]);
    let trailer: PdfDict | null = null;
    const seen = new Set<number>();
    while (offset !== null) {
      if (seen.has(offset) || offset >= bytes.length) throw new Unsupported("bad xref offset");
      seen.add(offset);
      const t = this.readXref(offset);
      trailer ??= t;
      if (t.has("XRefStm")) throw new Unsupported("hybrid cross-reference");
      const prev = t.get("Prev");
      offset = typeof prev === "number" ? prev : null;
    }
    if (!trailer || trailer.has("Encrypt")) throw new Unsupported("encrypted");
    this.trailer = trailer;
  }

  /** One section of the cross-reference (a table and its trailer, or a stream); returns its trailer. */
  private readXref(offset: number): PdfDict {
    const lx = new Lexer(this.bytes, offset);
    const first = lx.next();
    if (first === opXref) return this.readXrefTable(lx);
    if (typeof first === "number") return this.readXrefStream(first, offset);
    throw new Unsupported("no cross-reference at its offset");
  }

  /** The numbers of the objects in use. */
  objectNumbers(): number[] {
    return [...this.entries].filter(([, e]) => e !== null).map(([n]) => n).sort((a, b) => a - b);
  }

  /** A later update (read first) wins. */
  private enter(num: number, entry: XrefEntry): void {
    if (!this.entries.has(num)) this.entries.set(num, entry);
  }

  private readXrefTable(lx: Lexer): PdfDict {
    for (;;) {
      const first = lx.next();
      if (first instanceof Op && first.op === "trailer") break;
      const count = lx.next();
      if (typeof first !== "number" || typeof count !== "number") throw new Unsupported("bad xref section");
      for (let i = 0; i < count; i++) {
        const off = lx.next();
        const gen = lx.next();
        const kind = lx.next();
        if (typeof off !== "number" || typeof gen !== "number" || !(kind instanceof Op)) throw new Unsupported("bad xref entry");
        this.enter(first + i, kind.op === "n" ? { offset: off } : null);
      }
    }
    const trailer = lx.next(true);
    if (!(trailer instanceof Map)) throw new Unsupported("bad trailer");
    return trailer;
  }

  private readXrefStream(num: number, offset: number): PdfDict {
    const stream = this.readObject(new Ref(num, 0), offset, 0, true);
    if (!(stream instanceof PdfStream)) throw new Unsupported("cross-reference stream is no stream");
    const { dict } = stream;
    const type = dict.get("Type");
    const w = dict.get("W");
    const size = dict.get("Size");
    if (!(type instanceof Name) || type.name !== "XRef" || !Array.isArray(w) || w.length !== 3 || typeof size !== "number") throw new Unsupported("bad cross-reference stream");
    const widths = w.map((x) => (typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= 8 ? x : -1));
    if (widths.includes(-1)) throw new Unsupported("bad cross-reference widths");
    const index = dict.get("Index") ?? [0, size];
    if (!Array.isArray(index) || index.length % 2 !== 0 || !index.every((x) => typeof x === "number")) throw new Unsupported("bad cross-reference index");
    const data = this.decode(stream);
    const rowLength = widths[0]! + widths[1]! + widths[2]!;
    let pos = 0;
    const field = (n: number): number => {
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + data[pos++]!;
      return v;
    };
    for (let i = 0; i < index.length; i += 2) {
      const start = index[i] as number;
      const count = index[i + 1] as number;
      if (pos + count * rowLength > data.length) throw new Unsupported("cross-reference stream too short");
      for (let k = 0; k < count; k++) {
        const kind = widths[0] === 0 ? 1 : field(widths[0]!);
        const a = field(widths[1]!);
        const b = field(widths[2]!);
        if (kind === 1) this.enter(start + k, { offset: a });
        else if (kind === 2) this.enter(start + k, { stream: a, index: b });
        else this.enter(start + k, null);
      }
    }
    return dict;
  }

  /** An object, references followed (to a depth: a cycle is no object). */
  resolve(v: PdfValue | undefined, depth = 0): Resolved | undefined {
    if (!(v instanceof Ref)) return v;
    if (depth > 8) throw new Unsupported("reference cycle");
    const cached = this.cache.get(v.num);
    if (cached !== undefined) return cached;
    const entry = this.entries.get(v.num);
    if (!entry) return null;
    const value = "offset" in entry ? this.readObject(v, entry.offset, depth) : this.readCompressed(entry.stream, entry.index, depth);
    this.cache.set(v.num, value);
    return value;
  }

  /** The `index`-th object of an object stream. */
  private readCompressed(num: number, index: number, depth: number): Resolved {
    let objects = this.objectStreams.get(num);
    if (!objects) {
      const entry = this.entries.get(num);
      if (!entry || !("offset" in entry)) throw new Unsupported("object stream not at an offset");
      const stream = this.readObject(new Ref(num, 0), entry.offset, depth + 1, true);
      if (!(stream instanceof PdfStream)) throw new Unsupported("object stream is no stream");
      const n = stream.dict.get("N");
      const first = stream.dict.get("First");
      if (typeof n !== "number" || typeof first !== "number") throw new Unsupported("bad object stream");
      const bytes = this.decode(stream);
      const lx = new Lexer(bytes, 0, Math.min(first, bytes.length));
      const offsets: number[] = [];
      for (let i = 0; i < n; i++) {
        lx.next();
        const off = lx.next();
        if (typeof off !== "number") throw new Unsupported("bad object stream header");
        offsets.push(first + off);
      }
      objects = { bytes, offsets };
      this.objectStreams.set(num, objects);
    }
    const at = objects.offsets[index];
    if (at === undefined) throw new Unsupported("object not in its object stream");
    const value = new Lexer(objects.bytes, at).next(true);
    if (value === undefined || value instanceof Op) throw new Unsupported("bad compressed object");
    if (value instanceof Ref) return this.resolve(value, depth + 1) ?? null;
    return value;
  }

  /** The object at an offset; `anyGen`: its generation unchecked (the caller knows only its number). */
  private readObject(ref: Ref, offset: number, depth: number, anyGen = false): Resolved {
    const lx = new Lexer(this.bytes, offset);
    const num = lx.next();
    const gen = lx.next();
    const obj = lx.next();
    if (num !== ref.num || (!anyGen && gen !== ref.gen) || obj !== opObj) throw new Unsupported("object not at its offset");
    const value = lx.next(true);
    if (value === undefined || value instanceof Op) throw new Unsupported("bad object");
    if (value instanceof Ref) return this.resolve(value, depth + 1) ?? null;
    if (!(value instanceof Map)) return value;
    const save = lx.pos;
    if (lx.next() !== opStream) {
      lx.pos = save;
      return value;
    }
    // the stream's data starts after the end of line that follows the keyword
    let start = lx.pos;
    if (this.bytes[start] === 0x0d) start++;
    if (this.bytes[start] === 0x0a) start++;
    const length = this.resolve(value.get("Length"), depth + 1);
    if (typeof length !== "number" || !Number.isInteger(length) || length < 0 || start + length > this.bytes.length) throw new Unsupported("bad stream length");
    const after = new Lexer(this.bytes, start + length);
    if (after.next() !== opEndstream) throw new Unsupported("stream length does not reach endstream");
    return new PdfStream(value, this.bytes.subarray(start, start + length));
  }

  dict(v: PdfValue | undefined): PdfDict | null {
    const r = this.resolve(v);
    if (r instanceof Map) return r;
    if (r instanceof PdfStream) return r.dict;
    return null;
  }

  /** A stream's decoded bytes: unfiltered, or FlateDecode (without a predictor or with a PNG one). */
  decode(s: PdfStream): Uint8Array {
    const filter = this.resolve(s.dict.get("Filter"));
    const filters = filter === undefined || filter === null ? [] : Array.isArray(filter) ? filter.map((f) => this.resolve(f)) : [filter];
    if (filters.length === 0) return s.raw;
    if (filters.length > 1 || !(filters[0] instanceof Name) || (filters[0].name !== "FlateDecode" && filters[0].name !== "Fl")) throw new Unsupported("filter");
    let parms = this.resolve(s.dict.get("DecodeParms") ?? s.dict.get("DP"));
    if (Array.isArray(parms) && parms.length === 1) parms = this.resolve(parms[0]);
    let inflated: Uint8Array;
    try {
      inflated = inflateSync(s.raw);
    } catch {
      throw new Unsupported("damaged Flate stream");
    }
    if (parms === undefined || parms === null) return inflated;
    if (!(parms instanceof Map)) throw new Unsupported("decode parameters");
    const predictor = this.resolve(parms.get("Predictor")) ?? 1;
    if (predictor === 1) return inflated;
    const colors = this.resolve(parms.get("Colors")) ?? 1;
    const bits = this.resolve(parms.get("BitsPerComponent")) ?? 8;
    const columns = this.resolve(parms.get("Columns")) ?? 1;
    if (typeof predictor !== "number" || predictor < 10 || predictor > 15 || colors !== 1 || bits !== 8 || typeof columns !== "number" || !Number.isInteger(columns) || columns < 1) {
      throw new Unsupported("predictor");
    }
    return unpredictPng(inflated, columns);
  }

  /** The pages in order, with what they inherit from the page tree. */
  pages(): PdfDict[] {
    const root = this.dict(this.trailer.get("Root"));
    const tree = root && this.dict(root.get("Pages"));
    if (!tree) throw new Unsupported("no page tree");
    const out: PdfDict[] = [];
    const inheritable = ["Resources", "MediaBox", "CropBox", "Rotate"];
    // a node met twice is a damaged tree (pdfjs has its own ways with those)
    const seen = new Set<PdfDict>();
    const walk = (node: PdfDict, inherited: PdfDict, depth: number): void => {
      if (depth > 32 || seen.has(node)) throw new Unsupported("page tree too deep or cyclic");
      seen.add(node);
      const here: PdfDict = new Map(inherited);
      for (const k of inheritable) if (node.has(k)) here.set(k, node.get(k)!);
      const kids = this.resolve(node.get("Kids"));
      const type = this.resolve(node.get("Type"));
      if (Array.isArray(kids) && !(type instanceof Name && type.name === "Page")) {
        for (const kid of kids) {
          const d = this.dict(kid);
          if (!d) throw new Unsupported("bad page tree node");
          walk(d, here, depth + 1);
        }
      } else {
        const page: PdfDict = new Map(node);
        for (const k of inheritable) if (here.has(k)) page.set(k, here.get(k)!);
        out.push(page);
      }
    };
    walk(tree, new Map(), 0);
    return out;
  }
}

/** Undo PNG row filters (one byte per pixel): each row starts with its filter type. */
export function unpredictPng(data: Uint8Array, columns: number): Uint8Array {
  const rows = Math.floor(data.length / (columns + 1));
  if (rows * (columns + 1) !== data.length) throw new Unsupported("PNG-predicted data not whole rows");
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (columns + 1)]!;
    const src = r * (columns + 1) + 1;
    const row = r * columns;
    for (let c = 0; c < columns; c++) {
      const raw = data[src + c]!;
      const left = c > 0 ? out[row + c - 1]! : 0;
      const up = r > 0 ? out[row - columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[row - columns + c - 1]! : 0;
      let v: number;
      switch (type) {
        case 0:
          v = raw;
          break;
        case 1:
          v = raw + left;
          break;
        case 2:
          v = raw + up;
          break;
        case 3:
          v = raw + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          throw new Unsupported("PNG filter type");
      }
      out[row + c] = v & 0xff;
    }
  }
  return out;
}

const opXref = new Lexer(new TextEncoder().encode("xref")).next();
const opObj = new Lexer(new TextEncoder().encode("obj")).next();
const opStream = new Lexer(new TextEncoder().encode("stream")).next();
const opEndstream = new Lexer(new TextEncoder().encode("endstream")).next();
