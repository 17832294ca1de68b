/**
 * How many steps each animation frame of Play runs. "Steps per frame" is a
 * whole number each frame; "steps per second" follows the clock and carries
 * fractions over, so 4 steps/s takes a step every 15th frame at 60 Hz and
 * keeps its pace when frames are late.
 */
import type { Speed } from './playground-settings';

/** A stalled tab (or a slow step) must not come back with a burst of catch-up steps. */
const MAX_CATCH_UP_MS = 250;

export class PlayClock {
  private speed: Speed = { unit: 'per-second', value: 4 };
  private last: number | undefined;
  private carry = 0;
  playing = false;

  start(speed: Speed): void {
    this.speed = speed;
    this.playing = true;
    this.last = undefined;
    // Start with a step at once, so Play answers immediately.
    this.carry = 1;
  }

  stop(): void {
    this.playing = false;
    this.last = undefined;
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
  }

  /** Steps to run in the frame at time `now` (ms). */
  stepsFor(now: number): number {
    if (!this.playing) return 0;
    if (this.speed.unit === 'per-frame') {
      this.last = now;
      return this.speed.value;
    }
    const elapsed = this.last === undefined ? 0 : Math.min(MAX_CATCH_UP_MS, now - this.last);
    this.last = now;
    this.carry += (elapsed / 1000) * this.speed.value;
    const steps = Math.floor(this.carry);
    this.carry -= steps;
    return steps;
  }
}
