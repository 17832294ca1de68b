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

/** Labels as bits: sample i is bit i % 32 of word ⌊i / 32⌋. Packs samples `from` … `to` − 1 into `words`. */
export function packLabels(targets: Uint8Array, words: Uint32Array, from = 0, to = targets.length): Uint32Array {
  for (let i = from; i < to; i++) {
    if (targets[i] === 1) words[i >>> 5] = (words[i >>> 5]! | (1 << (i & 31))) >>> 0;
  }
  return words;
}

/** Samples converted and written between two turns of the page: 2 MiB of points. */
const UPLOAD_SLICE = 1 << 18;

export class SampleBuffers {
  readonly points: GPUBuffer;
  readonly labels: GPUBuffer;
  /** Samples held (the kernels read the first n). */
  n: number;
  readonly capacity: number;
  /** The packed labels as uploaded: an edit rewrites the one word it changes. */
  private readonly words: Uint32Array;

  private constructor(
    private readonly device: GPUDevice,
    data: Dataset,
    maxBytes: number,
  ) {
    this.n = data.targets.length;
    this.capacity = sampleCapacity(this.n, maxBytes);
    this.words = new Uint32Array(Math.max(1, Math.ceil(this.capacity / 32)));
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
  }

  /**
   * Buffers holding `data`, written a slice at a time (32-bit floats, packed
   * labels) with `pause` between slices, so two million points never hold the
   * page for long.
   */
  static async create(
    device: GPUDevice,
    data: Dataset,
    maxBytes: number,
    pause: () => Promise<void>,
  ): Promise<SampleBuffers> {
    const buffers = new SampleBuffers(device, data, maxBytes);
    const n = data.targets.length;
    try {
      for (let from = 0; from < n; from += UPLOAD_SLICE) {
        const to = Math.min(n, from + UPLOAD_SLICE);
        device.queue.writeBuffer(buffers.points, from * 8, Float32Array.from(data.points.subarray(2 * from, 2 * to)));
        packLabels(data.targets, buffers.words, from, to);
        if (to < n) await pause();
      }
      device.queue.writeBuffer(buffers.labels, 0, buffers.words);
    } catch (error) {
      buffers.destroy();
      throw error;
    }
    return buffers;
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
    else if (change.kind === 'unswap') {
      this.writeSample(data, change.index);
      this.writeSample(data, n - 1);
    } else {
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
