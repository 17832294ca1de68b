/**
 * The reference engine: the model in src/model run on the main thread in
 * double precision. It is what the page falls back to without WebGPU, and
 * what every GPU result is tested against.
 */
import type { Dataset } from '../model/dataset';
import { batchGradient } from '../model/minibatch';
import { applyGradient, evaluate, type Params } from '../model/regression';
import { batchSlot, epochKey, SHUFFLE_SEED, shuffleDomain } from '../model/shuffle';
import {
  type Engine,
  type EngineOptions,
  type GridSpec,
  gridCoordinate,
  type Snapshot,
  type TrainExtras,
  type TrainResult,
} from './engine';

export class CpuEngine implements Engine {
  readonly kind = 'cpu' as const;
  private data: Dataset = { points: new Float64Array(0), targets: new Uint8Array(0) };
  private params: Params = { w1: 0, w2: 0, b: 0 };
  private options: EngineOptions = { learningRate: 0.05, bias: false, reduction: 'sum', batchSize: 0 };
  /** Steps since the last setParams: drives the mini-batch schedule. */
  private step = 0;

  async setData(data: Dataset): Promise<void> {
    this.data = data;
    this.step = 0;
  }

  setParams(params: Params): void {
    this.params = params;
    this.step = 0;
  }

  setOptions(options: EngineOptions): void {
    this.options = options;
  }

  async train(steps: number, extras: TrainExtras = {}): Promise<TrainResult> {
    const path: Params[] = [];
    const losses: number[] = [];
    const n = this.data.targets.length;
    const { reduction, batchSize } = this.options;
    const miniBatch = batchSize > 0 && batchSize < n;
    const domain = shuffleDomain(n);
    for (let s = 0; s < steps; s++) {
      let gradient: Params;
      if (miniBatch) {
        const slot = batchSlot(this.step, n, batchSize);
        const result = batchGradient(
          this.data,
          this.params,
          reduction,
          slot,
          domain,
          epochKey(SHUFFLE_SEED, slot.epoch),
        );
        gradient = result.gradient;
        losses.push(result.cost);
      } else {
        const e = evaluate(this.data, this.params, reduction);
        gradient = e.gradient;
        losses.push(reduction === 'mean' ? e.meanCost : e.sumCost);
      }
      this.params = applyGradient(this.params, gradient, this.options);
      this.step++;
      path.push(this.params);
    }
    const final = await this.snapshot();
    if (!extras.probabilityGrid) return { path, losses, final };
    return { path, losses, final, probabilities: await this.probabilityGrid(extras.probabilityGrid) };
  }

  async snapshot(): Promise<Snapshot> {
    const e = evaluate(this.data, this.params, this.options.reduction);
    return {
      params: this.params,
      sumCost: e.sumCost,
      meanCost: e.meanCost,
      confusion: e.confusion,
      gradient: e.gradient,
    };
  }

  async costSurface(grid: GridSpec): Promise<Float32Array> {
    const out = new Float32Array(grid.size * grid.size);
    const { reduction } = this.options;
    for (let j = 0; j < grid.size; j++) {
      const w2 = gridCoordinate(grid.y, grid.size, j);
      for (let i = 0; i < grid.size; i++) {
        const w1 = gridCoordinate(grid.x, grid.size, i);
        const e = evaluate(this.data, { w1, w2, b: this.params.b }, reduction);
        out[j * grid.size + i] = reduction === 'mean' ? e.meanCost : e.sumCost;
      }
    }
    return out;
  }

  async probabilityGrid(grid: GridSpec): Promise<Float32Array> {
    const out = new Float32Array(grid.size * grid.size);
    const { w1, w2, b } = this.params;
    for (let j = 0; j < grid.size; j++) {
      const x2 = gridCoordinate(grid.y, grid.size, j);
      for (let i = 0; i < grid.size; i++) {
        const z = gridCoordinate(grid.x, grid.size, i) * w1 + x2 * w2 + b;
        out[j * grid.size + i] = 1 / (1 + Math.exp(-z));
      }
    }
    return out;
  }

  destroy(): void {
    this.data = { points: new Float64Array(0), targets: new Uint8Array(0) };
  }
}
