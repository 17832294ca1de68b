/**
 * Requests take effect in the order they are made, awaited or not: a batch
 * of calls made in one go ends where the same calls, each awaited, end.
 * Two rules make the exceptions, and the oracle below has them: a step(n)
 * asked for before a pause() is stopped by it (having taken no step, since
 * nothing in a batch begins before the batch is made), and settings changes
 * asked for one right after another are merged into one (their data drawn
 * once).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CpuEngine } from '../engine/cpu-engine';
import { CPU_BUDGET } from '../session/cost-surface-job';
import { MODEL_FORMAT, MODEL_VERSION, parseModel } from '../session/model-file';
import type { PointEdit } from '../session/training-session';
import { DEFAULT_PLAYGROUND, type SettingsChange } from '../settings/playground-settings';
import { applyChange, mergeChanges } from '../settings/settings-change';
import { PlaygroundController } from './playground-controller';

type Request =
  | { readonly kind: 'step'; readonly n: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'change'; readonly change: SettingsChange }
  | { readonly kind: 'loadCsv'; readonly text: string }
  | { readonly kind: 'loadModel' }
  | { readonly kind: 'edit'; readonly edit: PointEdit }
  | { readonly kind: 'undo' }
  | { readonly kind: 'redo' }
  | { readonly kind: 'pause' };

const CSV = 'x1,x2,t\n-1,0.5,0\n-2,-1,0\n0.25,1,0\n1,0.5,1\n2,-1,1\n1.5,2,1\n';

const MODEL = parseModel({
  format: MODEL_FORMAT,
  version: MODEL_VERSION,
  weights: [0.5, -0.25],
  bias: 0,
  iteration: 7,
  settings: { training: { learningRate: 0.2 } },
  data: { samples: 40, class0: 20, class1: 20, source: 'custom' },
});

const requests: fc.Arbitrary<Request> = fc.oneof(
  fc.constantFrom(1, 3).map((n) => ({ kind: 'step', n }) as const),
  fc.constant({ kind: 'reset' } as const),
  fc
    .constantFrom<SettingsChange>(
      { training: { learningRate: 0.1 } },
      { training: { initialWeights: [1, -1] } },
      { training: { reduction: 'mean' } },
      { preset: 'gaussians', gaussians: { perClass: 10 } },
      { gaussians: { seed: 7 } },
      { preset: 'tutorial' },
    )
    .map((change) => ({ kind: 'change', change }) as const),
  fc.constant({ kind: 'loadCsv', text: CSV } as const),
  fc.constant({ kind: 'loadModel' } as const),
  fc
    .constantFrom<PointEdit>({ action: 'add', x1: 0.3, x2: -0.7, t: 1 }, { action: 'remove', x1: 0, x2: 0 })
    .map((edit) => ({ kind: 'edit', edit }) as const),
  fc.constant({ kind: 'undo' } as const),
  fc.constant({ kind: 'redo' } as const),
  fc.constant({ kind: 'pause' } as const),
);

function send(c: PlaygroundController, r: Request): Promise<void> {
  switch (r.kind) {
    case 'step':
      return c.step(r.n);
    case 'reset':
      return c.reset();
    case 'change':
      return c.change(r.change);
    case 'loadCsv':
      return c.loadCsv(r.text, 'six.csv');
    case 'loadModel':
      return c.loadModel(MODEL);
    case 'edit':
      return c.edit(r.edit);
    case 'undo':
      return c.undo();
    case 'redo':
      return c.redo();
    case 'pause':
      c.pause();
      return Promise.resolve();
  }
}

/** The awaited calls a batch must end like: steps a later pause() stops dropped, neighbouring changes merged. */
function awaitedEquivalent(batch: readonly Request[]): Request[] {
  const kept = batch.filter((r, i) => r.kind !== 'step' || !batch.slice(i + 1).some((later) => later.kind === 'pause'));
  const out: Request[] = [];
  for (const r of kept) {
    const last = out.at(-1);
    if (r.kind === 'change' && last?.kind === 'change')
      out[out.length - 1] = { kind: 'change', change: mergeChanges(last.change, r.change) };
    else out.push(r);
  }
  return out;
}

async function started(): Promise<PlaygroundController> {
  const c = new PlaygroundController({ engine: new CpuEngine(), settings: DEFAULT_PLAYGROUND, budget: CPU_BUDGET });
  await c.ready();
  return c;
}

