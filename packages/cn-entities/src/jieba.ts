// jieba's mixed segmentation (cppjieba's MixSegment, as nodejieba's `cut(text, true)` runs it) in
// TypeScript over typed arrays: the dictionary's maximum-probability route through the DAG of its
// words, then the HMM on each run of characters the route leaves single. Written from cppjieba's
// DictTrie, MPSegment, HMMSegment, MixSegment and PreFilter (MIT, © Yanyi Wu), step for step and
// with the same floating-point operations in the same order, so that ties break the same way.
// Why our own: nodejieba's `cut` hands back one JS string per word across N-API, which was most of
// its cost, and its load reads the dictionary twice; here words come out as offsets.

/** cppjieba's stand-in for minus infinity (an HMM emission it never saw, an impossible move). */
const MIN_DOUBLE = -3.14e100;
/** Longest dictionary word cppjieba looks for, in characters. */
const MAX_WORD_LENGTH = 512;
/** HMM states, in cppjieba's order: B E M S (E and S end a word: the odd ones). */
const STATES = 4;
const E = 1;
const S = 3;

/** cppjieba's PreFilter cuts before and after these: space, tab, newline, ， and 。 */
const isSeparator = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0xff0c || c === 0x3002;
const isAsciiLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * A text's words as parallel arrays: UTF-16 offsets (end exclusive), tag ids (-1: not listed, or
 * listed without a tag) and dictionary word ids (-1: not listed).
 */
export interface Segmentation {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  tags: Int32Array;
  words: Int32Array;
}

/** Thrown when a dictionary or HMM file is not what cppjieba reads. */
export class JiebaDataError extends Error {
  override name = "JiebaDataError";
}

