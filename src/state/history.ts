/**
 * Where gradient descent has been: one entry per iteration, w(i) and the cost
 * there. Long runs are thinned (every other entry dropped, the first and the
 * last kept) so a page left playing for an hour keeps a bounded history; each
 * entry carries its iteration number, so thinned views stay truthful.
 */
import type { Params } from '../model/regression';

export interface HistoryEntry {
  readonly iteration: number;
  readonly params: Params;
  /** The cost at these parameters (a mini-batch estimate between whole-data evaluations). */
  readonly loss: number;
  /** The fraction classified right there (of the batch, for a mini-batch step). */
  readonly accuracy: number;
}

export class History {
  private list: HistoryEntry[] = [];

  constructor(private readonly limit = 20_000) {}

  get entries(): readonly HistoryEntry[] {
    return this.list;
  }

  get last(): HistoryEntry | undefined {
    return this.list.at(-1);
  }

  reset(start: HistoryEntry): void {
    this.list = [start];
  }

  /** A new list each time, never mutated in place: views compare by reference to see a change. */
  append(entries: readonly HistoryEntry[]): void {
    this.list = this.list.concat(entries);
    if (this.list.length > this.limit) this.thin();
  }

  /** Replaces the loss and accuracy of the last entry (with values measured later, on edited data). */
  setLast(loss: number, accuracy: number): void {
    const last = this.list.at(-1);
    if (last) this.list = [...this.list.slice(0, -1), { ...last, loss, accuracy }];
  }

  private thin(): void {
    const n = this.list.length;
    this.list = this.list.filter((_, i) => i === 0 || i === n - 1 || i % 2 === 0);
  }
}
