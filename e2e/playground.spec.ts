/** The playground as a user drives it: buttons, the plots, the URL. */
import { expect, openPlayground, playgroundState, stepPlayground, TUTORIAL_REFERENCE, test } from './fixtures';
import { axisMap } from './views';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

const W10 = TUTORIAL_REFERENCE.path[10];

test('tutorial, 10 steps by the UI: readouts match w(10) and the boundary passes through the origin with slope −w1/w2', async ({
  page,
  errors,
}) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('10');
  await expect(page.locator('[data-readout="w1"]')).toHaveText(W10[0]!.toFixed(4));
  await expect(page.locator('[data-readout="w2"]')).toHaveText(W10[1]!.toFixed(4));
  await expect(page.locator('[data-readout="cost"]')).toHaveText(TUTORIAL_REFERENCE.cost10.toFixed(4));

  const scatter = page.locator('lp-scatter');
  const x = await axisMap(scatter, 'x');
  const y = await axisMap(scatter, 'y');
  const line = scatter.locator('line.boundary').first();
  const [x1, y1, x2, y2] = (await Promise.all(['x1', 'y1', 'x2', 'y2'].map((a) => line.getAttribute(a)))).map(
    Number,
  ) as [number, number, number, number];
  // Into data coordinates: the axes' own maps, so no assumption about the window.
  const a = [x.toData(x1), y.toData(y1)] as const;
  const b = [x.toData(x2), y.toData(y2)] as const;
  const slope = (b[1] - a[1]) / (b[0] - a[0]);
  expect(slope).toBeCloseTo(-W10[0]! / W10[1]!, 3);
  // The origin is on the line: its intercept is 0.
  expect(Math.abs(a[1] - slope * a[0])).toBeLessThan(1e-3);
  expect(errors.messages).toEqual([]);
});

test('Play runs and moves the boundary between frames; Pause stops; Step ×10 adds exactly 10', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() =>
    document.querySelector('lp-playground')?.change({ speed: { unit: 'per-frame', value: 1 } }),
  );
  const boundary = () => page.locator('lp-scatter line.boundary').first().getAttribute('x1');
  const before = await boundary();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await playgroundState(page)).iteration).toBeGreaterThan(3);
  const mid = (await playgroundState(page)).iteration;
  await expect.poll(async () => (await playgroundState(page)).iteration).toBeGreaterThan(mid);
  expect(await boundary()).not.toBe(before);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // A frame already under way finishes; step(0) waits for it. After that nothing moves.
  await stepPlayground(page, 0);
  const stopped = (await playgroundState(page)).iteration;
  await page.waitForTimeout(500);
  expect((await playgroundState(page)).iteration).toBe(stopped);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(page.locator('[data-readout="iteration"]')).toHaveText(String(stopped + 10));
});