function grownInt32(a: Int32Array, size: number): Int32Array {
  if (a.length >= size) return a;
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}
function grownFloat64(a: Float64Array, size: number): Float64Array {
  if (a.length >= size) return a;
  const b = new Float64Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/**
 * jieba's dictionary as a trie over code points: the root's children in a table indexed by the
 * code unit (nearly every first character is in the BMP), every other edge in one open-addressing
 * hash of (node, code point) → node. A node ending a word holds the word's id + 1; the word's
 * log-probability, count and tag are arrays by id. Built from the dictionary's text, and taking
 * the words given later.
 */
class HashTrie {
  private rootChild: Int32Array = new Int32Array(0x10000);
  private edgeParent: Int32Array;
  private edgeRune: Int32Array;
  private edgeChild: Int32Array;
  private edgeMask: number;
  private edges = 0;
  /** Per node: the id + 1 of the word ending there (0: none). */
  nodeWord: Int32Array;
  /** Per node: 1 when some edge leaves it. */
  private nodeBranches: Uint8Array;
  private nodes = 1; // node 0 is the root

  get nodeCount(): number {
    return this.nodes;
  }

  constructor(expectedNodes: number) {
    let size = 1 << 16;
    while (size < expectedNodes * 2) size <<= 1;
    this.edgeParent = new Int32Array(size).fill(-1);
    this.edgeRune = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
    this.edgeMask = size - 1;
    this.nodeWord = new Int32Array(expectedNodes + 1);
    this.nodeBranches = new Uint8Array(expectedNodes + 1);
  }

  private slot(parent: number, rune: number): number {
    return (Math.imul(parent, 0x9e3779b1) ^ Math.imul(rune, 0x85ebca77)) >>> 0;
  }

  /** The node of the two code points `a`, `b` from the root, or 0. */
  child2(a: number, b: number): number {
    const node = this.child(0, a);
    return node === 0 ? 0 : this.child(node, b);
  }

  /** The child of `node` by `rune`, or 0. */
  child(node: number, rune: number): number {
    if (node === 0 && rune < 0x10000) return this.rootChild[rune]!;
    if (this.nodeBranches[node] === 0) return 0;
    const mask = this.edgeMask;
    for (let k = this.slot(node, rune) & mask; ; k = (k + 1) & mask) {
      const p = this.edgeParent[k]!;
      if (p === -1) return 0;
      if (p === node && this.edgeRune[k] === rune) return this.edgeChild[k]!;
    }
  }

  private addChild(node: number, rune: number): number {
    const id = this.nodes++;
    if (id >= this.nodeWord.length) {
      this.nodeWord = grownInt32(this.nodeWord, id + 1);
      const b = new Uint8Array(this.nodeWord.length);
      b.set(this.nodeBranches);
      this.nodeBranches = b;
    }
    this.addEdge(node, rune, id);
    return id;
  }

  private rehash(): void {
    const { edgeParent, edgeRune, edgeChild } = this;
    const size = edgeParent.length * 2;
    this.edgeParent = new Int32Array(size).fill(-1);
    this.edgeRune = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
    this.edgeMask = size - 1;
    for (let i = 0; i < edgeParent.length; i++) {
      if (edgeParent[i] === -1) continue;
      let k = this.slot(edgeParent[i]!, edgeRune[i]!) & this.edgeMask;
      while (this.edgeParent[k] !== -1) k = (k + 1) & this.edgeMask;
      this.edgeParent[k] = edgeParent[i]!;
      this.edgeRune[k] = edgeRune[i]!;
      this.edgeChild[k] = edgeChild[i]!;
    }
  }

  /** The child of `node` by `rune`, made if needed. */
  insertRune(node: number, rune: number): number {
    return this.child(node, rune) || this.addChild(node, rune);
  }

  /** Every edge, as (parent, code point, child) to `visit`. */
  forEachEdge(visit: (parent: number, rune: number, child: number) => void): void {
    for (let r = 0; r < 0x10000; r++) if (this.rootChild[r] !== 0) visit(0, r, this.rootChild[r]!);
    for (let k = 0; k < this.edgeParent.length; k++) if (this.edgeParent[k] !== -1) visit(this.edgeParent[k]!, this.edgeRune[k]!, this.edgeChild[k]!);
  }

  /** A trie to add words to, with the same nodes as a read-only one. */
  static fromCsr(csr: CsrTrie): HashTrie {
    const trie = new HashTrie(csr.nodeCount);
    trie.nodes = csr.nodeCount;
    trie.nodeWord = grownInt32(trie.nodeWord, csr.nodeCount + 1);
    trie.nodeWord.set(csr.nodeWord.subarray(0, csr.nodeCount));
    trie.nodeBranches = new Uint8Array(trie.nodeWord.length);
    for (let v = 0; v < csr.nodeCount; v++) {
      for (let c = csr.first[v]!; c < csr.first[v + 1]!; c++) trie.addEdge(v, csr.childRune[c]!, c);
    }
    return trie;
  }

  private addEdge(node: number, rune: number, child: number): void {
    this.nodeBranches[node] = 1;
    if (node === 0 && rune < 0x10000) {
      this.rootChild[rune] = child;
      return;
    }
    if ((this.edges + 1) * 2 > this.edgeParent.length) this.rehash();
    const mask = this.edgeMask;
    let k = this.slot(node, rune) & mask;
    while (this.edgeParent[k] !== -1) k = (k + 1) & mask;
    this.edgeParent[k] = node;
    this.edgeRune[k] = rune;
    this.edgeChild[k] = child;
    this.edges++;
  }

  /** The node `text[start, end)` leads to, made as needed. */
  insert(text: string, start: number, end: number): number {
    let node = 0;
    for (let i = start; i < end; ) {
      const c = runeAt(text, i);
      i += c > 0xffff ? 2 : 1;
      node = this.child(node, c) || this.addChild(node, c);
    }
    return node;
  }
}

/**
 * The same trie, read-only and compact, as the build writes it (dist/jieba-tables.bin): nodes
 * numbered breadth first, so a node's children are the nodes first[v] … first[v + 1] - 1, their
 * code points ascending in `childRune` (found by binary search); the root's BMP children in a table.
 *
 * What the route reads at nearly every character sits together, 16 bytes an entry, so that one
 * cache line brings it: a code unit's node, word and the word's weight; a pair's key, node and
 * weight. (Between two pages the article split's work evicts the segmenter's tables from the CPU's
 * L2 cache, and each page reads them back line by line: the route read five lines a character
 * from five arrays — node, pair key, pair node, word, weight — where it now reads two.)
 */
class CsrTrie {
  /**
   * By BMP code unit c, 16 bytes: `rootInts[4c]` the node of c (0: none), `rootInts[4c + 1]` the id
   * + 1 of its word (0: none), `rootWeights[2c + 1]` that word's weight (set by {@link weigh}).
   */
  private rootInts: Int32Array;
  private rootWeights: Float64Array;
  /**
   * The nodes two BMP code units down from the root, by the pair (open addressing: keys
   * `first << 16 | second` as int32, node 0 a free slot), 16 bytes a slot: `pairInts[4k]` the key,
   * `pairInts[4k + 1]` the node, `pairWeights[2k + 1]` the weight of its word (NaN: none; set by
   * {@link weigh}). The route asks for one at nearly every character, and a common first character
   * has hundreds to thousands of children, a binary search of ten steps and as many cache misses;
   * this is one or two.
   */
  private pairInts: Int32Array;
  private pairWeights: Float64Array;
  private pairMask: number;
  /** Whether {@link weigh} has filled the weights. */
  weighted = false;
  /** The words' weights by id, and the weight of a character no word is (given to {@link weigh}). */
  private weight = new Float64Array(0);
  private minWeight = 0;
  constructor(
    readonly nodeCount: number,
    readonly first: Int32Array,
    readonly childRune: Int32Array,
    readonly nodeWord: Int32Array,
  ) {
    const root = new ArrayBuffer(0x10000 * 16);
    this.rootInts = new Int32Array(root);
    this.rootWeights = new Float64Array(root);
    let pairs = 0;
    for (let c = first[0]!; c < first[1]!; c++) {
      if (childRune[c]! < 0x10000) {
        this.rootInts[4 * childRune[c]!] = c;
        this.rootInts[4 * childRune[c]! + 1] = nodeWord[c]!;
      }
      pairs += first[c + 1]! - first[c]!;
    }
    let size = 1024;
    while (size < 2 * pairs) size *= 2;
    const pairBuffer = new ArrayBuffer(size * 16);
    this.pairInts = new Int32Array(pairBuffer);
    this.pairWeights = new Float64Array(pairBuffer);
    this.pairMask = size - 1;
    for (let c = first[0]!; c < first[1]!; c++) {
      const a = childRune[c]!;
      if (a >= 0x10000) continue;
      for (let g = first[c]!; g < first[c + 1]!; g++) {
        const b = childRune[g]!;
        if (b >= 0x10000) continue;
        const key = (a << 16) | b;
        let k = pairSlot(key) & this.pairMask;
        while (this.pairInts[4 * k + 1] !== 0) k = (k + 1) & this.pairMask;
        this.pairInts[4 * k] = key;
        this.pairInts[4 * k + 1] = g;
      }
    }
  }

  /** Copy each word's weight beside the root's and the pairs' nodes (the words' weights by id). */
  weigh(weight: Float64Array, minWeight: number): void {
    this.weight = weight;
    this.minWeight = minWeight;
    for (let c = 0; c < 0x10000; c++) {
      const word = this.rootInts[4 * c + 1]! - 1;
      this.rootWeights[2 * c + 1] = word >= 0 ? weight[word]! : Number.NaN;
    }
    for (let k = 0; k <= this.pairMask; k++) {
      const node = this.pairInts[4 * k + 1]!;
      const word = node === 0 ? -1 : this.nodeWord[node]! - 1;
      this.pairWeights[2 * k + 1] = word >= 0 ? weight[word]! : Number.NaN;
    }
    this.weighted = true;
  }

  /** The node of the two code points `a`, `b` from the root, or 0 (the same as child(child(0, a), b)). */
  child2(a: number, b: number): number {
    if (a >= 0x10000 || b >= 0x10000) return this.child(this.child(0, a), b);
    const slot = this.pairSlotOf(a, b);
    return slot < 0 ? 0 : this.pairInts[4 * slot + 1]!;
  }

  /** The pair table's slot of two BMP code units, or -1 when no word begins with them. */
  pairSlotOf(a: number, b: number): number {
    const key = (a << 16) | b;
    const ints = this.pairInts;
    const mask = this.pairMask;
    for (let k = pairSlot(key) & mask; ; k = (k + 1) & mask) {
      const node = ints[4 * k + 1]!;
      if (node === 0) return -1;
      if (ints[4 * k] === key) return k;
    }
  }

  /**
   * MPSegment::CalcDP (see {@link JiebaSegmentation}'s route) over these tables: the same numbers
   * added in the same order as the generic route, read from the entries above. Needs {@link weigh}.
   */
  route(runes: Int32Array, begin: number, end: number, routeWeight: Float64Array, routeEnd: Int32Array, routeWord: Int32Array): void {
    const { rootInts, rootWeights, pairInts, pairWeights, nodeWord, weight, minWeight } = this;
    for (let i = end - 1; i >= begin; i--) {
      const a = runes[i]!;
      // (numbers from the start: a variable that may be undefined keeps its doubles boxed, one allocation each)
      let node = 0;
      let word = -1;
      let own = 0;
      if (a < 0x10000) {
        node = rootInts[4 * a]!;
        word = rootInts[4 * a + 1]! - 1;
        own = word >= 0 ? rootWeights[2 * a + 1]! : minWeight;
      } else {
        node = this.child(0, a);
        word = node === 0 ? -1 : nodeWord[node]! - 1;
        own = word >= 0 ? weight[word]! : minWeight;
      }
      let best = (i + 1 < end ? routeWeight[i + 1]! : 0) + own;
      let bestEnd = i + 1;
      let bestWord = word;
      if (node !== 0 && i + 1 < end) {
        // the second character through the pair table, its word's weight in the same slot
        const b = runes[i + 1]!;
        if (a < 0x10000 && b < 0x10000) {
          const slot = this.pairSlotOf(a, b);
          if (slot < 0) node = 0;
          else {
            node = pairInts[4 * slot + 1]!;
            const w = pairWeights[2 * slot + 1]!;
            if (w === w) {
              const value = (i + 2 < end ? routeWeight[i + 2]! : 0) + w;
              if (value > best) {
                best = value;
                bestEnd = i + 2;
                bestWord = nodeWord[node]! - 1;
              }
            }
          }
        } else {
          node = this.child(node, b);
          word = node === 0 ? -1 : nodeWord[node]! - 1;
          if (word >= 0) {
            const value = (i + 2 < end ? routeWeight[i + 2]! : 0) + weight[word]!;
            if (value > best) {
              best = value;
              bestEnd = i + 2;
              bestWord = word;
            }
          }
        }
        for (let j = i + 2; node !== 0 && j < end && j - i + 1 <= MAX_WORD_LENGTH; j++) {
          node = this.child(node, runes[j]!);
          if (node === 0) break;
          word = nodeWord[node]! - 1;
          if (word < 0) continue;
          const value = (j + 1 < end ? routeWeight[j + 1]! : 0) + weight[word]!;
          if (value > best) {
            best = value;
            bestEnd = j + 1;
            bestWord = word;
          }
        }
      }
      routeWeight[i] = best;
      routeEnd[i] = bestEnd;
      routeWord[i] = bestWord;
    }
  }

  child(node: number, rune: number): number {
    if (node === 0 && rune < 0x10000) return this.rootInts[4 * rune]!;
    const runes = this.childRune;
    let lo = this.first[node]!;
    let hi = this.first[node + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const r = runes[mid]!;
      if (r < rune) lo = mid + 1;
      else if (r > rune) hi = mid;
      else return mid;
    }
    return 0;
  }

  /** A hash trie's nodes renumbered breadth first, children by code point. */
  static fromHashTrie(trie: HashTrie): CsrTrie {
    const n = trie.nodeCount;
    const parentOf = new Int32Array(n).fill(-1);
    const runeOf = new Int32Array(n);
    const childCount = new Int32Array(n + 1);
    trie.forEachEdge((parent, rune, child) => {
      parentOf[child] = parent;
      runeOf[child] = rune;
      childCount[parent]!++;
    });
    // children grouped by parent (counting sort), each group by code point
    const start = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) start[v + 1] = start[v]! + childCount[v]!;
    const fill = start.slice();
    const children = new Int32Array(n);
    for (let c = 1; c < n; c++) children[fill[parentOf[c]!]!++] = c;
    for (let v = 0; v < n; v++) {
      if (childCount[v]! > 1) {
        const group = Array.from(children.subarray(start[v]!, start[v + 1]!)).sort((a, b) => runeOf[a]! - runeOf[b]!);
        children.set(group, start[v]!);
      }
    }
    // breadth first: a node's children get consecutive numbers
    const order = new Int32Array(n);
    const first = new Int32Array(n + 1);
    let next = 1;
    for (let i = 0; i < n; i++) {
      const v = order[i]!;
      first[i] = next;
      for (let k = start[v]!; k < start[v + 1]!; k++) order[next++] = children[k]!;
    }
    first[n] = next;
    const childRune = new Int32Array(n);
    const nodeWord = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      childRune[i] = runeOf[order[i]!]!;
      nodeWord[i] = trie.nodeWord[order[i]!]!;
    }
    return new CsrTrie(n, first, childRune, nodeWord);
  }
}

