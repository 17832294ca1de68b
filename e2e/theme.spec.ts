/**
 * Theming the way web components do it: the dark theme follows
 * prefers-color-scheme (the page and the elements) with readable contrast;
 * a custom property the embedding page sets reaches what is drawn, the
 * canvas included; a ::part() rule reaches its piece. Screenshots of both
 * themes go to e2e/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations, seriousOnes } from './axe';
import { expect, openPlayground, stepPlayground, test } from './fixtures';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

const SCREENSHOTS = 'e2e/screenshots';

/** The colours the page and the playground show now: its background, its text, a button's. */
function colours(page: Page) {
  return page.evaluate(() => {
    const pg = document.querySelector('lp-playground');
    const button = pg?.shadowRoot?.querySelector('button.toggle');
    if (!pg || !button) throw new Error('no playground');
    return {
      page: getComputedStyle(document.body).backgroundColor,
      background: getComputedStyle(pg).backgroundColor,
      text: getComputedStyle(pg).color,
      button: getComputedStyle(button).backgroundColor,
    };
  });
}

/**
 * The scatter's raster pixel, as RGBA, where the heatmap is painted: at a
 * fraction (fx, fy) of the plot area, or, with `onBoundary`, at the middle
 * of the drawn boundary (P = 0.5 there).
 */
function heatmapPixel(page: Page, at: { fx: number; fy: number } | 'onBoundary') {
  return page.evaluate((at) => {
    const root = document.querySelector('lp-playground')?.shadowRoot?.querySelector('lp-scatter')?.shadowRoot;
    const canvas = root?.querySelector<HTMLCanvasElement>('canvas.raster');
    const area = root?.querySelector<SVGRectElement>('#plot-area rect');
    const line = root?.querySelector<SVGLineElement>('line.boundary');
    if (!canvas || !area || !line) throw new Error('no scatter');
    const [x, y] =
      at === 'onBoundary'
        ? [(line.x1.baseVal.value + line.x2.baseVal.value) / 2, (line.y1.baseVal.value + line.y2.baseVal.value) / 2]
        : [
            area.x.baseVal.value + at.fx * area.width.baseVal.value,
            area.y.baseVal.value + at.fy * area.height.baseVal.value,
          ];
    const k = canvas.width / canvas.clientWidth;
    return [...(canvas.getContext('2d')?.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data ?? [])];
  }, at);
}

test('dark mode: the page and the elements turn dark, stay readable (axe), and the canvas follows', async ({
  page,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await openPlayground(page);
  await stepPlayground(page, 10);
  const light = await colours(page);
  // Today's light look: the page's grey, the playground on it, white buttons.
  expect(light).toEqual({
    page: 'rgb(250, 250, 250)',
    background: 'rgba(0, 0, 0, 0)',
    text: 'rgb(26, 26, 26)',
    button: 'rgb(255, 255, 255)',
  });
  // The heatmap is painted once the step's probability grid is in: a frame or more after step() on a busy machine.
  await expect.poll(async () => (await heatmapPixel(page, 'onBoundary'))[3]).toBeGreaterThan(0);
  const lightMiddle = await heatmapPixel(page, 'onBoundary');
  await page.screenshot({ path: `${SCREENSHOTS}/theme-light-1280x720.png` });

  await page.emulateMedia({ colorScheme: 'dark' });
  // A redraw, so the canvas paints with the colours of now.
  await stepPlayground(page, 1);
  const dark = await colours(page);
  expect(dark).toEqual({
    page: 'rgb(21, 23, 26)',
    background: 'rgb(21, 23, 26)',
    text: 'rgb(230, 232, 235)',
    button: 'rgb(31, 35, 41)',
  });
  await page.screenshot({ path: `${SCREENSHOTS}/theme-dark-1280x720.png` });
  // Only the outermost element paints the background: a figure inside it lets it show through.
  await expect(page.locator('lp-scatter')).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');

  // The heatmap's middle (P = 0.5, on the boundary) is the surface: white in light, the dark surface in dark.
  for (const channel of lightMiddle.slice(0, 3)) expect(channel).toBeGreaterThan(230);
  // Repainted in the dark surface once the redraw's grid is in.
  await expect.poll(async () => Math.max(...(await heatmapPixel(page, 'onBoundary')).slice(0, 3))).toBeLessThan(60);

  const serious = seriousOnes(await axeViolations(page));
  expect(serious, 'serious axe violations in the dark theme').toEqual([]);
});

test('a custom property set by the page reaches the drawn class-1 markers and the heatmap; ::part() reaches its piece', async ({
  page,
}) => {
  await openPlayground(page);
  await stepPlayground(page, 10);
  const defaultRight = await heatmapPixel(page, { fx: 0.98, fy: 0.5 });
  await page.addStyleTag({
    content: `
      lp-playground { --lp-class1-color: rgb(1, 2, 3); }
      lp-playground::part(bar) { background-color: rgb(4, 5, 6); }
      lp-playground::part(scatter-legend) { border-color: rgb(7, 8, 9); }
      lp-playground::part(transport-button) { border-color: rgb(10, 11, 12); }`,
  });
  await stepPlayground(page, 1);

  const scatter = page.locator('lp-scatter');
  const markers = scatter.locator('path.point.class-1');
  expect(await markers.count()).toBe(20);
  await expect(markers.first()).toHaveCSS('fill', 'rgb(1, 2, 3)');
  await expect(scatter.locator('path.point.class-0').first()).toHaveCSS('fill', 'rgb(213, 94, 0)');
  await expect(scatter.locator('.legend > svg:nth-of-type(2) > path')).toHaveCSS('fill', 'rgb(1, 2, 3)');

  // The heatmap on the class-1 side (P near 1, right of the boundary) is painted with it: near black now, blue before.
  const right = await heatmapPixel(page, { fx: 0.98, fy: 0.5 });
  expect(defaultRight[2]).toBeGreaterThan(100);
  expect(right[2]).toBeLessThan(20);
  expect(right[3]).toBeGreaterThan(50);

  await expect(page.locator('lp-playground .bar')).toHaveCSS('background-color', 'rgb(4, 5, 6)');
  await expect(scatter.locator('.legend')).toHaveCSS('border-top-color', 'rgb(7, 8, 9)');
  await expect(page.locator('lp-transport button[data-action="step"]')).toHaveCSS(
    'border-top-color',
    'rgb(10, 11, 12)',
  );
});
