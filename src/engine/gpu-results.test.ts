/**
 * The GPU engine's readbacks as results, without a GPU: the penalty, the
 * reductions and the fractions applied in double precision, the confusion
 * completed from the counts the kernels keep, and a thinned history's
 * records placed at the steps they were kept at.
 */
import { describe, expect, it } from 'vitest';
import type { TrainReadback } from '../gpu/train-kernel';
import { initialOptimizerState } from '../model/optimizers';
import { type ReadbackContext, snapshotOf, trainResultOf } from './gpu-results';

const context: ReadbackContext = { n: 10, positives: 4, l2: 0.5, batchSize: 0 };
const record = {
  w: [1, -2],
  b: 0.5,
  sumCost: 3,
  truePositive: 3,
  trueNegative: 5,
  gradient: { w: [0.1, 0.2], b: 0.3 },
};

describe('snapshotOf', () => {
  it('adds the penalty once to the summed and the mean cost, and completes the confusion from N and the positives', () => {
    const snapshot = snapshotOf(record, context);
    // (λ/2)‖w‖² = 0.25 · 5: the bias is not penalised.
    expect(snapshot.sumCost).toBe(3 + 1.25);
    expect(snapshot.meanCost).toBe(0.3 + 1.25);
    expect(snapshot.confusion).toEqual({ truePositive: 3, falseNegative: 1, trueNegative: 5, falsePositive: 1 });
    expect(snapshot.params).toEqual({ w: [1, -2], b: 0.5 });
  });
});

describe('trainResultOf', () => {
  const state = {
    params: { w: [3, 4], b: 0 },
    step: 3,
    optimizer: initialOptimizerState(2),
    refusedPivot: undefined,
    stopped: undefined,
  };
  const steps = [
    { w: [1, 0], b: 0, cost: 2, correct: 6 },
    { w: [2, 0], b: 0, cost: 1, correct: 7 },
    { w: [3, 4], b: 0, cost: 0.5, correct: 8 },
  ];
  const readback: TrainReadback = { taken: 3, steps, snapshot: record, state };

  it('gives each step the cost of the weights it started from, with their penalty, and its share right', () => {
    const result = trainResultOf(readback, { w: [0, 2], b: 0 }, 0, undefined, context);
    expect(result.path).toEqual([
      { w: [1, 0], b: 0 },
      { w: [2, 0], b: 0 },
      { w: [3, 4], b: 0 },
    ]);
    expect(result.losses).toEqual([2 + 1, 1 + 0.25, 0.5 + 1]);
    expect(result.accuracies).toEqual([0.6, 0.7, 0.8]);
    expect(result.final?.sumCost).toBe(4.25);
    expect(result).not.toHaveProperty('refused');
  });

  it('places a thinned history’s records at the steps kept, and says why a racer stopped', () => {
    const stopped: TrainReadback = {
      ...readback,
      steps: steps.slice(0, 2),
      state: { ...state, refusedPivot: 1e-14, stopped: 'refused' },
    };
    const result = trainResultOf(stopped, { w: [0, 0], b: 0 }, 0, { stride: 2, phase: 1 }, context);
    expect(result.path).toEqual([]);
    // Kept steps j with (j + 1) mod 2 = 0: j = 1, 3; each record is where its step ended (step j + 1).
    expect(result.kept?.map((k) => k.step)).toEqual([2, 4]);
    expect(result.kept?.[0]?.loss).toBe(2 + 0.25);
    expect(result.refused).toMatch(/singular/);
  });
});
