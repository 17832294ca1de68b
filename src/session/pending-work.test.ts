import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PendingWork } from './pending-work';

describe('PendingWork', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says nothing of work that finishes within a moment', async () => {
    const changes: number[] = [];
    const pending = new PendingWork(() => changes.push(pending.waiting));
    await pending.track(async () => undefined);
    vi.advanceTimersByTime(1000);
    expect(changes).toEqual([]);
    expect(pending.waiting).toBe(0);
  });

  it('counts requests queued behind slow work, and clears when they are done', async () => {
    const changes: number[] = [];
    const pending = new PendingWork(() => changes.push(pending.waiting));
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = pending.track(() => slow);
    const second = pending.track(() => slow);
    vi.advanceTimersByTime(300);
    expect(pending.waiting).toBe(2);
    release();
    await Promise.all([first, second]);
    expect(pending.waiting).toBe(0);
    expect(changes.at(-1)).toBe(0);
    expect(changes[0]).toBe(2);
  });
});
