/** What the GPU engine reports that nobody asked for, in the words the page shows. */
import type { GpuEngineOptions } from './gpu-engine';

export function gpuReports(report: { error(text: string): void; notice(text: string): void }): GpuEngineOptions {
  return {
    onError: (message) => report.error(`WebGPU error: ${message}`),
    onRecovered: (reason, cause) =>
      report.notice(
        cause === 'lost'
          ? `The GPU device was lost (${reason}) and has been replaced; the data and weights were restored.`
          : `A GPU operation failed (${reason}); the GPU engine was rebuilt and the data and weights were restored.`,
      ),
  };
}
