/**
 * How many steps each animation frame of Play runs. "Steps per frame" is a
 * whole number each frame; "steps per second" follows the clock and carries
 * fractions over, so 4 steps/s takes a step every 15th frame at 60 Hz and
 * keeps its pace when frames are late; "as fast as possible" sizes each
 * frame's steps from what the last frame's took, to about FASTEST_FRAME_MS
 * of work. It also measures the pace Play really keeps, so the page can say
 * when the engine cannot keep up, and how fast it goes at its fastest.
 */
import { DEFAULT_PLAYGROUND, type Speed } from '../settings/playground-settings';

/** A stalled tab (or a slow step) must not come back with a burst of catch-up steps. */
const MAX_CATCH_UP_MS = 250;
/** The pace is measured over this much of the recent past. */
const PACE_WINDOW_MS = 2000;
/** Below this share of the requested pace, Play is said not to keep up. */
const KEEPING_UP = 0.75;
/**
 * As fast as possible: a frame's steps aim at this much of a 60 Hz frame
 * (16.7 ms) on top of what a call costs with one step (a submit and its
 * readback, the boundary's grid). The drawing comes on top too: a page
 * whose views or calls take long still gets this much stepping a frame,
 * rather than a step a frame.
 */
export const FASTEST_FRAME_MS = 12;
/** As fast as possible never asks more of a frame than this (cheap steps, a fast engine): the page still draws each. */
export const FASTEST_MAX_STEPS = 1 << 16;
/** How soon the pace reached at full speed is shown: a few frames are enough to measure it. */
const FASTEST_SHOWN_AFTER_MS = 500;

export interface Pace {
  readonly requested: number;
  readonly achieved: number;
}

export class PlayClock {
  private speed: Speed = DEFAULT_PLAYGROUND.speed;
  private last: number | undefined;
  private carry = 0;
  private frames: { at: number; steps: number }[] = [];
  /** As fast as possible: the next frame's steps, grown or shrunk from what the last ones took. */
  private fastest = 1;
  /** As fast as possible: the least a frame of one or two steps took, ms (what a call costs besides its steps). */
  private overhead = Number.POSITIVE_INFINITY;
  playing = false;

  start(speed: Speed): void {
    this.speed = speed;
    this.playing = true;
    this.last = undefined;
    this.frames = [];
    this.fastest = 1;
    this.overhead = Number.POSITIVE_INFINITY;
    // Start with a step at once, so Play answers immediately.
    this.carry = 1;
  }

  stop(): void {
    this.playing = false;
    this.last = undefined;
    this.frames = [];
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.frames = [];
    this.fastest = 1;
    this.overhead = Number.POSITIVE_INFINITY;
  }

  /** Steps to run in the frame at time `now` (ms). */
  stepsFor(now: number): number {
    if (!this.playing) return 0;
    let steps: number;
    if (this.speed.unit === 'fastest') {
      steps = this.fastest;
    } else if (this.speed.unit === 'per-frame') {
      steps = this.speed.value;
    } else {
      const elapsed = this.last === undefined ? 0 : Math.min(MAX_CATCH_UP_MS, now - this.last);
      this.carry += (elapsed / 1000) * this.speed.value;
      steps = Math.floor(this.carry);
      this.carry -= steps;
    }
    this.last = now;
    this.frames.push({ at: now, steps });
    while (this.frames.length > 2 && now - (this.frames[1] as { at: number }).at > PACE_WINDOW_MS) this.frames.shift();
    return steps;
  }

  /**
   * What the `steps` of the last frame took, in ms (the call that took them,
   * not the drawing after it). As fast as possible, the next frame's steps
   * scale by how far that was from FASTEST_FRAME_MS over a call's own cost
   * (the quickest frame of one or two steps), at most doubling or halving a
   * frame (one slow frame, a collection say, must not swing it).
   */
  ran(steps: number, ms: number): void {
    if (this.speed.unit !== 'fastest' || steps <= 0) return;
    if (steps <= 2) this.overhead = Math.min(this.overhead, ms);
    const target = FASTEST_FRAME_MS + (Number.isFinite(this.overhead) ? this.overhead : 0);
    const scale = Math.min(2, Math.max(0.5, target / Math.max(ms, 1e-3)));
    this.fastest = Math.min(FASTEST_MAX_STEPS, Math.max(1, Math.round(steps * scale)));
  }

  /**
   * The pace asked for and the pace kept, in steps per second, when Play has
   * run long enough to tell and keeps less than three quarters of it;
   * undefined otherwise (and always for "steps per frame", which has no pace to keep).
   */
  lagging(): Pace | undefined {
    if (!this.playing || this.speed.unit !== 'per-second') return undefined;
    const achieved = this.kept(PACE_WINDOW_MS * 0.9);
    return achieved !== undefined && achieved < KEEPING_UP * this.speed.value
      ? { requested: this.speed.value, achieved }
      : undefined;
  }

  /** Steps per second reached as fast as possible, once measured; undefined at any other speed. */
  fastestPace(): number | undefined {
    if (!this.playing || this.speed.unit !== 'fastest') return undefined;
    return this.kept(FASTEST_SHOWN_AFTER_MS);
  }

  /** Steps per second over the recent frames, once they span `span` ms. */
  private kept(span: number): number | undefined {
    const first = this.frames[0];
    const last = this.frames.at(-1);
    if (!first || !last || last.at - first.at < span) return undefined;
    // Steps of the frames after the first, over the time since it: the first frame's steps ran before.
    const steps = this.frames.slice(1).reduce((sum, f) => sum + f.steps, 0);
    return (1000 * steps) / (last.at - first.at);
  }
}
