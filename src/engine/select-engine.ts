/**
 * Which engine the page runs, and the words that say why. The GPU engine is
 * chosen when WebGPU is there and not refused; otherwise the CPU reference.
 */
import type { AdapterProbe } from '../gpu/adapter';
import { adapterName } from '../gpu/adapter';
import type { EnginePreference } from '../state/attributes';
import { CpuEngine } from './cpu-engine';
import type { Engine } from './engine';

export interface EngineChoice {
  readonly engine: Engine;
  /** The adapter's name for the GPU; why not the GPU for the CPU. */
  readonly detail: string;
}

export async function selectEngine(preference: EnginePreference, probe: AdapterProbe): Promise<EngineChoice> {
  if (preference === 'cpu') return { engine: new CpuEngine(), detail: 'chosen with engine="cpu"' };
  if (!probe.ok) return { engine: new CpuEngine(), detail: probe.reason };
  return {
    engine: new CpuEngine(),
    detail: `the WebGPU engine is not built yet (adapter found: ${adapterName(probe.summary)})`,
  };
}
