import { describe, expect, it } from "vitest";
import { FEATURES_PER_CHAR, ROW_WORDS, TAG_COUNT, WEIGHT_BIAS, allowed, emissions, packedEmissions, spansOf, tagsOf, textFeatures, viterbi } from "./features.js";
import { nodejiebaSegmenter, tokensInChunks } from "./segmenter.js";

const segmenter = nodejiebaSegmenter();
const featuresOf = (text: string, bits = 16) => textFeatures(text, tokensInChunks(segmenter, text), bits);

/** A small deterministic pseudo-random sequence, for scores. */
function randoms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return a / 4294967296;
  };
}

describe("the entity model's tags and decoder", () => {
  it("turns spans into BIOES tags and back", () => {
    const spans = [
      { type: "person", start: 0, end: 3 },
      { type: "location", start: 4, end: 5 },
      { type: "organization", start: 6, end: 10 },
    ];
    expect(spansOf(tagsOf(spans, 12))).toEqual(spans);
  });

  it("decodes only sequences BIOES allows, whatever the scores", () => {
    const random = randoms(7);
    const transitions = Array.from({ length: (TAG_COUNT + 1) ** 2 }, () => random() * 4 - 2);
    for (let run = 0; run < 50; run++) {
      const n = 1 + Math.floor(random() * 30);
      const scores = Float64Array.from({ length: n * TAG_COUNT }, () => random() * 10 - 5);
      const tags = viterbi(scores, n, transitions);
      expect(allowed(-1, tags[0]!)).toBe(true);
      for (let i = 1; i < n; i++) expect(allowed(tags[i - 1]!, tags[i]!)).toBe(true);
      expect(allowed(tags[n - 1]!, -1)).toBe(true);
    }
  });

  it("finds the sequence of the highest score, as trying every allowed sequence does", () => {
    const random = randoms(3);
    const T = TAG_COUNT;
    const W = T + 1;
    for (let run = 0; run < 6; run++) {
      const n = 1 + (run % 4);
      const transitions = Array.from({ length: W * W }, () => Math.round(random() * 8 - 4));
      const scores = Float64Array.from({ length: n * T }, () => Math.round(random() * 10 - 5));
      const outside = Uint8Array.from({ length: n }, (_, i) => (i > 0 && run % 2 === 1 && i === n - 1 ? 1 : 0));
      const scoreOf = (tags: ArrayLike<number>) => {
        let total = transitions[T * W + tags[0]!]! + transitions[tags[n - 1]! * W + T]!;
        for (let i = 0; i < n; i++) total += scores[i * T + tags[i]!]! + (i > 0 ? transitions[tags[i - 1]! * W + tags[i]!]! : 0);
        return total;
      };
      let top = -Infinity;
      const tags = new Array<number>(n).fill(0);
      const visit = (i: number): void => {
        if (i === n) {
          if (allowed(tags[n - 1]!, -1)) top = Math.max(top, scoreOf(tags));
          return;
        }
        for (let t = 0; t < T; t++) {
          if (!allowed(i === 0 ? -1 : tags[i - 1]!, t) || (outside[i] === 1 && t !== 0)) continue;
          tags[i] = t;
          visit(i + 1);
        }
      };
      visit(0);
      expect(scoreOf(viterbi(scores, n, transitions, outside))).toBe(top);
    }
  });

  it("finds the best sequence: a strong score for a one-character place wins", () => {
    const n = 3;
    const scores = new Float64Array(n * TAG_COUNT);
    scores[1 * TAG_COUNT + 8] = 10; // S-location at the middle character
    const tags = viterbi(scores, n, new Float64Array((TAG_COUNT + 1) ** 2));
    expect(spansOf(tags)).toEqual([{ type: "location", start: 1, end: 2 }]);
  });
});

