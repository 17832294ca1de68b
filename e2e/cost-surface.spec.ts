/**
 * The cost surface as users find it: its window follows the current run and
 * shrinks back after a diverging one, a click anywhere on it is a valid
 * w(0), it says when it is being recomputed and never shows the surface of
 * data that are gone, it shows the step −η∇ξ, and its w(k) labels never
 * overlap.
 */
import type { Page } from '@playwright/test';
import { formatNumber } from '../src/text/format';
import { expect, openPlayground, playgroundState, stepPlayground, TUTORIAL_REFERENCE, test } from './fixtures';
import { axisMap } from './views';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

/** What the surface element holds: its window, the grid it draws, and how current it is. */
function surface(page: Page) {
  return page.evaluate(() => {
    const s = document.querySelector('lp-playground')?.shadowRoot?.querySelector('lp-cost-surface')?.status;
    return {
      window: s?.window.x,
      grid: s?.image?.grid.x,
      dataVersion: s?.image?.dataVersion,
      current: s?.current,
      estimate: s?.image?.estimate !== undefined,
    };
  });
}

test('the window follows the run: after a diverging one it shrinks back, and a click at its corner is a valid w(0)', async ({
  page,
}) => {
  await openPlayground(page);
  expect((await surface(page)).window).toEqual([-5, 5]);
  await page.evaluate(async () => {
    const el = document.querySelector('lp-playground');
    await el?.configure({ learningRate: 5 });
    await el?.step(5);
  });
  await expect.poll(async () => (await surface(page)).window?.[1]).toBeGreaterThan(100);
  // Whatever the path did, the window never passes the range of w(0).
  expect((await surface(page)).window?.[1]).toBeLessThanOrEqual(1000);
  // A click near the far corner of what the surface shows starts there: a valid w(0), not refused.
  // (Once the surface is drawn for this window: its colour bar, and so its margins, are settled then.)
  await expect(page.locator('lp-cost-surface')).not.toHaveAttribute('stale', '', { timeout: 60_000 });
  const plot = page.locator('lp-cost-surface');
  const x = await axisMap(plot, 'x');
  const y = await axisMap(plot, 'y');
  const [, right] = (await surface(page)).window as [number, number];
  await plot.locator('svg.chart').click({ position: { x: x.toPixel(right * 0.95), y: y.toPixel(-right * 0.95) } });
  await expect.poll(async () => (await playgroundState(page)).weights[0]).toBeGreaterThan(right * 0.9);
  await expect(page.locator('lp-playground .error')).toHaveCount(0);
  // Reset, a new η and a new start each make a new run, framed on its own.
  await page.evaluate(async () => {
    const el = document.querySelector('lp-playground');
    await el?.configure({ learningRate: 0.05, initialWeights: [-4, -2] });
  });
  await expect.poll(async () => (await surface(page)).window).toEqual([-5, 5]);
  await expect.poll(async () => (await surface(page)).grid).toEqual([-5, 5]);
  // And the tutorial's bowl is not a dot: w(0) sits well inside.
  expect((await playgroundState(page)).weights).toEqual([-4, -2]);
});

