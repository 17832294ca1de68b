/**
 * The held-out test set: a share of the points the model never trains on,
 * to see whether what it learnt holds beyond them. A point is held out when
 * a hash of its coordinates (their 64-bit patterns) and the split's seed,
 * read as a number in [0, 1), falls below the fraction asked for. So the
 * split is deterministic, about the fraction asked for, and depends on
 * nothing but the point: adding or removing another point never moves a
 * point across, and a point keeps its side when the data are drawn in
 * another order. Identical points share a side.
 */
import type { Dataset } from './dataset';

/** The split's seed: the same points are held out on every page, engine and run. */
export const SPLIT_SEED = 0x5eed_2026;

/** The most of the data a test set may take, and the fewest points training keeps. */
export const SPLIT_LIMITS = { fraction: { min: 0, max: 0.9 }, minTraining: 2 } as const;

const bits = new DataView(new ArrayBuffer(8));

/** The 32-bit finaliser of MurmurHash3: every input bit moves every output bit. */
function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85eb_ca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2_ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A number in [0, 1) from the point's coordinates and the seed. */
export function splitScore(x1: number, x2: number, seed = SPLIT_SEED): number {
  let h = seed >>> 0;
  for (const v of [x1, x2]) {
    // −0 and 0 are one coordinate (every door reads them alike): they hash alike.
    bits.setFloat64(0, v + 0);
    h = mix(h ^ bits.getUint32(0));
    h = mix(h ^ bits.getUint32(4));
  }
  return h / 2 ** 32;
}

export interface Split {
  /** The points the model trains on, in their order in the data. */
  readonly train: Dataset;
  /** The points held out, in their order in the data. */
  readonly test: Dataset;
}

/** The `count` samples `take` says yes to, in their order. */
export function subset(data: Dataset, take: (i: number) => boolean, count: number): Dataset {
  const points = new Float64Array(2 * count);
  const targets = new Uint8Array(count);
  let k = 0;
  for (let i = 0; i < data.targets.length; i++) {
    if (!take(i)) continue;
    points[2 * k] = data.points[2 * i]!;
    points[2 * k + 1] = data.points[2 * i + 1]!;
    targets[k++] = data.targets[i]!;
  }
  return { points, targets };
}

/**
 * The data split by `fraction` (0 to 0.9). With fraction 0, or where the
 * split would leave training fewer than two points, nothing is held out and
 * `train` is the data themselves.
 */
export function splitData(data: Dataset, fraction: number, seed = SPLIT_SEED): Split {
  const n = data.targets.length;
  const empty: Dataset = { points: new Float64Array(0), targets: new Uint8Array(0) };
  if (!(fraction > 0)) return { train: data, test: empty };
  const held = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (splitScore(data.points[2 * i]!, data.points[2 * i + 1]!, seed) < fraction) {
      held[i] = 1;
      count++;
    }
  }
  if (n - count < SPLIT_LIMITS.minTraining) return { train: data, test: empty };
  return { train: subset(data, (i) => held[i] === 0, n - count), test: subset(data, (i) => held[i] === 1, count) };
}
