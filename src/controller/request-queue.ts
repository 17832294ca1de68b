/**
 * The one order a playground's work takes. Every request (a step, a change
 * of settings, new data, an edit, an undo or a redo, a loaded model, a
 * reset) and the page's own engine work (Play's frames, the cost surface's
 * slices, the start, a change of engine) run one at a time, in the order
 * they were made, whether or not the caller awaits them. Nothing below the
 * controller queues: the training session, the data keeper and the engine
 * each do one thing when called, so the order of calls is the order of
 * effect by construction. A failed entry rejects its own promise and does
 * not hold up the next.
 *
 * A change of settings asked for right after another one that has not begun
 * joins it: the two are applied as one (the later values win), so typing
 * 2, 20, 200 into a field while data are being drawn draws them once more,
 * not three times. Both callers' promises settle with the joint change.
 *
 * The queue also counts the requests under way, so the page can say that
 * work is going on when they queue up behind something slow; it says
 * nothing of requests that finish within a moment, so a quick click does
 * not make anything flicker.
 */
import type { SettingsChange } from '../settings/playground-settings';
import { mergeChanges } from '../settings/settings-change';

/** How long requests may be under way before the page says so. */
const QUIET_MS = 250;

/** A change waiting at the end of the queue, still open to the next change asked for. */
interface OpenChange<C extends SettingsChange> {
  change: C;
  readonly done: Promise<void>;
}

export class RequestQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private open: OpenChange<SettingsChange> | undefined;
  private count = 0;
  private shown = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `onWaiting` hears when the number of requests the page shows as waiting changed. */
  constructor(private readonly onWaiting: () => void = () => undefined) {}

  /** Requests under way, once they have taken longer than a moment; 0 otherwise. */
  get waiting(): number {
    return this.shown ? this.count : 0;
  }

  /** Queues a user's request behind everything made before it, counted as waiting meanwhile. */
  run<T>(request: () => Promise<T>): Promise<T> {
    this.open = undefined;
    return this.counted(() => this.chain(request));
  }

  /**
   * Queues the page's own work (Play's frame, a slice of the cost surface):
   * in the same order as the requests, not counted as one, and no bar to a
   * change of settings joining the one asked for before it.
   */
  background<T>(work: () => Promise<T>): Promise<T> {
    return this.chain(work);
  }

  /** Queues a change of settings, applied by `apply`, or joins it to the change waiting right before it. */
  change<C extends SettingsChange>(change: C, apply: (change: C) => Promise<void>): Promise<void> {
    const open = this.open as OpenChange<C> | undefined;
    if (open) {
      // Changes queued by one owner are of one kind (the controller's are all checked): merged, they stay so.
      open.change = mergeChanges(open.change, change);
      return open.done;
    }
    let entry: OpenChange<C> | undefined;
    const done = this.counted(() =>
      this.chain(async () => {
        // Begun: what comes next waits for it rather than joining it.
        if (this.open === entry) this.open = undefined;
        await apply(entry?.change ?? change);
      }),
    );
    entry = { change, done };
    this.open = entry as OpenChange<SettingsChange>;
    return done;
  }

  /** Stops the timer that would say requests are waiting (the controller went away). */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private chain<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async counted<T>(request: () => Promise<T>): Promise<T> {
    this.count++;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      if (this.count > 0) {
        this.shown = true;
        this.onWaiting();
      }
    }, QUIET_MS);
    try {
      return await request();
    } finally {
      this.count--;
      if (this.count === 0) this.settle();
      else if (this.shown) this.onWaiting();
    }
  }

  private settle(): void {
    this.dispose();
    if (this.shown) {
      this.shown = false;
      this.onWaiting();
    }
  }
}
