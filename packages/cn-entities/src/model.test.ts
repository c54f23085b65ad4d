import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { ModelError, decodeModel, modelSpans, shippedModel, weightOf, MODEL_VERSION } from "./model.js";
import { FEATURES_PER_CHAR, MODEL_TYPES, TAG_COUNT, hashOfWord, inWordSet, makeWordSet, textFeatures } from "./features.js";
import { nodejiebaSegmenter, tokensInChunks } from "./segmenter.js";

/** A model file: header, then weight rows (varint id delta, tag mask, int8 weights). */
function modelFile(header: object, rows: Buffer = Buffer.alloc(0)): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return gzipSync(Buffer.concat([length, json, rows]));
}
const header = {
  version: MODEL_VERSION,
  bits: 4,
  tags: TAG_COUNT,
  features: FEATURES_PER_CHAR,
  types: MODEL_TYPES,
  scale: 1,
  transitions: new Array((TAG_COUNT + 1) ** 2).fill(0),
  outsideWords: [] as number[],
};

describe("the shipped entity model", () => {
  it("loads once and says how it was trained", () => {
    const model = shippedModel();
    expect(shippedModel()).toBe(model);
    expect(model.header.trained?.data).toMatch(/People's Daily/);
    expect(model.table.length).toBe(2 ** model.header.bits * 4);
    let nonZero = 0;
    for (let id = 0; id < 4096; id++) for (let t = 0; t < TAG_COUNT; t++) if (weightOf(model, id, t) !== 0) nonZero++;
    expect(nonZero).toBeGreaterThan(0);
  });

  it("finds people, places and organizations in sentences written for this test", () => {
    const segmenter = nodejiebaSegmenter();
    const spans = (text: string) => modelSpans(shippedModel(), text, tokensInChunks(segmenter, text)).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
    expect(spans("昨天，张国华在杭州会见了浙江大学的师生代表。")).toEqual(expect.arrayContaining(["person:张国华", "location:杭州", "organization:浙江大学"]));
    expect(spans("")).toEqual([]);
  });

  it("reads weights from a file and rejects one made for other features with a typed error", () => {
    // feature id 3, tags O and S-location (0 and 8): weights 5 and -7
    const row = Buffer.from([4, 0x01, 0x01, 5, 0xf9]);
    const model = decodeModel(modelFile(header, row));
    expect(weightOf(model, 3, 0)).toBe(5);
    expect(weightOf(model, 3, 8)).toBe(-7);
    const all = Array.from({ length: 16 * TAG_COUNT }, (_, k) => weightOf(model, Math.floor(k / TAG_COUNT), k % TAG_COUNT));
    expect(all.filter((w) => w !== 0).length).toBe(2);
    expect(() => decodeModel(modelFile({ ...header, features: FEATURES_PER_CHAR + 1 }))).toThrow(ModelError);
    expect(() => decodeModel(modelFile({ ...header, version: MODEL_VERSION + 1 }))).toThrow(/another version/);
    expect(() => decodeModel(new Uint8Array([1, 2]))).toThrow(ModelError);
    const { outsideWords: _, ...withoutGate } = header;
    expect(() => decodeModel(modelFile(withoutGate))).toThrow(/no outside words/);
  });

  it("keeps the outside words' characters out of the model, unless a body's head follows in the clause", () => {
    const model = decodeModel(modelFile({ ...header, outsideWords: [hashOfWord("表示"), hashOfWord("人力")] }));
    expect(inWordSet(model.outsideWords, hashOfWord("表示"))).toBe(true);
    expect(inWordSet(model.outsideWords, hashOfWord("表"))).toBe(false);
    const segmenter = nodejiebaSegmenter();
    const outside = (text: string, word: string) => {
      const { outside: marks } = textFeatures(text, tokensInChunks(segmenter, text), 4, false, model.outsideWords);
      const at = text.indexOf(word);
      return [...marks.subarray(at, at + word.length)];
    };
    expect(outside("张国华表示，要抓好落实。", "表示")).toEqual([1, 1]);
    expect(outside("张国华表示，要抓好落实。", "张国华")).toEqual([0, 0, 0]);
    // 人力 before 社保局 may be part of the body's name
    expect(outside("县人力社保局局长钱红梅说", "人力")).toEqual([0, 0]);
    expect(outside("这项工作需要大量人力，要抓好落实。", "人力")).toEqual([1, 1]);
    // the shipped model has its list, learned with the weights, and a set of many words finds each
    expect(shippedModel().header.outsideWords.length).toBeGreaterThan(1000);
    const many = Array.from({ length: 5000 }, (_, k) => hashOfWord(`词${k}`));
    const set = makeWordSet(many);
    expect(many.every((h) => inWordSet(set, h))).toBe(true);
    expect(inWordSet(set, hashOfWord("词5000"))).toBe(false);
  });
});
