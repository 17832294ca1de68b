/**
 * The samples on the GPU: points as vec2f (8 bytes each) and labels packed 32
 * to a u32, so a step reads a little over 8 bytes a sample. The buffers keep
 * room for more points than they hold, so a point added by a click is one
 * small write, not a new upload of everything.
 */
import type { Dataset } from '../model/dataset';
import type { SampleChange } from '../model/edit';

/** GPU bytes the largest buffer needs for n samples. */
export function sampleStorageBytes(n: number): number {
  return Math.max(16, n * 8);
}

/** Room for n samples and some added by hand: 1/16 more, at least 256, within `maxBytes`. */
export function sampleCapacity(n: number, maxBytes: number): number {
  return Math.max(n, Math.min(n + Math.max(256, Math.ceil(n / 16)), Math.floor(maxBytes / 8)));
}

/** Labels as bits: sample i is bit i % 32 of word ⌊i / 32⌋. */
export function packLabels(targets: Uint8Array, capacity = targets.length): Uint32Array {
  const words = new Uint32Array(Math.max(1, Math.ceil(capacity / 32)));
  for (let i = 0; i < targets.length; i++) {
    if (targets[i] === 1) words[i >>> 5] = (words[i >>> 5]! | (1 << (i & 31))) >>> 0;
  }
  return words;
}

export class SampleBuffers {
  readonly points: GPUBuffer;
  readonly labels: GPUBuffer;
  /** Samples held (the kernels read the first n). */
  n: number;
  readonly capacity: number;
  /** The packed labels as uploaded: an edit rewrites the one word it changes. */
  private readonly words: Uint32Array;

  constructor(
    private readonly device: GPUDevice,
    data: Dataset,
    maxBytes: number,
  ) {
    this.n = data.targets.length;
    this.capacity = sampleCapacity(this.n, maxBytes);
    this.words = packLabels(data.targets, this.capacity);
    this.points = device.createBuffer({
      label: `samples: ${this.n} of ${this.capacity} points (vec2f)`,
      size: sampleStorageBytes(this.capacity),
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    });
    this.labels = device.createBuffer({
      label: `samples: ${this.n} of ${this.capacity} labels (bits)`,
      size: Math.max(16, this.words.byteLength),
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
    });
    device.queue.writeBuffer(this.points, 0, Float32Array.from(data.points));
    device.queue.writeBuffer(this.labels, 0, this.words);
  }

  /**
   * Brings the buffers to `data`, which differ from what they hold by
   * `change`: a few small writes. False when the data outgrow the capacity
   * (nothing written then: upload anew).
   */
  edit(data: Dataset, change: SampleChange): boolean {
    const n = data.targets.length;
    if (n > this.capacity) return false;
    if (change.kind === 'append') this.writeSample(data, n - 1);
    else {
      // The last sample moved into `index`; the old last slot is past the end now: clear its bit.
      if (change.index < n) this.writeSample(data, change.index);
      this.setLabel(n, 0);
    }
    this.n = n;
    return true;
  }

  destroy(): void {
    this.points.destroy();
    this.labels.destroy();
  }

  private writeSample(data: Dataset, i: number): void {
    this.device.queue.writeBuffer(this.points, i * 8, Float32Array.of(data.points[2 * i]!, data.points[2 * i + 1]!));
    this.setLabel(i, data.targets[i]!);
  }

  private setLabel(i: number, t: number): void {
    const word = i >>> 5;
    const bit = 1 << (i & 31);
    this.words[word] = (t === 1 ? this.words[word]! | bit : this.words[word]! & ~bit) >>> 0;
    this.device.queue.writeBuffer(this.labels, word * 4, this.words, word, 1);
  }
}
