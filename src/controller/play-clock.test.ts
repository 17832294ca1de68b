import { describe, expect, it } from 'vitest';
import { FASTEST_FRAME_MS, FASTEST_MAX_STEPS, PlayClock } from './play-clock';

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

describe('PlayClock as fast as possible', () => {
  it('starts with a step, then sizes each frame to about FASTEST_FRAME_MS of work, doubling or halving at most', () => {
    const clock = new PlayClock();
    clock.start({ unit: 'fastest', value: 0 });
    expect(clock.stepsFor(0)).toBe(1);
    // A step took 0.01 ms: the next frame may only double.
    clock.ran(1, 0.01);
    expect(clock.stepsFor(16)).toBe(2);
    // Steps of 0.1 ms each settle where a frame is FASTEST_FRAME_MS of them.
    let steps = 2;
    for (let k = 0; k < 20; k++) {
      clock.ran(steps, steps * 0.1);
      steps = clock.stepsFor(32 + 16 * k);
    }
    expect(steps).toBe(FASTEST_FRAME_MS / 0.1);
    // One slow frame (a collection) halves it, no more.
    clock.ran(steps, 1000);
    expect(clock.stepsFor(1000)).toBe(steps / 2);
  });

  it('aims at FASTEST_FRAME_MS of steps over what a call costs with one step, however much that is', () => {
    const clock = new PlayClock();
    clock.start({ unit: 'fastest', value: 0 });
    // A call costs 20 ms besides its steps (a readback, a grid), more than the whole aim: steps of 0.1 ms still grow.
    let steps = clock.stepsFor(0);
    for (let k = 0; k < 30; k++) {
      clock.ran(steps, 20 + steps * 0.1);
      steps = clock.stepsFor(16 * (k + 1));
    }
    expect(steps).toBeGreaterThanOrEqual(FASTEST_FRAME_MS / 0.1 - 1);
    expect(steps).toBeLessThanOrEqual(FASTEST_FRAME_MS / 0.1 + 1);
  });

  it('never asks a frame for fewer than one step or more than FASTEST_MAX_STEPS', () => {
    const clock = new PlayClock();
    clock.start({ unit: 'fastest', value: 0 });
    for (let k = 0; k < 40; k++) clock.ran(clock.stepsFor(k * 16), 0);
    expect(clock.stepsFor(1000)).toBe(FASTEST_MAX_STEPS);
    for (let k = 0; k < 40; k++) clock.ran(clock.stepsFor(2000 + k * 16), 500);
    expect(clock.stepsFor(5000)).toBe(1);
  });

  it('says the steps per second it reaches once it has run half a second, and nothing at a pace', () => {
    const clock = new PlayClock();
    clock.start({ unit: 'fastest', value: 0 });
    clock.stepsFor(0);
    expect(clock.fastestPace()).toBeUndefined();
    clock.ran(1, 0.5);
    for (let k = 1; k <= 40; k++) {
      const steps = clock.stepsFor(k * 16);
      clock.ran(steps, 12);
    }
    // From the second frame on, two steps every 16 ms: 125 steps/s.
    expect(clock.fastestPace()).toBeCloseTo(125, 6);
    expect(clock.lagging()).toBeUndefined();
    clock.setSpeed({ unit: 'per-second', value: 4 });
    expect(clock.fastestPace()).toBeUndefined();
    // What a paced frame took changes nothing.
    clock.ran(1, 0.001);
    clock.setSpeed({ unit: 'fastest', value: 0 });
    expect(clock.stepsFor(2000)).toBe(1);
  });
});
