import { describe, expect, it } from 'vitest';
import { PARAMETER_LIMIT, stepsWithinLimit, WEIGHT_LIMIT } from './run-limits';

describe('stepsWithinLimit', () => {
  const at = (w1: number) => ({ w: [w1, 0], b: 0 });

  it('keeps every step within the weight limit, and the first past it', () => {
    expect(stepsWithinLimit([at(1), at(2), at(3)])).toBe(3);
    expect(stepsWithinLimit([at(1), at(2 * WEIGHT_LIMIT), at(3 * WEIGHT_LIMIT)])).toBe(2);
  });

  it('keeps no step that leaps past what a model may hold, nor one to no number at all', () => {
    // Momentum's velocity or Newton's H⁻¹g can carry a step far past anything gradient descent reaches.
    expect(stepsWithinLimit([at(1), at(2 * PARAMETER_LIMIT)])).toBe(1);
    expect(stepsWithinLimit([at(Number.NaN)])).toBe(0);
    expect(stepsWithinLimit([at(1), at(Number.POSITIVE_INFINITY)])).toBe(1);
    expect(stepsWithinLimit([at(PARAMETER_LIMIT)])).toBe(1);
  });
});
