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

export interface Pipelines {
  readonly path: ReductionPath;
  readonly defs: ShaderDefinitions;
  readonly partials: GPUComputePipeline;
  readonly update: GPUComputePipeline;
  readonly snapshot: GPUComputePipeline;
  /** The partials with the Hessian's sums, compiled on first use: most pages never run Newton's method. */
  readonly newtonPartials: () => Promise<GPUComputePipeline>;
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
  let newton: Promise<GPUComputePipeline> | undefined;
  const newtonPartials = () => {
    newton ??= compile(device, `train partials (${path})`, partialsSource, 'newton');
    return newton;
  };
  return {
    path,
    defs: shaderDefinitions(path),
    partials,
    update,
    snapshot,
    newtonPartials,
    costSurface,
    probabilityGrid,
  };
}
