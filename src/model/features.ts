/**
 * The feature map φ: what the model sees of a point. y = σ(φ(x)·w + b) stays
 * logistic regression, linear in the features, whatever they are; curved
 * boundaries come from curved features. The features are raw values, not
 * scaled, as TensorFlow Playground offers them. The tutorial's model is the
 * default, φ(x) = (x1, x2), under which every number is as it was.
 */

/** Every feature the playground offers, in the one order weights are listed in. */
export const FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'] as const;

export type Feature = (typeof FEATURES)[number];

/** The tutorial's features: the point itself. */
export const DEFAULT_FEATURES: readonly Feature[] = ['x1', 'x2'];

/** How each feature is written on screen. */
export const FEATURE_LABELS: Readonly<Record<Feature, string>> = {
  x1: 'x₁',
  x2: 'x₂',
  'x1^2': 'x₁²',
  'x2^2': 'x₂²',
  'x1*x2': 'x₁x₂',
  'sin(x1)': 'sin x₁',
  'sin(x2)': 'sin x₂',
};

/** How weight j (0-based) is written on screen: w₁, w₂, … as the tutorial numbers them. */
export function weightSymbol(j: number): string {
  return `w${String(j + 1).replace(/\d/g, (digit) => '₀₁₂₃₄₅₆₇₈₉'[Number(digit)] as string)}`;
}

export function isFeature(name: unknown): name is Feature {
  return (FEATURES as readonly unknown[]).includes(name);
}

/** φ_f(x1, x2): one feature of one point. */
export function featureValue(feature: Feature, x1: number, x2: number): number {
  switch (feature) {
    case 'x1':
      return x1;
    case 'x2':
      return x2;
    case 'x1^2':
      return x1 * x1;
    case 'x2^2':
      return x2 * x2;
    case 'x1*x2':
      return x1 * x2;
    case 'sin(x1)':
      return Math.sin(x1);
    case 'sin(x2)':
      return Math.sin(x2);
  }
}

/** φ(x1, x2) for these features, in their order, written into `out` (which it returns). */
export function featureVector(
  features: readonly Feature[],
  x1: number,
  x2: number,
  out = new Float64Array(features.length),
): Float64Array {
  // A plain loop: this runs once per sample per pass on the CPU engine.
  for (let j = 0; j < features.length; j++) out[j] = featureValue(features[j]!, x1, x2);
  return out;
}

/** Features in the one order weights are listed in, each once: the order a link or a ticked box gives them in means nothing. */
export function orderedFeatures(features: readonly Feature[]): Feature[] {
  return FEATURES.filter((feature) => features.includes(feature));
}

/**
 * The two features a cost surface shows for `next` features, from those it
 * showed: each kept while its feature is, a gone one replaced by the first
 * of `next` not shown already.
 */
export function carrySurfaceFeatures(shown: readonly [Feature, Feature], next: readonly Feature[]): [Feature, Feature] {
  const kept = shown.filter((f) => next.includes(f));
  const others = next.filter((f) => !kept.includes(f));
  const [a, b] = [...kept, ...others];
  return [a as Feature, b as Feature];
}

/**
 * The weights for `next` features, from those of `previous`: a feature kept
 * keeps its weight, a new one starts at 0.
 */
export function carryWeights(
  previous: readonly Feature[],
  weights: readonly number[],
  next: readonly Feature[],
): number[] {
  // A feature not in `previous` is at index −1, where an array holds nothing: it starts at 0 too.
  return next.map((feature) => weights[previous.indexOf(feature)] ?? 0);
}

/** What follows the features when they change: w(0) and the cost surface's two. */
export interface CarriedByFeatures {
  readonly initialWeights: readonly number[];
  readonly surfaceFeatures: readonly [Feature, Feature];
}

/** w(0) and the surface's pair for `next` features, carried from those of `from` (the one rule for both). */
export function carryToFeatures(
  from: CarriedByFeatures & { readonly features: readonly Feature[] },
  next: readonly Feature[],
): { initialWeights: number[]; surfaceFeatures: [Feature, Feature] } {
  return {
    initialWeights: carryWeights(from.features, from.initialWeights, next),
    surfaceFeatures: carrySurfaceFeatures(from.surfaceFeatures, next),
  };
}
