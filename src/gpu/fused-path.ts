/**
 * When training takes the fused kernel (shaders/train-fused.wgsl: many steps
 * in one dispatch, one workgroup a racer) instead of two dispatches a step,
 * and with how many invocations. Pure logic: the engine passes the adapter's
 * kind and the data's size.
 *
 * Measured on SwiftShader (two cores), a gradient-descent step of a bare
 * fused prototype, µs, at N = 40 / 256 / 1000 / 4000: one invocation 4–7 /
 * 21–23 / 83 / 320–420; 4 invocations 3.0 / 5.9 / 19 / 70; 8: 3.7 / 7.6 /
 * 24 / 73; 64: 39 / 34 / 50 / 97; 256: 150 / 153 / 171 / 327. Two dispatches
 * a step cost about 700 µs there at any of these sizes. A CPU adapter runs
 * an invocation as one lane of a 4-wide SIMD group and a barrier as a
 * switch between groups: one group's worth of invocations uses every lane
 * and needs no switch. A GPU keeps a workgroup's invocations in flight at once.
 */
import { MEASURE_FROM_N } from './dispatch-tuner';

/** The fused kernel's invocations on a CPU adapter: one SIMD group's lanes. */
export const CPU_FUSED_GROUP = 4;
/** … and on a GPU (a power of two, as both are: the sums add by halves). */
export const GPU_FUSED_GROUP = 64;

/** Forces the fused kernel's invocations, or the two-dispatch path ('off'); 'auto' chooses by adapter. */
export type FusedChoice = 'auto' | 'off' | typeof CPU_FUSED_GROUP | typeof GPU_FUSED_GROUP;

/**
 * The most samples the fused kernel trains on: one workgroup sums a step's
 * batch, so beyond this many workgroups do better (the two-dispatch path,
 * whose workgroup count is measured from MEASURE_FROM_N samples).
 */
export const FUSED_MAX_N = MEASURE_FROM_N - 1;

/**
 * A dispatch's work, in sample evaluations per invocation: about 10 ms on a
 * GPU, far below any watchdog, and short enough that a pause waits for little.
 */
const WORK_PER_DISPATCH = 1 << 18;

/** Whether n samples train by the fused kernel (else by two dispatches a step), whatever the adapter. */
export function takesFusedPath(n: number, choice: FusedChoice): boolean {
  return choice !== 'off' && n <= FUSED_MAX_N;
}

/** Invocations of the fused kernel for n samples, or 0: the two-dispatch path. */
export function fusedInvocations(n: number, cpuAdapter: boolean, choice: FusedChoice): number {
  if (choice === 'off' || !takesFusedPath(n, choice)) return 0;
  if (choice !== 'auto') return choice;
  return cpuAdapter ? CPU_FUSED_GROUP : GPU_FUSED_GROUP;
}

/** Names one compiled variant of the fused kernel: its invocations, and whether Newton's sums are in. */
export function fusedVariant(invocations: number, newton: boolean): string {
  return `${invocations}${newton ? ' newton' : ''}`;
}

/** Steps per dispatch for a batch of `batch` samples summed by `invocations`, at least 1. */
export function fusedDispatchSteps(batch: number, invocations: number): number {
  const perStep = Math.max(1, Math.ceil(batch / invocations));
  return Math.max(1, Math.floor(WORK_PER_DISPATCH / perStep));
}
