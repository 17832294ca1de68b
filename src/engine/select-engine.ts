/**
 * Which engine the page runs, and the words that say why. The GPU engine is
 * chosen when WebGPU is there and not refused; otherwise the CPU reference.
 */
import type { AdapterProbe } from '../gpu/adapter';
import { adapterName } from '../gpu/adapter';
import type { EnginePreference } from '../state/attributes';
import { CpuEngine } from './cpu-engine';
import type { Engine } from './engine';
import { GpuEngine, type GpuEngineOptions } from './gpu-engine';

export interface EngineChoice {
  readonly engine: Engine;
  /** The adapter's name for the GPU; why not the GPU for the CPU. */
  readonly detail: string;
}

export async function selectEngine(
  preference: EnginePreference,
  probe: AdapterProbe,
  gpuOptions: GpuEngineOptions = {},
): Promise<EngineChoice> {
  if (preference === 'cpu') return { engine: new CpuEngine(), detail: 'chosen with engine="cpu"' };
  if (!probe.ok) return { engine: new CpuEngine(), detail: probe.reason };
  try {
    const engine = await GpuEngine.create(gpuOptions);
    return { engine, detail: adapterName(engine.adapter) };
  } catch (error) {
    return { engine: new CpuEngine(), detail: `the WebGPU engine failed to start: ${(error as Error).message}` };
  }
}