/** A slot of {@link CsrTrie}'s pair table for a key (first << 16 | second). */
function pairSlot(key: number): number {
  const h = Math.imul(key, 0x9e3779b1);
  return (h ^ (h >>> 16)) >>> 0;
}

type Trie = HashTrie | CsrTrie;

/** The node `text[start, end)` leads to in `trie`, or 0. */
function findIn(trie: Trie, text: string, start: number, end: number): number {
  let node = 0;
  for (let i = start; i < end; ) {
    const c = runeAt(text, i);
    i += c > 0xffff ? 2 : 1;
    node = trie.child(node, c);
    if (node === 0) return 0;
  }
  return node;
}

/** The code point at `i`; a lone surrogate reads as U+FFFD (as nodejieba's UTF-8 conversion makes it). */
function runeAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  if (c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return 0xfffd;
}

/** The code point of the last code unit of a range: a high surrogate there is cut from its pair, so U+FFFD. */
function runeBefore(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? 0xfffd : runeAt(text, i);
}

/**
 * An HMM's emission log-probabilities by code point: one row of four (B E M S) side by side for
 * each character the model has (some 7,000 in 224 kB, not four tables of all 65,536), row 0 all
 * MIN_DOUBLE for the rest. `offset` gives where a code point's row starts.
 */