test('as fast as possible: Play takes many steps a frame, says how many a second, and Pause stops it', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'speed unit' }).selectOption('fastest');
  await expect(page).toHaveURL(/speed=max/);
  // No number of steps to choose: the select says the speed.
  await expect(page.getByRole('spinbutton', { name: /speed/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Play' }).click();
  const pace = page.locator('[data-pace]');
  await expect(pace).toHaveText(/^As fast as possible: [\d\u202f]+ steps\/s on 40 points\.$/, { timeout: 20_000 });
  // Frames of many steps each: far past what the paced speeds reach (240 steps/s at most) in a few seconds.
  await expect.poll(async () => (await playgroundState(page)).iteration, { timeout: 20_000 }).toBeGreaterThan(2000);
  const said = Number((await pace.textContent())?.replace(/[^\d]/g, '').replace(/40$/, ''));
  expect(said).toBeGreaterThan(240);
  await page.getByRole('button', { name: 'Pause' }).click();
  await stepPlayground(page, 0);
  const stopped = (await playgroundState(page)).iteration;
  await expect(pace).toHaveCount(0);
  await page.waitForTimeout(300);
  expect((await playgroundState(page)).iteration).toBe(stopped);
});

test('clicking the cost surface sets w(0) to the weights under the cursor', async ({ page }) => {
  await openPlayground(page);
  const surface = page.locator('lp-cost-surface');
  const x = await axisMap(surface, 'x');
  const y = await axisMap(surface, 'y');
  // Aim at w = (2, −3): the frame draws in CSS pixels, so an axis's tick positions are click positions.
  const target = [2, -3] as const;
  await surface.locator('svg.chart').click({ position: { x: x.toPixel(target[0]), y: y.toPixel(target[1]) } });
  await expect.poll(async () => (await playgroundState(page)).weights[0]).not.toBe(-4);
  const s = await playgroundState(page);
  const grid = await page.evaluate(() => {
    const g = document.querySelector('lp-playground')?.shadowRoot?.querySelector('lp-cost-surface')?.status
      ?.image?.grid;
    return g ? (g.x[1] - g.x[0]) / (g.size - 1) : 1;
  });
  expect(Math.abs((s.weights[0] as number) - target[0])).toBeLessThan(grid);
  expect(Math.abs((s.weights[1] as number) - target[1])).toBeLessThan(grid);
  expect(s.iteration).toBe(0);
  const start = await page.evaluate(() => document.querySelector('lp-playground')?.settings.training.initialWeights[0]);
  await expect(page.locator('lp-initial-weights lp-number-field').first().locator('input')).toHaveValue(String(start));
});

test('settings survive a reload through the URL, and a bad hand-edited value is named', async ({ page }) => {
  await openPlayground(page);
  await page.locator('lp-data-controls select#preset').selectOption('gaussians');
  await expect(page.locator('lp-scatter')).toBeVisible();
  await page.locator('lp-model-controls input#bias').check();
  await page.locator('lp-model-controls input[value="mean"]').check();
  const lr = page.locator('lp-optimiser-controls lp-number-field').first().locator('input');
  await lr.fill('0.2');
  await lr.press('Enter');
  const perClass = page.locator('lp-data-controls lp-number-field', { hasText: 'per class' }).locator('input');
  await perClass.fill('75');
  await perClass.press('Enter');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('n=75');
  const before = await page.evaluate(() => document.querySelector('lp-playground')?.settings);
  expect(before).toMatchObject({
    preset: 'gaussians',
    gaussians: { perClass: 75 },
    training: { learningRate: 0.2, bias: true, reduction: 'mean' },
  });
  await page.reload();
  await page.evaluate(() => document.querySelector('lp-playground')?.ready);
  expect(await page.evaluate(() => document.querySelector('lp-playground')?.settings)).toEqual(before);
  await expect(perClass).toHaveValue('75');
  await expect(page.locator('lp-model-controls input#bias')).toBeChecked();
  expect((await page.evaluate(() => document.querySelector('lp-playground')?.state))?.accuracy).toBeGreaterThan(0);

  // Back undoes the last change.
  await page.goBack();
  await expect
    .poll(() => page.evaluate(() => document.querySelector('lp-playground')?.settings.gaussians.perClass))
    .toBe(100);

  await page.goto('/#lr=-5&n=abc&cost=mean');
  await page.evaluate(() => document.querySelector('lp-playground')?.ready);
  const notices = page.locator('lp-playground .notice');
  await expect(notices).toHaveCount(2);
  await expect(notices.first()).toContainText('"lr=-5" was ignored');
  await expect(notices.nth(1)).toContainText('"n=abc" was ignored');
  const settings = await page.evaluate(() => document.querySelector('lp-playground')?.settings);
  expect(settings?.training.learningRate).toBe(0.05);
  expect(settings?.training.reduction).toBe('mean');
});

test('clicks add and remove points, and the next step sees them', async ({ page }) => {
  await openPlayground(page);
  const scatter = page.locator('lp-scatter svg.chart');
  const x = await axisMap(page.locator('lp-scatter'), 'x');
  const y = await axisMap(page.locator('lp-scatter'), 'y');
  const at = (x1: number, x2: number) => ({ x: x.toPixel(x1), y: y.toPixel(x2) });
  // Far top-right, where no point is; Shift adds the other class (t = 1), which w(0) gets badly wrong there.
  await scatter.click({ position: at(3.5, 3.5), modifiers: ['Shift'] });
  await expect(page.locator('lp-scatter path.point')).toHaveCount(41);
  await expect(page.locator('lp-scatter path.point.class-1')).toHaveCount(21);
  await expect(page.locator('lp-playground .status')).toContainText('N = 41');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('1');
  const withPoint = await playgroundState(page);
  // The extra point moves w(1) off the tutorial's.
  expect(Math.abs((withPoint.weights[0] as number) - TUTORIAL_REFERENCE.path[1][0])).toBeGreaterThan(1e-3);
  // A plain click adds the selected class (t = 0); Alt-click removes the nearest point.
  await scatter.click({ position: at(-3, -3.5) });
  await expect(page.locator('lp-scatter path.point.class-0')).toHaveCount(21);
  await scatter.click({ position: at(3.5, 3.5), modifiers: ['Alt'] });
  await expect(page.locator('lp-scatter path.point')).toHaveCount(41);
  await expect(page.locator('lp-scatter path.point.class-1')).toHaveCount(20);
});

test('a learning rate that diverges pauses Play and says what to change; nothing shows NaN', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() =>
    document
      .querySelector('lp-playground')
      ?.change({ training: { learningRate: 10 }, speed: { unit: 'per-frame', value: 20 } }),
  );
  await page.getByRole('button', { name: 'Play' }).click();
  const message = page.locator('lp-playground [data-divergence]');
  await expect(message).toContainText('lower the learning rate', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const text = await page.locator('lp-playground').evaluate((el) => el.shadowRoot?.textContent ?? '');
  expect(text).not.toMatch(/NaN|Infinity/);
  // The status line says where it stopped, not that it still plays.
  await expect(page.getByText(/^Paused at iteration \d+\.$/)).toBeVisible();
  await expect(page.getByText('Playing: Space or Pause stops it.')).toHaveCount(0);
});

