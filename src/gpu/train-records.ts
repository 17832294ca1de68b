/**
 * What the training kernels write for the page to read back, in the layouts
 * the WGSL declares (train-step.wgsl's StepRecord and Snapshot): a record a
 * step, a snapshot a racer, each unpacked into the model's weights in its
 * features' order. Both training paths, two passes a step and fused, write them.
 */
import { getSizeAndAlignmentOfUnsizedArrayElement, makeStructuredView } from 'webgpu-utils';
import type { Feature } from '../model/features';
import { featureSlots, slotWeights } from './feature-slots';
import type { ShaderDefinitions } from './pipelines';

/** One step's record as the update kernel writes it. */
export interface StepRecord {
  readonly w: number[];
  readonly b: number;
  /** The data's cost the step started from (scaled to the whole set for a mini-batch), without the penalty. */
  readonly cost: number;
  /** How many samples of its batch were classified right where the step started. */
  readonly correct: number;
}

export interface SnapshotRecord {
  readonly w: number[];
  readonly b: number;
  /** Σ ξ over all samples, without the penalty. */
  readonly sumCost: number;
  readonly truePositive: number;
  readonly trueNegative: number;
  /** The full-data gradient under the reduction, the penalty's λw included. */
  readonly gradient: { readonly w: number[]; readonly b: number };
}

/** A declaration the WGSL must have; its absence is a build's mistake, said by name. */
export function definition<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`WGSL is missing ${what}`);
  return value;
}

export class TrainRecords {
  /** Bytes per step record and per snapshot, as the WGSL lays them out. */
  readonly historyStride: number;
  readonly snapshotStride: number;

  constructor(private readonly defs: ShaderDefinitions) {
    this.historyStride = getSizeAndAlignmentOfUnsizedArrayElement(
      definition(defs.update.storages.history, 'history'),
    ).size;
    this.snapshotStride = getSizeAndAlignmentOfUnsizedArrayElement(
      definition(defs.update.storages.snapshot_out, 'snapshot_out'),
    ).size;
  }

  /** Unpacks the snapshot at `offset`, at the offsets the WGSL's Snapshot declares. */
  snapshot(bytes: ArrayBuffer, offset: number, features: readonly Feature[]): SnapshotRecord {
    type Slots = { lo: Float32Array; hi: Float32Array };
    const struct = definition(this.defs.update.structs.Snapshot, 'struct Snapshot');
    const views = makeStructuredView(struct, bytes, offset).views as {
      w: Slots;
      rest: Float32Array;
      gradient: Slots;
      gradient_b: Float32Array;
    };
    const [b, sumCost, truePositive, trueNegative] = views.rest;
    return {
      w: slotWeights(views.w.lo, views.w.hi, features),
      b: b!,
      sumCost: sumCost!,
      truePositive: Math.round(truePositive!),
      trueNegative: Math.round(trueNegative!),
      gradient: { w: slotWeights(views.gradient.lo, views.gradient.hi, features), b: views.gradient_b[0]! },
    };
  }

  /** Unpacks `steps` history records from `offset`, at the offsets the WGSL's StepRecord declares. */
  steps(bytes: ArrayBuffer, offset: number, steps: number, features: readonly Feature[]): StepRecord[] {
    const fields = definition(this.defs.update.structs.StepRecord, 'struct StepRecord').fields;
    const at = (name: string) => definition(fields[name], `StepRecord.${name}`).offset / 4;
    // Features is { lo: vec4f, hi: vec4f }: eight floats from w's offset, slot k at w + k.
    const [w, b, cost, correct] = [at('w'), at('b'), at('cost'), at('correct')];
    const h = new Float32Array(bytes, offset, (steps * this.historyStride) / 4);
    const stride = this.historyStride / 4;
    const slots = featureSlots(features);
    const records: StepRecord[] = [];
    for (let s = 0; s < steps; s++) {
      const o = s * stride;
      records.push({
        w: slots.map((slot) => h[o + w + slot]!),
        b: h[o + b]!,
        cost: h[o + cost]!,
        correct: h[o + correct]!,
      });
    }
    return records;
  }
}