test.describe('while the surface is slow to compute', () => {
  // The page's own engine: on a software adapter the GPU's surface takes long enough to be seen stale.
  test.use({ playgroundEngine: 'page' });

  test('a surface being recomputed says so, and one for data that are gone is never drawn', async ({ page }) => {
    await openPlayground(page);
    // Watch the surface element every few milliseconds while new data arrive.
    const seen = await page.evaluate(async () => {
      const el = document.querySelector('lp-playground');
      const surface = el?.shadowRoot?.querySelector('lp-cost-surface');
      if (!el || !surface) throw new Error('no playground');
      const out: { stale: boolean; busy: string; version: number | undefined }[] = [];
      let done = false;
      const watching = (async () => {
        while (!done) {
          out.push({
            stale: surface.hasAttribute('stale'),
            busy: surface.shadowRoot?.querySelector('.busy')?.textContent ?? '',
            version: surface.status?.image?.dataVersion,
          });
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      await el.change({ preset: 'gaussians', gaussians: { perClass: 20_000 } });
      while (surface.hasAttribute('stale')) await new Promise((resolve) => setTimeout(resolve, 20));
      done = true;
      await watching;
      return out;
    });
    const first = seen[0]?.version;
    const last = seen.at(-1)?.version;
    expect(last).not.toBe(first);
    // While recomputing, it said so.
    expect(seen.some((s) => s.stale && s.busy.includes('Computing ξ'))).toBe(true);
    // Once the new data's surface was there, the old one never came back.
    const arrived = seen.findIndex((s) => s.version === last);
    expect(seen.slice(arrived).every((s) => s.version === last)).toBe(true);

    // A quick switch back to the tutorial while a regeneration runs: the surface ends on the tutorial's data.
    await page.evaluate(() => {
      const el = document.querySelector('lp-playground');
      void el?.change({ gaussians: { seed: 77, perClass: 300_000 } });
      void el?.change({ preset: 'tutorial' });
    });
    await expect.poll(async () => (await playgroundState(page)).samples, { timeout: 60_000 }).toBe(40);
    await expect(page.locator('lp-cost-surface')).not.toHaveAttribute('stale', '', { timeout: 60_000 });
    const after = await page.evaluate(() => {
      const el = document.querySelector('lp-playground');
      const s = el?.shadowRoot?.querySelector('lp-cost-surface')?.status;
      const values = s?.image?.values ?? new Float32Array(0);
      return { max: Math.max(...values), window: s?.window.x };
    });
    // The tutorial's summed cost on ±5 stays below 10³; 300 000 points would give 10⁶ and more.
    expect(after.window).toEqual([-5, 5]);
    expect(after.max).toBeLessThan(1000);
  });
});

test('the step −η∇ξ is drawn from w(1) to w(2), and ∂ξ/∂w is read out', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('1');
  const { path, learningRate } = TUTORIAL_REFERENCE;
  // At w(1) the next step is w(2) − w(1) = −η∇ξ: the tutorial's numbers give ∇ξ (to the 4 decimals printed).
  const gradient = [0, 1].map((k) => -(path[2][k]! - path[1][k]!) / learningRate);
  for (const [k, name] of [
    [0, 'dw1'],
    [1, 'dw2'],
  ] as const) {
    const text = await page.locator(`[data-readout="${name}"]`).textContent();
    expect(Math.abs(Number(text?.replace('−', '-')) - gradient[k]!)).toBeLessThan(1e-4 / learningRate);
  }
  // The arrow starts at w(1) and points to w(2).
  const plot = page.locator('lp-cost-surface');
  const x = await axisMap(plot, 'x');
  const y = await axisMap(plot, 'y');
  const line = plot.locator('g.gradient-arrow line');
  const [x1, y1, x2, y2] = (await Promise.all(['x1', 'y1', 'x2', 'y2'].map((a) => line.getAttribute(a)))).map(
    Number,
  ) as [number, number, number, number];
  // To the width of a pixel or so.
  const pixel = 0.05;
  expect(Math.abs(x.toData(x1) - path[1][0])).toBeLessThan(pixel);
  expect(Math.abs(y.toData(y1) - path[1][1])).toBeLessThan(pixel);
  expect(Math.abs(x.toData(x2) - path[2][0])).toBeLessThan(pixel);
  expect(Math.abs(y.toData(y2) - path[2][1])).toBeLessThan(pixel);
});

test('near the minimum the w(k) labels never overlap, and the first ones and the current one are there', async ({
  page,
}) => {
  await openPlayground(page);
  await stepPlayground(page, 30);
  const labels = await page.locator('lp-cost-surface text.path-label').evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { text: n.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
  const texts = labels.map((l) => l.text);
  expect(texts).toEqual(expect.arrayContaining(['w(30)', 'w(0)', 'w(1)']));
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i]!;
      const b = labels[j]!;
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `${a.text} and ${b.text} overlap`).toBe(false);
    }
  }
});

test('a current point outside the window is marked at the edge it lies beyond, with its value', async ({ page }) => {
  // Two classes 60 apart: one summed step throws w₁ to about 6 000, far past the ±1 000 the window may show.
  await openPlayground(page, '/#preset=gaussians&n=10000&mean0=-30,0&mean1=30,0&lr=0.01');
  await stepPlayground(page, 1);
  const [w1, w2] = (await playgroundState(page)).weights as [number, number];
  expect(w1).toBeGreaterThan(2000);
  await expect.poll(async () => (await surface(page)).window).toEqual([-1000, 1000]);
  const plot = page.locator('lp-cost-surface');
  const edge = plot.locator('.marker [data-edge]');
  await expect(edge).toHaveCount(1);
  // On the right edge of the plot, at the height of w₂, its value said beside it.
  const x = await axisMap(plot, 'x');
  const y = await axisMap(plot, 'y');
  const at = await edge.evaluate((g) => {
    const r = g.getBoundingClientRect();
    const svg = g.closest('svg')?.getBoundingClientRect();
    return { x: (r.left + r.right) / 2 - (svg?.left ?? 0), y: (r.top + r.bottom) / 2 - (svg?.top ?? 0) };
  });
  expect(Math.abs(x.toData(at.x) - 1000)).toBeLessThan(60);
  expect(Math.abs(y.toData(at.y) - w2)).toBeLessThan(60);
  const label = plot.locator('.labels [data-edge-label]');
  await expect(label).toHaveText(`w(1) = (${formatNumber(w1, 1)}, ${formatNumber(w2, 1)})`);
  // Inside the plot, whole.
  const box = await label.evaluate((t) => {
    const r = t.getBoundingClientRect();
    const area = t.closest('svg')?.querySelector('rect.hit')?.getBoundingClientRect();
    return {
      inside:
        !!area &&
        r.left >= area.left - 0.5 &&
        r.right <= area.right + 0.5 &&
        r.top >= area.top - 0.5 &&
        r.bottom <= area.bottom + 0.5,
    };
  });
  expect(box.inside).toBe(true);
  // Back inside the window, the mark goes.
  await page.evaluate(() => document.querySelector('lp-playground')?.reset());
  await expect(edge).toHaveCount(0);
});
