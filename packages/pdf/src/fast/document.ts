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

/**
 * The object structure of a PDF as most typesetting systems write it: a classic cross-reference
 * table (with incremental updates), objects fetched from their offsets, Flate-compressed streams.
 * Cross-reference streams, object streams, encryption and other filters are {@link Unsupported}.
 */
export class PdfDocument {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, Resolved>();
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
      const t = this.readXrefTable(offset);
      trailer ??= t;
      if (t.has("XRefStm")) throw new Unsupported("hybrid cross-reference");
      const prev = t.get("Prev");
      offset = typeof prev === "number" ? prev : null;
    }
    if (!trailer || trailer.has("Encrypt")) throw new Unsupported("encrypted");
    this.trailer = trailer;
  }

  private readXrefTable(offset: number): PdfDict {
    const lx = new Lexer(this.bytes, offset);
    if (lx.next() !== opXref) throw new Unsupported("cross-reference stream");
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
        const num = first + i;
        // a later update (read first) wins
        if (!this.offsets.has(num)) this.offsets.set(num, kind.op === "n" ? off : -1);
      }
    }
    const trailer = lx.next(true);
    if (!(trailer instanceof Map)) throw new Unsupported("bad trailer");
    return trailer;
  }

  /** An object, references followed (to a depth: a cycle is no object). */
  resolve(v: PdfValue | undefined, depth = 0): Resolved | undefined {
    if (!(v instanceof Ref)) return v;
    if (depth > 8) throw new Unsupported("reference cycle");
    const cached = this.cache.get(v.num);
    if (cached !== undefined) return cached;
    const off = this.offsets.get(v.num);
    if (off === undefined || off < 0) return null;
    const value = this.readObject(v, off, depth);
    this.cache.set(v.num, value);
    return value;
  }

  private readObject(ref: Ref, offset: number, depth: number): Resolved {
    const lx = new Lexer(this.bytes, offset);
    const num = lx.next();
    const gen = lx.next();
    const obj = lx.next();
    if (num !== ref.num || gen !== ref.gen || obj !== opObj) throw new Unsupported("object not at its offset");
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

  /** A stream's decoded bytes: unfiltered or FlateDecode (no predictor). */
  decode(s: PdfStream): Uint8Array {
    const filter = this.resolve(s.dict.get("Filter"));
    const filters = filter === undefined || filter === null ? [] : Array.isArray(filter) ? filter.map((f) => this.resolve(f)) : [filter];
    if (filters.length === 0) return s.raw;
    if (filters.length > 1 || !(filters[0] instanceof Name) || (filters[0].name !== "FlateDecode" && filters[0].name !== "Fl")) throw new Unsupported("filter");
    const parms = this.resolve(s.dict.get("DecodeParms") ?? s.dict.get("DP"));
    if (parms instanceof Map) {
      const predictor = this.resolve(parms.get("Predictor"));
      if (predictor !== undefined && predictor !== 1) throw new Unsupported("predictor");
    } else if (parms !== undefined && parms !== null) throw new Unsupported("decode parameters");
    try {
      return inflateSync(s.raw);
    } catch {
      throw new Unsupported("damaged Flate stream");
    }
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

const opXref = new Lexer(new TextEncoder().encode("xref")).next();
const opObj = new Lexer(new TextEncoder().encode("obj")).next();
const opStream = new Lexer(new TextEncoder().encode("stream")).next();
const opEndstream = new Lexer(new TextEncoder().encode("endstream")).next();
