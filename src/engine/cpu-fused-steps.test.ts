/**
 * The fused steps are the model's functions run step by step, to the last
 * bit: a fast-check property against that composition (evaluate, the
 * optimiser's object rule, the run limits' verdict, the keeping) over every
 * first-order rule, the tutorial's features and wider ones, λ, the
 * threshold, the bias, both reductions, a thinned history and the limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type EngineOptions,
  INITIAL_OPTIONS,
  type Keeping,
  type KeptStep,
  keepsStep,
  limitVerdict,
  type RunLimits,
} from '../contract/engine';
import type { Dataset } from '../model/dataset';
import { DEFAULT_FEATURES, FEATURES, type Feature, orderedFeatures } from '../model/features';
import { DEFAULT_OPTIMIZER, firstOrderStep, initialOptimizerState, type OptimizerState } from '../model/optimizers';
import { correctCount, evaluate, type Params, reducedCost } from '../model/regression';
import { type Advance, fusedSteps } from './cpu-fused-steps';

/** advance's contract written with the model's object functions, one step at a time. */
function modelSteps(
  data: Dataset,
  params: Params,
  state: OptimizerState,
  options: EngineOptions,
  steps: number,
  keep: Keeping | undefined,
  limits: RunLimits | undefined,
): Omit<Advance, 'refused'> {
  const n = data.targets.length;
  const path: Params[] = [];
  const losses: number[] = [];
  const accuracies: number[] = [];
  const kept: KeptStep[] = [];
  let at = params;
  let carried = state;
  let taken = 0;
  let limited = false;
  for (let s = 0; s < steps; s++) {
    const e = evaluate(data, at, options);
    const loss = reducedCost(e, options.reduction);
    const accuracy = correctCount(e.confusion) / n;
    const next = firstOrderStep(
      at,
      e.gradient,
      carried,
      options.optimizer ?? DEFAULT_OPTIMIZER,
      options.learningRate,
      options.bias,
    );
    const verdict = limits ? limitVerdict(next.params, limits) : 'within';
    if (verdict === 'leap') {
      limited = true;
      break;
    }
    if (keep) {
      if (s > 0 && keepsStep(keep, s - 1)) kept.push({ step: s, params: at, loss, accuracy });
    } else {
      losses.push(loss);
      accuracies.push(accuracy);
      path.push(next.params);
    }
    at = next.params;
    carried = next.state;
    taken++;
    if (verdict === 'past') {
      limited = true;
      break;
    }
  }
  return { taken, path, losses, accuracies, kept: keep ? kept : undefined, params: at, optimizer: carried, limited };
}

const coordinate = fc.double({ min: -4, max: 4, noNaN: true });
const dataset = fc.array(fc.tuple(coordinate, coordinate, fc.constantFrom(0, 1)), { minLength: 1, maxLength: 24 }).map(
  (rows): Dataset => ({
    points: Float64Array.from(rows.flatMap((row) => row.slice(0, 2))),
    targets: Uint8Array.from(rows.map(([, , t]) => t)),
  }),
);
const features = fc.oneof(
  fc.constant<readonly Feature[]>(DEFAULT_FEATURES),
  fc.subarray([...FEATURES], { minLength: 1 }).map((picked) => orderedFeatures(picked)),
);
const keeping = fc.option(
  fc
    .integer({ min: 1, max: 5 })
    .chain((stride) => fc.record({ stride: fc.constant(stride), phase: fc.integer({ min: 0, max: stride - 1 }) })),
  { nil: undefined },
);
// Limits low enough that runs reach them: a weight past 3 ends a run, one that would pass 6 is not taken.
const limits = fc.option(fc.constantFrom<RunLimits>({ weight: 3, leap: 6 }, { weight: 1e6, leap: 1e300 }), {
  nil: undefined,
});

describe('fusedSteps', () => {
  it('is the model’s functions step by step, to the last bit', () => {
    fc.assert(
      fc.property(
        dataset,
        features,
        fc.record({
          optimizer: fc.constantFrom('gd', 'momentum', 'nesterov', 'adam' as const),
          learningRate: fc.double({ min: 1e-3, max: 3, noNaN: true }),
          bias: fc.boolean(),
          reduction: fc.constantFrom('sum', 'mean' as const),
          l2: fc.constantFrom(0, 0.1),
          threshold: fc.constantFrom(0.5, 0.3),
        }),
        fc.integer({ min: 0, max: 30 }),
        keeping,
        limits,
        fc.double({ min: -1, max: 1, noNaN: true }),
        (data, form, settings, steps, keep, runLimits, start) => {
          const options: EngineOptions = {
            ...INITIAL_OPTIONS,
            ...settings,
            features: form,
            optimizer: { ...DEFAULT_OPTIMIZER, optimizer: settings.optimizer },
          };
          const params: Params = { w: form.map((_, j) => start * (j + 1)), b: settings.bias ? start : 0 };
          const state = initialOptimizerState(form.length);
          const fused = fusedSteps(data, params, state, options, steps, { keep, limits: runLimits });
          const expected = modelSteps(data, params, state, options, steps, keep, runLimits);
          expect(fused).toEqual({ ...expected, refused: undefined });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives back the very parameters and state it was given when it takes no step', () => {
    const data: Dataset = { points: Float64Array.of(1, 2), targets: Uint8Array.of(1) };
    const params: Params = { w: [5, 5], b: 0 };
    const state = initialOptimizerState(2);
    const run = fusedSteps(data, params, state, INITIAL_OPTIONS, 0, { keep: undefined, limits: undefined });
    expect(run.params).toBe(params);
    expect(run.optimizer).toBe(state);
  });

  it('ends at the last step of its path itself, which the engine’s kept evaluations are keyed by', () => {
    const data: Dataset = { points: Float64Array.of(1, 2, -1, 0), targets: Uint8Array.of(1, 0) };
    const run = fusedSteps(data, { w: [0, 0], b: 0 }, initialOptimizerState(2), INITIAL_OPTIONS, 3, {
      keep: undefined,
      limits: undefined,
    });
    expect(run.path).toHaveLength(3);
    expect(run.params).toBe(run.path[2]);
  });

  it('refuses parameters of the wrong width, as a pass would', () => {
    const data: Dataset = { points: Float64Array.of(1, 2), targets: Uint8Array.of(1) };
    expect(() =>
      fusedSteps(data, { w: [1], b: 0 }, initialOptimizerState(1), INITIAL_OPTIONS, 1, {
        keep: undefined,
        limits: undefined,
      }),
    ).toThrow(RangeError);
  });
});
