import { describe, expect, it } from 'vitest';
import { PlayClock } from './play-clock';

function run(clock: PlayClock, frames: number, frameMs: number): number {
  let total = 0;
  for (let k = 0; k < frames; k++) total += clock.stepsFor(k * frameMs);
  return total;
}

describe('PlayClock', () => {
  it('runs the given steps every frame', () => {
    const clock = new PlayClock();
    clock.start({ unit: 'per-frame', value: 5 });
    expect(run(clock, 10, 16)).toBe(50);
  });

  it('keeps steps per second at any frame rate, starting with a step', () => {
    for (const frameMs of [1000 / 60, 1000 / 30, 100]) {
      const clock = new PlayClock();
      clock.start({ unit: 'per-second', value: 4 });
      // 2 s of frames: the first step at once, then 4 a second.
      const steps = run(clock, Math.round(2000 / frameMs) + 1, frameMs);
      expect(steps).toBeGreaterThanOrEqual(8);
      expect(steps).toBeLessThanOrEqual(9);
    }
  });

  it('does nothing when stopped, and does not burst after a stall', () => {
    const clock = new PlayClock();
    expect(clock.stepsFor(0)).toBe(0);
    clock.start({ unit: 'per-second', value: 10 });
    clock.stepsFor(0);
    // Ten seconds later (a background tab): at most 250 ms worth.
    expect(clock.stepsFor(10_000)).toBeLessThanOrEqual(3);
    clock.stop();
    expect(clock.stepsFor(20_000)).toBe(0);
  });
});
