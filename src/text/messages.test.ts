import { describe, expect, it } from 'vitest';
import { divergenceText, paceStatus, stepAdviceText } from './messages';

describe('the advice when η is too large', () => {
  it('before the first step, with the summed cost: the mean offered or not', () => {
    expect(stepAdviceText({ eta: 10, rate: 0.1, mean: true }, 1234, true)).toBe(
      'η = 10 is above 0.1, the largest step sure to lower the cost of these 1\u202f234 points: the summed gradient grows ' +
        'with N, so the first steps may overshoot and diverge. Use the mean cost (its gradient is N times smaller), ' +
        'or η ≤ 0.1.',
    );
    expect(stepAdviceText({ eta: 10, rate: 0.1, mean: false }, 40, true)).toBe(
      'η = 10 is above 0.1, the largest step sure to lower the cost of these 40 points: the summed gradient grows ' +
        'with N, so the first steps may overshoot and diverge. Use η ≤ 0.1.',
    );
  });

  it('before the first step, with the mean cost', () => {
    expect(stepAdviceText({ eta: 5, rate: 0.0000016, mean: false }, 40, false)).toBe(
      'η = 5 is above 1.6e-6, the largest step sure to lower the cost of these 40 points; the cost may rise or ' +
        'oscillate. Try η ≤ 1.6e-6.',
    );
  });

  it('after a divergence, for each cause, with and without the mean', () => {
    const lower = { eta: 0.05, rate: 0.005, mean: false };
    expect(divergenceText({ kind: 'overflow', iteration: 7 }, lower, 40)).toBe(
      'Training diverged at iteration 7: the numbers overflowed. Reset, then lower the learning rate ' +
        '(η = 0.05 now; try 0.005).',
    );
    expect(divergenceText({ kind: 'weights', iteration: 12, limit: 1e6 }, lower, 40)).toBe(
      'Training diverged at iteration 12: the weights passed 1e+6. Reset, then lower the learning rate ' +
        '(η = 0.05 now; try 0.005).',
    );
    expect(
      divergenceText({ kind: 'cost', iteration: 3, lowest: 20, latest: 512.345 }, { ...lower, mean: true }, 10_000),
    ).toBe(
      'Training is diverging: the cost rose from 20.0 to 512 by iteration 3. Reset, then lower the learning rate ' +
        '(η = 0.05 now; try 0.005), or switch the cost to "mean": a summed gradient over 10\u202f000 points makes each ' +
        'step 10\u202f000 times larger.',
    );
  });
});

describe('the status line', () => {
  it('says when Play cannot keep its pace', () => {
    expect(paceStatus(2.345, 60, 2_000_000)).toBe(
      'Playing 2.3 steps/s, not the 60 asked for: this engine cannot take steps that fast on 2\u202f000\u202f000 points.',
    );
  });
});
