import { describe, expect, it } from 'vitest';
import { History, type HistoryEntry } from './history';

const at = (iteration: number): HistoryEntry => ({
  iteration,
  params: { w: [iteration, 0], b: 0 },
  loss: 1 / (iteration + 1),
  accuracy: 0.5,
  measuredOn: 'all',
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

  it('stays within its limit however many entries come at once', () => {
    const h = new History(20_000);
    h.reset(at(0));
    h.append(Array.from({ length: 100_000 }, (_, i) => at(i + 1)));
    const its = h.entries.map((e) => e.iteration);
    expect(its.length).toBeLessThanOrEqual(20_000);
    expect(its.length).toBeGreaterThan(5_000);
    expect(its[0]).toBe(0);
    expect(its.at(-1)).toBe(100_000);
    expect([...its].sort((a, b) => a - b)).toEqual(its);
  });

  it('thins chunk after chunk to evenly spaced iterations, the newest always last', () => {
    const h = new History(100);
    h.reset(at(0));
    for (let chunk = 0; chunk < 50; chunk++) {
      const from = chunk * 333 + 1;
      h.append(Array.from({ length: 333 }, (_, i) => at(from + i)).filter((e, i) => i === 332 || h.keeps(e.iteration)));
      expect(h.entries.length).toBeLessThanOrEqual(100);
      expect(h.last?.iteration).toBe((chunk + 1) * 333);
    }
    const its = h.entries.map((e) => e.iteration);
    // Between the first and the newest: one stride apart.
    const gaps = new Set(its.slice(1, -1).map((it, i) => it - (its[i] as number)));
    expect(gaps.size).toBe(1);
  });

  it('replaces the last loss and accuracy', () => {
    const h = new History();
    h.reset(at(0));
    h.setLast(42, 0.5);
    expect(h.last).toMatchObject({ loss: 42, accuracy: 0.5 });
  });
});
