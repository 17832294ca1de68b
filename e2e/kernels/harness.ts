/**
 * What the kernel tests reach inside the page: the engines, the session and
 * the model, as window.lp. Loaded by harness.html from the dev server, so the
 * tests run the very modules the app bundles.
 */
import { CpuEngine } from '../../src/engine/cpu-engine';
import { gridCoordinate } from '../../src/engine/engine';
import { GpuEngine } from '../../src/engine/gpu-engine';
import { type Dataset, datasetFromRows } from '../../src/model/dataset';
import { generateGaussians } from '../../src/model/gaussians';
import { tutorialDataset } from '../../src/model/tutorial-data';
import { TrainingSession } from '../../src/state/training-session';

/**
 * Two Gaussian classes with every coordinate exactly representable in f32,
 * so the CPU (f64) and the GPU (f32) see the same data. `reach` scales a few
 * points far out so that logits reach about ±reach at the test weights.
 */
function f32Dataset(n: number, seed: number, reach = 0): Dataset {
  const perClass = Math.ceil(n / 2);
  const source = generateGaussians({ mean0: [-1, 0.5], mean1: [1, -0.5], std: 1.3, perClass, seed });
  const points = new Float64Array(2 * n);
  const targets = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    // Interleave the classes so any prefix holds both.
    const j = i % 2 === 0 ? i / 2 : perClass + (i - 1) / 2;
    const far = reach > 0 && i % 97 === 5 ? reach / 3 : 1;
    points[2 * i] = Math.fround(source.points[2 * j]! * far);
    points[2 * i + 1] = Math.fround(source.points[2 * j + 1]! * far);
    targets[i] = source.targets[j]!;
  }
  return { points, targets };
}

/** Counts live GPU buffers by wrapping createBuffer and destroy. */
function trackBuffers(): { live: () => number; created: () => number; stop: () => void } {
  const live = new Set<GPUBuffer>();
  let created = 0;
  const create = GPUDevice.prototype.createBuffer;
  const destroy = GPUBuffer.prototype.destroy;
  GPUDevice.prototype.createBuffer = function (this: GPUDevice, descriptor: GPUBufferDescriptor) {
    const buffer = create.call(this, descriptor);
    live.add(buffer);
    created++;
    return buffer;
  };
  GPUBuffer.prototype.destroy = function (this: GPUBuffer) {
    live.delete(this);
    return destroy.call(this);
  };
  return {
    live: () => live.size,
    created: () => created,
    stop: () => {
      GPUDevice.prototype.createBuffer = create;
      GPUBuffer.prototype.destroy = destroy;
    },
  };
}

const api = {
  CpuEngine,
  GpuEngine,
  TrainingSession,
  tutorialDataset,
  datasetFromRows,
  gridCoordinate,
  f32Dataset,
  trackBuffers,
};

export type HarnessApi = typeof api;

declare global {
  interface Window {
    lp: HarnessApi;
  }
}

window.lp = api;
