/**
 * Every compute pipeline of the app, compiled once per device, and the data
 * definitions webgpu-utils derives from the same WGSL, from which all buffer
 * layouts are built (no hand-counted offsets).
 */
import { makeShaderDataDefinitions, type ShaderDataDefinitions } from 'webgpu-utils';
import {
  costSurfaceSource,
  probabilityGridSource,
  type ReductionPath,
  trainPartialsSource,
  trainUpdateSource,
} from './shader-sources';

export interface ShaderDefinitions {
  readonly partials: ShaderDataDefinitions;
  readonly update: ShaderDataDefinitions;
  readonly costSurface: ShaderDataDefinitions;
  readonly probabilityGrid: ShaderDataDefinitions;
}

export interface NewtonPipelines {
  readonly partials: GPUComputePipeline;
  readonly update: GPUComputePipeline;
}

export interface Pipelines {
  readonly path: ReductionPath;
  readonly defs: ShaderDefinitions;
  readonly partials: GPUComputePipeline;
  readonly update: GPUComputePipeline;
  readonly snapshot: GPUComputePipeline;
  /**
   * The partials with the Hessian's sums and the update that solves them (every rule, Newton's too),
   * compiled on first use: most pages never run Newton's method.
   */
  readonly newton: () => Promise<NewtonPipelines>;
  readonly costSurface: GPUComputePipeline;
  readonly probabilityGrid: GPUComputePipeline;
}

const definitionCache = new Map<ReductionPath, ShaderDefinitions>();

/** Layouts do not depend on the device; parse each source once per page. */
export function shaderDefinitions(path: ReductionPath): ShaderDefinitions {
  let defs = definitionCache.get(path);
  if (!defs) {
    defs = {
      partials: makeShaderDataDefinitions(trainPartialsSource(path)),
      update: makeShaderDataDefinitions(trainUpdateSource(path)),
      costSurface: makeShaderDataDefinitions(costSurfaceSource()),
      probabilityGrid: makeShaderDataDefinitions(probabilityGridSource()),
    };
    definitionCache.set(path, defs);
  }
  return defs;
}

async function compile(
  device: GPUDevice,
  label: string,
  code: string,
  entryPoint: string,
): Promise<GPUComputePipeline> {
  const module = device.createShaderModule({ label, code });
  return device.createComputePipelineAsync({
    label: `${label} · ${entryPoint}`,
    layout: 'auto',
    compute: { module, entryPoint },
  });
}

export async function createPipelines(device: GPUDevice, path: ReductionPath): Promise<Pipelines> {
  const updateSource = trainUpdateSource(path);
  const partialsSource = trainPartialsSource(path);
  const [partials, update, snapshot, costSurface, probabilityGrid] = await Promise.all([
    compile(device, `train partials (${path})`, partialsSource, 'main'),
    compile(device, `train update (${path})`, updateSource, 'update'),
    compile(device, `train update (${path})`, updateSource, 'snapshot'),
    compile(device, 'cost surface', costSurfaceSource(), 'main'),
    compile(device, 'probability grid', probabilityGridSource(), 'main'),
  ]);
  let compiled: Promise<NewtonPipelines> | undefined;
  const newton = () => {
    compiled ??= Promise.all([
      compile(device, `train partials (${path})`, partialsSource, 'newton'),
      compile(device, `train update (${path})`, updateSource, 'update_newton'),
    ]).then(([partials, update]) => ({ partials, update }));
    return compiled;
  };
  return {
    path,
    defs: shaderDefinitions(path),
    partials,
    update,
    snapshot,
    newton,
    costSurface,
    probabilityGrid,
  };
}
