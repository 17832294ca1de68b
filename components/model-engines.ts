/**
 * Which engine a model runs, for <lp-model>: the one its `engine` attribute
 * asks for, with what the GPU engine reports going to the page. An engine
 * takes a while to start (a GPU device, compiled pipelines), so switches can
 * overlap: the last one asked for wins, and an engine that finishes starting
 * after a later request is dropped, however long it took. A GPU start that
 * fails falls back to the CPU, taking back what the GPU said meanwhile.
 */

import type { PlaygroundController } from '../src/controller/playground-controller';
import type { EnginePreference } from '../src/engine/engine-preference';
import { gpuReports } from '../src/engine/gpu-reports';
import { chooseEngine, cpuEngine, type PageEngine } from '../src/engine/select-engine';
import { gridBudget } from '../src/session/cost-surface-job';
import { gpuStartFailed } from '../src/text/messages';

export interface EngineHost {
  /** The controller of the start under way or done. */
  started(): Promise<PlaygroundController>;
  /** The controller running now (another one after a reconnect). */
  current(): PlaygroundController | undefined;
  /** What the `engine` attribute asks for now. */
  preference(): EnginePreference;
  /** The engine in use changed: its detail for the badge. */
  chosen(detail: string): void;
  /** A WebGPU error nobody caught: shown as the page's error. */
  error(text: string): void;
  /** A notice from the GPU engine (a device replaced), or none of them any more (`withdraw`). */
  notice(text: string): void;
  withdraw(texts: ReadonlySet<string>): void;
}

export class ModelEngines {
  private requests = 0;
  /** The notices the GPU engines gave: taken back when a start falls back to the CPU. */
  private readonly gpuNotices = new Set<string>();

  constructor(private readonly host: EngineHost) {}

  /** The engine the attribute asks for (or `preference`), what the GPU engine reports going to the page. */
  choose(preference = this.host.preference()): Promise<PageEngine> {
    return chooseEngine(
      preference,
      gpuReports({
        error: (text) => this.host.error(text),
        notice: (text) => {
          this.gpuNotices.add(text);
          this.host.notice(text);
        },
      }),
    );
  }

  /** The CPU engine after a failed GPU start, saying why; what the GPU said meanwhile is taken back. */
  fallback(error: unknown): Promise<PageEngine> {
    this.host.withdraw(this.gpuNotices);
    return cpuEngine(gpuStartFailed((error as Error).message));
  }

  /** Moves the running model to the engine the attribute asks for now, keeping data, settings and weights. */
  async switch(): Promise<void> {
    const request = ++this.requests;
    const controller = await this.host.started();
    if (request !== this.requests) return;
    const choice = await this.choose();
    if (request !== this.requests || controller !== this.host.current()) {
      choice.engine.destroy();
      return;
    }
    await controller.replaceEngine(choice.engine, gridBudget(choice.engine.kind, choice.fast));
    this.host.chosen(choice.detail);
  }
}
