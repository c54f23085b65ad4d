import { describe, expect, it } from "vitest";
import { normalize, normalizeTallying } from "./normalize.js";
import { newStyleTally, styleCounts } from "./extractors.js";

/** The documented normalizations, written out plainly: what one code unit before "x" becomes. */
function expected(c: number): string {
  if (c === 0x0d || c === 0x2028 || c === 0x2029) return "\n";
  if (c === 0x09 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f) return " ";
  if (c === 0xfeff || (c >= 0x200b && c <= 0x200f) || c === 0x2060 || (c < 0x20 && c !== 0x0a) || (c >= 0x7f && c < 0xa0)) return "";
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0);
  return String.fromCharCode(c);
}

describe("normalize", () => {
  it("changes exactly the documented code units, each mapped to its raw offset", () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const raw = `a${String.fromCharCode(c)}x`;
      const { text, offsets } = normalize(raw);
      const want = `a${expected(c)}x`;
      const map = want.length === 3 ? [0, 1, 2] : [0, 2];
      if (text !== want || Array.from(offsets).join() !== map.join()) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it("keeps CRLF as one line break mapped to the LF", () => {
    const m = normalize("甲\r\n乙\r丙");
    expect(m.text).toBe("甲\n乙\n丙");
    expect(Array.from(m.offsets)).toEqual([0, 2, 3, 4, 5]);
  });
});

/** styleCounts as it read every line before its fast path: slice, strip CR and FF, trim, three patterns. */
function referenceCounts(text: string) {
  const counts = { lines: 0, blankGaps: 0, doubleSpaced: 0, digitPieces: 0, cjkSpaces: 0 };
  let blank = false;
  // a digit piece counts when it continues a number: the line before ends, or the line after opens, with a digit or a dot
  let before = "";
  let pending = false;
  for (const raw of text.split("\n")) {
    if (counts.lines >= 4000) break;
    const trimmed = raw.replace(/[\r\f]/g, "").trim();
    if (trimmed === "") {
      blank = true;
      continue;
    }
    if (counts.lines > 0 && blank) counts.blankGaps++;
    counts.lines++;
    blank = false;
    if (/[^\s\u0000-\u007f]  +[^\s\u0000-\u007f]/.test(trimmed)) counts.doubleSpaced++;
    if (pending && /^[\d.]/.test(trimmed)) counts.digitPieces++;
    pending = false;
    if (/^[\d.]{1,4}$/.test(trimmed)) {
      if (/[\d.]$/.test(before)) counts.digitPieces++;
      else pending = true;
    }
    before = trimmed;
    counts.cjkSpaces += trimmed.match(/[^\s\u0000-\u007f] +(?=[^\s\u0000-\u007f])/g)?.length ?? 0;
  }
  return counts;
}

/** styleCounts, and the counts reflow makes in its normalization pass, as the plain reading gives them. */
function expectCounts(text: string) {
  const reference = referenceCounts(text);
  expect(styleCounts(text), JSON.stringify(text)).toEqual(reference);
  const tally = newStyleTally();
  expect(normalizeTallying(text, tally)).toEqual(normalize(text));
  expect(tally.counts, JSON.stringify(text)).toEqual(reference);
}

describe("styleCounts", () => {
  it("counts as the plain reading does on lines of every kind of white space, digits and text", () => {
    // a deterministic mix: Han text, spaces of every width, CR, FF, tabs, digit pieces, blank lines
    // digits a CR or form feed apart read as one piece; spaces anywhere count; a lone number
    // line (a page number) is a digit piece only next to another piece of a number
    for (const text of ["1\f\f\f\f2\n王明王明", "1\r\r\r\r2\n\n3", "王  明明明明\n王 明 明", "\u3000\u3000 12.5 \n甲乙丙丁戊己", "王 \r 明明明明\n王 \f 明", "05\n要闻\n王明王明", "5月\n1\n5日是"]) {
      expectCounts(text);
    }
    const atoms = ["王", "明", "日", "。", "1", "2", ".", " ", "  ", "\u3000", "\u00a0", "\u2003", "\t", "\r", "\f", "\ufeff", "\u2028", "a", "\n", "\n\n"];
    let state = 12345;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
    for (let page = 0; page < 200; page++) {
      let text = "";
      const length = next() % 400;
      for (let k = 0; k < length; k++) text += atoms[next() % atoms.length];
      expectCounts(text);
    }
  });

  it("counts spaces, CRs and form feeds that lie far apart, in long lines and after long runs without them", () => {
    // the searches for them go a window at a time: a line longer than a window, and one found only
    // windows after the last, count as in the plain reading; lines past the sample are not counted
    const long = "王".repeat(2500);
    for (const text of [`${long}  明\n${long}\r明\n1\n${long} 明\f明`, `${"王明\n".repeat(1500)}王  明\n\n2\r3\n4`, `${long}\n${long} \n ${long}\n`, `${"王明\n".repeat(3999)}王  明\n王  明 \n\n1\n`]) {
      expectCounts(text);
    }
  });
});
