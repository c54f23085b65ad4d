// A linear-chain CRF for the role model, L2-regularized, trained by L-BFGS on the whole batch.
//
// Why not the averaged perceptron it replaces: the perceptron's weights depend on the order it
// meets the pages, so each retrain (another shuffle, one feature more) moved the near-tied
// decisions — two-line headline groups flipped and broke the seed. The regularized likelihood has
// one optimum whatever the order, and the L2 term keeps a decision that the pages do not support
// near zero instead of wherever the last update left it.
//
// The lattice is the decoder's: roles a unit may take (its fixed role, no continuation after a
// unit that starts anew) and the grammar's legal successions; a gold succession the grammar
// forbids (the decoder restarts there too) cuts the page into segments, the one after the cut
// free to start with any role (no transition weight: a start's weights would learn a role the
// page's start may not take, and the gold path would fall outside the lattice).
/** How a unit follows the one before: in the chain, as the page's start, or free after a cut. */
const CHAINED = 0;
const PAGE_START = 1;
const FREE_START = 2;

/** Pages as the CRF reads them: features by index, the roles each unit may take, the gold roles. */
export function compile(examples, { N, allowedSuccession, mayTake }) {
  const index = new Map();
  const names = [];
  const idOf = (f) => {
    let id = index.get(f);
    if (id === undefined) {
      index.set(f, (id = names.length));
      names.push(f);
    }
    return id;
  };
  const allowed = new Uint8Array((N + 1) * N);
  for (let from = -1; from < N; from++) for (let to = 0; to < N; to++) allowed[(from + 1) * N + to] = allowedSuccession(from, to) ? 1 : 0;
  const pages = examples.map((ex) => {
    const n = ex.gold.length;
    const offsets = new Int32Array(n + 1);
    const ids = [];
    ex.features.forEach((fs, i) => {
      for (const f of fs) ids.push(idOf(f));
      offsets[i + 1] = ids.length;
    });
    const masks = new Uint16Array(n);
    const starts = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      masks[i] = mayTake(i, ex) | (1 << ex.gold[i]);
      const from = i === 0 ? -1 : ex.gold[i - 1];
      starts[i] = allowed[(from + 1) * N + ex.gold[i]] ? (i === 0 ? PAGE_START : CHAINED) : FREE_START;
    }
    return { n, offsets, ids: Int32Array.from(ids), masks, starts, gold: Int32Array.from(ex.gold), weight: ex.weight ?? 1 };
  });
  return { pages, names, allowed, N };
}

/**
 * The negative log-likelihood of the gold roles plus l2/2 · |θ|², and its gradient, for
 * θ = [feature weights (F × N) | transitions ((N + 1) × N, from -1 = a segment's start)].
 * `cost`: a number (softmax-margin, the same for every wrong role) or an N × N matrix by gold role
 * and role (0 on the diagonal).
 * Forward-backward in scaled probabilities (one normalizer a unit), emissions shifted by their
 * row's maximum before exp.
 */