describe("the entity model's features", () => {
  it("gives every character the same number of ids below 2^bits, the same ids for the same text", () => {
    const text = "市委副书记、市长胡勇春走访企业。";
    const a = featuresOf(text, 12);
    expect(a.ids.length).toBe(text.length * FEATURES_PER_CHAR);
    expect(Math.max(...a.ids)).toBeLessThan(2 ** 12);
    expect(featuresOf(text, 12).ids).toEqual(a.ids);
  });

  it("rules out separators and particles, never a name's characters", () => {
    const text = "王小明和李华在杭州的公司工作，";
    const { outside } = featuresOf(text);
    const out = [...text].filter((_, i) => outside[i] === 1).join("");
    expect(out).toContain("，");
    expect(out).toContain("的");
    expect(out).toContain("和");
    for (const ch of "王小明李华杭州") expect(out).not.toContain(ch);
  });

  it("scores a ruled-out character as outside only", () => {
    const text = "在，";
    const f = featuresOf(text);
    const scores = emissions(f.ids, text.length, new Int8Array(2 ** 16 * TAG_COUNT).fill(5), f.outside);
    expect(spansOf(viterbi(scores, text.length, new Float64Array((TAG_COUNT + 1) ** 2), f.outside))).toEqual([]);
  });

  it("scores the same from packed rows as from int8 weights, extreme weights included", () => {
    const bits = 10;
    const random = randoms(11);
    const weights = new Int8Array(2 ** bits * TAG_COUNT);
    for (let k = 0; k < weights.length; k++) weights[k] = k % 97 === 0 ? (k % 2 ? 127 : -127) : Math.round(random() * 254 - 127);
    const table = new Int32Array(2 ** bits * ROW_WORDS);
    const bytes = new Uint8Array(table.buffer);
    for (let id = 0; id < 2 ** bits; id++) for (let t = 0; t < 16; t++) bytes[id * 4 * ROW_WORDS + t] = (t < TAG_COUNT ? weights[id * TAG_COUNT + t]! : 0) + WEIGHT_BIAS;
    const text = "市委副书记、市长胡勇春正月初七走访浙江金拓机电有限公司，在杭州召开座谈会。";
    const f = featuresOf(text, bits);
    expect([...packedEmissions(f.ids, text.length, table, f.outside)]).toEqual([...emissions(f.ids, text.length, weights, f.outside)]);
    // every weight of every feature at +127, then at -127: no lane runs into the next
    for (const w of [127, -127]) {
      const flat = new Int8Array(weights.length).fill(w);
      bytes.fill(w + WEIGHT_BIAS);
      expect([...packedEmissions(f.ids, text.length, table)]).toEqual([...emissions(f.ids, text.length, flat)]);
    }
  });

  it("gives the same features from reused scratch as fresh, text after text", () => {
    const texts = ["一段较长的文字：张国华在杭州会见了浙江大学的师生代表，并与他们座谈。", "李华说。", ""];
    for (const text of texts) {
      const tokens = tokensInChunks(segmenter, text);
      const fresh = textFeatures(text, tokens, 16);
      const reused = textFeatures(text, tokens, 16, true);
      expect([...reused.outside.subarray(0, text.length)]).toEqual([...fresh.outside]);
      for (let i = 0; i < text.length; i++) {
        if (fresh.outside[i] === 1) continue;
        expect([...reused.ids.subarray(i * FEATURES_PER_CHAR, (i + 1) * FEATURES_PER_CHAR)]).toEqual([...fresh.ids.subarray(i * FEATURES_PER_CHAR, (i + 1) * FEATURES_PER_CHAR)]);
      }
    }
  });
});

describe("Viterbi over characters outside by construction", () => {
  it("decodes as the same scores with those characters' other tags floored, whatever the runs of them", () => {
    const random = randoms(11);
    const T = TAG_COUNT;
    const transitions = Array.from({ length: (T + 1) ** 2 }, () => Math.round(random() * 6 - 3));
    for (let run = 0; run < 200; run++) {
      const n = 1 + Math.floor(random() * 40);
      // runs of outside characters of every length, at the start, inside and at the end
      const outside = Uint8Array.from({ length: n }, () => (random() < 0.6 ? 1 : 0));
      const scores = Float64Array.from({ length: n * T }, () => Math.round(random() * 10 - 5));
      const floored = Float64Array.from(scores, (v, k) => (outside[Math.floor(k / T)] === 1 ? (k % T === 0 ? 0 : -1e9) : v));
      expect([...viterbi(floored.slice(), n, transitions, outside)]).toEqual([...viterbi(floored, n, transitions)]);
    }
  });
});
