/**
 * Drives Play from requestAnimationFrame, as a reactive controller: one
 * training frame at a time (a frame still running on a slow adapter is never
 * doubled up), no more than four redraws a second under
 * prefers-reduced-motion, and nothing left scheduled once the element is
 * disconnected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const REDUCED_MOTION_FRAME_MS = 250;

export class FrameLoop implements ReactiveController {
  private id: number | undefined;
  private busy = false;
  private connected = false;
  private lastAt = Number.NEGATIVE_INFINITY;
  private reducedMotion: MediaQueryList | undefined;

  constructor(
    host: ReactiveControllerHost,
    /** Runs one frame; its failure stops the loop through `onError`. */
    private readonly frame: (now: number) => Promise<void>,
    /** Whether Play is on: the loop stops by itself when it is not. */
    private readonly active: () => boolean,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    // Moved to another place on the page while playing: Play goes on there.
    this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  /** Starts the loop if Play is on and it is not already running. */
  start(): void {
    if (this.connected && this.id === undefined && this.active()) this.id = requestAnimationFrame(this.tick);
  }

  stop(): void {
    if (this.id !== undefined) cancelAnimationFrame(this.id);
    this.id = undefined;
  }

  private tick = (now: number): void => {
    this.id = undefined;
    if (!this.active()) return;
    const throttled = this.reducedMotion?.matches && now - this.lastAt < REDUCED_MOTION_FRAME_MS;
    if (!this.busy && !throttled) {
      this.busy = true;
      this.lastAt = now;
      this.frame(now)
        .catch(this.onError)
        .finally(() => {
          this.busy = false;
        });
    }
    this.start();
  };
}
