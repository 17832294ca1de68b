/** What the GPU engine reports that nobody asked for, in the words the page shows. */
import type { GpuEngineOptions } from './gpu-engine';

export function gpuReports(report: { error(text: string): void; notice(text: string): void }): GpuEngineOptions {
  return {
    onError: (message) => report.error(`WebGPU error: ${message}`),
    onRecovered: (reason) =>
      report.notice(`The GPU device was lost (${reason}) and has been replaced; the data and weights were restored.`),
  };
}
