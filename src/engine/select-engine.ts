/**
 * Which engine the page runs, and the words that say why. The GPU engine is
 * chosen when WebGPU is there and not refused; otherwise the CPU reference.
 * A GPU start that hangs (an adapter or device unanswered for
 * GPU_START_TIMEOUT_MS, the rest for GPU_ENGINE_START_TIMEOUT_MS) or keeps
 * failing ends on the CPU too, never in a page that waits for ever.
 */

import type { Engine } from '../contract/engine';
import type { EnginePreference } from '../engine/engine-preference';
import { type AdapterProbe, adapterName, describeProbe, probeAdapter } from '../gpu/adapter';
import { GPU_ENGINE_START_TIMEOUT_MS, withinDeadline } from '../gpu/deadline';
import { CPU_CHOSEN, gpuStartFailed } from '../text/messages';
import { CpuEngine } from './cpu-engine';
import { GpuEngine, type GpuEngineOptions } from './gpu-engine';

export interface EngineChoice {
  readonly engine: Engine;
  /** The adapter's name for the GPU; why not the GPU for the CPU. */
  readonly detail: string;
}

export interface PageEngine extends EngineChoice {
  /** What WebGPU offers, in words, whichever engine was chosen. */
  readonly adapterText: string;
  /** A hardware GPU runs the engine (not the CPU, not a software adapter): views may ask more of it. */
  readonly fast: boolean;
}

/** Looks for WebGPU and picks the engine for a page, with the words that explain the choice. */
export async function chooseEngine(
  preference: EnginePreference,
  gpuOptions: GpuEngineOptions = {},
): Promise<PageEngine> {
  const probe = await probeAdapter();
  const choice = await selectEngine(preference, probe, gpuOptions);
  const fast = choice.engine.kind === 'gpu' && probe.ok && !probe.summary.isFallbackAdapter;
  return { ...choice, adapterText: describeProbe(probe), fast };
}

export async function selectEngine(
  preference: EnginePreference,
  probe: AdapterProbe,
  gpuOptions: GpuEngineOptions = {},
): Promise<EngineChoice> {
  if (preference === 'cpu') return { engine: new CpuEngine(), detail: CPU_CHOSEN };
  if (!probe.ok) return { engine: new CpuEngine(), detail: probe.reason };
  try {
    // A start that answers after the deadline is nobody's: its engine (and device lease) is freed.
    const engine = await withinDeadline(
      GpuEngine.create(gpuOptions),
      'WebGPU',
      (late) => late.destroy(),
      GPU_ENGINE_START_TIMEOUT_MS,
    );
    return { engine, detail: adapterName(engine.adapter) };
  } catch (error) {
    return { engine: new CpuEngine(), detail: gpuStartFailed((error as Error).message) };
  }
}

/** The CPU engine for a page whose GPU could not be used, with the words that say why. */
export async function cpuEngine(why: string): Promise<PageEngine> {
  return { engine: new CpuEngine(), detail: why, adapterText: describeProbe(await probeAdapter()), fast: false };
}
