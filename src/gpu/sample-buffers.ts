/**
 * The samples on the GPU: points as vec2f (8 bytes each) and labels packed 32
 * to a u32, so a step reads a little over 8 bytes a sample.
 */
import type { Dataset } from '../model/dataset';

/** GPU bytes the largest buffer needs for n samples. */
export function sampleStorageBytes(n: number): number {
  return Math.max(16, n * 8);
}

/** Labels as bits: sample i is bit i % 32 of word ⌊i / 32⌋. */
export function packLabels(targets: Uint8Array): Uint32Array {
  const words = new Uint32Array(Math.max(1, Math.ceil(targets.length / 32)));
  for (let i = 0; i < targets.length; i++) {
    if (targets[i] === 1) words[i >>> 5] = (words[i >>> 5]! | (1 << (i & 31))) >>> 0;
  }
  return words;
}

export class SampleBuffers {
  readonly points: GPUBuffer;
  readonly labels: GPUBuffer;
  readonly n: number;
  readonly positives: number;

  constructor(device: GPUDevice, data: Dataset) {
    this.n = data.targets.length;
    const points = Float32Array.from(data.points);
    const labels = packLabels(data.targets);
    this.positives = data.targets.reduce((a, t) => a + t, 0);
    this.points = device.createBuffer({
      label: `samples: ${this.n} points (vec2f)`,
      size: Math.max(16, points.byteLength),
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    });
    this.labels = device.createBuffer({
      label: `samples: ${this.n} labels (bits)`,
      size: Math.max(16, labels.byteLength),
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    });
    device.queue.writeBuffer(this.points, 0, points);
    device.queue.writeBuffer(this.labels, 0, labels);
  }

  destroy(): void {
    this.points.destroy();
    this.labels.destroy();
  }
}
