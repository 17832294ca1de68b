/**
 * How many steps each animation frame of Play runs. "Steps per frame" is a
 * whole number each frame; "steps per second" follows the clock and carries
 * fractions over, so 4 steps/s takes a step every 15th frame at 60 Hz and
 * keeps its pace when frames are late. It also measures the pace Play
 * really keeps, so the page can say when the engine cannot keep up.
 */
import { DEFAULT_PLAYGROUND, type Speed } from '../settings/playground-settings';

/** A stalled tab (or a slow step) must not come back with a burst of catch-up steps. */
const MAX_CATCH_UP_MS = 250;
/** The pace is measured over this much of the recent past. */
const PACE_WINDOW_MS = 2000;
/** Below this share of the requested pace, Play is said not to keep up. */
const KEEPING_UP = 0.75;

export interface Pace {
  readonly requested: number;
  readonly achieved: number;
}

export class PlayClock {
  private speed: Speed = DEFAULT_PLAYGROUND.speed;
  private last: number | undefined;
  private carry = 0;
  private frames: { at: number; steps: number }[] = [];
  playing = false;

  start(speed: Speed): void {
    this.speed = speed;
    this.playing = true;
    this.last = undefined;
    this.frames = [];
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
  }

  /** Steps to run in the frame at time `now` (ms). */
  stepsFor(now: number): number {
    if (!this.playing) return 0;
    let steps: number;
    if (this.speed.unit === 'per-frame') {
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
   * The pace asked for and the pace kept, in steps per second, when Play has
   * run long enough to tell and keeps less than three quarters of it;
   * undefined otherwise (and always for "steps per frame", which has no pace to keep).
   */
  lagging(): Pace | undefined {
    if (!this.playing || this.speed.unit !== 'per-second') return undefined;
    const first = this.frames[0];
    const last = this.frames.at(-1);
    if (!first || !last || last.at - first.at < PACE_WINDOW_MS * 0.9) return undefined;
    // Steps of the frames after the first, over the time since it: the first frame's steps ran before.
    const steps = this.frames.slice(1).reduce((sum, f) => sum + f.steps, 0);
    const achieved = (1000 * steps) / (last.at - first.at);
    return achieved < KEEPING_UP * this.speed.value ? { requested: this.speed.value, achieved } : undefined;
  }
}
