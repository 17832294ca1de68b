/**
 * The comparison with scikit-learn, typed: cases.json is the one place the
 * data's settings, the features and the fitted models are written, read here
 * and by scripts/sklearn-optimum.py alike.
 */
import { type Feature, isFeature } from '../features';
import type { Reduction } from '../regression';
import { SHAPES, type Shape, type ShapeSettings } from '../shapes';
import cases from './cases.json';

export interface SklearnCase {
  readonly name: string;
  readonly reduction: Reduction;
  readonly l2: number;
}

function checked<T>(value: unknown, is: (v: unknown) => v is T, what: string): T {
  if (!is(value)) throw new Error(`cases.json: ${what} is ${JSON.stringify(value)}`);
  return value;
}

const isShape = (v: unknown): v is Shape => SHAPES.includes(v as Shape);
const isReduction = (v: unknown): v is Reduction => v === 'sum' || v === 'mean';

/** The circle with enough noise that no quadric separates it, so the optimum is finite even without λ. */
export const SKLEARN_DATA: { readonly shape: Shape; readonly settings: ShapeSettings } = {
  shape: checked(cases.shape, isShape, 'shape'),
  settings: cases.settings,
};

/** The quadratic features: the circle's boundary is a quadric in them. */
export const QUADRATIC: readonly Feature[] = cases.features.map((f) => checked(f, isFeature, 'a feature'));

export const SKLEARN_CASES: readonly SklearnCase[] = cases.cases.map((c) => ({
  name: c.name,
  reduction: checked(c.reduction, isReduction, `${c.name}'s reduction`),
  l2: c.l2,
}));
