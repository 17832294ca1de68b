/**
 * How the app page holds up with large data: while 2 × 10⁶ points are drawn,
 * loaded and shown, while one point is added by a click, and while Play runs
 * on them, the longest main-thread task (a task over 50 ms is one the page
 * could not draw through) and how long each took. Measured in the real app,
 * through its public API and a real click.
 */
import type { Page } from 'playwright';
import type {} from '../components/lp-playground';
import type { LargeData } from './results';
import type { BenchMode } from './timing';

export async function measureLargeData(page: Page, origin: string, mode: BenchMode): Promise<LargeData> {
  const perClass = { smoke: 10_000, quick: 250_000, full: 1_000_000 }[mode];
  await page.addInitScript(() => {
    const w = window as Window & { longTasks?: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks?.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.goto(`${origin}/`);
  await page.evaluate(() => document.querySelector('lp-playground')?.ready);
  // Each phase: reset the long-task list, run it, read the longest task and the time it took.
  const phase = async (work: () => Promise<void>) => {
    await page.evaluate(() => {
      (window as Window & { longTasks?: number[] }).longTasks = [];
    });
    const start = Date.now();
    await work();
    const ms = Date.now() - start;
    const tasks = await page.evaluate(() => (window as Window & { longTasks?: number[] }).longTasks ?? []);
    return { ms, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length };
  };
  const load = await phase(() =>
    page.evaluate(async (perClass) => {
      const el = document.querySelector('lp-playground');
      await el?.change({ preset: 'gaussians', gaussians: { perClass } });
      // Until the cost surface is exact too.
      const surface = el?.shadowRoot?.querySelector('lp-cost-surface');
      while (surface?.hasAttribute('stale')) await new Promise((r) => setTimeout(r, 50));
    }, perClass),
  );
  const box = await page.locator('lp-scatter svg.chart').boundingBox();
  const n = 2 * perClass;
  const addPoint = await phase(async () => {
    await page
      .locator('lp-scatter svg.chart')
      .click({ position: { x: (box?.width ?? 0) / 2, y: (box?.height ?? 0) / 3 } });
    await page.waitForFunction((n) => document.querySelector('lp-playground')?.state.samples === n + 1, n);
  });
  const play = await phase(async () => {
    await page.evaluate(async () => {
      const el = document.querySelector('lp-playground');
      await el?.change({
        training: { reduction: 'mean', learningRate: 0.5 },
        speed: { unit: 'per-second', value: 30 },
      });
      el?.play();
      await new Promise((r) => setTimeout(r, 3000));
      el?.pause();
      await el?.step(0);
    });
  });
  return { n, load, addPoint, play };
}
