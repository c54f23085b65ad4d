/**
 * PDF object syntax over bytes, for the text-only reader (see `./reader.ts`): numbers, names,
 * strings, arrays, dictionaries, indirect references, and the bare words that are operators in a
 * content stream. Anything this reader does not expect throws {@link Unsupported}: the caller then
 * reads the file with pdfjs instead, which knows every corner of the format.
 */

/** Something the text-only reader does not handle; pdfjs reads the file instead. */
export class Unsupported extends Error {
  constructor(what: string) {
    super(what);
    this.name = "Unsupported";
  }
}

export class Name {
  constructor(readonly name: string) {}
}

export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** An operator of a content stream, or a keyword of the file's structure (obj, stream, R…). */
export class Op {
  constructor(readonly op: string) {}
}

export type PdfDict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | Name | Ref | Uint8Array | PdfValue[] | PdfDict | Op;

const names = new Map<string, Name>();
const ops = new Map<string, Op>();
function nameOf(s: string): Name {
  let n = names.get(s);
  if (!n) names.set(s, (n = new Name(s)));
  return n;
}
function opOf(s: string): Op {
  let o = ops.get(s);
  if (!o) ops.set(s, (o = new Op(s)));
  return o;
}

/** Byte classes: 1 white space, 2 delimiter, 0 regular. */
const CLASS = new Uint8Array(256);
for (const b of [0, 9, 10, 12, 13, 32]) CLASS[b] = 1;
for (const c of "()<>[]{}/%") CLASS[c.charCodeAt(0)] = 2;

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

/** Words of up to three bytes read so far, by their bytes. */
const shortWords = new Map<number, Op | boolean | null>();

const END_OF_ARRAY = opOf("]");
const END_OF_DICT = opOf(">>");

