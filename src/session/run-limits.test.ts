import { describe, expect, it } from 'vitest';
import { limitVerdict } from '../contract/engine';
import { PARAMETER_LIMIT, pastWeightLimit, RUN_LIMITS, WEIGHT_LIMIT } from './run-limits';

describe("a run's limits", () => {
  const at = (w1: number, b = 0) => ({ w: [w1, 0], b });

  it('lets every step within the weight limit go on, and makes the first past it the last', () => {
    expect(limitVerdict(at(3), RUN_LIMITS)).toBe('within');
    expect(limitVerdict(at(-WEIGHT_LIMIT), RUN_LIMITS)).toBe('within');
    expect(limitVerdict(at(2 * WEIGHT_LIMIT), RUN_LIMITS)).toBe('past');
    expect(limitVerdict(at(0, -2 * WEIGHT_LIMIT), RUN_LIMITS)).toBe('past');
    expect(pastWeightLimit(at(2 * WEIGHT_LIMIT))).toBe(true);
    expect(pastWeightLimit(at(3))).toBe(false);
  });

  it('takes no step that leaps past what a model may hold, nor one to no number at all', () => {
    // Momentum's velocity or Newton's H⁻¹g can carry a step far past anything gradient descent reaches.
    expect(limitVerdict(at(2 * PARAMETER_LIMIT), RUN_LIMITS)).toBe('leap');
    expect(limitVerdict(at(Number.NaN), RUN_LIMITS)).toBe('leap');
    expect(limitVerdict(at(1, Number.NEGATIVE_INFINITY), RUN_LIMITS)).toBe('leap');
    // A leap in one weight wins over another merely past the limit, whichever comes first.
    expect(limitVerdict({ w: [2 * WEIGHT_LIMIT, Number.NaN], b: 0 }, RUN_LIMITS)).toBe('leap');
    expect(limitVerdict({ w: [Number.NaN, 2 * WEIGHT_LIMIT], b: 0 }, RUN_LIMITS)).toBe('leap');
    expect(limitVerdict(at(PARAMETER_LIMIT), RUN_LIMITS)).toBe('past');
    expect(pastWeightLimit(at(Number.NaN))).toBe(true);
  });

  it('fits the GPU: the leap limit is a float32 number', () => {
    expect(Number.isFinite(Math.fround(PARAMETER_LIMIT))).toBe(true);
  });
});