class Emissions {
  private offsetOf: Int32Array = new Int32Array(0x10000);
  private astral = new Map<number, number>();
  rows: Float64Array = new Float64Array(STATES * 1024).fill(MIN_DOUBLE);
  private count = 1;

  /** Where `rune`'s four numbers start in `rows` (0: the row of MIN_DOUBLE). */
  offset(rune: number): number {
    return rune < 0x10000 ? this.offsetOf[rune]! : (this.astral.get(rune) ?? 0);
  }

  set(rune: number, state: number, p: number): void {
    let at = this.offset(rune);
    if (at === 0) {
      at = this.count++ * STATES;
      if (at + STATES > this.rows.length) {
        const grown = new Float64Array(this.rows.length * 2).fill(MIN_DOUBLE);
        grown.set(this.rows);
        this.rows = grown;
      }
      if (rune < 0x10000) this.offsetOf[rune] = at;
      else this.astral.set(rune, at);
    }
    this.rows[at + state] = p;
  }

  /** Each code point with its row's offset. */
  forEach(visit: (rune: number, at: number) => void): void {
    for (let rune = 0; rune < 0x10000; rune++) if (this.offsetOf[rune] !== 0) visit(rune, this.offsetOf[rune]!);
    for (const [rune, at] of this.astral) visit(rune, at);
  }
}

/** cppjieba's HMM (hmm_model.utf8): start, transition and emission log-probabilities. */
interface Hmm {
  start: Float64Array;
  /** transition[from * 4 + to] */
  transition: Float64Array;
  emissions: Emissions;
}

/** Reads hmm_model.utf8 as cppjieba's HMMModel does: blank and # lines skipped, then 1 + 4 + 4 lines. */
export function parseHmm(source: string): Hmm {
  const lines = source
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith("#"));
  if (lines.length < 9) throw new JiebaDataError(`an HMM model has 9 lines of numbers, this one ${lines.length}`);
  const numbers = (line: string): Float64Array => {
    const parts = line.split(" ");
    if (parts.length !== STATES) throw new JiebaDataError(`an HMM model line has ${STATES} numbers: ${line.slice(0, 80)}`);
    return Float64Array.from(parts, Number);
  };
  const start = numbers(lines[0]!);
  const transition = new Float64Array(STATES * STATES);
  for (let i = 0; i < STATES; i++) transition.set(numbers(lines[1 + i]!), i * STATES);
  const emissions = new Emissions();
  for (let state = 0; state < STATES; state++) {
    for (const pair of lines[5 + state]!.split(",")) {
      const colon = pair.lastIndexOf(":");
      const rune = pair.codePointAt(0)!;
      if (colon <= 0 || (rune > 0xffff ? 2 : 1) !== colon) throw new JiebaDataError(`an HMM emission is "character:number": ${pair.slice(0, 40)}`);
      emissions.set(rune, state, Number(pair.slice(colon + 1)));
    }
  }
  return { start, transition, emissions };
}

const TABLE_MAGIC = 0x544a4b59; // "YKJT"
/** Bumped when the tables' layout or what they hold changes. */
const TABLE_VERSION = 1;
const TABLE_HEADER = 8; // 32-bit integers
const TABLE_DOUBLES = 23; // total, least and median weight, 4 start, 16 transition probabilities

/**
 * FNV-1a over the three files the tables come from (their lengths and every 16th byte: any
 * change of the dictionary's words or counts moves one or the other): tables of other files are
 * not used.
 */
function inputsHash(...files: Uint8Array[]): number {
  let h = 0x811c9dc5;
  for (const bytes of files) {
    h = Math.imul(h ^ bytes.length, 0x01000193);
    for (let i = 0; i < bytes.length; i += 16) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  }
  return h | 0;
}

/** Scratch kept from text to text, in characters: a longer text's is dropped after it (tokensInChunks gives 2,000 at most). */
const SCRATCH_KEPT = 1 << 16;

/** Where a word's tag comes from when the dictionary lists it without one: cppjieba's rule for unknown words. */
export const NO_TAG = -1;

/**
 * jieba's dictionary and HMM, and its mixed segmentation over them. Build it with
 * the bytes of three files: the dictionary ("word count tag" a line), the user dictionary ("word",
 * "word tag" or "word count tag"), hmm_model.utf8.
 */
export class JiebaSegmentation {
  private trie!: Trie;
  private weight: Float64Array = new Float64Array(0);
  private counts: Float64Array = new Float64Array(0);
  private tagOfWord: Int32Array = new Int32Array(0);
  private words = 0;
  /** Tag strings by id. */
  readonly tagNames: string[] = [];
  private tagIds = new Map<string, number>();
  private minWeight = 0;
  private medianWeight = 0;
  private freqSum = 0;
  /** One-character words of the user dictionary file: cppjieba keeps them from the HMM. */
  private userSingles = new Set<number>();
  private hmm!: Hmm;