export function objective(model, theta, grad, l2, cost = 0) {
  const { pages, names, allowed, N } = model;
  const F = names.length;
  const T0 = F * N;
  grad.fill(0);
  let loss = 0;
  const expT = new Float64Array((N + 1) * N);
  for (let k = 0; k < expT.length; k++) expT[k] = allowed[k] ? Math.exp(theta[T0 + k]) : 0;
  let cap = 0;
  let E = new Float64Array(0);
  let alpha = E;
  let beta = E;
  let scale = E;
  for (const p of pages) {
    const { n, offsets, ids, masks, starts, gold } = p;
    if (n * N > cap) {
      cap = n * N * 2;
      E = new Float64Array(cap);
      alpha = new Float64Array(cap);
      beta = new Float64Array(cap);
      scale = new Float64Array(cap / N);
    }
    // emissions (log space), then exp(e - rowmax) inside the mask, 0 outside
    let shift = 0;
    let goldScore = 0;
    for (let i = 0; i < n; i++) {
      const row = i * N;
      for (let r = 0; r < N; r++) E[row + r] = 0;
      for (let j = offsets[i]; j < offsets[i + 1]; j++) {
        const w = ids[j] * N;
        for (let r = 0; r < N; r++) E[row + r] += theta[w + r];
      }
      // softmax-margin: every wrong role scores `cost` more, so the gold must win by a margin; a
      // matrix (gold × role, N × N) asks a wider margin against some confusions than others
      if (typeof cost !== "number") for (let r = 0; r < N; r++) E[row + r] += cost[gold[i] * N + r];
      else if (cost > 0) for (let r = 0; r < N; r++) if (r !== gold[i]) E[row + r] += cost;
      goldScore += E[row + gold[i]];
      if (starts[i] !== FREE_START) goldScore += theta[T0 + (starts[i] === PAGE_START ? 0 : (gold[i - 1] + 1) * N) + gold[i]];
      let max = -Infinity;
      for (let r = 0; r < N; r++) if (masks[i] & (1 << r) && E[row + r] > max) max = E[row + r];
      shift += max;
      for (let r = 0; r < N; r++) E[row + r] = masks[i] & (1 << r) ? Math.exp(E[row + r] - max) : 0;
    }
    // forward
    for (let i = 0; i < n; i++) {
      const row = i * N;
      let z = 0;
      for (let to = 0; to < N; to++) {
        const e = E[row + to];
        if (e === 0) {
          alpha[row + to] = 0;
          continue;
        }
        let s = 0;
        if (starts[i] === PAGE_START) s = expT[to];
        else if (starts[i] === FREE_START) s = 1;
        else for (let from = 0; from < N; from++) s += alpha[row - N + from] * expT[(from + 1) * N + to];
        const a = s * e;
        alpha[row + to] = a;
        z += a;
      }
      scale[i] = z;
      for (let to = 0; to < N; to++) alpha[row + to] /= z;
      loss += Math.log(z);
    }
    loss += shift - goldScore;
    // backward: beta[i][r] so that alpha·beta is the marginal
    for (let r = 0; r < N; r++) beta[(n - 1) * N + r] = 1;
    for (let i = n - 2; i >= 0; i--) {
      const row = i * N;
      const next = row + N;
      for (let from = 0; from < N; from++) {
        let s = 0;
        if (starts[i + 1]) {
          // a fresh segment after this unit: the rest does not depend on its role
          s = 1;
        } else {
          for (let to = 0; to < N; to++) {
            const e = E[next + to];
            if (e !== 0) s += expT[(from + 1) * N + to] * e * beta[next + to];
          }
          s /= scale[i + 1];
        }
        beta[row + from] = s;
      }
    }
    // gradient: expected counts − gold counts
    for (let i = 0; i < n; i++) {
      const row = i * N;
      const g = gold[i];
      for (let j = offsets[i]; j < offsets[i + 1]; j++) {
        const w = ids[j] * N;
        for (let r = 0; r < N; r++) grad[w + r] += alpha[row + r] * beta[row + r];
        grad[w + g] -= 1;
      }
      if (starts[i] === PAGE_START) {
        for (let to = 0; to < N; to++) grad[T0 + to] += alpha[row + to] * beta[row + to];
        grad[T0 + g] -= 1;
      } else if (starts[i] === CHAINED) {
        for (let from = 0; from < N; from++) {
          const a = alpha[row - N + from];
          if (a === 0) continue;
          for (let to = 0; to < N; to++) {
            const e = E[row + to];
            if (e === 0) continue;
            grad[T0 + (from + 1) * N + to] += (a * expT[(from + 1) * N + to] * e * beta[row + to]) / scale[i];
          }
        }
        grad[T0 + (gold[i - 1] + 1) * N + g] -= 1;
      }
    }
  }
  for (let k = 0; k < theta.length; k++) {
    loss += 0.5 * l2 * theta[k] * theta[k];
    grad[k] += l2 * theta[k];
  }
  return loss;
}

/** L-BFGS (two-loop recursion, backtracking line search): deterministic, no order to shuffle. */
export function lbfgs(f, x, { iterations = 200, memory = 10, tolerance = 1e-6, log = () => {} } = {}) {
  const n = x.length;
  let g = new Float64Array(n);
  let fx = f(x, g);
  const S = [];
  const Y = [];
  const rho = [];
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  for (let it = 1; it <= iterations; it++) {
    // d = -H g
    d.set(g);
    const alphas = [];
    for (let k = S.length - 1; k >= 0; k--) {
      const a = rho[k] * dot(S[k], d);
      alphas[k] = a;
      axpy(-a, Y[k], d);
    }
    if (S.length > 0) {
      const k = S.length - 1;
      const gamma = dot(S[k], Y[k]) / dot(Y[k], Y[k]);
      for (let j = 0; j < n; j++) d[j] *= gamma;
    } else {
      const norm = Math.sqrt(dot(g, g));
      for (let j = 0; j < n; j++) d[j] /= norm;
    }
    for (let k = 0; k < S.length; k++) {
      const b = rho[k] * dot(Y[k], d);
      axpy(alphas[k] - b, S[k], d);
    }
    for (let j = 0; j < n; j++) d[j] = -d[j];
    let slope = dot(g, d);
    if (slope >= 0) {
      // not a descent direction: start the memory afresh along the gradient
      S.length = Y.length = rho.length = 0;
      for (let j = 0; j < n; j++) d[j] = -g[j];
      slope = dot(g, d);
    }
    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < n; j++) xNew[j] = x[j] + step * d[j];
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < fx)) {
      log(it, fx, "no progress: stop", x);
      break;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      s[j] = xNew[j] - x[j];
      y[j] = gNew[j] - g[j];
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    const relative = (fx - fNew) / Math.max(1, Math.abs(fNew));
    x.set(xNew);
    [g, gNew] = [gNew, g];
    fx = fNew;
    log(it, fx, step, x);
    if (relative < tolerance) break;
  }
  return x;
}

function dot(a, b) {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}

function axpy(a, x, y) {
  for (let j = 0; j < x.length; j++) y[j] += a * x[j];
}