test('hovering a point shows its x, its class and the predicted y', async ({ page }) => {
  await openPlayground(page);
  const point = page.locator('lp-scatter path.point.class-1').first();
  await point.hover();
  const tooltip = page.locator('lp-scatter .tooltip');
  await expect(tooltip).toContainText('t = 1');
  await expect(tooltip).toContainText('y = σ(z) = ');
  await expect(tooltip).toContainText('x = (');
});

test('the chart has the cost and the accuracy of every iteration: after Step ×10 the accuracy is 85 % from iteration 3 on', async ({
  page,
}) => {
  await openPlayground(page);
  // On a short run the iteration axis still has whole numbers only.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('1');
  const ticks = await page.locator('lp-loss-chart .axis.x .tick text').allTextContents();
  expect(new Set(ticks).size).toBe(ticks.length);
  expect(ticks).toEqual(['0', '1']);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('0');
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('10');
  const dots = page.locator('lp-loss-chart circle.accuracy-dot');
  await expect(dots).toHaveCount(11);
  const points = await dots.evaluateAll((nodes) =>
    nodes.map((n) => ({ iteration: Number(n.getAttribute('data-iteration')), cy: Number(n.getAttribute('cy')) })),
  );
  expect(points.map((p) => p.iteration)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const y = await axisMap(page.locator('lp-loss-chart'), 'y2');
  const accuracy = points.map((p) => Number(y.toData(p.cy).toFixed(3)));
  const final = 1 - TUTORIAL_REFERENCE.misclassified10 / 40;
  expect(accuracy.slice(3)).toEqual(Array(8).fill(final));
  expect(accuracy[2]).toBeLessThan(final);
  // The cost line has a vertex for each iteration too.
  const vertices = await page
    .locator('lp-loss-chart path.cost')
    .evaluate((p) => (p.getAttribute('d') ?? '').split(/[ML]/).length - 1);
  expect(vertices).toBe(11);
});

test('the weight vector w is drawn from the boundary, at a right angle to it', async ({ page }) => {
  await openPlayground(page);
  await stepPlayground(page, 10);
  const scatter = page.locator('lp-scatter');
  const x = await axisMap(scatter, 'x');
  const y = await axisMap(scatter, 'y');
  const read = async (selector: string) =>
    (await Promise.all(['x1', 'y1', 'x2', 'y2'].map((a) => scatter.locator(selector).first().getAttribute(a)))).map(
      Number,
    ) as [number, number, number, number];
  const [bx1, by1, bx2, by2] = await read('line.boundary');
  const [wx1, wy1, wx2, wy2] = await read('line.weight');
  const boundary = [x.toData(bx2) - x.toData(bx1), y.toData(by2) - y.toData(by1)];
  const w = [x.toData(wx2) - x.toData(wx1), y.toData(wy2) - y.toData(wy1)];
  const cos = (boundary[0]! * w[0]! + boundary[1]! * w[1]!) / (Math.hypot(...boundary) * Math.hypot(...w));
  expect(Math.abs(cos)).toBeLessThan(1e-3);
  // It points along w(10) and starts at the origin, where the bias-free boundary passes.
  const [w1, w2] = TUTORIAL_REFERENCE.path[10];
  expect(w[0]! / w[1]!).toBeCloseTo(w1 / w2, 2);
  expect(Math.abs(x.toData(wx1)) + Math.abs(y.toData(wy1))).toBeLessThan(0.02);
});

test('the fixture that spares this spec a GPU start does start the page on the CPU', async ({ page }) => {
  await openPlayground(page);
  expect((await playgroundState(page)).engine).toBe('cpu');
});
