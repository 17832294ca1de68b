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

describe('PlayClock pace', () => {
  it('says when frames come too slowly for the steps per second asked', () => {
    const clock = new PlayClock();
    clock.start({ unit: 'per-second', value: 30 });
    // Frames 400 ms apart: at most 250 ms worth of steps each, 7.5 steps a frame, 18.75 steps/s.
    for (let k = 0; k <= 8; k++) clock.stepsFor(k * 400);
    const pace = clock.lagging();
    expect(pace?.requested).toBe(30);
    expect(pace?.achieved).toBeGreaterThan(17);
    expect(pace?.achieved).toBeLessThan(20);
  });

  it('is quiet when it keeps up, before it can tell, and for steps per frame', () => {
    const clock = new PlayClock();
    clock.start({ unit: 'per-second', value: 30 });
    for (let k = 0; k <= 180; k++) clock.stepsFor((k * 1000) / 60);
    expect(clock.lagging()).toBeUndefined();
    const early = new PlayClock();
    early.start({ unit: 'per-second', value: 30 });
    early.stepsFor(0);
    early.stepsFor(400);
    expect(early.lagging()).toBeUndefined();
    const perFrame = new PlayClock();
    perFrame.start({ unit: 'per-frame', value: 100 });
    for (let k = 0; k <= 10; k++) perFrame.stepsFor(k * 400);
    expect(perFrame.lagging()).toBeUndefined();
  });
});
