/**
 * Drives Play from requestAnimationFrame: one training frame at a time (a
 * frame still running on a slow adapter is never doubled up), and under
 * prefers-reduced-motion no more than four redraws a second.
 */

const REDUCED_MOTION_FRAME_MS = 250;

export class FrameLoop {
  private id: number | undefined;
  private busy = false;
  private lastAt = Number.NEGATIVE_INFINITY;
  private readonly reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');

  constructor(
    /** Runs one frame; its failure stops the loop through `onError`. */
    private readonly frame: (now: number) => Promise<void>,
    /** Whether Play is on: the loop stops by itself when it is not. */
    private readonly active: () => boolean,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts the loop if Play is on and it is not already running. */
  start(): void {
    if (this.id === undefined && this.active()) this.id = requestAnimationFrame(this.tick);
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
