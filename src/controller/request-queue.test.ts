import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestQueue } from './request-queue';

function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('the one queue', () => {
  it('runs requests, changes and background work one at a time in the order they were made', async () => {
    const queue = new RequestQueue();
    const order: string[] = [];
    const slow = gate();
    const first = queue.run(async () => {
      order.push('request 1 begins');
      await slow.promise;
      order.push('request 1 ends');
    });
    const frame = queue.background(async () => {
      order.push('frame');
    });
    const change = queue.change({ training: { learningRate: 0.1 } }, async (c) => {
      order.push(`change η = ${c.training?.learningRate}`);
    });
    const second = queue.run(async () => {
      order.push('request 2');
    });
    slow.open();
    await Promise.all([first, frame, change, second]);
    expect(order).toEqual(['request 1 begins', 'request 1 ends', 'frame', 'change η = 0.1', 'request 2']);
  });

  it('joins a change to the one asked for right before it while that has not begun, later values winning', async () => {
    const queue = new RequestQueue();
    const applied: unknown[] = [];
    const slow = gate();
    const busy = queue.run(() => slow.promise);
    const a = queue.change({ training: { learningRate: 2 } }, async (c) => {
      applied.push(c);
    });
    const b = queue.change({ training: { learningRate: 20, batchSize: 5 } }, async (c) => {
      applied.push(c);
    });
    slow.open();
    await Promise.all([busy, a, b]);
    expect(applied).toEqual([{ training: { learningRate: 20, batchSize: 5 } }]);
  });

  it('does not join a change across a request made between them', async () => {
    const queue = new RequestQueue();
    const applied: unknown[] = [];
    const apply = async (c: unknown) => {
      applied.push(c);
    };
    const slow = gate();
    const busy = queue.run(() => slow.promise);
    const a = queue.change({ speed: { value: 2 } }, apply);
    const step = queue.run(async () => {
      applied.push('step');
    });
    const b = queue.change({ speed: { value: 3 } }, apply);
    slow.open();
    await Promise.all([busy, a, step, b]);
    expect(applied).toEqual([{ speed: { value: 2 } }, 'step', { speed: { value: 3 } }]);
  });

  it('lets the entry after a failed one run, the failure rejecting its own promise only', async () => {
    const queue = new RequestQueue();
    const failed = queue.run(async () => {
      throw new Error('refused');
    });
    const next = queue.run(async () => 'ran');
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('ran');
  });
});

describe('the requests it says are waiting', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says nothing of work that finishes within a moment', async () => {
    const changes: number[] = [];
    const queue = new RequestQueue(() => changes.push(queue.waiting));
    await queue.run(async () => undefined);
    vi.advanceTimersByTime(1000);
    expect(changes).toEqual([]);
    expect(queue.waiting).toBe(0);
  });

  it('counts requests queued behind slow work, not background work, and clears when they are done', async () => {
    const changes: number[] = [];
    const queue = new RequestQueue(() => changes.push(queue.waiting));
    const slow = gate();
    const first = queue.run(() => slow.promise);
    const frame = queue.background(async () => undefined);
    const second = queue.change({ speed: { value: 2 } }, async () => undefined);
    vi.advanceTimersByTime(300);
    expect(queue.waiting).toBe(2);
    slow.open();
    await Promise.all([first, frame, second]);
    expect(queue.waiting).toBe(0);
    expect(changes.at(-1)).toBe(0);
    expect(changes[0]).toBe(2);
  });
});
