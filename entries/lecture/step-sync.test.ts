import { describe, expect, it } from 'vitest';
import { type SteppableModel, StepSync } from './step-sync';

/** A model that counts what it was asked to do. */
function countingModel() {
  const calls: string[] = [];
  let iteration = 0;
  const model: SteppableModel = {
    ready: Promise.resolve(),
    get state() {
      return { iteration };
    },
    async step(n) {
      calls.push(`step ${n}`);
      await Promise.resolve();
      iteration += n;
    },
    async reset() {
      calls.push('reset');
      await Promise.resolve();
      iteration = 0;
    },
  };
  return { model, calls, iteration: () => iteration };
}

describe('StepSync', () => {
  it('takes only the missing steps going forward', async () => {
    const m = countingModel();
    const sync = new StepSync(m.model, (e) => {
      throw e;
    });
    await sync.moveTo(1);
    await sync.moveTo(2);
    await sync.moveTo(3);
    expect(m.calls).toEqual(['step 1', 'step 1', 'step 1']);
    expect(m.iteration()).toBe(3);
  });

  it('going back resets and replays to the earlier iteration; the same target twice does nothing', async () => {
    const m = countingModel();
    const sync = new StepSync(m.model, () => {});
    await sync.moveTo(3);
    await sync.moveTo(2);
    await sync.moveTo(2);
    expect(m.calls).toEqual(['step 3', 'reset', 'step 2']);
    expect(m.iteration()).toBe(2);
  });

  it('skips targets overtaken before their turn: quick paging ends at the last target without detours', async () => {
    const m = countingModel();
    const sync = new StepSync(m.model, () => {});
    void sync.moveTo(1);
    void sync.moveTo(2);
    void sync.moveTo(3);
    void sync.moveTo(2);
    await sync.settled;
    expect(m.iteration()).toBe(2);
    expect(m.calls).toEqual(['step 2']);
  });

  it('refuses a target that is not an iteration, and keeps going after a failed step', async () => {
    const m = countingModel();
    const errors: unknown[] = [];
    let fail = true;
    const flaky: SteppableModel = {
      ready: Promise.resolve(),
      get state() {
        return m.model.state;
      },
      step: (n) => {
        if (fail) {
          fail = false;
          return Promise.reject(new Error('device lost'));
        }
        return m.model.step(n);
      },
      reset: () => m.model.reset(),
    };
    const sync = new StepSync(flaky, (e) => errors.push(e));
    expect(() => sync.moveTo(-1)).toThrow(/iteration 0, 1, 2/);
    expect(() => sync.moveTo(1.5)).toThrow(RangeError);
    await sync.moveTo(1);
    expect(errors).toHaveLength(1);
    await sync.moveTo(2);
    expect(m.iteration()).toBe(2);
  });
});
