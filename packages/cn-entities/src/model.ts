/**
 * The trained entity model: weights learned from the People's Daily training split by
 * scripts/train.mjs (an averaged structured perceptron), shipped as model/entities.bin, read once,
 * lazily, on the first text.
 *
 * File layout (gzipped): a little-endian u32 header length, the header as JSON ({ version, bits,
 * tags, features, scale, transitions, outsideWords }), then the weights by feature id in increasing order: the
 * id's distance from the previous one (a varint), a u16 mask of the tags with a weight, and those
 * weights as int8 (times `scale`). Ids and tags not listed weigh 0 (pruned).
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FEATURES_PER_CHAR, MODEL_TYPES, ROW_WORDS, TAG_COUNT, WEIGHT_BIAS, makeWordSet, packedEmissions, spansOf, textFeatures, viterbi, type Span, type WordSet } from "./features.js";
import type { Token } from "./segmenter.js";

export const MODEL_VERSION = 4;

export interface ModelHeader {
  version: number;
  bits: number;
  tags: number;
  features: number;
  types: readonly string[];
  /** What one unit of an int8 weight is worth. */
  scale: number;
  /** (tags + 1)² transition weights in int8 units (from start = row `tags`, to end = column `tags`). */
  transitions: number[];
  /**
   * The hashes of the words whose characters are outside by construction (see features.ts,
   * textFeatures): learned with the weights, as hashes (the words themselves are not shipped).
   */
  outsideWords: number[];
  /** How the model was made: data, epochs, seed, pruning. */
  trained?: Record<string, unknown>;
}

export interface EntityModel {
  header: ModelHeader;
  /**
   * The int8 weights, `ROW_WORDS` int32 words per feature id: byte t of an id's row (little-endian)
   * is tag t's weight plus `WEIGHT_BIAS` (see features.ts, packedEmissions).
   */
  table: Int32Array;
  transitions: Int32Array;
  outsideWords: WordSet;
}

/** The int8 weight of a feature id for a tag, read back from the packed table. */
export function weightOf(model: EntityModel, id: number, tag: number): number {
  return new Uint8Array(model.table.buffer, model.table.byteOffset, model.table.byteLength)[id * ROW_WORDS * 4 + tag]! - WEIGHT_BIAS;
}

export class ModelError extends Error {
  readonly code = "YK_MODEL_INVALID";
  constructor(message: string) {
    super(message);
    this.name = "ModelError";
  }
}

/** Read a model file's bytes (gzipped or not) into weights. */
export function decodeModel(bytes: Uint8Array): EntityModel {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (raw.byteLength < 4) throw new ModelError("model file too short");
  const headerLength = view.getUint32(0, true);
  if (4 + headerLength > raw.byteLength) throw new ModelError("model header runs past the file");
  const header = JSON.parse(Buffer.from(raw.buffer, raw.byteOffset + 4, headerLength).toString("utf8")) as ModelHeader;
  if (header.version !== MODEL_VERSION || header.tags !== TAG_COUNT || header.features !== FEATURES_PER_CHAR || header.types.join() !== MODEL_TYPES.join()) {
    throw new ModelError(`model file is for another version of the features (version ${header.version}, ${header.features} features, ${header.tags} tags)`);
  }
  const T = header.tags;
  if (new Uint8Array(Uint32Array.of(1).buffer)[0] !== 1) throw new ModelError("the packed weights need a little-endian machine");
  const ROW = ROW_WORDS * 4;
  const table = new Int32Array(2 ** header.bits * ROW_WORDS).fill(WEIGHT_BIAS * 0x01010101);
  const bytes8 = new Uint8Array(table.buffer);
  let at = 4 + headerLength;
  let id = -1;
  while (at < raw.byteLength) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      const b = raw[at++]!;
      delta += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    id += delta;
    const mask = raw[at]! | (raw[at + 1]! << 8);
    at += 2;
    const o = id * ROW;
    if (o + ROW > bytes8.length) throw new ModelError("model weight past the table");
    for (let t = 0; t < T; t++) if (mask & (1 << t)) bytes8[o + t] = (((raw[at++]! << 24) >> 24) + WEIGHT_BIAS) & 0xff;
  }
  if (!Array.isArray(header.outsideWords)) throw new ModelError("model header has no outside words");
  return { header, table, transitions: Int32Array.from(header.transitions), outsideWords: makeWordSet(header.outsideWords) };
}

/** A data file the package ships in model/, beside dist/ (and beside src/ in the repository). */
export function packageDataFile(name: string): string {
  const here = typeof __dirname === "string" ? __dirname : dirname(fileURLToPath(import.meta.url));
  return join(here, "..", "model", name);
}
const modelPath = (): string => packageDataFile("entities.bin");

let shipped: EntityModel | null = null;
/** The shipped model, read once. */
export function shippedModel(): EntityModel {
  if (shipped === null) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(modelPath());
    } catch (error) {
      throw new ModelError(`cannot read the entity model at ${modelPath()}: ${(error as Error).message}`);
    }
    shipped = decodeModel(bytes);
  }
  return shipped;
}

/** The scores of a text's characters: integers (sums of int8 weights; -1e9 the floor), kept in 4 bytes, not 8 (less to evict the weights from the caches). */
let scores = new Int32Array(0);

/** The person, location and organization spans the model finds in a text the segmenter cut into `tokens`. */
export function modelSpans(model: EntityModel, text: string, tokens: readonly Token[]): Span[] {
  const n = text.length;
  if (n === 0) return [];
  // (scratch arrays: features and scores are read at once, nothing is kept of them)
  const features = textFeatures(text, tokens, model.header.bits, true, model.outsideWords);
  if (scores.length < n * TAG_COUNT) scores = new Int32Array(Math.max(n * TAG_COUNT, 2 * scores.length));
  return spansOf(viterbi(packedEmissions(features.ids, n, model.table, features.outside, scores), n, model.transitions, features.outside));
}
