// The role model's learner (scripts/crf.mjs, run by scripts/train-roles.mjs): its likelihood is
// the one of the decoder's lattice, and its gradient is the likelihood's.
import { describe, expect, it } from "vitest";
import { ROLES, allowedSuccession } from "../src/index.js";
import { compile, lbfgs, objective } from "../scripts/crf.mjs";

const N = ROLES.length;
const R = Object.fromEntries(ROLES.map((r, i) => [r, i])) as Record<string, number>;

/** A small deterministic generator (the tests must not depend on Math.random). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return a / 4294967296;
  };
}

// three short pages: a headline group and its body, a fixed byline, a gold succession the grammar
// forbids (kicker then body: the lattice starts afresh there)
const examples = [
  { features: [["a", "b"], ["b", "c"], ["c"], ["a", "c"]], gold: ["kicker", "headline", "body", "body+"], fixed: [null, null, null, null] },
  { features: [["b"], ["a"], ["c", "a"]], gold: ["headline", "byline", "body"], fixed: [null, "byline", null] },
  { features: [["a"], ["b", "b"], ["c"]], gold: ["kicker", "body", "subhead"], fixed: [null, null, null] },
  // a continuation after a cut (the page's start could not take it): still inside the lattice
  { features: [["c"], ["a", "b"], ["b"]], gold: ["subhead", "body+", "body"], fixed: [null, null, null] },
].map((ex) => ({ ...ex, gold: ex.gold.map((r) => R[r]!), starts: ex.gold.map(() => "free") }));

const mayTake = (i: number, ex: { fixed: (string | null)[] }) => (ex.fixed[i] ? 1 << R[ex.fixed[i]!]! : (1 << N) - 1);
const model = compile(examples, { N, allowedSuccession, mayTake });
const size = (model.names.length + N + 1) * N;

function randomTheta(seed: number) {
  const next = rng(seed);
  return Float64Array.from({ length: size }, () => next() * 2 - 1);
}

/** −log p(gold) by summing over every role sequence the lattice allows (pages of ≤ 4 units). */
function bruteForceLoss(theta: Float64Array): number {
  const T0 = model.names.length * N;
  let loss = 0;
  for (const p of model.pages) {
    const score = (roles: number[]) => {
      let s = 0;
      roles.forEach((r, i) => {
        for (let j = p.offsets[i]!; j < p.offsets[i + 1]!; j++) s += theta[p.ids[j]! * N + r]!;
        // a page's start has its row of transition weights, a cut none
        if (p.starts[i] !== 2) s += theta[T0 + (p.starts[i] === 1 ? 0 : (roles[i - 1]! + 1) * N) + r]!;
      });
      return s;
    };
    const legal = (roles: number[]) =>
      roles.every((r, i) => (p.masks[i]! & (1 << r)) !== 0 && (p.starts[i] === 2 || allowedSuccession(p.starts[i] === 1 ? -1 : roles[i - 1]!, r)));
    let z = 0;
    const walk = (roles: number[]) => {
      if (roles.length === p.n) {
        if (legal(roles)) z += Math.exp(score(roles));
        return;
      }
      for (let r = 0; r < N; r++) walk([...roles, r]);
    };
    walk([]);
    loss += Math.log(z) - score([...p.gold]);
  }
  return loss;
}

describe("the role model's CRF learner", () => {
  it("cuts a page where the gold succession is one the grammar forbids", () => {
    expect([...model.pages[2]!.starts]).toEqual([1, 2, 0]);
    expect([...model.pages[3]!.starts]).toEqual([1, 2, 0]);
    expect([...model.pages[0]!.starts]).toEqual([1, 0, 0, 0]);
  });

  it("computes the likelihood of the decoder's lattice (checked against every path)", () => {
    for (const seed of [1, 2, 3]) {
      const theta = randomTheta(seed);
      const grad = new Float64Array(size);
      expect(objective(model, theta, grad, 0)).toBeCloseTo(bruteForceLoss(theta), 8);
    }
  });

  it("gives the gradient of its objective (checked by finite differences)", () => {
    const theta = randomTheta(7);
    const grad = new Float64Array(size);
    const l2 = 0.3;
    objective(model, theta, grad, l2);
    const scratch = new Float64Array(size);
    const next = rng(11);
    for (let t = 0; t < 40; t++) {
      const k = Math.floor(next() * size);
      const h = 1e-5;
      const plus = Float64Array.from(theta);
      const minus = Float64Array.from(theta);
      plus[k]! += h;
      minus[k]! -= h;
      const numeric = (objective(model, plus, scratch, l2) - objective(model, minus, scratch, l2)) / (2 * h);
      expect(grad[k]!).toBeCloseTo(numeric, 5);
    }
  });

  it("takes a cost matrix: uniform it is the softmax-margin cost, and a margin against one confusion raises the loss of pages that allow it", () => {
    const theta = randomTheta(9);
    const grad = new Float64Array(size);
    const uniform = Float64Array.from({ length: N * N }, (_, k) => (Math.floor(k / N) === k % N ? 0 : 0.7));
    expect(objective(model, theta, grad, 0, uniform)).toBeCloseTo(objective(model, theta, new Float64Array(size), 0, 0.7), 10);
    const headAsBody = new Float64Array(N * N);
    headAsBody[R.headline! * N + R.body!] = 2;
    const plain = objective(model, theta, new Float64Array(size), 0);
    expect(objective(model, theta, new Float64Array(size), 0, headAsBody)).toBeGreaterThan(plain);
    // pages without a gold headline: a margin against a headline read as body costs them nothing
    const noHeadline = examples.filter((ex) => !ex.gold.includes(R.headline!));
    const m = compile(noHeadline, { N, allowedSuccession, mayTake });
    const t = new Float64Array((m.names.length + N + 1) * N).fill(0.1);
    expect(objective(m, t, new Float64Array(t.length), 0, headAsBody)).toBeCloseTo(objective(m, t, new Float64Array(t.length), 0), 10);
  });

  it("has a loss no lower than zero however large the weights grow", () => {
    const grad = new Float64Array(size);
    for (const seed of [4, 5]) expect(objective(model, randomTheta(seed).map((x) => 300 * x), grad, 0)).toBeGreaterThanOrEqual(0);
  });

  it("learns weights under which the gold roles are the most likely, whatever the order of the pages", () => {
    const fit = (pages: typeof examples) => {
      const m = compile(pages, { N, allowedSuccession, mayTake });
      const theta = new Float64Array((m.names.length + N + 1) * N);
      lbfgs((x: Float64Array, g: Float64Array) => objective(m, x, g, 0.1), theta, { iterations: 200, tolerance: 1e-12 });
      return { m, theta };
    };
    const a = fit(examples);
    const b = fit([...examples].reverse());
    const grad = new Float64Array(a.theta.length);
    expect(objective(a.m, a.theta, grad, 0.1)).toBeCloseTo(objective(b.m, b.theta, new Float64Array(b.theta.length), 0.1), 4);
    // the same feature's weights, whatever the order the names were met in
    for (const [k, name] of a.m.names.entries()) {
      const j = b.m.names.indexOf(name);
      for (let r = 0; r < N; r++) expect(a.theta[k * N + r]!).toBeCloseTo(b.theta[j * N + r]!, 2);
    }
  });
});