function observed(c: PlaygroundController) {
  const v = c.published;
  if (!v) throw new Error('no view');
  return {
    state: v.state,
    settings: c.settings,
    points: Array.from(v.run.data.points),
    targets: Array.from(v.run.data.targets),
    custom: v.customData,
    undo: v.undo,
  };
}

/** Makes every call of the batch at once, then waits for all (some may reject: the refusal is part of the result). */
async function unawaited(batch: readonly Request[]) {
  const c = await started();
  const outcomes = await Promise.allSettled(batch.map((r) => send(c, r)));
  await c.step(0);
  return { end: observed(c), refused: outcomes.filter((o) => o.status === 'rejected').length };
}

async function awaited(batch: readonly Request[]) {
  const c = await started();
  let refused = 0;
  for (const r of batch) await send(c, r).catch(() => refused++);
  await c.step(0);
  return { end: observed(c), refused };
}

describe('requests take effect in call order', () => {
  it('new data, then a step: the step is taken on the new data', async () => {
    const c = await started();
    void c.loadCsv(CSV, 'six.csv');
    await c.step(3);
    expect(observed(c).state).toMatchObject({ iteration: 3, samples: 6 });
  });

  it('new data, a configuration, a reset, then a step: every one applies, in order', async () => {
    const c = await started();
    void c.loadCsv(CSV, 'six.csv');
    void c.change({ training: { initialWeights: [0.5, 0.5], learningRate: 0.1 } });
    void c.reset();
    await c.step(30);
    const end = observed(c);
    expect(end.state).toMatchObject({ iteration: 30, samples: 6 });
    expect(end.state.weights).not.toEqual([0.5, 0.5]);
    expect(end.settings.training.learningRate).toBe(0.1);
  });

  it('a step is stopped by a reset, new data or a pause asked for after it, never by one before it', async () => {
    const c = await started();
    void c.reset();
    await c.step(2);
    expect(observed(c).state.iteration).toBe(2);
    void c.step(5);
    c.pause();
    await c.step(0);
    expect(observed(c).state.iteration).toBe(2);
    void c.step(5);
    await c.loadCsv(CSV, 'six.csv');
    expect(observed(c).state).toMatchObject({ iteration: 0, samples: 6 });
  });

  it('changes asked for one right after another are applied as one: drawn once, undone at once', async () => {
    const c = await started();
    let draws = 0;
    c.subscribe(() => {
      if (c.busyWith?.label.startsWith('Drawing')) draws++;
    });
    await Promise.all([
      c.change({ preset: 'gaussians', gaussians: { perClass: 10 } }),
      c.change({ gaussians: { seed: 7 } }),
      c.change({ training: { learningRate: 0.1 } }),
    ]);
    expect(c.settings).toMatchObject({ preset: 'gaussians', gaussians: { perClass: 10, seed: 7 } });
    expect(c.settings.training.learningRate).toBe(0.1);
    expect(observed(c).undo.undo).toBe('choose the gaussians preset');
    expect(draws).toBeLessThanOrEqual(1);
    await c.undo();
    expect(observed(c).state.samples).toBe(40);
  });

  it('two changes merged do what the first and then the second do', () => {
    const changes = fc.record(
      {
        preset: fc.constantFrom('tutorial', 'gaussians'),
        gaussians: fc.record({ perClass: fc.integer({ min: 1, max: 50 }), seed: fc.nat(99) }, { requiredKeys: [] }),
        training: fc.record(
          { learningRate: fc.constantFrom(0.01, 0.1), bias: fc.boolean(), batchSize: fc.constantFrom(0, 8) },
          { requiredKeys: [] },
        ),
        speed: fc.record({ value: fc.integer({ min: 1, max: 30 }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<SettingsChange>;
    fc.assert(
      fc.property(changes, changes, (a, b) => {
        expect(applyChange(DEFAULT_PLAYGROUND, mergeChanges(a, b))).toEqual(
          applyChange(applyChange(DEFAULT_PLAYGROUND, a), b),
        );
      }),
      { seed: 15 },
    );
  });

  it('any batch of calls made at once ends where the same calls, awaited one by one, end', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(requests, { minLength: 2, maxLength: 5 }), async (batch) => {
        const got = await unawaited(batch);
        const want = await awaited(awaitedEquivalent(batch));
        expect(got.end).toEqual(want.end);
      }),
      { numRuns: 100, seed: 15 },
    );
  }, 240_000);
});
