/**
 * The feature list as the kernels read it (shaders/features.wgsl): eight
 * four-bit codes in one u32, slot j at bits 4j–4j+3, each the feature's index
 * in FEATURES, empty slots NO_FEATURE. And the weights as the kernels hold
 * them: eight floats, one per slot, empty slots 0.
 */
import { FEATURES, type Feature } from '../model/features';

/** Feature slots the kernels have: two vec4f. */
export const FEATURE_SLOTS = 8;
/** The code of an empty slot (shaders/features.wgsl's NO_FEATURE). */
export const NO_FEATURE = 15;

export function featureCodes(features: readonly Feature[]): number {
  if (features.length > FEATURE_SLOTS) {
    throw new RangeError(`the kernels hold ${FEATURE_SLOTS} features, got ${features.length}`);
  }
  let codes = 0;
  for (let slot = 0; slot < FEATURE_SLOTS; slot++) {
    const feature = features[slot];
    const code = feature === undefined ? NO_FEATURE : FEATURES.indexOf(feature);
    // >>> 0 keeps the word unsigned once slot 7 sets bit 31.
    codes = (codes | (code << (4 * slot))) >>> 0;
  }
  return codes;
}

/** The weights in the kernels' eight slots: w, then zeros. */
export function weightSlots(w: readonly number[]): { lo: number[]; hi: number[] } {
  const slots = Array.from({ length: FEATURE_SLOTS }, (_, j) => w[j] ?? 0);
  return { lo: slots.slice(0, 4), hi: slots.slice(4) };
}

/** The first `width` weights of eight slots read back as lo then hi. */
export function slotWeights(lo: ArrayLike<number>, hi: ArrayLike<number>, width: number): number[] {
  return [...Array.from(lo), ...Array.from(hi)].slice(0, width);
}
