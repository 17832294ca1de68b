/**
 * When training takes the fused kernel (shaders/train-fused.wgsl: many steps
 * in one dispatch, one workgroup a racer) instead of two dispatches a step,
 * and with how many invocations. Pure logic: the engine passes the adapter's
 * kind and the data's size.
 *
 * Measured on SwiftShader (two cores), a gradient-descent step of a bare
 * fused prototype, µs: N = 40: one invocation 4–5, 64 invocations 39, 256
 * invocations 150; N = 256: 21, 34, 153; N = 1000: 82, 50, 171; N = 4000:
 * 320–420, 97, 327. Two dispatches a step cost about 700 µs there at any of
 * these sizes. On a CPU adapter, where an invocation is a SIMD lane and a
 * barrier a thread switch, one invocation wins up to a few hundred samples;
 * on a GPU one invocation walks the samples alone while the others idle, so
 * it takes a workgroup.
 */
import { MEASURE_FROM_N } from './dispatch-tuner';

/** Forces the fused kernel's invocations, or the two-dispatch path ('off'); 'auto' chooses by adapter and size. */
export type FusedChoice = 'auto' | 'off' | 1 | 64;

/** Invocations of the fused kernel's workgroup where one is not enough (a power of two: its sums add by halves). */
export const FUSED_GROUP = 64;

/**
 * The most samples the fused kernel trains on: one workgroup sums a step's
 * batch, so beyond this many workgroups do better (the two-dispatch path,
 * whose workgroup count is measured from MEASURE_FROM_N samples).
 */
export const FUSED_MAX_N = MEASURE_FROM_N - 1;

/** Below this many samples one invocation beats a workgroup on a CPU adapter (see the figures above). */
export const ONE_INVOCATION_MAX_N = 256;

/**
 * A dispatch's work, in sample evaluations per invocation: about 10 ms on a
 * GPU, far below any watchdog, and short enough that a pause waits for little.
 */
const WORK_PER_DISPATCH = 1 << 18;

/** Invocations of the fused kernel for n samples, or 0: the two-dispatch path. */
export function fusedInvocations(n: number, cpuAdapter: boolean, choice: FusedChoice): 0 | 1 | 64 {
  if (choice === 'off' || n > FUSED_MAX_N) return 0;
  if (choice !== 'auto') return choice;
  return cpuAdapter && n <= ONE_INVOCATION_MAX_N ? 1 : FUSED_GROUP;
}

/** Steps per dispatch for a batch of `batch` samples summed by `invocations`, at least 1. */
export function fusedDispatchSteps(batch: number, invocations: number): number {
  const perStep = Math.max(1, Math.ceil(batch / invocations));
  return Math.max(1, Math.floor(WORK_PER_DISPATCH / perStep));
}
