import { deflateSync } from "node:zlib";
import { PdfDocument, PdfStream } from "../fast/document.js";
import { Name, Op, Ref, type PdfValue } from "../fast/lexer.js";

/**
 * The same PDF written the way newer writers (Acrobat, pdf-lib, qpdf) write it: every object that is
 * not a stream packed into one compressed object stream, and the cross-reference as a stream with a
 * PNG predictor instead of a table. For the tests: pdfjs must read the rewritten file as the original.
 */
export function withObjectStreams(bytes: Uint8Array): Uint8Array {
  const doc = new PdfDocument(bytes);
  const numbers = doc.objectNumbers();
  const chunks: Uint8Array[] = [];
  let length = 0;
  const write = (x: string | Uint8Array) => {
    const b = typeof x === "string" ? Buffer.from(x, "latin1") : x;
    chunks.push(b);
    length += b.length;
  };
  const offsets = new Map<number, number>();
  const inStream: number[] = [];
  const packed: string[] = [];
  write("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n");
  for (const num of numbers) {
    const value = doc.resolve(new Ref(num, 0));
    if (value instanceof PdfStream) {
      offsets.set(num, length);
      const dict = new Map(value.dict);
      dict.set("Length", value.raw.length);
      write(`${num} 0 obj\n${serialize(dict)}\nstream\n`);
      write(value.raw);
      write("\nendstream\nendobj\n");
    } else if (value !== undefined && value !== null) {
      inStream.push(num);
      packed.push(serialize(value));
    }
  }
  const size = Math.max(...numbers) + 3;
  const objStm = size - 2;
  const xrefNum = size - 1;
  let header = "";
  let body = "";
  inStream.forEach((num, i) => {
    header += `${num} ${body.length} `;
    body += packed[i] + "\n";
  });
  const data = deflateSync(Buffer.from(header + body, "latin1"));
  offsets.set(objStm, length);
  write(`${objStm} 0 obj\n<< /Type /ObjStm /N ${inStream.length} /First ${Buffer.byteLength(header, "latin1")} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`);
  write(data);
  write("\nendstream\nendobj\n");
  offsets.set(xrefNum, length);
  // rows of 1 + 4 + 2 bytes, each after a PNG "Up" filter byte
  const rows: number[][] = [];
  for (let n = 0; n < size; n++) {
    const at = inStream.indexOf(n);
    const row = offsets.has(n) ? [1, ...be(offsets.get(n)!, 4), 0, 0] : at >= 0 ? [2, ...be(objStm, 4), ...be(at, 2)] : [0, 0, 0, 0, 0, 0xff, 0xff];
    rows.push(row);
  }
  const filtered: number[] = [];
  rows.forEach((row, r) => {
    filtered.push(2, ...row.map((v, c) => (v - (r > 0 ? rows[r - 1]![c]! : 0)) & 0xff));
  });
  const xref = deflateSync(Uint8Array.from(filtered));
  const trailer = new Map(doc.trailer);
  for (const k of ["Prev", "Size", "XRefStm"]) trailer.delete(k);
  const extra = [...trailer].map(([k, v]) => `/${k} ${serialize(v)}`).join(" ");
  write(`${xrefNum} 0 obj\n<< /Type /XRef /Size ${size} /W [1 4 2] ${extra} /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> /Length ${xref.length} >>\nstream\n`);
  write(xref);
  write(`\nendstream\nendobj\nstartxref\n${offsets.get(xrefNum)}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function be(v: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor(v / 256 ** (n - 1 - i)) & 0xff);
}

function serialize(v: PdfValue): string {
  if (typeof v === "number") return Number.isInteger(v) || !String(v).includes("e") ? String(v) : v.toFixed(12);
  if (typeof v === "boolean") return String(v);
  if (v === null) return "null";
  if (v instanceof Name) return "/" + v.name.replace(/[^!-~]|[#()<>[\]{}/%]/g, (c) => "#" + c.charCodeAt(0).toString(16).padStart(2, "0"));
  if (v instanceof Ref) return `${v.num} ${v.gen} R`;
  if (v instanceof Uint8Array) return "<" + Buffer.from(v).toString("hex") + ">";
  if (v instanceof Op) throw new Error(`an operator in an object: ${v.op}`);
  if (Array.isArray(v)) return "[" + v.map(serialize).join(" ") + "]";
  return "<<" + [...v].map(([k, x]) => `/${k} ${serialize(x)}`).join(" ") + ">>";
}
