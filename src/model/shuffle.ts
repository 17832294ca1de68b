/**
 * A per-epoch shuffle that needs no stored permutation: a 4-round Feistel
 * network over the smallest even-bit power of two ≥ N, with cycle walking to
 * stay inside [0, N). It is a bijection for every key, so each epoch visits
 * every sample exactly once, and it is plain u32 arithmetic, so the WGSL
 * kernel (shaders/shuffle.wgsl) computes the very same order as this file.
 * Keep the two in step.
 */

/** A 32-bit integer hash ("lowbias32", Chris Wellons), identical in WGSL. */
export function hash32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export interface ShuffleDomain {
  readonly n: number;
  /** Bits of each Feistel half: 2^(2·halfBits) ≥ n. */
  readonly halfBits: number;
}

export function shuffleDomain(n: number): ShuffleDomain {
  let bits = 2;
  while (2 ** bits < n) bits += 2;
  return { n, halfBits: bits / 2 };
}

/** The key of one epoch; the GPU receives it as a uniform. */
export function epochKey(seed: number, epoch: number): number {
  return hash32((Math.imul(seed >>> 0, 0x9e3779b9) ^ hash32(epoch)) >>> 0);
}

function feistel(x: number, halfBits: number, key: number): number {
  const mask = (1 << halfBits) - 1;
  let left = x >>> halfBits;
  let right = x & mask;
  for (let round = 0; round < 4; round++) {
    const mixed = hash32((right ^ Math.imul(key, round + 1)) >>> 0) & mask;
    const next = (left ^ mixed) >>> 0;
    left = right;
    right = next;
  }
  return ((left << halfBits) | right) >>> 0;
}

/** The sample visited at position `position` (0 … n − 1) of the epoch with this key. */
export function shuffledIndex(position: number, domain: ShuffleDomain, key: number): number {
  let x = feistel(position, domain.halfBits, key);
  while (x >= domain.n) x = feistel(x, domain.halfBits, key);
  return x;
}

/** Where step `step` (0-based since the last reset) reads its batch. */
export interface BatchSlot {
  readonly epoch: number;
  /** First position in the epoch's shuffled order. */
  readonly start: number;
  /** Number of samples in the batch (the last batch of an epoch may be short). */
  readonly count: number;
}

/** The batch schedule: ⌈n / batchSize⌉ batches an epoch, each epoch freshly shuffled. */
export function batchSlot(step: number, n: number, batchSize: number): BatchSlot {
  const perEpoch = Math.ceil(n / batchSize);
  const epoch = Math.floor(step / perEpoch);
  const start = (step % perEpoch) * batchSize;
  return { epoch, start, count: Math.min(batchSize, n - start) };
}

/** Whether steps read mini-batches: a batch size is set and smaller than the data (0, or ≥ n, is the full batch). */
export function isMiniBatch(batchSize: number, n: number): boolean {
  return batchSize > 0 && batchSize < n;
}

/** The samples step `step` reads: all n for the full batch, else its batch's. */
export function batchCount(step: number, n: number, batchSize: number): number {
  return isMiniBatch(batchSize, n) ? batchSlot(step, n, batchSize).count : n;
}

/** The seed of the mini-batch shuffle: fixed, so every engine draws the same batches. */
export const SHUFFLE_SEED = 0x5eed;
