import { describe, expect, it } from 'vitest';
import { type Engine, MAX_TRAIN_STEPS, type TrainExtras, type TrainResult } from '../contract/engine';
import { CpuEngine } from '../engine/cpu-engine';
import { tutorialDataset } from '../model/tutorial-data';
import { TUTORIAL_REFERENCE } from '../model/tutorial-reference';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { MAX_STEPS_PER_CALL, StepRun } from './step-run';
import { TrainingSession } from './training-session';

const [W10_1, W10_2] = TUTORIAL_REFERENCE.path[10];

/** The CPU engine, watched: how many steps each train() call asked for, and a failure on demand. */
class WatchedEngine extends CpuEngine {
  readonly calls: number[] = [];
  /** Fail the train() call with this index (0-based), once. */
  failAt = -1;

  override async train(steps: number, extras?: TrainExtras): Promise<TrainResult> {
    const index = this.calls.push(steps) - 1;
    if (index === this.failAt) throw new Error('the device refused the work');
    return super.train(steps, extras);
  }
}

/** A started session on the tutorial's data. */
async function session(engine: Engine = new CpuEngine()): Promise<TrainingSession> {
  const s = new TrainingSession(engine, tutorialDataset(), DEFAULT_SETTINGS);
  await s.ready;
  return s;
}

/** After anything: back to w(0), ten steps, the tutorial's w(10). */
async function expectTutorialW10(s: TrainingSession): Promise<void> {
  await s.reset();
  await s.step(10);
  expect(s.state.iteration).toBe(10);
  expect(s.state.weights[0]).toBeCloseTo(W10_1, 4);
  expect(s.state.weights[1]).toBeCloseTo(W10_2, 4);
}

describe('step(n) on long runs', () => {
  it('takes a long run in chunks no engine call exceeds, with the history bounded', async () => {
    const engine = new WatchedEngine();
    const s = await session(engine);
    await s.step(100_000);
    expect(s.state.iteration).toBe(100_000);
    expect(engine.calls.length).toBeGreaterThan(1);
    expect(Math.max(...engine.calls)).toBeLessThanOrEqual(MAX_TRAIN_STEPS);
    expect(engine.calls.reduce((a, b) => a + b, 0)).toBe(100_000);
    const history = s.run?.history ?? [];
    expect(history.length).toBeLessThanOrEqual(20_000);
    expect(history[0]?.iteration).toBe(0);
    expect(history.at(-1)?.iteration).toBe(100_000);
    const iterations = history.map((e) => e.iteration);
    expect([...iterations].sort((a, b) => a - b)).toEqual(iterations);
    await expectTutorialW10(s);
  });

  it('ends where one unbroken run ends, however it was chunked', async () => {
    const whole = await session();
    await whole.step(20_000);
    const parts = await session();
    for (const n of [1, 4_095, 10_000, 5_904]) await parts.step(n);
    expect(parts.state).toEqual(whole.state);
  });

  it('says how far a long run has got, between chunks', async () => {
    const s = await session();
    const done: number[] = [];
    await s.step(30_000, undefined, (k) => done.push(k));
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((k, i) => k > (done[i - 1] ?? 0) && k < 30_000)).toBe(true);
  });

  it('refuses more than MAX_STEPS_PER_CALL steps at a time, naming the limit', async () => {
    const s = await session();
    expect(() => s.step(MAX_STEPS_PER_CALL + 1)).toThrow(RangeError);
    expect(() => s.step(MAX_STEPS_PER_CALL + 1)).toThrow(/from 0 to 1\u202f000\u202f000\u202f000/);
    expect(() => s.step(1.5)).toThrow(/got 1\.5/);
    expect(s.state.iteration).toBe(0);
  });

  it('each engine refuses more than MAX_TRAIN_STEPS in one call', async () => {
    const engine = new CpuEngine();
    await engine.setData(tutorialDataset());
    await expect(engine.train(MAX_TRAIN_STEPS + 1)).rejects.toThrow(/0 to 4096 per call/);
  });
});

describe('stopping a run', () => {
  it('a run stopped before it begins (a reset asked for after it) takes no step', async () => {
    const s = await session();
    await s.step(3);
    const run = new StepRun(MAX_STEPS_PER_CALL);
    run.stop('reset');
    expect(await s.step(run)).toMatchObject({ taken: 0, stoppedBy: 'reset' });
    expect(s.state.iteration).toBe(3);
    await expectTutorialW10(s);
  });

  it('a run stopped under way ends at the end of its chunk, keeping the steps taken', async () => {
    const s = await session();
    const run = new StepRun(1_000_000);
    const outcome = await s.step(run, undefined, () => run.stop('paused'));
    expect(outcome.stoppedBy).toBe('paused');
    expect(outcome.taken).toBeGreaterThan(0);
    expect(outcome.taken).toBeLessThan(1_000_000);
    expect(s.state.iteration).toBe(outcome.taken);
    expect(s.run?.history.at(-1)?.iteration).toBe(outcome.taken);
    // Steps asked for after the stop are taken as usual.
    expect(await s.step(5)).toMatchObject({ taken: 5, stoppedBy: undefined });
    await expectTutorialW10(s);
  });
});

describe('a failed chunk', () => {
  it('rejects the call, keeps the steps before it, and training goes on afterwards', async () => {
    const engine = new WatchedEngine();
    const s = await session(engine);
    engine.failAt = 2;
    await expect(s.step(50_000)).rejects.toThrow('the device refused the work');
    const [first, second] = engine.calls;
    expect(s.state.iteration).toBe((first ?? 0) + (second ?? 0));
    expect(s.run?.history.at(-1)?.iteration).toBe(s.state.iteration);
    await expectTutorialW10(s);
  });
});
