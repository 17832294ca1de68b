/**
 * How many workgroups the partial-sum pass dispatches. The best number
 * depends on the adapter: SwiftShader runs workgroups on CPU threads and
 * wants a handful, a discrete GPU wants thousands of invocations in flight.
 * So it is measured: a few candidates are timed when data are loaded, the
 * fastest wins, and the choice is cached per adapter and size bucket.
 * Pure logic: the GPU work is behind the `time` callback.
 */

export interface TuningTrial {
  readonly workgroups: number;
  readonly msPerStep: number;
}

export interface Tuning {
  readonly workgroups: number;
  /** Every candidate timed, in order (empty when the rule for small N applied). */
  readonly trials: readonly TuningTrial[];
  /** Where the choice came from. */
  readonly source: 'measured' | 'cache' | 'small-n rule' | 'fixed';
}

/** Below this N every choice takes microseconds: one workgroup per 4096 samples, no measuring. */
export const MEASURE_FROM_N = 16_384;

/** Powers of two from 1 up to one invocation per sample (more would sit idle), within the device limit. */
export function candidateWorkgroups(n: number, maxWorkgroups: number, workgroupSize: number): number[] {
  const useful = Math.min(maxWorkgroups, Math.max(1, Math.ceil(n / workgroupSize)));
  const out: number[] = [];
  for (let w = 1; w <= useful && w <= 4096; w *= 2) out.push(w);
  return out;
}

export function smallNWorkgroups(n: number): number {
  return Math.max(1, Math.ceil(n / 4096));
}

/** Sizes within a factor of 4 share a choice. */
export function sizeBucket(n: number): number {
  return Math.floor(Math.log2(Math.max(1, n)) / 2);
}

/**
 * Times the candidates in increasing order and keeps the fastest. Stops early
 * once a candidate is over twice as slow as the best: past the optimum the
 * time only grows, and large counts are slow to try on a CPU adapter.
 */
export async function measureWorkgroups(
  candidates: readonly number[],
  time: (workgroups: number) => Promise<number>,
): Promise<Tuning> {
  const trials: TuningTrial[] = [];
  let best: TuningTrial | undefined;
  for (const workgroups of candidates) {
    const trial = { workgroups, msPerStep: await time(workgroups) };
    trials.push(trial);
    if (!best || trial.msPerStep < best.msPerStep) best = trial;
    else if (trial.msPerStep > 2 * best.msPerStep) break;
  }
  if (!best) throw new Error('no workgroup count to try');
  return { workgroups: best.workgroups, trials, source: 'measured' };
}

/** Remembers measured choices for the page's lifetime. */
export class TuningCache {
  private readonly entries = new Map<string, Tuning>();

  key(adapter: string, path: string, n: number): string {
    return `${adapter}|${path}|${sizeBucket(n)}`;
  }

  get(key: string): Tuning | undefined {
    const hit = this.entries.get(key);
    return hit ? { ...hit, source: 'cache' } : undefined;
  }

  set(key: string, tuning: Tuning): void {
    this.entries.set(key, tuning);
  }
}
