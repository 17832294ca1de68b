/**
 * Finding a WebGPU adapter, and saying why there is none in words a user can
 * act on. No DOM here: the page shows what this returns.
 */
import { GpuStartTimeout, withinDeadline } from './deadline';

export interface AdapterSummary {
  readonly vendor: string;
  readonly architecture: string;
  readonly description: string;
  readonly isFallbackAdapter: boolean;
}

export type AdapterProbe =
  | { readonly ok: true; readonly adapter: GPUAdapter; readonly summary: AdapterSummary }
  | { readonly ok: false; readonly reason: string };

export function summarizeAdapter(adapter: GPUAdapter): AdapterSummary {
  const info = adapter.info;
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    description: info.description,
    // Newer browsers report it on info; older ones on the adapter itself.
    isFallbackAdapter:
      (info as GPUAdapterInfo & { isFallbackAdapter?: boolean }).isFallbackAdapter ??
      (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter ??
      false,
  };
}

/** A short name for the adapter: "swiftshader (google)", "ampere (nvidia)"… */
export function adapterName(summary: AdapterSummary): string {
  const parts = [summary.architecture, summary.vendor].filter((s) => s !== '');
  if (parts.length === 0) return summary.description || 'unnamed adapter';
  const [first, second] = parts;
  return second === undefined ? (first as string) : `${first} (${second})`;
}

export async function probeAdapter(gpu: GPU | undefined = globalThis.navigator?.gpu): Promise<AdapterProbe> {
  if (gpu === undefined) {
    const secure = globalThis.isSecureContext ?? true;
    return {
      ok: false,
      reason: secure
        ? 'this browser does not offer WebGPU (navigator.gpu is missing)'
        : 'WebGPU needs a secure context: open the page over https or from localhost',
    };
  }
  let adapter: GPUAdapter | null;
  try {
    // A browser may leave the request unanswered for ever: the page must not wait with it.
    adapter = await withinDeadline(
      gpu.requestAdapter({ powerPreference: 'high-performance' }),
      "WebGPU's requestAdapter()",
    );
  } catch (error) {
    if (error instanceof GpuStartTimeout) return { ok: false, reason: error.message };
    return { ok: false, reason: `the browser refused a WebGPU adapter: ${String(error)}` };
  }
  if (adapter === null)
    return { ok: false, reason: 'WebGPU is there but no adapter is available (GPU blocklisted or disabled)' };
  return { ok: true, adapter, summary: summarizeAdapter(adapter) };
}

/** One line for the page: which adapter was found, or why there is none. */
export function describeProbe(probe: AdapterProbe): string {
  if (!probe.ok) return `No WebGPU: ${probe.reason}.`;
  const fallback = probe.summary.isFallbackAdapter ? ', a software fallback' : '';
  return `WebGPU adapter: ${adapterName(probe.summary)}${fallback}.`;
}
