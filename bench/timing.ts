/** The timing protocol: warm up, then 5 repetitions of ≥ 3 steps and ≥ 1 s each; report the median. */

export interface TimingPlan {
  readonly repetitions: number;
  readonly minMs: number;
  readonly minSteps: number;
}

export type BenchMode = 'full' | 'quick' | 'smoke';

export const PLANS: Record<BenchMode, TimingPlan> = {
  full: { repetitions: 5, minMs: 1000, minSteps: 3 },
  // --quick: enough to see the ratios in under two minutes.
  quick: { repetitions: 3, minMs: 300, minSteps: 3 },
  // The smoke run inside `npm test`: exercises every path once, times nothing meaningful.
  smoke: { repetitions: 1, minMs: 0, minSteps: 1 },
};

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Milliseconds per step: `chunk(k)` runs k steps and resolves when they are done. */
export async function msPerStep(
  chunk: (steps: number) => Promise<void>,
  stepsPerChunk: number,
  plan: TimingPlan,
): Promise<number> {
  await chunk(stepsPerChunk);
  const reps: number[] = [];
  for (let r = 0; r < plan.repetitions; r++) {
    let steps = 0;
    const start = performance.now();
    do {
      await chunk(stepsPerChunk);
      steps += stepsPerChunk;
    } while (performance.now() - start < plan.minMs || steps < plan.minSteps);
    reps.push((performance.now() - start) / steps);
  }
  return median(reps);
}

/** Milliseconds per call, median of up to `plan.repetitions` calls, stopping early after 10 s. */
export async function msPerCall(call: () => Promise<void>, plan: TimingPlan): Promise<number> {
  await call();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < plan.repetitions && (times.length === 0 || performance.now() - start < 10_000)) {
    const t0 = performance.now();
    await call();
    times.push(performance.now() - t0);
  }
  return median(times);
}
