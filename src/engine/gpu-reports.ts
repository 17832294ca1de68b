/** What the GPU engine reports that nobody asked for, in the words the page shows. */
import { deviceReplaced, gpuRebuilt, webGpuError } from '../text/messages';
import type { GpuEngineOptions } from './gpu-engine';

export function gpuReports(report: { error(text: string): void; notice(text: string): void }): GpuEngineOptions {
  return {
    onError: (message) => report.error(webGpuError(message)),
    onRecovered: (reason, cause) => report.notice(cause === 'lost' ? deviceReplaced(reason) : gpuRebuilt(reason)),
  };
}
