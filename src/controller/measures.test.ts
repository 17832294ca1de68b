/**
 * With mini-batches, each step's own cost and accuracy are measured on its
 * batch, and the whole data are measured where a call ends: two measures,
 * each named in the history, the chart and the exported CSV, never mixed up.
 */
import { describe, expect, it } from 'vitest';
import { CpuEngine } from '../engine/cpu-engine';
import { CPU_BUDGET } from '../session/cost-surface-job';
import { historyCsv } from '../session/model-file';
import { DEFAULT_PLAYGROUND } from '../settings/playground-settings';
import { PlaygroundController } from './playground-controller';

async function started(): Promise<PlaygroundController> {
  const c = new PlaygroundController({ engine: new CpuEngine(), settings: DEFAULT_PLAYGROUND, budget: CPU_BUDGET });
  await c.ready();
  return c;
}

describe('what the history says each cost and accuracy was measured on', () => {
  it('the whole data for the full batch, at every iteration', async () => {
    const c = await started();
    await c.step(10);
    expect(c.published?.run.history.map((e) => e.measuredOn)).toEqual(Array(11).fill('all'));
  });

  it('the batch between the ends of a call with mini-batches, the whole data at the ends', async () => {
    const c = await started();
    await c.change({ training: { batchSize: 8 } });
    await c.step(10);
    const history = c.published?.run.history ?? [];
    expect(history.map((e) => e.measuredOn)).toEqual(['all', ...Array(9).fill('batch'), 'all']);
    // The full-data accuracy where the call ended is the readout's.
    expect(history.at(-1)?.accuracy).toBe(c.published?.state.accuracy);
    const rows = historyCsv(history).trim().split('\n');
    expect(rows[0]).toBe('iteration,w1,w2,b,cost,accuracy,measured_on');
    expect(rows.slice(1).map((r) => r.split(',').at(-1))).toEqual(['all', ...Array(9).fill('batch'), 'all']);
  });
});
