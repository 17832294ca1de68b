/**
 * The WGSL each pipeline compiles: a kernel file with the library files it
 * uses in front. WGSL has no includes, and `enable subgroups;` must come
 * before everything, so the pieces are joined here.
 */
import costSurfaceKernel from '../../shaders/cost-surface.wgsl?raw';
import featuresLib from '../../shaders/features.wgsl?raw';
import logisticLib from '../../shaders/logistic.wgsl?raw';
import optimizersLib from '../../shaders/optimizers.wgsl?raw';
import probabilityGridKernel from '../../shaders/probability-grid.wgsl?raw';
import reducePlainLib from '../../shaders/reduce-plain.wgsl?raw';
import reduceSubgroupLib from '../../shaders/reduce-subgroup.wgsl?raw';
import shuffleLib from '../../shaders/shuffle.wgsl?raw';
import trainCommonLib from '../../shaders/train-common.wgsl?raw';
import trainFusedKernel from '../../shaders/train-fused.wgsl?raw';
import trainPartialsKernel from '../../shaders/train-partials.wgsl?raw';
import trainSamplesLib from '../../shaders/train-samples.wgsl?raw';
import trainStepLib from '../../shaders/train-step.wgsl?raw';
import trainUpdateKernel from '../../shaders/train-update.wgsl?raw';

/** How workgroups add up their invocations' values. */
export type ReductionPath = 'plain' | 'subgroup';

/** A kernel's `const WORKGROUP_SIZE`, read from its WGSL so dispatch sizes cannot drift from the shader. */
export function workgroupSize(source: string): number {
  const match = /const WORKGROUP_SIZE: u32 = (\d+)u;/.exec(source);
  if (!match) throw new Error('the WGSL declares no `const WORKGROUP_SIZE: u32`');
  return Number(match[1]);
}

/** Invocations per workgroup of the training kernels on a reduction path. */
export function trainWorkgroupSize(path: ReductionPath): number {
  return workgroupSize(path === 'subgroup' ? reduceSubgroupLib : reducePlainLib);
}

function reduction(path: ReductionPath): string {
  return path === 'subgroup' ? `enable subgroups;\n${reduceSubgroupLib}` : reducePlainLib;
}

export function trainPartialsSource(path: ReductionPath): string {
  return [
    reduction(path),
    logisticLib,
    featuresLib,
    shuffleLib,
    trainCommonLib,
    trainSamplesLib,
    trainPartialsKernel,
  ].join('\n');
}

export function trainUpdateSource(path: ReductionPath): string {
  return [
    reduction(path),
    featuresLib,
    shuffleLib,
    trainCommonLib,
    trainStepLib,
    optimizersLib,
    trainUpdateKernel,
  ].join('\n');
}

/**
 * The fused kernel: the samples' and the step's libraries in one module. Its
 * sums add up through its own workgroup memory (FUSED_SIZE invocations), so of
 * a reduction library it takes only `Acc`: the plain one, which needs no `enable`.
 */
export function trainFusedSource(): string {
  return [
    reducePlainLib,
    logisticLib,
    featuresLib,
    shuffleLib,
    trainCommonLib,
    trainSamplesLib,
    trainStepLib,
    optimizersLib,
    trainFusedKernel,
  ].join('\n');
}

export function costSurfaceSource(): string {
  return [logisticLib, featuresLib, shuffleLib, trainCommonLib, costSurfaceKernel].join('\n');
}

export function probabilityGridSource(): string {
  return [logisticLib, featuresLib, shuffleLib, trainCommonLib, probabilityGridKernel].join('\n');
}
