/**
 * The optimiser race as the README starts it: a link that races four
 * optimisers on the tutorial's data, stepped by the keyboard alone; the
 * paths on the cost surface, its legend, the chart's curves and the race
 * table each checked against state.race; a racer's boundary chosen from the
 * table by the keyboard; the race looked at in both themes at both sizes
 * (e2e/screenshots/, not committed).
 */
import { expect, openPlayground, playgroundState, test } from './fixtures';

// What this spec tests does not depend on the engine (the GPU's race is e2e/kernels/optimizers.spec.ts's).
test.use({ playgroundEngine: 'cpu' });

/** The README's race. */
const RACE_LINK = '/#race=gd:0.05,momentum:0.005:0.9,adam:0.3,newton:0.05';
const NAMES = ['GD, η 0.05', 'momentum, η 0.005', 'Adam, η 0.3', 'Newton, η 0.05'];

test('a race of four from the README’s link, stepped by keyboard: paths, legend, curves and table agree with state.race', async ({
  page,
  errors,
}) => {
  await openPlayground(page, RACE_LINK);
  expect((await playgroundState(page)).race?.map((r) => [r.optimizer, r.learningRate])).toEqual([
    ['gd', 0.05],
    ['momentum', 0.005],
    ['adam', 0.3],
    ['newton', 0.05],
  ]);
  // The keyboard alone: two steps of ten and one of one, all four racers each time.
  await page.locator('body').press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await playgroundState(page)).iteration).toBe(21);
  const state = await playgroundState(page);
  const race = state.race ?? [];
  expect(race.map((r) => r.iteration)).toEqual([21, 21, 21, 21]);
  // Racer 1 is the model: the tutorial's own run, past its w(10).
  expect(race[0]).toMatchObject({ weights: state.weights, cost: state.cost });

  const surface = page.locator('lp-cost-surface');
  await expect(surface.locator('.race-legend li')).toHaveText(NAMES);
  // Each racer beside the model has its path and its marker, where state.race says it stands.
  await expect(surface.locator('g.rivals g.racer')).toHaveCount(3);
  const marks = await surface.evaluate((el) => {
    const svg = el.shadowRoot?.querySelector('svg.chart') as SVGSVGElement;
    return [...svg.querySelectorAll('g.rivals g.racer')].map((g) => {
      const line = g.querySelector('.racer-line')?.getAttribute('d') ?? '';
      const ends = line.match(/-?\d+(\.\d+)?(e-?\d+)?,-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
      const marker = g.querySelector('.racer-marker')?.getAttribute('transform') ?? '';
      return { racer: g.getAttribute('data-racer'), points: ends.length, last: ends.at(-1), marker };
    });
  });
  expect(marks.map((m) => m.racer)).toEqual(['1', '2', '3']);
  for (const m of marks) {
    // w(0) … w(21): twenty-two points, and the marker at the last.
    expect(m.points).toBe(22);
    const at = (text: string | undefined) => (text?.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
    const [mx, my] = at(m.marker);
    const [lx, ly] = at(m.last);
    expect(Math.hypot(mx! - lx!, my! - ly!)).toBeLessThan(0.01);
  }
  // The chart: the model's cost and a curve for each other racer, over all 21 iterations.
  await expect(page.locator('lp-loss-chart g.rivals g.racer')).toHaveCount(3);
  // The table: each racer's name, iteration and cost as state.race says them.
  const rows = page.locator('lp-race-table tbody tr');
  await expect(rows).toHaveCount(4);
  for (const [k, racer] of race.entries()) {
    const cells = rows.nth(k).locator('td');
    await expect(cells.nth(0)).toHaveText(NAMES[k]!);
    await expect(cells.nth(1)).toHaveText(String(racer.iteration));
    await expect(cells.nth(2)).toHaveText(racer.cost.toFixed(4));
  }
  // Damped Newton lands beside the minimum in one step; gradient descent, the tutorial's, in about ten.
  await expect(rows.nth(3).locator('td').nth(3)).toHaveText('1');
  expect(Number(await rows.nth(0).locator('td').nth(3).textContent())).toBeGreaterThan(5);
  // Newton's boundary, chosen by the keyboard: its button, Enter.
  const boundary = page.locator('lp-scatter svg.chart line.boundary');
  const modelBoundary = await boundary.getAttribute('x1');
  await rows.nth(3).getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(rows.nth(3).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => boundary.getAttribute('x1')).not.toBe(modelBoundary);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight))
        .toBe(true);
      await page.screenshot({ path: `e2e/screenshots/race-${width}x${height}-${scheme}.png` });
    }
  }
  expect(errors.messages).toEqual([]);
});
