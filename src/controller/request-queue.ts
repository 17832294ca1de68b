/**
 * The one order a playground's requests take: a step, a change of settings,
 * new data, an edit, an undo or a redo, a loaded model, a reset run one at a
 * time, in the order they were made, whether or not the caller awaits them.
 * A failed request rejects its own promise and does not hold up the next.
 *
 * A change of settings asked for right after another one that has not begun
 * joins it: the two are applied as one (the later values win), so typing
 * 2, 20, 200 into a field while data are being drawn draws them once more,
 * not three times. Both callers' promises settle with the joint change.
 */
import type { SettingsChange } from '../settings/playground-settings';
import { mergeChanges } from '../settings/settings-change';

/** A change waiting at the end of the queue, still open to the next change asked for. */
interface OpenChange {
  change: SettingsChange;
  readonly done: Promise<void>;
}

export class RequestQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private open: OpenChange | undefined;

  /** Queues `request` behind every request made before it. */
  run<T>(request: () => Promise<T>): Promise<T> {
    this.open = undefined;
    return this.chain(request);
  }

  /** Queues a change of settings, applied by `apply`, or joins it to the change waiting right before it. */
  change(change: SettingsChange, apply: (change: SettingsChange) => Promise<void>): Promise<void> {
    if (this.open) {
      this.open.change = mergeChanges(this.open.change, change);
      return this.open.done;
    }
    let entry: OpenChange | undefined;
    const done = this.chain(async () => {
      // Begun: what comes next waits for it rather than joining it.
      if (this.open === entry) this.open = undefined;
      await apply(entry?.change ?? change);
    });
    entry = { change, done };
    this.open = entry;
    return done;
  }

  private chain<T>(request: () => Promise<T>): Promise<T> {
    const result = this.tail.then(request);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
