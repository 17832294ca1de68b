import { describe, expect, it } from 'vitest';
import { CpuEngine } from '../engine/cpu-engine';
import { TUTORIAL_REFERENCE } from '../model/tutorial-reference';
import { CPU_BUDGET } from '../session/cost-surface-job';
import { DEFAULT_PLAYGROUND } from '../settings/playground-settings';
import { applyChange } from '../settings/settings-change';
import { PlaygroundController } from './playground-controller';
import type { Busy } from './published-state';

async function controller(settings = DEFAULT_PLAYGROUND): Promise<PlaygroundController> {
  const c = new PlaygroundController({ engine: new CpuEngine(), settings, budget: CPU_BUDGET });
  await c.ready();
  return c;
}

async function expectTutorialW10(c: PlaygroundController): Promise<void> {
  await c.reset();
  await c.step(10);
  const s = c.published?.state;
  expect(s?.iteration).toBe(10);
  expect(s?.weights[0]).toBeCloseTo(TUTORIAL_REFERENCE.path[10][0], 4);
  expect(s?.weights[1]).toBeCloseTo(TUTORIAL_REFERENCE.path[10][1], 4);
}

describe('PlaygroundController, long step(n) runs', () => {
  it('shows a long run as busy with its progress, then not busy', async () => {
    const c = await controller();
    const seen: Busy[] = [];
    const shown: number[] = [];
    c.subscribe(() => {
      if (c.busyWith && c.busyWith !== seen.at(-1)) seen.push(c.busyWith);
      if (c.busyWith && c.published) shown.push(c.published.state.iteration);
    });
    await c.step(50_000);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]?.label).toBe('Taking 50\u202f000 steps');
    const fractions = seen.map((b) => b.progress ?? -1);
    expect(fractions.every((f, i) => f > 0 && f < 1 && f >= (fractions[i - 1] ?? 0))).toBe(true);
    // The views follow the run while it goes: what they show is what `state` says.
    expect(shown.some((k) => k > 0 && k < 50_000)).toBe(true);
    expect(c.busyWith).toBeUndefined();
    expect(c.published?.state.iteration).toBe(50_000);
    expect(c.published?.run.history.length).toBeLessThanOrEqual(20_000);
  });

  it('pause() stops a long run at the step it reached, and says so', async () => {
    const c = await controller();
    let paused = false;
    c.subscribe(() => {
      if (c.busyWith && !paused) {
        paused = true;
        c.pause();
      }
    });
    await c.step(1_000_000);
    const iteration = c.published?.state.iteration ?? 0;
    expect(iteration).toBeGreaterThan(0);
    expect(iteration).toBeLessThan(1_000_000);
    expect(c.published?.status).toMatch(
      /^Stopped after [\d\u202f]+ of the 1\u202f000\u202f000 steps asked for: paused\.$/,
    );
    expect(c.busyWith).toBeUndefined();
    await expectTutorialW10(c);
  });

  it('reset() stops a long run asked for before it', async () => {
    const c = await controller();
    const run = c.step(1_000_000);
    await c.reset();
    await run;
    expect(c.published?.state.iteration).toBe(0);
    expect(c.published?.status).toBe('Back to w(0).');
    await expectTutorialW10(c);
  });

  it('a long run that diverges stops where it does', async () => {
    const c = await controller(applyChange(DEFAULT_PLAYGROUND, { training: { learningRate: 10 } }));
    await c.step(1_000_000);
    expect(c.published?.divergence).not.toBe('');
    expect(c.published?.state.iteration).toBeLessThan(1_000_000);
    await c.change({ training: { learningRate: 0.05 } });
    await expectTutorialW10(c);
  });
});
