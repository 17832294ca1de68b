/**
 * Counts the user's requests under way (a click, a step, a change) so the
 * page can say that work is going on when they queue up behind something
 * slow; it says nothing about requests that finish within a moment, so a
 * quick click does not make anything flicker.
 */
const QUIET_MS = 250;

export class PendingWork {
  private count = 0;
  private shown = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onChange: () => void) {}

  /** Requests under way, once they have taken longer than a moment; 0 otherwise. */
  get waiting(): number {
    return this.shown ? this.count : 0;
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      if (this.count > 0) {
        this.shown = true;
        this.onChange();
      }
    }, QUIET_MS);
    try {
      return await work();
    } finally {
      this.count--;
      if (this.count === 0) this.settle();
      else if (this.shown) this.onChange();
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private settle(): void {
    this.dispose();
    if (this.shown) {
      this.shown = false;
      this.onChange();
    }
  }
}
