/**
 * Keeps a model at a target iteration that the slide deck sets: the slide's
 * base number of steps plus one per step fragment shown. Moving the target
 * down resets and replays (gradient descent is deterministic, so w(k) after
 * a replay is w(k)); moving it up takes only the missing steps. Requests are
 * served in order, and one that is overtaken before its turn is skipped, so
 * paging quickly back and forth never takes a step the slide does not show.
 */

/** What the sync needs of a model: <lp-model> has it. */
export interface SteppableModel {
  readonly ready: Promise<void>;
  readonly state: { readonly iteration: number };
  step(n: number): Promise<void>;
  reset(): Promise<void>;
}

export class StepSync {
  private target = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly model: SteppableModel,
    /** Told of a failure (the model shows its own errors too); the next target still applies. */
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Asks for w(k); resolves when the model is there (or a later target overtook it). */
  moveTo(iteration: number): Promise<void> {
    if (!Number.isInteger(iteration) || iteration < 0) {
      throw new RangeError(`A slide can show iteration 0, 1, 2, …; got ${iteration}`);
    }
    this.target = iteration;
    this.queue = this.queue.then(() => this.settle()).catch(this.onError);
    return this.queue;
  }

  /** Resolves once every target asked for so far has been reached. */
  get settled(): Promise<void> {
    return this.queue;
  }

  private async settle(): Promise<void> {
    await this.model.ready;
    const goal = this.target;
    if (this.model.state.iteration > goal) await this.model.reset();
    const missing = goal - this.model.state.iteration;
    if (missing > 0) await this.model.step(missing);
  }
}
