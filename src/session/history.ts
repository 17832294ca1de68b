/**
 * Where gradient descent has been: one entry per iteration, w(i) and the cost
 * there. Long runs are thinned so that a page left playing for an hour, or a
 * step(10⁹), keeps at most `limit` entries: past the limit only every
 * stride-th iteration from the first is kept (the stride doubling each time
 * the limit is reached again), plus the last. Each entry carries its
 * iteration number, so thinned views stay truthful.
 */
import { type Keeping, keepingFrom } from '../contract/engine';
import type { Params } from '../model/regression';

/**
 * What a cost and an accuracy were measured on: all the data, or only the
 * mini-batch a step read (an estimate, between the ends of a call, which
 * measure all the data). Views and files name it; checks compare like with like.
 */
export type Measure = 'all' | 'batch';

export interface HistoryEntry {
  readonly iteration: number;
  readonly params: Params;
  /** The cost at these parameters, under the chosen reduction (scaled up to all N when measured on a batch). */
  readonly loss: number;
  /** The fraction classified right there. */
  readonly accuracy: number;
  readonly measuredOn: Measure;
}

export class History {
  private list: HistoryEntry[] = [];
  /** Iterations kept: every stride-th from the first entry's. */
  private stride = 1;

  constructor(private readonly limit = 20_000) {
    if (limit < 2) throw new RangeError('a history keeps at least its first and last entries');
  }

  get entries(): readonly HistoryEntry[] {
    return this.list;
  }

  get last(): HistoryEntry | undefined {
    return this.list.at(-1);
  }

  reset(start: HistoryEntry): void {
    this.list = [start];
    this.stride = 1;
  }

  /** Whether an entry at this iteration stays once it is no longer the last (callers skip making the others). */
  keeps(iteration: number): boolean {
    const first = this.list[0];
    return first === undefined || (iteration - first.iteration) % this.stride === 0;
  }

  /** What a train call from `iteration` is to keep for this history (TrainExtras.keep): the entries it keeps. */
  keepingFrom(iteration: number): Keeping {
    return keepingFrom(this.list[0]?.iteration ?? iteration, this.stride, iteration);
  }

  /**
   * Adds entries (in iteration order) and thins to the limit, however many
   * come at once. A new list each time, never mutated in place: views compare
   * by reference to see a change.
   */
  append(entries: readonly HistoryEntry[]): void {
    const newest = entries.at(-1);
    if (!newest) return;
    const list = this.list.slice();
    // The last entry was kept as the newest; off the stride, it goes now that a newer one comes.
    const previous = list.at(-1);
    if (list.length > 1 && previous && !this.keeps(previous.iteration)) list.pop();
    for (const entry of entries) if (entry !== newest && this.keeps(entry.iteration)) list.push(entry);
    list.push(newest);
    this.list = list;
    while (this.list.length > this.limit) this.thin();
  }

  /** Replaces the loss and accuracy of the last entry (with values measured later, on edited data). */
  setLast(loss: number, accuracy: number): void {
    const last = this.list.at(-1);
    if (last) this.list = [...this.list.slice(0, -1), { ...last, loss, accuracy }];
  }

  /** Doubles the stride: about every other entry goes, the first and the last stay. */
  private thin(): void {
    this.stride *= 2;
    const n = this.list.length;
    this.list = this.list.filter((entry, i) => i === 0 || i === n - 1 || this.keeps(entry.iteration));
  }
}
