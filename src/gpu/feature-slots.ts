/**
 * The features as the kernels hold them (shaders/features.wgsl): every point
 * mapped to all seven features at once, feature k of FEATURES in slot k of
 * two vec4f (slot 7 empty), and the model's weights laid into those slots by
 * feature, zeros in the slots of features the model does not have. A mask
 * (bit k for slot k) says which slots the model has: the update moves only
 * those, and the sines are computed only when a model has one.
 *
 * Why not the model's features packed in order: picking feature j of a
 * point by a code per slot is an indexed read of a private array, which
 * SwiftShader turned into gathers that made a step at N = 10⁵ three times
 * slower, for the tutorial's two features too. Computing every feature is
 * a few multiplies, and a weight of 0 adds exactly 0 to z.
 */
import { FEATURES, type Feature } from '../model/features';

/** Feature slots the kernels have: two vec4f. */
export const FEATURE_SLOTS = 8;

/** The slot of each of the model's features, in the model's order. */
export function featureSlots(features: readonly Feature[]): number[] {
  return features.map((feature) => FEATURES.indexOf(feature));
}

/** Bit k set where the model has feature k of FEATURES. */
export function featureMask(features: readonly Feature[]): number {
  let mask = 0;
  for (const slot of featureSlots(features)) mask |= 1 << slot;
  return mask;
}

/** The weights in the kernels' eight slots: w_j in its feature's slot, zeros elsewhere. */
export function weightSlots(features: readonly Feature[], w: readonly number[]): { lo: number[]; hi: number[] } {
  const slots = new Array<number>(FEATURE_SLOTS).fill(0);
  featureSlots(features).forEach((slot, j) => {
    slots[slot] = w[j] ?? 0;
  });
  return { lo: slots.slice(0, 4), hi: slots.slice(4) };
}

/** The model's weights, in its order, from eight slots read back as lo then hi. */
export function slotWeights(lo: ArrayLike<number>, hi: ArrayLike<number>, features: readonly Feature[]): number[] {
  const slots = [...Array.from(lo), ...Array.from(hi)];
  return featureSlots(features).map((slot) => slots[slot]!);
}
