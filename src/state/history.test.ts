import { describe, expect, it } from 'vitest';
import { History } from './history';

const at = (iteration: number) => ({
  iteration,
  params: { w1: iteration, w2: 0, b: 0 },
  loss: 1 / (iteration + 1),
  accuracy: 0.5,
});

describe('History', () => {
  it('keeps every entry below its limit', () => {
    const h = new History(100);
    h.reset(at(0));
    h.append([at(1), at(2), at(3)]);
    expect(h.entries.map((e) => e.iteration)).toEqual([0, 1, 2, 3]);
    expect(h.last?.iteration).toBe(3);
  });

  it('thins long runs, keeping the first and last and the iteration numbers', () => {
    const h = new History(10);
    h.reset(at(0));
    for (let i = 1; i <= 25; i++) h.append([at(i)]);
    const its = h.entries.map((e) => e.iteration);
    expect(its.length).toBeLessThanOrEqual(10);
    expect(its[0]).toBe(0);
    expect(its.at(-1)).toBe(25);
    expect([...its].sort((a, b) => a - b)).toEqual(its);
  });

  it('replaces the last loss and accuracy', () => {
    const h = new History();
    h.reset(at(0));
    h.setLast(42, 0.5);
    expect(h.last).toMatchObject({ loss: 42, accuracy: 0.5 });
  });
});
