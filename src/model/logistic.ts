/**
 * The logistic function and its companions, as in intermezzo 1 of the
 * tutorial "How to implement a neural network". Pure functions of numbers.
 */

/**
 * σ(z) = 1 / (1 + e^(-z)), written so that nothing overflows: e^(−|z|) is in
 * (0, 1]. One exp whatever the sign, and no branch around it, which keeps
 * the engines' loops over samples of either sign fast.
 */
export function logistic(z: number): number {
  return logisticOfExp(z, tail(z));
}

/** e^(−|z|): the one exponential that σ(z) and ξ(t, σ(z)) both need. */
export function tail(z: number): number {
  return Math.exp(-Math.abs(z));
}

/** σ(z) from e = tail(z): a loop that also wants the cross-entropy takes the exponential once. */
export function logisticOfExp(z: number, e: number): number {
  // Stryker disable next-line EqualityOperator: at z = 0 (e = 1) both branches give 1/2, so z > 0 is the same function
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/** dσ/dz = σ(z)(1 − σ(z)). */
export function logisticDerivative(z: number): number {
  const y = logistic(z);
  return y * (1 - y);
}

/** The log-odds log(y / (1 − y)): the inverse of σ, so logOdds(σ(z)) = z. */
export function logOdds(y: number): number {
  return Math.log(y / (1 - y));
}

/**
 * Cross-entropy ξ(t, y) = −t·log(y) − (1 − t)·log(1 − y) for a probability y.
 * Only for teaching: it is infinite when y rounds to 0 or 1. Training uses
 * {@link crossEntropyFromLogit}.
 */
export function crossEntropy(t: number, y: number): number {
  return -t * Math.log(y) - (1 - t) * Math.log(1 - y);
}

/**
 * ξ(t, σ(z)) computed from the logit z without forming σ(z):
 * max(z, 0) − t·z + log(1 + e^(−|z|)). Finite and accurate for |z| = 1e4,
 * where σ(z) rounds to 0 or 1 and the textbook form gives Infinity or NaN.
 */
export function crossEntropyFromLogit(t: number, z: number): number {
  return crossEntropyOfExp(t, z, tail(z));
}

/** crossEntropyFromLogit from e = tail(z). */
export function crossEntropyOfExp(t: number, z: number, e: number): number {
  return Math.max(z, 0) - t * z + Math.log1p(e);
}