  // scratch, reused from text to text
  private runes: Int32Array = new Int32Array(256);
  private unitAt: Int32Array = new Int32Array(257); // rune index → code-unit offset (one past the end too)
  private routeWeight: Float64Array = new Float64Array(256);
  private routeEnd: Int32Array = new Int32Array(256);
  private routeWord: Int32Array = new Int32Array(256);
  private viterbiWeight: Float64Array = new Float64Array(1024);
  private viterbiPath: Int8Array = new Int8Array(1024);
  private out: Segmentation = { count: 0, starts: new Int32Array(256), ends: new Int32Array(256), tags: new Int32Array(256), words: new Int32Array(256) };

  /**
   * The tables from the three files, or from `tables` (what {@link serialize} wrote for the same
   * three files: a build step writes dist/jieba-tables.bin) when it is that: a few typed-array
   * views instead of reading 213,000 lines and 35,000 numbers. Tables of other files are ignored.
   */
  constructor(dictionary: Uint8Array, userDictionary: Uint8Array, hmmModel: Uint8Array, tables?: Uint8Array) {
    const hash = inputsHash(dictionary, userDictionary, hmmModel);
    const loaded = tables !== undefined && this.loadTables(tables, hash);
    if (!loaded) {
      const utf8 = new TextDecoder();
      this.hmm = parseHmm(utf8.decode(hmmModel));
      this.trie = new HashTrie(Math.ceil(dictionary.length / 6));
      this.loadDictionary(dictionary);
      this.loadUserDictionary(utf8.decode(userDictionary));
    }
    this.inputs = hash;
  }

  /** The hash of the three files the tables were built from. */
  private inputs: number;

  /** A trie that takes new words (the read-only one from the tables is made a hash trie on the first). */
  private writableTrie(): HashTrie {
    if (this.trie instanceof CsrTrie) this.trie = HashTrie.fromCsr(this.trie);
    return this.trie;
  }

  /**
   * The tables as bytes for the constructor's `tables`: header, then doubles (the dictionary's
   * total, least and median weight, the HMM's start and transitions, the words' counts and
   * weights (a user word's is not its count's), the HMM's emissions as code point and four numbers), then 32-bit integers (the compact trie, the words'
   * tags, the user dictionary's one-character words), then the tag names as JSON.
   */
  serialize(): Uint8Array {
    const trie = this.trie instanceof CsrTrie ? this.trie : CsrTrie.fromHashTrie(this.trie);
    const { start, transition, emissions } = this.hmm;
    const emitted: number[] = [];
    emissions.forEach((rune, at) => emitted.push(rune, ...emissions.rows.subarray(at, at + STATES)));
    const names = new TextEncoder().encode(JSON.stringify(this.tagNames));
    const singles = [...this.userSingles];
    const n = trie.nodeCount;
    const doubles = [this.freqSum, this.minWeight, this.medianWeight, ...start, ...transition];
    const doubleCount = TABLE_DOUBLES + 2 * this.words + emitted.length;
    const intCount = n + 1 + n + n + this.words + singles.length;
    const bytes = new Uint8Array(TABLE_HEADER * 4 + doubleCount * 8 + intCount * 4 + names.length);
    const header = new Int32Array(bytes.buffer, 0, TABLE_HEADER);
    header.set([TABLE_MAGIC, TABLE_VERSION, this.inputs, n, this.words, names.length, singles.length, emitted.length / 5]);
    const f = new Float64Array(bytes.buffer, TABLE_HEADER * 4, doubleCount);
    f.set(doubles);
    f.set(this.counts.subarray(0, this.words), TABLE_DOUBLES);
    f.set(this.weight.subarray(0, this.words), TABLE_DOUBLES + this.words);
    f.set(emitted, TABLE_DOUBLES + 2 * this.words);
    const ints = new Int32Array(bytes.buffer, TABLE_HEADER * 4 + doubleCount * 8, intCount);
    let at = 0;
    for (const part of [trie.first.subarray(0, n + 1), trie.childRune.subarray(0, n), trie.nodeWord.subarray(0, n), this.tagOfWord.subarray(0, this.words), Int32Array.from(singles)]) {
      ints.set(part, at);
      at += part.length;
    }
    bytes.set(names, TABLE_HEADER * 4 + doubleCount * 8 + intCount * 4);
    return bytes;
  }

  /** The tables from {@link serialize}'s bytes, if they are of these inputs. */
  private loadTables(source: Uint8Array, hash: number): boolean {
    if (source.byteLength < TABLE_HEADER * 4) return false;
    // typed-array views need aligned offsets: a Buffer may sit anywhere in a shared pool
    const bytes = source.byteOffset % 8 === 0 ? source : new Uint8Array(source);
    const header = new Int32Array(bytes.buffer, bytes.byteOffset, TABLE_HEADER);
    const [magic, version, inputs, n, words, namesLength, singleCount, emittedCount] = header as unknown as number[];
    if (magic !== TABLE_MAGIC || version !== TABLE_VERSION || inputs !== hash) return false;
    const doubleCount = TABLE_DOUBLES + 2 * words! + emittedCount! * 5;
    const intCount = n! + 1 + n! + n! + words! + singleCount!;
    if (bytes.byteLength !== TABLE_HEADER * 4 + doubleCount * 8 + intCount * 4 + namesLength!) return false;
    const f = new Float64Array(bytes.buffer, bytes.byteOffset + TABLE_HEADER * 4, doubleCount);
    this.freqSum = f[0]!;
    this.minWeight = f[1]!;
    this.medianWeight = f[2]!;
    const emissions = new Emissions();
    for (let k = TABLE_DOUBLES + 2 * words!; k < doubleCount; k += 5) for (let y = 0; y < STATES; y++) emissions.set(f[k]!, y, f[k + 1 + y]!);
    this.hmm = { start: f.slice(3, 7), transition: f.slice(7, 23), emissions };
    this.counts = f.subarray(TABLE_DOUBLES, TABLE_DOUBLES + words!);
    this.weight = f.subarray(TABLE_DOUBLES + words!, TABLE_DOUBLES + 2 * words!);
    this.words = words!;
    const ints = new Int32Array(bytes.buffer, bytes.byteOffset + TABLE_HEADER * 4 + doubleCount * 8, intCount);
    let at = 0;
    const take = (length: number) => ints.subarray(at, (at += length));
    const trie = new CsrTrie(n!, take(n! + 1), take(n!), take(n!));
    trie.weigh(this.weight, this.minWeight);
    this.trie = trie;
    this.tagOfWord = take(words!);
    for (const rune of take(singleCount!)) this.userSingles.add(rune);
    const names = JSON.parse(new TextDecoder().decode(bytes.subarray(bytes.byteLength - namesLength!))) as string[];
    for (const name of names) this.tagId(name);
    return true;
  }