export class Lexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos]!;
      if (c === 0x25) {
        while (this.pos < this.end && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else if (CLASS[c] === 1) this.pos++;
      else return;
    }
  }

  /** The next object, an {@link Op} for a bare word, or undefined at the end. `refs`: read `n g R`. */
  next(refs = false): PdfValue | undefined {
    this.skipSpace();
    if (this.pos >= this.end) return undefined;
    const b = this.bytes;
    const c = b[this.pos]!;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      const n = this.number();
      if (refs && Number.isInteger(n) && n >= 0) {
        const save = this.pos;
        this.skipSpace();
        const c2 = b[this.pos];
        if (c2 !== undefined && c2 >= 0x30 && c2 <= 0x39) {
          const gen = this.number();
          this.skipSpace();
          if (b[this.pos] === 0x52 && (this.pos + 1 >= this.end || CLASS[b[this.pos + 1]!] !== 0)) {
            this.pos++;
            return new Ref(n, gen);
          }
        }
        this.pos = save;
      }
      return n;
    }
    switch (c) {
      case 0x2f: // /
        return this.name();
      case 0x28: // (
        return this.literalString();
      case 0x5b: {
        // [
        this.pos++;
        const out: PdfValue[] = [];
        for (;;) {
          const v = this.next(refs);
          if (v === undefined) throw new Unsupported("unterminated array");
          if (v === END_OF_ARRAY) return out;
          out.push(v);
        }
      }
      case 0x5d:
        this.pos++;
        return END_OF_ARRAY;
      case 0x3c: // <
        if (b[this.pos + 1] === 0x3c) {
          this.pos += 2;
          const dict: PdfDict = new Map();
          for (;;) {
            const k = this.next(refs);
            if (k === END_OF_DICT) return dict;
            if (!(k instanceof Name)) throw new Unsupported("dictionary key is not a name");
            const v = this.next(refs);
            if (v === undefined || v === END_OF_DICT || v === END_OF_ARRAY) throw new Unsupported("dictionary value missing");
            dict.set(k.name, v);
          }
        }
        return this.hexString();
      case 0x3e:
        if (b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return END_OF_DICT;
        }
        throw new Unsupported("stray >");
      case 0x7b:
      case 0x7d:
      case 0x29:
        throw new Unsupported("unexpected delimiter");
    }
    const start = this.pos;
    while (this.pos < this.end && CLASS[b[this.pos]!] === 0) this.pos++;
    // operators are mostly one to three bytes: look them up by their bytes, without making a string
    if (this.pos - start <= 3) {
      let key = 0;
      for (let i = start; i < this.pos; i++) key = (key << 8) | b[i]!;
      const known = shortWords.get(key);
      if (known !== undefined) return known;
      const word = latin1(b, start, this.pos);
      const value = word === "true" ? true : word === "false" ? false : word === "null" ? null : opOf(word);
      shortWords.set(key, value);
      return value;
    }
    const word = latin1(b, start, this.pos);
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    return opOf(word);
  }

  /** A number, computed as pdfjs computes it (all digits as one integer, then one division). */
  private number(): number {
    const b = this.bytes;
    let sign = 1;
    let c = b[this.pos]!;
    if (c === 0x2d || c === 0x2b) {
      if (c === 0x2d) sign = -1;
      c = b[++this.pos]!;
    }
    let value = 0;
    let digits = 0;
    let divideBy = 0;
    while (this.pos < this.end) {
      if (c >= 0x30 && c <= 0x39) {
        value = value * 10 + (c - 0x30);
        if (divideBy !== 0) divideBy *= 10;
        digits++;
      } else if (c === 0x2e && divideBy === 0) divideBy = 1;
      else break;
      c = b[++this.pos]!;
    }
    if (digits === 0 || (this.pos < this.end && CLASS[c] === 0)) throw new Unsupported("malformed number");
    if (divideBy > 1) value /= divideBy;
    return sign * value;
  }

  private name(): Name {
    const b = this.bytes;
    const start = ++this.pos;
    let escaped = false;
    while (this.pos < this.end && CLASS[b[this.pos]!] === 0) {
      if (b[this.pos] === 0x23) escaped = true;
      this.pos++;
    }
    let s = latin1(b, start, this.pos);
    if (escaped) s = s.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return nameOf(s);
  }

  private hexString(): Uint8Array {
    const b = this.bytes;
    const start = ++this.pos;
    let end = start;
    while (end < this.end && b[end] !== 0x3e) end++;
    if (end >= this.end) throw new Unsupported("unterminated hex string");
    // at most one byte for every two characters: the exact length is known once white space is skipped
    const out = new Uint8Array((end - start + 1) >> 1);
    let n = 0;
    let high = -1;
    for (let i = start; i < end; i++) {
      const c = b[i]!;
      const v = hexValue(c);
      if (v < 0) {
        if (CLASS[c] === 1) continue;
        throw new Unsupported("bad hex string");
      }
      if (high < 0) high = v;
      else {
        out[n++] = (high << 4) | v;
        high = -1;
      }
    }
    if (high >= 0) out[n++] = high << 4;
    this.pos = end + 1;
    return n === out.length ? out : out.subarray(0, n);
  }

  private literalString(): Uint8Array {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < this.end) {
      let c = b[this.pos++]!;
      if (c === 0x28) depth++;
      else if (c === 0x29) {
        if (--depth === 0) return Uint8Array.from(out);
      } else if (c === 0x5c) {
        c = b[this.pos++]!;
        switch (c) {
          case 0x6e:
            c = 0x0a;
            break;
          case 0x72:
            c = 0x0d;
            break;
          case 0x74:
            c = 0x09;
            break;
          case 0x62:
            c = 0x08;
            break;
          case 0x66:
            c = 0x0c;
            break;
          case 0x0d:
            if (b[this.pos] === 0x0a) this.pos++;
            continue;
          case 0x0a:
            continue;
          default:
            if (c >= 0x30 && c <= 0x37) {
              let v = c - 0x30;
              for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) v = v * 8 + (b[this.pos++]! - 0x30);
              c = v & 0xff;
            }
        }
      } else if (c === 0x0d) {
        // an end of line in a string is a line feed, whichever it was
        if (b[this.pos] === 0x0a) this.pos++;
        c = 0x0a;
      }
      out.push(c);
    }
    throw new Unsupported("unterminated string");
  }
}

export function latin1(b: Uint8Array, start: number, end: number): string {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}
