/**
 * Interactivity of the real app page: frame times while Play trains N = 10⁴
 * points with every view on (scatter, heatmap, cost surface, loss chart), and
 * the time from a learning-rate change to the first frame drawn with it.
 * A "frame" is one `lp-frame` event: a training step drawn on every view.
 */
import type { Page } from 'playwright';
import type {} from '../components/lp-playground';
import type { Interactivity } from './results';
import { type BenchMode, median, percentile } from './timing';

interface Raw {
  readonly frames: number[];
  readonly latencies: number[];
}

export async function measureInteractivity(page: Page, origin: string, mode: BenchMode): Promise<Interactivity> {
  await page.goto(`${origin}/`);
  await page.evaluate(() => document.querySelector('lp-playground')?.ready);
  // The page function has no named inner functions: tsx would wrap them in a
  // helper (__name) that does not exist in the page.
  const raw: Raw = await page.evaluate(
    async ({ seconds, changes }) => {
      const el = document.querySelector('lp-playground');
      if (!el) throw new Error('no <lp-playground> on the app page');
      await el.change({
        preset: 'gaussians',
        gaussians: { perClass: 5000 },
        training: { reduction: 'mean', learningRate: 0.5, bias: true },
        speed: { unit: 'per-frame', value: 1 },
      });
      const frames: number[] = [];
      const stop = new AbortController();
      el.addEventListener('lp-frame', () => frames.push(performance.now()), { signal: stop.signal });
      el.play();
      await new Promise((r) => setTimeout(r, seconds * 1000));
      const latencies: number[] = [];
      for (let k = 0; k < changes; k++) {
        const rate = 0.3 + 0.05 * k;
        const start = performance.now();
        const drawn = new Promise<number>((resolve) => {
          const done = new AbortController();
          el.addEventListener(
            'lp-frame',
            (e) => {
              if (e.detail.learningRate !== rate) return;
              done.abort();
              resolve(performance.now());
            },
            { signal: done.signal },
          );
        });
        await el.configure({ learningRate: rate });
        latencies.push((await drawn) - start);
      }
      el.pause();
      stop.abort();
      return { frames, latencies };
    },
    { seconds: { smoke: 1, quick: 3, full: 5 }[mode], changes: { smoke: 1, quick: 3, full: 5 }[mode] },
  );
  const intervals = raw.frames.slice(1).map((t, i) => t - (raw.frames[i] as number));
  if (intervals.length === 0) throw new Error('Play drew fewer than two frames');
  return {
    frameMsP50: percentile(intervals, 50),
    frameMsP95: percentile(intervals, 95),
    lrChangeToFrameMs: median(raw.latencies),
  };
}