  private tagId(tag: string): number {
    let id = this.tagIds.get(tag);
    if (id === undefined) {
      id = this.tagNames.length;
      this.tagNames.push(tag);
      this.tagIds.set(tag, id);
    }
    return id;
  }

  private addWord(text: string, start: number, end: number, weight: number, count: number, tag: string): void {
    const node = this.writableTrie().insert(text, start, end);
    const id = this.words++;
    if (id >= this.weight.length) {
      this.weight = grownFloat64(this.weight, id + 1);
      this.counts = grownFloat64(this.counts, id + 1);
      this.tagOfWord = grownInt32(this.tagOfWord, id + 1);
    }
    this.weight[id] = weight;
    this.counts[id] = count;
    this.tagOfWord[id] = tag === "" ? NO_TAG : this.tagId(tag);
    this.trie.nodeWord[node] = id + 1; // a later line wins, as in cppjieba's trie
  }

  /**
   * DictTrie::LoadDict, CalcFreqSum, CalculateWeight and SetStaticWordWeights, read from the
   * file's UTF-8 bytes straight into the trie (no string per line: this is most of a cold start).
   */
  private loadDictionary(bytes: Uint8Array): void {
    const lineError = (at: number): JiebaDataError => {
      let end = at;
      while (end < bytes.length && bytes[end] !== 0x0a && end - at < 120) end++;
      return new JiebaDataError(`a dictionary line is "word count tag" (a positive count): ${new TextDecoder().decode(bytes.subarray(at, end))}`);
    };
    const tagIdOfKey = new Map<number, number>();
    let nodes: Int32Array = new Int32Array(1 << 18);
    let counts: Float64Array = new Float64Array(1 << 18);
    let lines = 0;
    const n = bytes.length;
    for (let at = 0; at < n; ) {
      const lineStart = at;
      // the word, decoded to code points on the way down the trie
      let node = 0;
      while (at < n && bytes[at] !== 0x20 && bytes[at] !== 0x0a) {
        const b0 = bytes[at]!;
        let rune: number;
        if (b0 < 0x80) rune = b0, at += 1;
        else if (b0 < 0xe0) rune = ((b0 & 0x1f) << 6) | (bytes[at + 1]! & 0x3f), at += 2;
        else if (b0 < 0xf0) rune = ((b0 & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f), at += 3;
        else rune = ((b0 & 0x07) << 18) | ((bytes[at + 1]! & 0x3f) << 12) | ((bytes[at + 2]! & 0x3f) << 6) | (bytes[at + 3]! & 0x3f), at += 4;
        node = (this.trie as HashTrie).insertRune(node, rune);
      }
      if (node === 0 || bytes[at] !== 0x20) throw lineError(lineStart);
      const countStart = ++at;
      let count = 0;
      while (at < n && bytes[at]! >= 0x30 && bytes[at]! <= 0x39) count = count * 10 + (bytes[at++]! - 0x30);
      if (at < n && bytes[at] !== 0x20) {
        // not an integer: atof of the column
        while (at < n && bytes[at] !== 0x20 && bytes[at] !== 0x0a) at++;
        count = Number.parseFloat(new TextDecoder().decode(bytes.subarray(countStart, at)));
      }
      if (!(count > 0) || bytes[at] !== 0x20) throw lineError(lineStart);
      // the tag: a few ASCII letters, packed into a number to find its id without a string
      const tagStart = ++at;
      let key = 0;
      while (at < n && bytes[at] !== 0x0a && bytes[at] !== 0x0d) {
        if (bytes[at] === 0x20) throw lineError(lineStart);
        key = key * 131 + bytes[at++]!;
      }
      const tagEnd = at;
      if (bytes[at] === 0x0d) at++;
      at++; // the newline
      let tag = tagEnd - tagStart <= 6 ? tagIdOfKey.get(key) : undefined;
      if (tag === undefined) {
        const name = new TextDecoder().decode(bytes.subarray(tagStart, tagEnd));
        tag = name === "" ? NO_TAG : this.tagId(name);
        if (tagEnd - tagStart <= 6) tagIdOfKey.set(key, tag);
      }
      if (lines === nodes.length) {
        nodes = grownInt32(nodes, lines + 1);
        counts = grownFloat64(counts, lines + 1);
      }
      nodes[lines] = node;
      counts[lines] = count;
      this.tagOfWord = grownInt32(this.tagOfWord, lines + 1);
      this.tagOfWord[lines++] = tag;
    }
    if (lines === 0) throw new JiebaDataError("the dictionary is empty");
    let sum = 0;
    for (let i = 0; i < lines; i++) sum += counts[i]!;
    this.freqSum = sum;
    // weights rise with counts: the least and the median weight are those of the least and median count
    const sorted = counts.slice(0, lines).sort();
    this.minWeight = Math.log(sorted[0]! / sum);
    this.medianWeight = Math.log(sorted[lines >> 1]! / sum);
    this.weight = new Float64Array(lines);
    this.counts = counts;
    for (let i = 0; i < lines; i++) {
      this.weight[i] = Math.log(counts[i]! / sum);
      this.trie.nodeWord[nodes[i]!] = i + 1; // a later line wins, as in cppjieba's trie
    }
    this.words = lines;
  }

  /** DictTrie::LoadUserDict: a word alone or with a tag weighs the median; with a count, its own. */
  private loadUserDictionary(text: string): void {
    for (const raw of text.split("\n")) {
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (line.length === 0) continue;
      const parts = line.split(" ");
      const word = parts[0]!;
      if (word.length === 0) continue;
      if (parts.length === 1) this.addWord(word, 0, word.length, this.medianWeight, 0, "");
      else if (parts.length === 2) this.addWord(word, 0, word.length, this.medianWeight, 0, parts[1]!);
      else if (parts.length === 3) {
        const count = Number.parseInt(parts[1]!, 10) || 0;
        this.addWord(word, 0, word.length, Math.log(count / this.freqSum), count, parts[2]!);
      } else continue;
      const first = runeAt(word, 0);
      if (word.length === (first > 0xffff ? 2 : 1)) this.userSingles.add(first);
    }
  }

  /** Jieba::InsertUserWord: the median weight, and the tag given (nodejieba's default "x"). The count a listed word had stays. */
  insertWord(word: string, tag = "x"): void {
    if (word.length === 0) return;
    this.addWord(word, 0, word.length, this.medianWeight, this.count(word), tag);
  }

  private wordAt(text: string, start: number, end: number): number {
    const node = findIn(this.trie, text, start, end);
    return node === 0 ? -1 : this.trie.nodeWord[node]! - 1;
  }

  /** jieba's count of a word (0: not listed). */
  count(word: string): number {
    const id = this.wordAt(word, 0, word.length);
    return id < 0 ? 0 : this.counts[id]!;
  }

  private push(start: number, end: number, word: number): void {
    const out = this.out;
    if (out.count === out.starts.length) {
      out.starts = grownInt32(out.starts, out.count + 1);
      out.ends = grownInt32(out.ends, out.count + 1);
      out.tags = grownInt32(out.tags, out.count + 1);
      out.words = grownInt32(out.words, out.count + 1);
    }
    out.starts[out.count] = start;
    out.ends[out.count] = end;
    out.words[out.count] = word;
    out.tags[out.count++] = word < 0 ? NO_TAG : this.tagOfWord[word]!;
  }

  /** A word of runes [from, to): offsets from the rune table, the word looked up. */
  private pushRunes(text: string, from: number, to: number): void {
    const start = this.unitAt[from]!;
    const end = this.unitAt[to]!;
    this.push(start, end, this.wordAt(text, start, end));
  }

  /** Strings of dictionary words met, by word id: a text's words are mostly these, made once. */
  private wordStrings: (string | undefined)[] = [];

  /**
   * `text.slice(start, end)`, which is dictionary word `word` (≥ 0): the string made for it before
   * when it has the same code units (a lone surrogate and U+FFFD are the same word, not the same text).
   */
  wordText(word: number, text: string, start: number, end: number): string {
    if (word >= this.wordStrings.length) {
      // one allocation for all the words (an array grown index by index far past its end turns slow)
      const grown = new Array<string | undefined>(Math.max(this.words, word + 1));
      this.wordStrings.forEach((w, i) => (grown[i] = w));
      this.wordStrings = grown;
    }
    const known = this.wordStrings[word];
    if (known !== undefined && known.length === end - start) {
      let same = true;
      for (let i = 0; i < known.length && same; i++) same = known.charCodeAt(i) === text.charCodeAt(start + i);
      if (same) return known;
    }
    const made = text.slice(start, end);
    this.wordStrings[word] = made;
    return made;
  }

  /**
   * The words of `text` (or of its range [from, to): what `cut` gives for that slice, with offsets
   * into the whole text) as `cut(text, true)` gives them, as offsets and tag ids in arrays reused
   * by the next call (copy what you keep).
   */
  segment(text: string, from = 0, to = text.length): Segmentation {
    if (this.out.starts.length > SCRATCH_KEPT) {
      // the last text's words were many: let them go
      this.out = { count: 0, starts: new Int32Array(256), ends: new Int32Array(256), tags: new Int32Array(256), words: new Int32Array(256) };
    }
    this.out.count = 0;
    // runes: code points, a lone surrogate read as U+FFFD; offsets stay the whole text's
    const n = to - from;
    if (this.runes.length < n) {
      const size = Math.max(n, Math.min(2 * this.runes.length, SCRATCH_KEPT));
      this.runes = new Int32Array(size);
      this.unitAt = new Int32Array(size + 1);
      this.routeWeight = new Float64Array(size);
      this.routeEnd = new Int32Array(size);
      this.routeWord = new Int32Array(size);
    }
    const runes = this.runes;
    const unitAt = this.unitAt;
    let count = 0;
    for (let i = from; i < to; ) {
      const c = i + 1 === to ? runeBefore(text, i) : runeAt(text, i);
      runes[count] = c;
      unitAt[count++] = i;
      i += c > 0xffff ? 2 : 1;
    }
    unitAt[count] = to;
    // PreFilter: a separator is a piece of its own, the text between separators another
    for (let begin = 0; begin < count; ) {
      let end = begin;
      if (isSeparator(runes[begin]!)) end = begin + 1;
      else while (end < count && !isSeparator(runes[end]!)) end++;
      this.mixCut(text, begin, end);
      begin = end;
    }
    if (this.runes.length > SCRATCH_KEPT) this.releaseScratch();
    return this.out;
  }

  /** After a huge text (24 bytes a character, more for the HMM), the scratch goes back to a usual size. */
  private releaseScratch(): void {
    this.runes = new Int32Array(SCRATCH_KEPT);
    this.unitAt = new Int32Array(SCRATCH_KEPT + 1);
    this.routeWeight = new Float64Array(SCRATCH_KEPT);
    this.routeEnd = new Int32Array(SCRATCH_KEPT);
    this.routeWord = new Int32Array(SCRATCH_KEPT);
    this.viterbiWeight = new Float64Array(SCRATCH_KEPT);
    this.viterbiPath = new Int8Array(SCRATCH_KEPT);
  }

  /** MPSegment's route, then MixSegment: runs of single characters to the HMM. */
  private mixCut(text: string, begin: number, end: number): void {
    this.route(begin, end);
    const { routeEnd, routeWord, runes } = this;
    for (let i = begin; i < end; ) {
      const stop = routeEnd[i]!;
      if (stop - i > 1 || this.userSingles.has(runes[i]!)) {
        const word = routeWord[i]!;
        this.push(this.unitAt[i]!, this.unitAt[stop]!, word);
        i = stop;
        continue;
      }
      let j = i;
      while (j < end && routeEnd[j] === j + 1 && !this.userSingles.has(runes[j]!)) j++;
      this.hmmCut(text, i, j);
      i = j;
    }
  }

  /** MPSegment::CalcDP over the DAG of dictionary words, right to left; ties go to the shorter word. */
  private route(begin: number, end: number): void {
    const { runes, routeWeight, routeEnd, routeWord, weight, trie } = this;
    if (trie instanceof CsrTrie && trie.weighted) {
      trie.route(runes, begin, end, routeWeight, routeEnd, routeWord);
      return;
    }
    const nodeWord = trie.nodeWord;
    const minWeight = this.minWeight;
    for (let i = end - 1; i >= begin; i--) {
      let node = trie.child(0, runes[i]!);
      let word = node === 0 ? -1 : nodeWord[node]! - 1;
      let best = (i + 1 < end ? routeWeight[i + 1]! : 0) + (word >= 0 ? weight[word]! : minWeight);
      let bestEnd = i + 1;
      let bestWord = word;
      for (let j = i + 1; node !== 0 && j < end && j - i + 1 <= MAX_WORD_LENGTH; j++) {
        // (the second character through the pair table: most of the route's look-ups)
        node = j === i + 1 ? trie.child2(runes[i]!, runes[j]!) : trie.child(node, runes[j]!);
        if (node === 0) break;
        word = nodeWord[node]! - 1;
        if (word < 0) continue;
        const value = (j + 1 < end ? routeWeight[j + 1]! : 0) + weight[word]!;
        if (value > best) {
          best = value;
          bestEnd = j + 1;
          bestWord = word;
        }
      }
      routeWeight[i] = best;
      routeEnd[i] = bestEnd;
      routeWord[i] = bestWord;
    }
  }

  /** HMMSegment::Cut: ASCII by rule (letters then letters or digits; digits and dots; else one character), the rest by Viterbi. */
  private hmmCut(text: string, begin: number, end: number): void {
    const runes = this.runes;
    let left = begin;
    let right = begin;
    while (right < end) {
      const c = runes[right]!;
      if (c >= 0x80) {
        right++;
        continue;
      }
      if (left !== right) this.viterbiCut(text, left, right);
      left = right;
      right = left + 1;
      if (isAsciiLetter(c)) while (right < end && (isAsciiLetter(runes[right]!) || isAsciiDigit(runes[right]!))) right++;
      else if (isAsciiDigit(c)) while (right < end && (isAsciiDigit(runes[right]!) || runes[right] === 0x2e)) right++;
      this.pushRunes(text, left, right);
      left = right;
    }
    if (left !== right) this.viterbiCut(text, left, right);
  }

  /** HMMSegment::Viterbi over B E M S, then a word after each E or S. */
  private viterbiCut(text: string, begin: number, end: number): void {
    const X = end - begin;
    if (this.viterbiWeight.length < X * STATES) {
      const size = Math.max(X * STATES, Math.min(2 * this.viterbiWeight.length, SCRATCH_KEPT));
      this.viterbiWeight = new Float64Array(size);
      this.viterbiPath = new Int8Array(size);
    }
    const { viterbiWeight: weight, viterbiPath: path, runes } = this;
    const { start, transition, emissions } = this.hmm;
    const rows = emissions.rows;
    const first = emissions.offset(runes[begin]!);
    for (let y = 0; y < STATES; y++) {
      weight[y * X] = start[y]! + rows[first + y]!;
      path[y * X] = -1;
    }
    for (let x = 1; x < X; x++) {
      const row = emissions.offset(runes[begin + x]!);
      for (let y = 0; y < STATES; y++) {
        const emitted = rows[row + y]!;
        let best = MIN_DOUBLE;
        let from = E;
        for (let p = 0; p < STATES; p++) {
          const value = weight[x - 1 + p * X]! + transition[p * STATES + y]! + emitted;
          if (value > best) {
            best = value;
            from = p;
          }
        }
        weight[x + y * X] = best;
        path[x + y * X] = from;
      }
    }
    let state = weight[X - 1 + E * X]! >= weight[X - 1 + S * X]! ? E : S;
    // the states, last to first, into routeEnd's slots of this run (free again: the route is read)
    const status = this.routeEnd;
    for (let x = X - 1; x >= 0; x--) {
      status[begin + x] = state;
      state = path[x + state * X]!;
    }
    let left = begin;
    for (let x = 0; x < X; x++) {
      if (status[begin + x]! % 2 === 1) {
        this.pushRunes(text, left, begin + x + 1);
        left = begin + x + 1;
      }
    }
  }
}
