/**
 * The single-thread limit the engines are measured against: the benchmark's
 * full-batch step (x1, x2 and b, mean cost) as one plain loop over the typed
 * arrays, with the same per-sample work as the engines (σ, the residual, the
 * gradient's three sums, the cross-entropy and the count of right answers)
 * and nothing else: no feature map, no optimiser state, no path kept.
 */
import type { Dataset } from '../src/model/dataset';
import type { Params } from '../src/model/regression';

export class BareLoop {
  private w1: number;
  private w2: number;
  private b: number;
  /** Read after each run, so that no work is dead to the JIT. */
  lastCost = 0;
  lastCorrect = 0;

  constructor(
    private readonly data: Dataset,
    start: Params,
    private readonly learningRate: number,
  ) {
    this.w1 = start.w[0] ?? 0;
    this.w2 = start.w[1] ?? 0;
    this.b = start.b;
  }

  step(steps: number): void {
    const p = this.data.points;
    const t = this.data.targets;
    const n = t.length;
    const scale = this.learningRate / n;
    let { w1, w2, b } = this;
    let cost = 0;
    let correct = 0;
    for (let s = 0; s < steps; s++) {
      let g1 = 0;
      let g2 = 0;
      let gb = 0;
      cost = 0;
      correct = 0;
      for (let i = 0; i < n; i++) {
        const x1 = p[2 * i]!;
        const x2 = p[2 * i + 1]!;
        const ti = t[i]!;
        const z = w1 * x1 + w2 * x2 + b;
        const e = Math.exp(-Math.abs(z));
        const y = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        const r = y - ti;
        g1 += x1 * r;
        g2 += x2 * r;
        gb += r;
        cost += Math.max(z, 0) - ti * z + Math.log1p(e);
        if (z >= 0 === (ti === 1)) correct++;
      }
      w1 -= scale * g1;
      w2 -= scale * g2;
      b -= scale * gb;
    }
    this.w1 = w1;
    this.w2 = w2;
    this.b = b;
    this.lastCost = cost;
    this.lastCorrect = correct;
  }

  params(): Params {
    return { w: [this.w1, this.w2], b: this.b };
  }
}
