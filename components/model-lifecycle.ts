/**
 * Who owns the playground's controller (data, settings, session, engine),
 * and when: a reactive controller that creates it when its element is
 * connected and destroys it (engine and GPU device lease included) when the
 * element is removed, keeping the settings and any custom data to start
 * again from on the next connect. An element moved (disconnected and
 * connected again in the same task, as frameworks and slide decks do) keeps
 * its controller: the run, its history and Play go on. A start overtaken by
 * a removal gives back what it got; a start that fails may be tried once
 * more another way (the CPU instead of the GPU). `ready` settles with the
 * first start.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlaygroundController } from '../src/controller/playground-controller';
import type { Dataset } from '../src/model/dataset';
import type { PlaygroundSettings } from '../src/settings/playground-settings';

/** What a reconnect starts from: the settings and any custom data the last controller had. */
export interface Carried {
  readonly settings: PlaygroundSettings;
  readonly data?: { readonly dataset: Dataset; readonly note: string };
}

export interface LifecycleOptions {
  /** Makes a controller; `isCurrent` says whether the element is still connected for this start. */
  readonly create: (carried: Carried | undefined, isCurrent: () => boolean) => Promise<PlaygroundController>;
  /**
   * Another controller to try when this one could not get ready (a GPU that
   * keeps failing: the CPU instead), or undefined to give up with `error`.
   */
  readonly fallback?: (
    error: unknown,
    failed: PlaygroundController,
    carried: Carried | undefined,
    isCurrent: () => boolean,
  ) => Promise<PlaygroundController | undefined>;
  /** The controller published a new view. */
  readonly onChange: () => void;
  /** A start failed (not one a disconnect overtook). */
  readonly onError: (error: unknown) => void;
}

export class ModelLifecycle implements ReactiveController {
  /** The controller, from its creation until the element is disconnected. */
  controller: PlaygroundController | undefined;
  /** The settings and data the last controller left, while none is running. */
  carried: Carried | undefined;
  private starting: Promise<PlaygroundController> | undefined;
  private generation = 0;
  /** A disconnect waiting to see whether the element comes back in the same task (a move). */
  private leaving: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: (() => void) | undefined;
  private resolveReady: () => void = () => undefined;
  private rejectReady: (reason: unknown) => void = () => undefined;
  /** Settles with the first start; rejects if it failed. */
  readonly ready: Promise<void> = new Promise<void>((resolve, reject) => {
    this.resolveReady = resolve;
    this.rejectReady = reject;
  });

  constructor(
    host: ReactiveControllerHost,
    private readonly options: LifecycleOptions,
  ) {
    host.addController(this);
    // A page that never awaits `ready` must not see an unhandled rejection; the element shows the error.
    this.ready.catch(() => undefined);
  }

  hostConnected(): void {
    if (this.leaving !== undefined) {
      // Moved, not removed: everything stays as it was.
      clearTimeout(this.leaving);
      this.leaving = undefined;
      return;
    }
    const generation = ++this.generation;
    const isCurrent = () => generation === this.generation;
    this.starting = this.start(isCurrent);
    this.starting.then(
      () => this.resolveReady(),
      (error: unknown) => {
        if (!isCurrent()) return;
        this.options.onError(error);
        this.rejectReady(error);
      },
    );
  }

  hostDisconnected(): void {
    // Let go only once the task is over and the element has not come back.
    this.leaving = setTimeout(() => {
      this.leaving = undefined;
      this.release();
    }, 0);
  }

  private release(): void {
    this.generation++;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const controller = this.controller;
    this.controller = undefined;
    this.starting = undefined;
    if (!controller) return;
    const data = controller.customDataset;
    this.carried = { settings: controller.settings, ...(data ? { data } : {}) };
    void controller.destroy();
  }

  /**
   * The controller of the start under way or done; rejects when the element
   * is not connected. Always the same promise for one start, so requests
   * chained on it reach the controller in the order they were made.
   */
  started(): Promise<PlaygroundController> {
    return this.starting ?? Promise.reject(new Error('The playground is not on a page: connect it first'));
  }

  private async start(isCurrent: () => boolean): Promise<PlaygroundController> {
    const carried = this.carried;
    let controller = await this.options.create(carried, isCurrent);
    for (let fellBack = false; ; fellBack = true) {
      if (!isCurrent()) {
        void controller.destroy();
        throw new Error('disconnected before it started');
      }
      this.controller = controller;
      this.unsubscribe = controller.subscribe(this.options.onChange);
      try {
        await controller.ready();
        return controller;
      } catch (error) {
        const next =
          fellBack || !isCurrent() ? undefined : await this.options.fallback?.(error, controller, carried, isCurrent);
        if (!next) throw error;
        this.unsubscribe();
        this.unsubscribe = undefined;
        this.controller = undefined;
        void controller.destroy();
        controller = next;
      }
    }
  }
}
