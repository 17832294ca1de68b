/**
 * Every compute pipeline of the app, compiled once per device, and the data
 * definitions webgpu-utils derives from the same WGSL, from which all buffer
 * layouts are built (no hand-counted offsets).
 */
import { makeShaderDataDefinitions, type ShaderDataDefinitions } from 'webgpu-utils';
import { fusedVariant } from './fused-path';
import {
  costSurfaceSource,
  probabilityGridSource,
  type ReductionPath,
  trainFusedSource,
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

/** Two dispatches a step: the partial sums, the update, and the snapshot's second pass. */
export interface StepwisePipelines extends NewtonPipelines {
  readonly snapshot: GPUComputePipeline;
}

export interface Pipelines {
  readonly path: ReductionPath;
  readonly defs: ShaderDefinitions;
  /**
   * Training by two dispatches a step, compiled on first use: data small
   * enough for the fused kernel (the tutorial's, and every lesson's) never need them.
   */
  readonly stepwise: () => Promise<StepwisePipelines>;
  /**
   * The partials with the Hessian's sums and the update that solves them (every rule, Newton's too),
   * compiled on first use: most pages never run Newton's method.
   */
  readonly newton: () => Promise<NewtonPipelines>;
  /**
   * The fused kernel (many steps a dispatch) with `invocations` a workgroup, with Newton's sums and solve
   * or without: compiled on first use, as only small data take it.
   */
  readonly fused: (invocations: number, newton: boolean) => Promise<GPUComputePipeline>;
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
  constants?: Record<string, number>,
): Promise<GPUComputePipeline> {
  const module = device.createShaderModule({ label, code });
  return device.createComputePipelineAsync({
    label: `${label} · ${entryPoint}`,
    layout: 'auto',
    compute: { module, entryPoint, ...(constants ? { constants } : {}) },
  });
}

export async function createPipelines(device: GPUDevice, path: ReductionPath): Promise<Pipelines> {
  const updateSource = trainUpdateSource(path);
  const partialsSource = trainPartialsSource(path);
  const [costSurface, probabilityGrid] = await Promise.all([
    compile(device, 'cost surface', costSurfaceSource(), 'main'),
    compile(device, 'probability grid', probabilityGridSource(), 'main'),
  ]);
  let stepwiseCompiled: Promise<StepwisePipelines> | undefined;
  const stepwise = () => {
    stepwiseCompiled ??= Promise.all([
      compile(device, `train partials (${path})`, partialsSource, 'main'),
      compile(device, `train update (${path})`, updateSource, 'update'),
      compile(device, `train update (${path})`, updateSource, 'snapshot'),
    ]).then(([partials, update, snapshot]) => ({ partials, update, snapshot }));
    stepwiseCompiled.catch(() => {
      stepwiseCompiled = undefined;
    });
    return stepwiseCompiled;
  };
  let compiled: Promise<NewtonPipelines> | undefined;
  const newton = () => {
    compiled ??= Promise.all([
      compile(device, `train partials (${path})`, partialsSource, 'newton'),
      compile(device, `train update (${path})`, updateSource, 'update_newton'),
    ]).then(([partials, update]) => ({ partials, update }));
    return compiled;
  };
  const fusedCompiled = new Map<string, Promise<GPUComputePipeline>>();
  const fused = (invocations: number, newton: boolean) => {
    const key = fusedVariant(invocations, newton);
    let pipeline = fusedCompiled.get(key);
    if (!pipeline) {
      // Overrides are numbers in the API: a bool takes 1 or 0.
      pipeline = compile(device, `train fused (${key})`, trainFusedSource(), 'main', {
        FUSED_SIZE: invocations,
        FUSED_NEWTON: newton ? 1 : 0,
      });
      pipeline.catch(() => fusedCompiled.delete(key));
      fusedCompiled.set(key, pipeline);
    }
    return pipeline;
  };
  return {
    path,
    defs: shaderDefinitions(path),
    stepwise,
    newton,
    fused,
    costSurface,
    probabilityGrid,
  };
}
