/**
 * Undo and redo as two stacks: what was done (newest last) and what was
 * undone (the next to redo last). Doing something new forgets what was
 * undone, as every editor does. The oldest steps go beyond `limit`.
 */
export const UNDO_LIMIT = 100;

export class UndoStack<T> {
  private done: T[] = [];
  private undone: T[] = [];

  constructor(readonly limit = UNDO_LIMIT) {}

  /** Records a step just done. */
  push(step: T): void {
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The step to take back (now counted as undone), or undefined when there is none. */
  undo(): T | undefined {
    const step = this.done.pop();
    if (step !== undefined) this.undone.push(step);
    return step;
  }

  /** The step to make again (now counted as done), or undefined when there is none. */
  redo(): T | undefined {
    const step = this.undone.pop();
    if (step !== undefined) this.done.push(step);
    return step;
  }

  /** Puts back a step whose undo could not be carried out (it stays done). */
  undoFailed(): void {
    const step = this.undone.pop();
    if (step !== undefined) this.done.push(step);
  }

  /** Puts back a step whose redo could not be carried out (it stays undone). */
  redoFailed(): void {
    const step = this.done.pop();
    if (step !== undefined) this.undone.push(step);
  }

  /** The step undo() would take back. */
  get nextUndo(): T | undefined {
    return this.done.at(-1);
  }

  /** The step redo() would make again. */
  get nextRedo(): T | undefined {
    return this.undone.at(-1);
  }

  get depth(): { readonly undo: number; readonly redo: number } {
    return { undo: this.done.length, redo: this.undone.length };
  }
}
